// The `%s` step of MySQLdb, done safely: MySQLdb runs Python's `sql % params` over the whole text
// before sending it. Here the text is split at the same placeholders with Python's rules (and its
// error messages), but each parameter stays a value in its own segment: the lexer turns it into a
// literal token, so no parameter can ever change the statement's structure.
import { FormatError } from './errors';

/** A parameter as it arrives from Python (JSON): scalars, and lists for `IN %s` / `VALUES %s`. */
export type ParamValue = null | boolean | number | bigint | string | ParamValue[];

export interface BoundParam {
  value: ParamValue;
  /** Offset of the placeholder in the SQL text (for error messages). */
  at: number;
}

export type Segment = string | BoundParam;

export function isParam(s: Segment): s is BoundParam {
  return typeof s !== 'string';
}

/**
 * Splits `sql` at its placeholders. `params` null means MySQLdb was given no parameters: then it
 * does no formatting at all, and `%` is just a character of the SQL.
 */
export function bindParams(sql: string, params: unknown): Segment[] {
  if (params === null || params === undefined) return [sql];
  const named = typeof params === 'object' && !Array.isArray(params);
  // MySQLdb 1.2.3 formats `sql % literal(params)`: a lone scalar fills a single %s.
  const positional = named ? [] : Array.isArray(params) ? params : [params];
  const segments: Segment[] = [];
  let text = '';
  let used = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c !== '%') {
      text += c;
      continue;
    }
    const at = i;
    const next = sql[i + 1];
    if (next === undefined) throw new FormatError('ValueError', 'incomplete format');
    if (next === '%') {
      text += '%';
      i++;
      continue;
    }
    let value: unknown;
    if (next === '(') {
      const close = sql.indexOf(')', i + 2);
      if (close < 0) throw new FormatError('ValueError', 'incomplete format key');
      const key = sql.slice(i + 2, close);
      if (!named) throw new FormatError('TypeError', 'format requires a mapping');
      if (!Object.prototype.hasOwnProperty.call(params, key)) throw new FormatError('KeyError', `'${key}'`);
      value = (params as Record<string, unknown>)[key];
      i = close;
    } else {
      if (named) throw new FormatError('TypeError', 'format requires a mapping');
      if (used >= positional.length) throw new FormatError('TypeError', 'not enough arguments for format string');
      value = positional[used++];
    }
    const conv = sql[i + 1];
    if (conv !== 's') {
      if (conv === undefined) throw new FormatError('ValueError', 'incomplete format');
      // Every MySQLdb parameter is already a quoted string by now, so only %s can take it.
      if ('dio'.includes(conv)) throw new FormatError('TypeError', `%${conv} format: a number is required, not str`);
      throw new FormatError('ValueError', `unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)}) at index ${i + 1}`);
    }
    i++;
    if (text !== '') segments.push(text);
    text = '';
    segments.push({ value: toParam(value), at });
  }
  if (!named && used < positional.length) throw new FormatError('TypeError', 'not all arguments converted during string formatting');
  if (text !== '' || segments.length === 0) segments.push(text);
  return segments;
}

function toParam(v: unknown, depth = 0): ParamValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && depth < 2) return v.map((x) => toParam(x, depth + 1));
  throw new FormatError('TypeError', `a parameter of this kind cannot be sent to MySQL (${Array.isArray(v) ? 'nested list' : typeof v})`);
}
