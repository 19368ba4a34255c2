// Unique-index lookups for single-table statements: when WHERE requires `col = constant` for every
// column of a PRIMARY or UNIQUE key, only the row under that key can match, so the statement looks
// at one row instead of scanning (WHERE is still evaluated on it). Only constants whose comparison
// the key reproduces exactly are used: integers for integer columns, text for text columns;
// anything else falls back to the scan, so results never differ from a scan.
import type { Expr } from './ast';
import { coerce } from './coerce';
import type { Table } from './table';
import { isInteger, type SqlValue } from './values';

/** `col = constant` terms of a conjunction, by lower-case column name. */
function equalities(where: Expr, alias: string, out: Map<string, SqlValue>): void {
  if (where.k === 'binary' && where.op === 'AND') {
    equalities(where.l, alias, out);
    equalities(where.r, alias, out);
    return;
  }
  if (where.k !== 'binary' || where.op !== '=') return;
  const [col, lit] = where.l.k === 'col' ? [where.l, where.r] : [where.r, where.l];
  if (col.k !== 'col' || lit.k !== 'lit' || (col.table !== null && col.table !== alias)) return;
  out.set(col.name.toLowerCase(), lit.v);
}

/** Row ids that can satisfy `where` (in scan order), or null when every row must be looked at. */
export function candidateRows(t: Table, alias: string, where: Expr | null): readonly number[] | null {
  if (where === null) return null;
  const eq = new Map<string, SqlValue>();
  equalities(where, alias, eq);
  if (eq.size === 0) return null;
  for (const ix of t.indexes) {
    if (ix.entries === null) continue;
    const key: SqlValue[] = [];
    for (const c of ix.columns) {
      const col = t.columns[c];
      const v = eq.get(col.name.toLowerCase());
      if (v === undefined || v === null) break;
      if (col.kind === 'int' && isInteger(v)) {
        try {
          coerce(col, v, 1);
        } catch {
          // Out of the column's range: no stored row can equal it.
          return [];
        }
      } else if (!(col.kind === 'text' && typeof v === 'string')) break;
      // Text keys are collated (case, trailing spaces) exactly as comparisons are.
      key.push(v);
    }
    if (key.length !== ix.columns.length) continue;
    const row: SqlValue[] = t.columns.map(() => null);
    ix.columns.forEach((c, i) => (row[c] = key[i]));
    const k = t.keyOf(ix, row);
    if (k === null) continue;
    const id = ix.entries.get(k);
    return id === undefined ? [] : [id];
  }
  return null;
}
