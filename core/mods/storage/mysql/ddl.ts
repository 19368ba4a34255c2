// CREATE / ALTER / DROP / TRUNCATE / RENAME TABLE and CREATE / DROP INDEX. Each works on a copy
// and swaps it in only when every check passed, so a failed DDL statement changes nothing.
import type { AlterAction, ColumnDef, CreateTableStmt, IndexDef } from './ast';
import { coerce } from './coerce';
import type { Database } from './database';
import { err, MysqlError } from './errors';
import { columnKind, Table, type Column, type Index, type Row } from './table';
import type { SqlValue } from './values';

function makeColumn(def: ColumnDef): Column {
  const kind = columnKind(def.type);
  const col: Column = { name: def.name, type: def.type, kind, notNull: def.notNull, defaultValue: null, autoIncrement: def.autoIncrement, onUpdateNow: def.onUpdateNow };
  if (def.autoIncrement && kind !== 'int' && kind !== 'float') throw new MysqlError(1063, `Incorrect column specifier for column '${def.name}'`);
  if (def.defaultValue !== null) {
    if (def.defaultValue.k === 'now') {
      if (kind !== 'datetime') throw new MysqlError(1067, `Invalid default value for '${def.name}'`);
      col.defaultValue = { k: 'now' };
    } else {
      if (def.defaultValue.v === null && def.notNull) throw new MysqlError(1067, `Invalid default value for '${def.name}'`);
      if (['text', 'binary', 'json'].includes(kind) && ['TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'TINYBLOB', 'BLOB', 'MEDIUMBLOB', 'LONGBLOB', 'JSON'].includes(def.type.base) && def.defaultValue.v !== null) {
        throw new MysqlError(1101, `BLOB, TEXT, GEOMETRY or JSON column '${def.name}' can't have a default value`);
      }
      try {
        col.defaultValue = { k: 'value', v: coerce(col, def.defaultValue.v, 1) };
      } catch {
        throw new MysqlError(1067, `Invalid default value for '${def.name}'`);
      }
    }
  }
  return col;
}

function addIndex(t: Table, def: IndexDef): void {
  const columns = def.columns.map((name) => {
    const i = t.columnIndex(name);
    if (i < 0) throw err.keyColumnMissing(name);
    return i;
  });
  if (def.kind === 'primary') {
    if (t.primary !== undefined) throw err.multiplePrimary();
    for (const c of columns) {
      if (t.columns[c].notNull) continue;
      if ([...t.rows.values()].some((r) => r[c] === null)) throw new MysqlError(1138, 'Invalid use of NULL value');
      t.columns[c].notNull = true;
    }
  }
  let name = def.kind === 'primary' ? 'PRIMARY' : def.name;
  if (name === null) {
    const base = t.columns[columns[0]].name;
    name = base;
    for (let n = 2; t.indexes.some((ix) => ix.name.toLowerCase() === (name as string).toLowerCase()); n++) name = `${base}_${n}`;
  } else if (t.indexes.some((ix) => ix.name.toLowerCase() === (name as string).toLowerCase())) throw err.duplicateKeyName(name);
  const ix: Index = { name, kind: def.kind, columns, entries: def.kind === 'index' ? null : new Map() };
  // PRIMARY is checked first, as InnoDB does; other keys in the order they were made.
  if (def.kind === 'primary') t.indexes.unshift(ix);
  else t.indexes.push(ix);
}

function checkAutoColumn(t: Table): void {
  const autos = t.columns.filter((c) => c.autoIncrement);
  if (autos.length > 1) throw err.badAutoIncrement();
  if (autos.length === 1) {
    const a = t.columns.indexOf(autos[0]);
    if (!t.indexes.some((ix) => ix.columns[0] === a)) throw err.badAutoIncrement();
  }
}

export function createTable(db: Database, stmt: CreateTableStmt): void {
  if (db.tables.has(stmt.table)) {
    if (stmt.ifNotExists) return;
    throw err.tableExists(stmt.table);
  }
  if (stmt.columns.length === 0) throw new MysqlError(1113, 'A table must have at least 1 column');
  const t = new Table(stmt.table, [], []);
  for (const def of stmt.columns) {
    if (t.columnIndex(def.name) >= 0) throw err.duplicateColumn(def.name);
    t.columns.push(makeColumn(def));
  }
  for (const def of stmt.columns) {
    if (def.primary) addIndex(t, { kind: 'primary', name: null, columns: [def.name] });
    if (def.unique) addIndex(t, { kind: 'unique', name: null, columns: [def.name] });
  }
  for (const ix of stmt.indexes) addIndex(t, ix);
  checkAutoColumn(t);
  if (stmt.autoIncrement !== null) t.autoIncrement = Math.max(1, stmt.autoIncrement);
  db.tables.set(stmt.table, t);
}

/** The value MySQL gives existing rows for a new NOT NULL column without a DEFAULT. */
function implicitDefault(col: Column): SqlValue {
  if (!col.notNull) return null;
  switch (col.kind) {
    case 'int':
    case 'float':
    case 'decimal':
      return 0;
    case 'datetime':
      return '0000-00-00 00:00:00';
    case 'date':
      return '0000-00-00';
    case 'enum':
      return col.type.values?.[0] ?? '';
    case 'json':
      return 'null';
    default:
      return '';
  }
}

function alterOne(db: Database, t: Table, a: AlterAction): void {
  switch (a.k) {
    case 'noop':
      return;
    case 'addColumn': {
      if (t.columnIndex(a.column.name) >= 0) throw err.duplicateColumn(a.column.name);
      const col = makeColumn(a.column);
      if (col.autoIncrement && t.rows.size > 0) throw err.notSimulated('adding an AUTO_INCREMENT column to a table with rows');
      let at = t.columns.length;
      if (a.position.first) at = 0;
      else if (a.position.after !== null) {
        const i = t.columnIndex(a.position.after);
        if (i < 0) throw err.unknownColumn(a.position.after, `${t.name}`);
        at = i + 1;
      }
      const fill = col.defaultValue === null ? implicitDefault(col) : col.defaultValue.k === 'now' ? null : col.defaultValue.v;
      t.columns.splice(at, 0, col);
      for (const ix of t.indexes) ix.columns = ix.columns.map((c) => (c >= at ? c + 1 : c));
      for (const [id, row] of [...t.rows]) t.replaceRow(id, [...row.slice(0, at), fill, ...row.slice(at)]);
      if (a.column.primary) addIndex(t, { kind: 'primary', name: null, columns: [col.name] });
      if (a.column.unique) addIndex(t, { kind: 'unique', name: null, columns: [col.name] });
      return;
    }
    case 'addIndex':
      addIndex(t, a.index);
      return;
    case 'dropColumn': {
      const i = t.columnIndex(a.name);
      if (i < 0) throw err.cantDropField(a.name);
      if (t.columns.length === 1) throw new MysqlError(1090, "You can't delete all columns with ALTER TABLE; use DROP TABLE instead");
      t.columns.splice(i, 1);
      t.indexes = t.indexes
        .map((ix) => ({ ...ix, columns: ix.columns.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c)) }))
        .filter((ix) => ix.columns.length > 0);
      for (const [id, row] of [...t.rows]) t.replaceRow(id, [...row.slice(0, i), ...row.slice(i + 1)]);
      return;
    }
    case 'dropIndex':
    case 'dropPrimary': {
      const name = a.k === 'dropPrimary' ? 'PRIMARY' : a.name;
      const i = t.indexes.findIndex((ix) => ix.name.toLowerCase() === name.toLowerCase());
      if (i < 0) throw err.cantDropField(name);
      t.indexes.splice(i, 1);
      return;
    }
    case 'modifyColumn': {
      const i = t.columnIndex(a.from);
      if (i < 0) throw err.unknownColumn(a.from, t.name);
      const other = t.columnIndex(a.column.name);
      if (other >= 0 && other !== i) throw err.duplicateColumn(a.column.name);
      const col = makeColumn(a.column);
      if (t.indexes.some((ix) => ix.kind === 'primary' && ix.columns.includes(i))) col.notNull = true;
      t.columns[i] = col;
      let n = 0;
      for (const [id, row] of [...t.rows]) {
        n++;
        if (row[i] === null && col.notNull) throw new MysqlError(1138, 'Invalid use of NULL value');
        const next: SqlValue[] = [...row];
        next[i] = coerce(col, row[i], n);
        t.replaceRow(id, next as Row);
      }
      if (a.column.primary) addIndex(t, { kind: 'primary', name: null, columns: [col.name] });
      if (a.column.unique) addIndex(t, { kind: 'unique', name: null, columns: [col.name] });
      return;
    }
    case 'rename':
      if (db.tables.has(a.to) && a.to !== t.name) throw err.tableExists(a.to);
      t.name = a.to;
      return;
    case 'autoIncrement':
      // InnoDB never sets the counter at or below the largest value present (fixed up below).
      t.autoIncrement = Math.max(1, a.value);
      return;
  }
}

export function alterTable(db: Database, table: string, actions: AlterAction[]): void {
  const original = db.table(table);
  const t = original.clone();
  for (const a of actions) alterOne(db, t, a);
  checkAutoColumn(t);
  t.reindex();
  const auto = t.autoColumn();
  if (auto >= 0) {
    for (const row of t.rows.values()) {
      const v = row[auto];
      if (typeof v === 'number' && v >= t.autoIncrement) t.autoIncrement = v + 1;
    }
  }
  db.tables.delete(table);
  db.tables.set(t.name, t);
}

export function dropTables(db: Database, names: string[], ifExists: boolean): void {
  const missing = names.filter((n) => !db.tables.has(n));
  if (missing.length > 0 && !ifExists) throw err.unknownTable(db.name, missing[0]);
  for (const n of names) db.tables.delete(n);
}

export function truncate(db: Database, name: string): void {
  const t = db.table(name);
  const fresh = t.clone();
  fresh.rows.clear();
  for (const ix of fresh.indexes) ix.entries?.clear();
  fresh.bytes = 0;
  fresh.autoIncrement = 1;
  db.tables.set(name, fresh);
}

export function renameTables(db: Database, pairs: Array<[string, string]>): void {
  const names = new Set(db.tables.keys());
  for (const [from, to] of pairs) {
    if (!names.has(from)) throw err.noTable(db.name, from);
    if (names.has(to)) throw err.tableExists(to);
    names.delete(from);
    names.add(to);
  }
  for (const [from, to] of pairs) {
    const t = db.table(from);
    db.tables.delete(from);
    t.name = to;
    db.tables.set(to, t);
  }
}
