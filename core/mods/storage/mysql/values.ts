// SQL values and MySQL's rules for them: comparison (numbers numerically, text with a
// case-insensitive, trailing-space-insensitive collation like utf8mb4_general_ci, text against a
// number as doubles), truth (non-zero), and text/number conversion.
import { compareCodePoints } from '../text';

/** A cell or an expression value. Integers beyond 2^53 are bigint; DATETIME is its text. */
export type SqlValue = null | number | bigint | string;

const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** An integer result: a number while exact, a bigint beyond. */
export function int(n: bigint): number | bigint {
  return n >= SAFE_MIN && n <= SAFE_MAX ? Number(n) : n;
}

export function numberLiteral(text: string): SqlValue {
  if (/^0x/i.test(text)) return int(BigInt(text));
  if (/^[0-9]+$/.test(text)) return int(BigInt(text));
  return Number(text);
}

export function isInteger(v: SqlValue): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

const NUMERIC_PREFIX = /^\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;

/** MySQL's text-to-number: the longest numeric prefix, 0 when there is none ('12abc' is 12). */
export function textToNumber(s: string): number {
  const m = NUMERIC_PREFIX.exec(s);
  return m === null ? 0 : Number(m[0]);
}

/** True when the whole text is a number (what strict mode needs to store it in a number column). */
export function isNumericText(s: string): boolean {
  const m = NUMERIC_PREFIX.exec(s);
  return m !== null && s.slice(m[0].length).trim() === '';
}

export function toDouble(v: number | bigint | string): number {
  if (typeof v === 'string') return textToNumber(v);
  return Number(v);
}

/** Collation key of text: case-folded, trailing spaces ignored (PAD SPACE). */
export function collationKey(s: string): string {
  return s.replace(/ +$/, '').toLowerCase();
}

export function compareText(a: string, b: string): number {
  return compareCodePoints(collationKey(a), collationKey(b));
}

function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = typeof a === 'bigint' ? a : Number.isInteger(a) ? BigInt(a) : null;
    const y = typeof b === 'bigint' ? b : Number.isInteger(b) ? BigInt(b) : null;
    if (x !== null && y !== null) return x < y ? -1 : x > y ? 1 : 0;
    const dx = Number(a);
    const dy = Number(b);
    return dx < dy ? -1 : dx > dy ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two values; null when either is NULL (SQL's unknown). */
export function compareValues(a: SqlValue, b: SqlValue): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'string') return compareNumbers(textToNumber(a), b as number | bigint);
  if (typeof b === 'string') return compareNumbers(a, textToNumber(b));
  return compareNumbers(a, b);
}

/** Total order for ORDER BY and grouping: NULL first, then numbers, then text. */
export function sortCompare(a: SqlValue, b: SqlValue): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : -1) : 1;
  return compareValues(a, b) as number;
}

export function truthy(v: SqlValue): boolean | null {
  if (v === null) return null;
  if (typeof v === 'string') return textToNumber(v) !== 0;
  return typeof v === 'bigint' ? v !== 0n : v !== 0;
}

/** How MySQL shows a value as text (CONCAT, error messages, text columns). */
export function valueText(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  return String(v).replace('e+', 'e');
}

/** A key that makes equal values (by the collation) equal strings: for DISTINCT, GROUP BY, unique keys. */
export function groupKey(v: SqlValue): string {
  if (v === null) return 'n';
  if (typeof v === 'string') return `s${collationKey(v)}`;
  if (typeof v === 'bigint') return `i${v.toString()}`;
  if (Number.isInteger(v)) return `i${v}`;
  return `d${v}`;
}
