// INSERT / REPLACE / INSERT ... ON DUPLICATE KEY UPDATE, UPDATE and DELETE, with MySQL's
// affected-row counts (1 per insert, 2 per duplicate-key update that changes the row, 0 when it
// changes nothing; UPDATE counts changed rows) and AUTO_INCREMENT / LAST_INSERT_ID rules.
import type { Assignment, DeleteStmt, Expr, InsertStmt, OrderItem, UpdateStmt } from './ast';
import { coerce } from './coerce';
import type { Database } from './database';
import { err, MysqlError } from './errors';
import { candidateRows } from './lookup';
import { compile, nowText, type Compiled, type Env, type Frame } from './eval';
import type { Column, Row, Table } from './table';
import { int, sortCompare, truthy, type SqlValue } from './values';

export interface WriteResult {
  affected: number;
  lastInsertId: number | bigint;
}

/** The value a column takes when a row does not give one (strict mode: none is an error). */
function defaultFor(db: Database, col: Column): SqlValue {
  const d = col.defaultValue;
  if (d !== null) return d.k === 'now' ? nowText(db.rt) : d.v;
  if (!col.notNull || col.autoIncrement) return null;
  throw err.noDefault(col.name);
}

function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'bigint' || typeof b === 'bigint') return typeof a !== 'string' && typeof b !== 'string' && BigInt(a) === BigInt(b);
  return a === b;
}

function frameOf(rows: Array<Row | null>, inserted: Row | null = null): Frame {
  return { rows, group: null, outputs: null, inserted };
}

/** Compiles SET / ON DUPLICATE KEY UPDATE assignments against one table. */
function compileAssignments(t: Table, sets: Assignment[], env: Env): Array<{ column: number; value: Compiled | 'default' }> {
  return sets.map((s) => {
    const column = t.columnIndex(s.column);
    if (column < 0) throw err.unknownColumn(s.column, 'field list');
    return { column, value: s.expr.k === 'default' ? 'default' : compile(s.expr, env) };
  });
}

/** Applies assignments left to right: a later one sees the earlier ones' new values, as in MySQL. */
function assign(db: Database, t: Table, old: Row, sets: ReturnType<typeof compileAssignments>, inserted: Row | null, rowNum: number): SqlValue[] {
  const next = [...old];
  for (const s of sets) {
    const col = t.columns[s.column];
    const v = s.value === 'default' ? defaultFor(db, col) : s.value.ev(frameOf([next], inserted));
    if (v === null && col.notNull) throw err.cannotBeNull(col.name);
    next[s.column] = coerce(col, v, rowNum);
  }
  const changed = next.some((v, i) => !sameValue(v, old[i]));
  if (changed) t.columns.forEach((c, i) => {
    if (c.onUpdateNow && !sets.some((s) => s.column === i)) next[i] = nowText(db.rt);
  });
  return next;
}

export function runInsert(db: Database, stmt: InsertStmt): WriteResult {
  const t = db.table(stmt.table);
  const columns = stmt.columns === null ? t.columns.map((_, i) => i) : stmt.columns.map((name) => {
    const i = t.columnIndex(name);
    if (i < 0) throw err.unknownColumn(name, 'field list');
    return i;
  });
  if (new Set(columns).size !== columns.length) {
    const dup = columns.find((c, i) => columns.indexOf(c) !== i) as number;
    throw new MysqlError(1110, `Column '${t.columns[dup].name}' specified twice`);
  }
  const valueEnv: Env = { sources: [], clause: 'field list', aggregates: false, aliases: null, insertTable: null, rt: db.rt };
  const rows = stmt.rows.map((r, n) => {
    if (r.length !== columns.length) throw err.columnCount(n + 1);
    return r.map((e: Expr) => (e.k === 'default' ? 'default' : compile(e, valueEnv)));
  });
  const onDup = stmt.onDuplicate === null ? null : compileAssignments(t, stmt.onDuplicate, { sources: [{ alias: t.name, table: t }], clause: 'field list', aggregates: false, aliases: null, insertTable: t, rt: db.rt });
  const auto = t.autoColumn();
  let affected = 0;
  let firstGenerated: number | bigint | null = null;
  let touchedAuto: number | bigint | null = null;

  rows.forEach((values, n) => {
    const rowNum = n + 1;
    const row: SqlValue[] = t.columns.map(() => null);
    const given = new Set<number>();
    values.forEach((v, k) => {
      const c = columns[k];
      const col = t.columns[c];
      if (v === 'default') {
        row[c] = defaultFor(db, col);
        return;
      }
      given.add(c);
      const value = v.ev(frameOf([]));
      if (value === null && col.notNull && !col.autoIncrement) throw err.cannotBeNull(col.name);
      row[c] = coerce(col, value, rowNum);
    });
    t.columns.forEach((col, c) => {
      if (!given.has(c) && !columns.includes(c)) row[c] = defaultFor(db, col);
      else if (!given.has(c) && row[c] !== null) row[c] = coerce(col, row[c], rowNum);
    });
    if (auto >= 0) {
      const v = row[auto];
      if (v === null || v === 0) {
        const next = t.autoIncrement;
        row[auto] = coerce(t.columns[auto], next, rowNum);
        t.autoIncrement = next + 1;
        if (firstGenerated === null) firstGenerated = next;
      } else if (typeof v !== 'string' && Number(v) >= t.autoIncrement) t.autoIncrement = Math.floor(Number(v)) + 1;
    }
    let conflict = t.conflict(row);
    if (conflict === null) {
      db.insert(t, row);
      affected += 1;
      return;
    }
    if (stmt.ignore) return;
    if (stmt.replace) {
      while (conflict !== null) {
        db.delete(t, conflict.rowId);
        affected += 1;
        conflict = t.conflict(row);
      }
      db.insert(t, row);
      affected += 1;
      return;
    }
    if (onDup === null) throw t.duplicateError(conflict.index, row);
    const old = t.rows.get(conflict.rowId) as Row;
    const next = assign(db, t, old, onDup, row, rowNum);
    if (auto >= 0) touchedAuto = old[auto] as number | bigint;
    if (next.every((v, i) => sameValue(v, old[i]))) return;
    const clash = t.conflict(next, conflict.rowId);
    if (clash !== null) throw t.duplicateError(clash.index, next);
    db.replace(t, conflict.rowId, next);
    affected += 2;
  });
  const lastInsertId = firstGenerated ?? touchedAuto ?? 0;
  if (firstGenerated !== null) db.rt.lastInsertId = firstGenerated;
  return { affected, lastInsertId: typeof lastInsertId === 'bigint' ? int(lastInsertId) : lastInsertId };
}

/** Row ids of a single-table UPDATE / DELETE: WHERE, then ORDER BY, then LIMIT. */
function targetRows(db: Database, t: Table, alias: string, where: Expr | null, orderBy: OrderItem[], limit: number | null): number[] {
  const env: Env = { sources: [{ alias, table: t }], clause: 'where clause', aggregates: false, aliases: null, insertTable: null, rt: db.rt };
  const cond = where === null ? null : compile(where, env);
  const keys = orderBy.map((o) => ({ c: compile(o.expr, { ...env, clause: 'order clause' }), desc: o.desc }));
  let ids = (candidateRows(t, alias, where) ?? t.scanOrder()).filter((id) => cond === null || truthy(cond.ev(frameOf([t.rows.get(id) as Row]))) === true);
  if (keys.length > 0) {
    const vals = new Map(ids.map((id) => [id, keys.map((k) => k.c.ev(frameOf([t.rows.get(id) as Row])))]));
    ids = ids
      .map((id, i) => ({ id, i }))
      .sort((a, b) => {
        const va = vals.get(a.id) as SqlValue[];
        const vb = vals.get(b.id) as SqlValue[];
        for (let k = 0; k < keys.length; k++) {
          const d = sortCompare(va[k], vb[k]);
          if (d !== 0) return keys[k].desc ? -d : d;
        }
        return a.i - b.i;
      })
      .map((x) => x.id);
  }
  return limit === null ? ids : ids.slice(0, limit);
}

export function runUpdate(db: Database, stmt: UpdateStmt): WriteResult {
  const t = db.table(stmt.table);
  const env: Env = { sources: [{ alias: stmt.alias, table: t }], clause: 'field list', aggregates: false, aliases: null, insertTable: null, rt: db.rt };
  const sets = compileAssignments(t, stmt.sets, env);
  const ids = targetRows(db, t, stmt.alias, stmt.where, stmt.orderBy, stmt.limit);
  let affected = 0;
  ids.forEach((id, n) => {
    const old = t.rows.get(id) as Row;
    const next = assign(db, t, old, sets, null, n + 1);
    if (next.every((v, i) => sameValue(v, old[i]))) return;
    const clash = t.conflict(next, id);
    if (clash !== null) {
      if (stmt.ignore) return;
      throw t.duplicateError(clash.index, next);
    }
    db.replace(t, id, next);
    affected++;
  });
  return { affected, lastInsertId: 0 };
}

export function runDelete(db: Database, stmt: DeleteStmt): WriteResult {
  const t = db.table(stmt.table);
  const ids = targetRows(db, t, stmt.alias, stmt.where, stmt.orderBy, stmt.limit);
  for (const id of ids) db.delete(t, id);
  return { affected: ids.length, lastInsertId: 0 };
}
