// What the apolloCommon.mysqlPool calls answer, as the JSON form of the Python values their
// callbacks receive. Rows are lists (the shim makes them tuples); integers become long and text
// becomes unicode in the shim, as MySQLdb gives them; cells JSON cannot type exactly are tagged:
// {"$float": x}, {"$decimal": "1.50"}, {"$datetime": "2026-01-01 00:00:00"}, {"$date": "2026-01-01"}.
import type { StorageResult } from '../result';
import type { Hint } from './eval';
import type { MysqlStore, SqlFailure, StatementResult } from './store';
import { isInteger, type SqlValue } from './values';

export function encodeCell(v: SqlValue, hint: Hint): unknown {
  if (v === null) return null;
  if (typeof v === 'string') {
    if (hint.kind === 'datetime') return { $datetime: v };
    if (hint.kind === 'date') return { $date: v };
    return v;
  }
  if (hint.kind === 'decimal') return { $decimal: decimalText(v, hint.scale ?? 0) };
  if (hint.kind === 'float' || !isInteger(v)) return { $float: Number(v) };
  return v;
}

function decimalText(v: number | bigint, scale: number): string {
  if (typeof v === 'bigint') return scale > 0 ? `${v}.${'0'.repeat(scale)}` : v.toString();
  return v.toFixed(Math.min(scale, 100));
}

export function encodeRows(r: StatementResult): unknown[][] {
  return (r.rows ?? []).map((row) => row.map((v, i) => encodeCell(v, r.hints[i] ?? { kind: 'any' })));
}

function fail(value: unknown, failure: SqlFailure): StorageResult {
  return { args: [value], error: failure };
}

const badCommand = (message: string): StorageResult => ({ args: [null], error: { type: 'TypeError', code: null, message } });

/**
 * Runs one mysqlPool command:
 * ["QUERY", sql, params] (AsyncQueryWithOrderKey), ["EXECUTE", ...] (AsyncExecuteWithOrderKey),
 * ["EXECUTEMANY", sql, paramsList], ["INSERTONE", sql, params], ["FETCHALL", sql, params]
 * (SyncFetchAll), ["INSERT", sql, params] (SyncInsert), ["CURSOR", sql, params] (cursor.execute
 * inside AsyncExecuteFunctionWithOrderKey), ["BEGIN"] / ["COMMIT"] / ["ROLLBACK"], ["FUNC", orderKey, name].
 */
export function runMysqlCommand(store: MysqlStore, command: readonly unknown[], nowMs: number): StorageResult {
  const op = String(command[0]).toUpperCase();
  const [, sql, params] = command;
  switch (op) {
    case 'FUNC':
      // The function itself runs in Python when the callback fires; its statements come as CURSOR calls.
      return { args: [] };
    case 'BEGIN':
      store.begin();
      return { args: [null] };
    case 'COMMIT':
      store.commit();
      return { args: [null] };
    case 'ROLLBACK':
      store.rollback();
      return { args: [null] };
    case 'QUERY':
    case 'FETCHALL': {
      const out = store.run(sql, params, nowMs);
      return out.ok ? { args: [encodeRows(out.result)] } : fail(null, out.failure);
    }
    case 'EXECUTE': {
      const out = store.run(sql, params, nowMs);
      return out.ok ? { args: [true] } : fail(false, out.failure);
    }
    case 'INSERTONE':
    case 'INSERT': {
      const out = store.run(sql, params, nowMs);
      return out.ok ? { args: [out.result.lastInsertId] } : fail(null, out.failure);
    }
    case 'EXECUTEMANY': {
      if (!Array.isArray(params)) return badCommand('executemany needs a list of parameter tuples');
      // All or nothing: any failing statement undoes the ones before it.
      store.begin();
      let affected = 0;
      for (const p of params) {
        const out = store.run(sql, p, nowMs);
        if (!out.ok) {
          store.rollback();
          return fail(null, out.failure);
        }
        affected += out.result.affected;
      }
      store.commit();
      return { args: [affected] };
    }
    case 'CURSOR': {
      const out = store.run(sql, params, nowMs);
      if (!out.ok) return fail(null, out.failure);
      const r = out.result;
      return { args: [{ columns: r.columns, rows: r.rows === null ? null : encodeRows(r), rowcount: r.affected, lastrowid: r.lastInsertId }] };
    }
    default:
      return badCommand(`unknown mysqlPool command ${JSON.stringify(op).slice(0, 60)}`);
  }
}
