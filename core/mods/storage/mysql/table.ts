// A simulated table: its columns (with MySQL types), rows in insertion order, and unique indexes
// (PRIMARY / UNIQUE) kept as maps from the collated key to the row id, so duplicate checks cost
// one lookup. Rows are never changed in place (an UPDATE stores a new array), which lets a
// transaction snapshot a table by copying two maps.
import type { ColumnType, IndexDef } from './ast';
import { err } from './errors';
import { utf8Length } from '../text';
import { groupKey, sortCompare, valueText, type SqlValue } from './values';

export type Row = readonly SqlValue[];

export type ColumnKind = 'int' | 'float' | 'decimal' | 'text' | 'binary' | 'datetime' | 'date' | 'json' | 'enum';

export interface Column {
  name: string;
  type: ColumnType;
  kind: ColumnKind;
  notNull: boolean;
  defaultValue: { k: 'value'; v: SqlValue } | { k: 'now' } | null;
  autoIncrement: boolean;
  onUpdateNow: boolean;
}

export interface Index {
  /** 'PRIMARY' for the primary key. */
  name: string;
  kind: IndexDef['kind'];
  columns: number[];
  /** Unique indexes only: collated key -> row id. */
  entries: Map<string, number> | null;
}

const KINDS: Record<string, ColumnKind> = {
  TINYINT: 'int', SMALLINT: 'int', MEDIUMINT: 'int', INT: 'int', INTEGER: 'int', BIGINT: 'int',
  FLOAT: 'float', DOUBLE: 'float', REAL: 'float',
  DECIMAL: 'decimal', NUMERIC: 'decimal', DEC: 'decimal', FIXED: 'decimal',
  CHAR: 'text', VARCHAR: 'text', TINYTEXT: 'text', TEXT: 'text', MEDIUMTEXT: 'text', LONGTEXT: 'text',
  BINARY: 'binary', VARBINARY: 'binary', TINYBLOB: 'binary', BLOB: 'binary', MEDIUMBLOB: 'binary', LONGBLOB: 'binary',
  DATETIME: 'datetime', TIMESTAMP: 'datetime', DATE: 'date', JSON: 'json', ENUM: 'enum',
};

export function columnKind(type: ColumnType): ColumnKind {
  return KINDS[type.base];
}

/** Bytes a cell costs against the store's cap. */
export function cellBytes(v: SqlValue): number {
  if (v === null) return 1;
  if (typeof v === 'string') return utf8Length(v) + 2;
  return 8;
}

export function rowBytes(row: Row): number {
  let n = 0;
  for (const v of row) n += cellBytes(v);
  return n;
}

export class Table {
  rows = new Map<number, Row>();
  nextRowId = 1;
  /** The next AUTO_INCREMENT value. */
  autoIncrement = 1;
  bytes = 0;
  /** scanOrder() cached until a row is added, removed or its clustered key changes. */
  private order: number[] | null = null;

  constructor(
    public name: string,
    public columns: Column[],
    public indexes: Index[],
  ) {}

  columnIndex(name: string): number {
    const lower = name.toLowerCase();
    return this.columns.findIndex((c) => c.name.toLowerCase() === lower);
  }

  get primary(): Index | undefined {
    return this.indexes.find((ix) => ix.kind === 'primary');
  }

  autoColumn(): number {
    return this.columns.findIndex((c) => c.autoIncrement);
  }

  /** The key of a row in a unique index, or null when a NULL part exempts it (NULLs never clash). */
  keyOf(ix: Index, row: Row): string | null {
    let key = '';
    for (const c of ix.columns) {
      const v = row[c];
      if (v === null) return null;
      key += groupKey(v) + '\u0000';
    }
    return key;
  }

  /** The first unique index (PRIMARY first) on which `row` clashes with another row, and that row's id. */
  conflict(row: Row, ignoreId: number | null = null): { index: Index; rowId: number } | null {
    for (const ix of this.indexes) {
      if (ix.entries === null) continue;
      const key = this.keyOf(ix, row);
      if (key === null) continue;
      const id = ix.entries.get(key);
      if (id !== undefined && id !== ignoreId) return { index: ix, rowId: id };
    }
    return null;
  }

  duplicateError(ix: Index, row: Row): Error {
    return err.duplicateEntry(ix.columns.map((c) => valueText(row[c])).join('-'), ix.name);
  }

  insertRow(row: Row): number {
    this.order = null;
    const id = this.nextRowId++;
    this.rows.set(id, row);
    this.indexRow(id, row);
    this.bytes += rowBytes(row);
    return id;
  }

  replaceRow(id: number, row: Row): void {
    const old = this.rows.get(id) as Row;
    const clustered = this.clustered();
    if (clustered === undefined || clustered.columns.some((c) => old[c] !== row[c])) this.order = null;
    this.unindexRow(id, old);
    this.rows.set(id, row);
    this.indexRow(id, row);
    this.bytes += rowBytes(row) - rowBytes(old);
  }

  /** Puts a deleted row back under its old id (undo of a DELETE / REPLACE). */
  restoreRow(id: number, row: Row): void {
    this.order = null;
    this.rows.set(id, row);
    this.indexRow(id, row);
    this.bytes += rowBytes(row);
  }

  deleteRow(id: number): void {
    const old = this.rows.get(id);
    if (old === undefined) return;
    this.order = null;
    this.unindexRow(id, old);
    this.rows.delete(id);
    this.bytes -= rowBytes(old);
  }

  private indexRow(id: number, row: Row): void {
    for (const ix of this.indexes) {
      if (ix.entries === null) continue;
      const key = this.keyOf(ix, row);
      if (key !== null) ix.entries.set(key, id);
    }
  }

  private unindexRow(id: number, row: Row): void {
    for (const ix of this.indexes) {
      if (ix.entries === null) continue;
      const key = this.keyOf(ix, row);
      if (key !== null && ix.entries.get(key) === id) ix.entries.delete(key);
    }
  }

  /** Rebuilds every unique index from the rows (after ALTER TABLE); throws on a clash. */
  reindex(): void {
    this.order = null;
    for (const ix of this.indexes) {
      if (ix.entries === null) continue;
      ix.entries.clear();
      for (const [id, row] of this.rows) {
        const key = this.keyOf(ix, row);
        if (key === null) continue;
        if (ix.entries.has(key)) throw this.duplicateError(ix, row);
        ix.entries.set(key, id);
      }
    }
  }

  /**
   * Row ids in the order a scan without ORDER BY returns them: InnoDB reads its clustered index,
   * so primary-key order (else the first NOT NULL unique key, else insertion order).
   */
  scanOrder(): readonly number[] {
    if (this.order === null) this.order = this.sortedIds();
    return this.order;
  }

  /** The index InnoDB clusters rows by: PRIMARY, else the first unique key of NOT NULL columns. */
  private clustered(): Index | undefined {
    return this.primary ?? this.indexes.find((ix) => ix.kind === 'unique' && ix.columns.every((c) => this.columns[c].notNull));
  }

  private sortedIds(): number[] {
    const ids = [...this.rows.keys()];
    const clustered = this.clustered();
    if (clustered === undefined) return ids.sort((a, b) => a - b);
    return ids.sort((a, b) => {
      const ra = this.rows.get(a) as Row;
      const rb = this.rows.get(b) as Row;
      for (const c of clustered.columns) {
        const d = sortCompare(ra[c], rb[c]);
        if (d !== 0) return d;
      }
      return a - b;
    });
  }

  clone(): Table {
    const t = new Table(
      this.name,
      this.columns.map((c) => ({ ...c })),
      this.indexes.map((ix) => ({ ...ix, columns: [...ix.columns], entries: ix.entries === null ? null : new Map(ix.entries) })),
    );
    t.rows = new Map(this.rows);
    t.order = this.order;
    t.nextRowId = this.nextRowId;
    t.autoIncrement = this.autoIncrement;
    t.bytes = this.bytes;
    return t;
  }
}
