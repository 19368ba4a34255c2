// Argument parsing with Redis's own rules (string2ll / strtod) and error texts.
import { NOT_FLOAT, NOT_INTEGER, RedisError } from './reply';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const FLOAT = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/i;

/** A signed 64-bit integer exactly as Redis accepts it: no '+', no spaces, no leading zeros. */
export function parseInt64(s: string, error = NOT_INTEGER): bigint {
  if (s.length > 20 || !INTEGER.test(s)) throw new RedisError(error);
  const n = BigInt(s);
  if (n < INT64_MIN || n > INT64_MAX) throw new RedisError(error);
  return n;
}

/** An integer argument used as an index or count (clamped to the safe range, which no store reaches). */
export function parseIndex(s: string): number {
  const n = parseInt64(s);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  if (n < BigInt(Number.MIN_SAFE_INTEGER)) return Number.MIN_SAFE_INTEGER;
  return Number(n);
}

/** A double as strtod reads it, plus inf/+inf/-inf; NaN is refused as Redis does. */
export function parseDouble(s: string, error = NOT_FLOAT): number {
  const t = s.toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (!FLOAT.test(s)) throw new RedisError(error);
  const n = Number(s);
  if (Number.isNaN(n)) throw new RedisError(error);
  return n;
}

export function isInt64Text(s: string): boolean {
  if (s.length > 20 || !INTEGER.test(s)) return false;
  const n = BigInt(s);
  return n >= INT64_MIN && n <= INT64_MAX;
}

export function checkInt64(n: bigint, error: string): bigint {
  if (n < INT64_MIN || n > INT64_MAX) throw new RedisError(error);
  return n;
}

/** How Redis writes a double in a reply: shortest round-trip form, inf / -inf. */
export function formatDouble(n: number): string {
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** Redis's range normalisation for LRANGE / GETRANGE / ZRANGE: negative counts from the end. */
export function normaliseRange(start: number, stop: number, len: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (stop < 0) stop = len + stop;
  if (start < 0) start = 0;
  if (start > stop || start >= len) return null;
  if (stop >= len) stop = len - 1;
  return [start, stop];
}
