// Storing a value into a column with MySQL's strict mode (the default since 5.7): numbers are
// range-checked and rounded, text must fit, dates must be real dates; what does not fit is an
// error, never a silently changed value.
import { utf8Length } from '../text';
import { datetimeText, parseDatetime } from './calendar';
import { err } from './errors';
import type { Column } from './table';
import { int, isNumericText, textToNumber, valueText, type SqlValue } from './values';

const INT_BITS: Record<string, number> = { TINYINT: 8, SMALLINT: 16, MEDIUMINT: 24, INT: 32, INTEGER: 32, BIGINT: 64 };
const TEXT_BYTES: Record<string, number> = { TINYTEXT: 255, TEXT: 65535, MEDIUMTEXT: 16777215, LONGTEXT: 4294967295, TINYBLOB: 255, BLOB: 65535, MEDIUMBLOB: 16777215, LONGBLOB: 4294967295 };

function intRange(col: Column): [bigint, bigint] {
  const bits = BigInt(INT_BITS[col.type.base]);
  return col.type.unsigned ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
}

/** Rounds half away from zero, as MySQL does when a fraction goes into an integer column. */
function roundHalfAway(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}

function toInteger(col: Column, v: SqlValue, row: number): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw err.outOfRange(col.name, row);
    return BigInt(roundHalfAway(v));
  }
  const s = (v as string).trim();
  if (/^[+-]?[0-9]+$/.test(s)) return BigInt(s);
  if (!isNumericText(s)) {
    if (textToNumber(s) !== 0 || /^\s*[+-]?\.?[0-9]/.test(s)) throw err.truncated(col.name, row);
    throw err.incorrectValue('integer', String(v), col.name, row);
  }
  const n = textToNumber(s);
  if (!Number.isFinite(n)) throw err.outOfRange(col.name, row);
  return BigInt(roundHalfAway(n));
}

function toDouble(col: Column, v: SqlValue, row: number, kind: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const s = v as string;
  if (!isNumericText(s)) {
    if (/^\s*[+-]?\.?[0-9]/.test(s)) throw err.truncated(col.name, row);
    throw err.incorrectValue(kind, s, col.name, row);
  }
  return textToNumber(s);
}

/**
 * Rounds half away from zero at `scale` decimals on the digits of the text ('1.005' -> 1.01),
 * as MySQL's exact DECIMAL does; a double's own rounding would give 1.00.
 */
function roundDecimal(text: string, n: number, scale: number): number {
  const m = /^([+-]?)([0-9]*)\.?([0-9]*)$/.exec(text);
  if (m === null) {
    const f = 10 ** scale;
    return (Math.sign(n) * Math.round(Math.abs(n) * f)) / f;
  }
  const [, sign, whole, frac] = m;
  if (frac.length <= scale) return n;
  let digits = BigInt((whole || '0') + frac.slice(0, scale));
  if (Number(frac[scale]) >= 5) digits += 1n;
  const t = digits.toString().padStart(scale + 1, '0');
  return Number(`${sign}${t.slice(0, t.length - scale)}.${t.slice(t.length - scale) || '0'}`);
}

/** The stored form of `v` in `col`; `row` is the 1-based row of the statement, for messages. */
export function coerce(col: Column, v: SqlValue, row: number): SqlValue {
  if (v === null) return null;
  const t = col.type;
  switch (col.kind) {
    case 'int': {
      const n = toInteger(col, v, row);
      const [lo, hi] = intRange(col);
      if (n < lo || n > hi) throw err.outOfRange(col.name, row);
      return int(n);
    }
    case 'float': {
      const n = toDouble(col, v, row, 'double');
      if (!Number.isFinite(n)) throw err.outOfRange(col.name, row);
      if (t.unsigned && n < 0) throw err.outOfRange(col.name, row);
      return t.base === 'FLOAT' ? Number(Math.fround(n).toPrecision(7)) : n;
    }
    case 'decimal': {
      const precision = t.length ?? 10;
      const scale = t.scale ?? 0;
      const n = toDouble(col, v, row, 'decimal');
      const r = roundDecimal(typeof v === 'string' ? v.trim() : String(n), n, scale);
      if (Math.abs(r) >= 10 ** (precision - scale) || (t.unsigned && r < 0)) throw err.outOfRange(col.name, row);
      return r;
    }
    case 'text':
    case 'binary': {
      let s = typeof v === 'string' ? v : valueText(v);
      if (t.base === 'CHAR') s = s.replace(/ +$/, '');
      const limit = TEXT_BYTES[t.base];
      if (limit !== undefined) {
        if (utf8Length(s) > limit) throw err.tooLong(col.name, row);
      } else {
        const max = t.length ?? 1;
        const size = col.kind === 'binary' ? utf8Length(s) : [...s].length;
        if (size > max) throw err.tooLong(col.name, row);
      }
      return s;
    }
    case 'datetime':
    case 'date': {
      const text = typeof v === 'string' ? v : valueText(v);
      const seconds = parseDatetime(text);
      if (seconds === null) throw err.badDatetime(text, col.name, row);
      const full = datetimeText(seconds);
      return col.kind === 'date' ? full.slice(0, 10) : full;
    }
    case 'json': {
      const text = typeof v === 'string' ? v : valueText(v);
      try {
        JSON.parse(text);
      } catch {
        throw err.invalidJson(col.name, row);
      }
      return text;
    }
    case 'enum': {
      const values = t.values ?? [];
      if (typeof v !== 'string') {
        const i = Number(v);
        if (Number.isInteger(i) && i >= 1 && i <= values.length) return values[i - 1];
        throw err.truncated(col.name, row);
      }
      const hit = values.find((x) => x.toLowerCase() === v.replace(/ +$/, '').toLowerCase());
      if (hit === undefined) throw err.truncated(col.name, row);
      return hit;
    }
  }
}
