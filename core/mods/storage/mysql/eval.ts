// Compiles an expression once per statement into a closure over a "frame" (the current rows of
// the FROM tables, the group for aggregates, the select outputs for ORDER BY aliases), resolving
// every column name up front so unknown or ambiguous names fail even on empty tables, as MySQL does.
import type { Random } from '../../../engine/random';
import type { Expr } from './ast';
import { datetimeText, parseDatetime } from './calendar';
import { err, MysqlError } from './errors';
import type { Column, Row, Table } from './table';
import { utf8Length } from '../text';
import { compareValues, groupKey, int, isInteger, sortCompare, textToNumber, toDouble, truthy, valueText, type SqlValue } from './values';

export interface Hint {
  kind: 'int' | 'float' | 'decimal' | 'text' | 'datetime' | 'date' | 'any';
  scale?: number;
}

export interface Source {
  alias: string;
  table: Table;
}

export interface Frame {
  rows: ReadonlyArray<Row | null>;
  group: Frame[] | null;
  outputs: SqlValue[] | null;
  inserted: Row | null;
}

export interface Runtime {
  /** Virtual ms. */
  now: number;
  epochMs: number;
  random: Random;
  lastInsertId: number | bigint;
}

export interface Env {
  sources: Source[];
  /** MySQL's name for where the expression stands ('field list', 'where clause', ...). */
  clause: string;
  aggregates: boolean;
  /** Select-list aliases (lower case) usable here: ORDER BY, HAVING. */
  aliases: Map<string, { index: number; hint: Hint }> | null;
  /** The table of an INSERT ... ON DUPLICATE KEY UPDATE, for VALUES(col). */
  insertTable: Table | null;
  rt: Runtime;
}

export interface Compiled {
  ev(f: Frame): SqlValue;
  hint: Hint;
  /** Contains an aggregate function. */
  agg: boolean;
}

const ANY: Hint = { kind: 'any' };
const INT: Hint = { kind: 'int' };
const FLOAT: Hint = { kind: 'float' };
const TEXT: Hint = { kind: 'text' };
const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUP_CONCAT', 'BIT_AND', 'BIT_OR', 'STD', 'STDDEV', 'VARIANCE']);
const GROUP_CONCAT_MAX = 1024;

export function columnHint(c: Column): Hint {
  switch (c.kind) {
    case 'int':
      return INT;
    case 'float':
      return FLOAT;
    case 'decimal':
      return { kind: 'decimal', scale: c.type.scale ?? 0 };
    case 'datetime':
      return { kind: 'datetime' };
    case 'date':
      return { kind: 'date' };
    default:
      return TEXT;
  }
}

function lit(v: SqlValue, hint: Hint = ANY): Compiled {
  return { ev: () => v, hint, agg: false };
}

export function nowText(rt: Runtime): string {
  return datetimeText(Math.floor((rt.epochMs + rt.now) / 1000));
}

export function resolveColumn(env: Env, table: string | null, name: string): { source: number; column: number } {
  const lower = name.toLowerCase();
  const shown = table === null ? name : `${table}.${name}`;
  let found: { source: number; column: number } | null = null;
  for (let s = 0; s < env.sources.length; s++) {
    const src = env.sources[s];
    if (table !== null && src.alias !== table && !(src.alias === src.table.name && src.table.name === table)) continue;
    const c = src.table.columns.findIndex((col) => col.name.toLowerCase() === lower);
    if (c < 0) continue;
    if (found !== null) throw err.ambiguous(name, env.clause);
    found = { source: s, column: c };
  }
  if (found === null) throw err.unknownColumn(shown, env.clause);
  return found;
}

export function compile(e: Expr, env: Env): Compiled {
  switch (e.k) {
    case 'lit':
      return lit(e.v, typeof e.v === 'string' ? TEXT : isInteger(e.v) ? INT : e.v === null ? ANY : { kind: 'decimal', scale: decimals(e.v) });
    case 'list':
      throw err.operandColumns(1);
    case 'default':
      throw err.notSimulated('DEFAULT outside VALUES / SET');
    case 'col':
      return compileColumn(e, env);
    case 'unary':
      return compileUnary(e, env);
    case 'binary':
      return compileBinary(e.op, compile(e.l, env), compile(e.r, env));
    case 'is': {
      const x = compile(e.e, env);
      return {
        ev(f) {
          const v = x.ev(f);
          const r = e.what === 'NULL' ? v === null : e.what === 'TRUE' ? truthy(v) === true : truthy(v) === false;
          return r !== e.not ? 1 : 0;
        },
        hint: INT,
        agg: x.agg,
      };
    }
    case 'in': {
      const x = compile(e.e, env);
      const items = e.items.map((i) => compile(i, env));
      return {
        ev(f) {
          const v = x.ev(f);
          if (v === null) return null;
          let unknown = false;
          for (const it of items) {
            const c = compareValues(v, it.ev(f));
            if (c === 0) return e.not ? 0 : 1;
            if (c === null) unknown = true;
          }
          return unknown ? null : e.not ? 1 : 0;
        },
        hint: INT,
        agg: x.agg || items.some((i) => i.agg),
      };
    }
    case 'between': {
      const [x, lo, hi] = [compile(e.e, env), compile(e.lo, env), compile(e.hi, env)];
      return {
        ev(f) {
          const v = x.ev(f);
          const a = compareValues(v, lo.ev(f));
          const b = compareValues(v, hi.ev(f));
          if (a === null || b === null) return null;
          return (a >= 0 && b <= 0) !== e.not ? 1 : 0;
        },
        hint: INT,
        agg: x.agg || lo.agg || hi.agg,
      };
    }
    case 'like': {
      const x = compile(e.e, env);
      const p = compile(e.pattern, env);
      const esc = e.escape === null ? null : compile(e.escape, env);
      return {
        ev(f) {
          const v = x.ev(f);
          const pat = p.ev(f);
          if (v === null || pat === null) return null;
          const escText = esc === null ? '\\' : valueText(esc.ev(f));
          return likeMatch(valueText(v), valueText(pat), escText.length > 0 ? escText[0] : null) !== e.not ? 1 : 0;
        },
        hint: INT,
        agg: x.agg || p.agg,
      };
    }
    case 'case':
      return compileCase(e, env);
    case 'cast':
      return compileCast(e.e, e.to, env);
    case 'fn':
      return compileFunction(e, env);
  }
}

function decimals(v: number): number {
  const s = String(v);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1;
}

function compileColumn(e: Extract<Expr, { k: 'col' }>, env: Env): Compiled {
  if (e.table === null && env.aliases !== null) {
    const a = env.aliases.get(e.name.toLowerCase());
    if (a !== undefined) {
      // An alias of the select list (ORDER BY score, HAVING n > 1).
      let inSources = false;
      try {
        resolveColumn(env, null, e.name);
        inSources = true;
      } catch {
        inSources = false;
      }
      if (!inSources || env.clause === 'having clause' || env.clause === 'order clause') {
        return { ev: (f) => (f.outputs === null ? null : f.outputs[a.index]), hint: a.hint, agg: false };
      }
    }
  }
  const { source, column } = resolveColumn(env, e.table, e.name);
  const hint = columnHint(env.sources[source].table.columns[column]);
  return {
    ev(f) {
      const row = f.rows[source];
      return row === null || row === undefined ? null : row[column];
    },
    hint,
    agg: false,
  };
}

function compileUnary(e: Extract<Expr, { k: 'unary' }>, env: Env): Compiled {
  const x = compile(e.e, env);
  switch (e.op) {
    case 'NOT':
      return {
        ev(f) {
          const t = truthy(x.ev(f));
          return t === null ? null : t ? 0 : 1;
        },
        hint: INT,
        agg: x.agg,
      };
    case '+':
      return x;
    case '-':
      return {
        ev(f) {
          const v = x.ev(f);
          if (v === null) return null;
          if (typeof v === 'string') return -textToNumber(v);
          return typeof v === 'bigint' ? int(-v) : -v;
        },
        hint: x.hint.kind === 'text' ? FLOAT : x.hint,
        agg: x.agg,
      };
    case '~':
      return {
        ev(f) {
          const v = x.ev(f);
          return v === null ? null : int(BigInt.asUintN(64, ~toBig(v)));
        },
        hint: INT,
        agg: x.agg,
      };
  }
}

function toBig(v: number | bigint | string): bigint {
  if (typeof v === 'bigint') return v;
  const n = typeof v === 'string' ? textToNumber(v) : v;
  return BigInt(Math.trunc(Number.isFinite(n) ? n : 0));
}

function arithmetic(op: string, a: SqlValue, b: SqlValue): SqlValue {
  if (a === null || b === null) return null;
  if ((op === '+' || op === '-' || op === '*') && isInteger(a) && isInteger(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return int(op === '+' ? x + y : op === '-' ? x - y : x * y);
  }
  if ((op === 'DIV' || op === '%') && isInteger(a) && isInteger(b)) {
    const y = BigInt(b);
    if (y === 0n) return null;
    return int(op === 'DIV' ? BigInt(a) / y : BigInt(a) % y);
  }
  const x = toDouble(a);
  const y = toDouble(b);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? null : x / y;
    case 'DIV':
      return y === 0 ? null : Math.trunc(x / y);
    case '%':
      return y === 0 ? null : x % y;
  }
  const p = BigInt.asUintN(64, toBig(a));
  const q = BigInt.asUintN(64, toBig(b));
  switch (op) {
    case '&':
      return int(p & q);
    case '|':
      return int(p | q);
    case '^':
      return int(p ^ q);
    case '<<':
      return int(q > 63n ? 0n : BigInt.asUintN(64, p << q));
    case '>>':
      return int(q > 63n ? 0n : p >> q);
  }
  throw err.notSimulated(`operator ${op}`);
}

function arithmeticHint(op: string, a: Hint, b: Hint): Hint {
  if (['&', '|', '^', '<<', '>>', 'DIV'].includes(op)) return INT;
  if (a.kind === 'float' || b.kind === 'float' || a.kind === 'text' || b.kind === 'text') return FLOAT;
  // Exact division answers DECIMAL with 4 more decimals (div_precision_increment).
  if (op === '/') return { kind: 'decimal', scale: Math.min(30, (a.scale ?? 0) + 4) };
  if (a.kind === 'decimal' || b.kind === 'decimal') return { kind: 'decimal', scale: op === '*' ? (a.scale ?? 0) + (b.scale ?? 0) : Math.max(a.scale ?? 0, b.scale ?? 0) };
  if (a.kind === 'int' && b.kind === 'int') return INT;
  return ANY;
}

function compileBinary(op: string, l: Compiled, r: Compiled): Compiled {
  const agg = l.agg || r.agg;
  switch (op) {
    case 'AND':
      return {
        ev(f) {
          const a = truthy(l.ev(f));
          if (a === false) return 0;
          const b = truthy(r.ev(f));
          if (b === false) return 0;
          return a === null || b === null ? null : 1;
        },
        hint: INT,
        agg,
      };
    case 'OR':
      return {
        ev(f) {
          const a = truthy(l.ev(f));
          if (a === true) return 1;
          const b = truthy(r.ev(f));
          if (b === true) return 1;
          return a === null || b === null ? null : 0;
        },
        hint: INT,
        agg,
      };
    case 'XOR':
      return {
        ev(f) {
          const a = truthy(l.ev(f));
          const b = truthy(r.ev(f));
          return a === null || b === null ? null : a !== b ? 1 : 0;
        },
        hint: INT,
        agg,
      };
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return {
        ev(f) {
          const c = compareValues(l.ev(f), r.ev(f));
          if (c === null) return null;
          const t = op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
          return t ? 1 : 0;
        },
        hint: INT,
        agg,
      };
    case '<=>':
      return {
        ev(f) {
          const a = l.ev(f);
          const b = r.ev(f);
          if (a === null || b === null) return a === b ? 1 : 0;
          return compareValues(a, b) === 0 ? 1 : 0;
        },
        hint: INT,
        agg,
      };
    default:
      return { ev: (f) => arithmetic(op, l.ev(f), r.ev(f)), hint: arithmeticHint(op, l.hint, r.hint), agg };
  }
}

function compileCase(e: Extract<Expr, { k: 'case' }>, env: Env): Compiled {
  const operand = e.operand === null ? null : compile(e.operand, env);
  const whens = e.whens.map(([w, t]) => [compile(w, env), compile(t, env)] as const);
  const otherwise = e.otherwise === null ? null : compile(e.otherwise, env);
  const hints = [...whens.map(([, t]) => t.hint), ...(otherwise === null ? [] : [otherwise.hint])];
  return {
    ev(f) {
      const v = operand === null ? null : operand.ev(f);
      for (const [w, t] of whens) {
        const hit = operand === null ? truthy(w.ev(f)) === true : compareValues(v, w.ev(f)) === 0;
        if (hit) return t.ev(f);
      }
      return otherwise === null ? null : otherwise.ev(f);
    },
    hint: hints.every((h) => h.kind === hints[0].kind) ? hints[0] : ANY,
    agg: (operand?.agg ?? false) || whens.some(([w, t]) => w.agg || t.agg) || (otherwise?.agg ?? false),
  };
}

function compileCast(inner: Expr, to: string, env: Env): Compiled {
  const x = compile(inner, env);
  switch (to) {
    case 'SIGNED':
    case 'UNSIGNED':
      return {
        ev(f) {
          const v = x.ev(f);
          if (v === null) return null;
          if (typeof v === 'string') return int(BigInt(Math.trunc(textToNumber(v))));
          const n = typeof v === 'bigint' ? v : BigInt(Math.sign(v) * Math.round(Math.abs(v)));
          return int(to === 'UNSIGNED' ? BigInt.asUintN(64, n) : n);
        },
        hint: INT,
        agg: x.agg,
      };
    case 'DOUBLE':
    case 'DECIMAL':
      return { ev: (f) => { const v = x.ev(f); return v === null ? null : toDouble(v); }, hint: to === 'DOUBLE' ? FLOAT : { kind: 'decimal', scale: 0 }, agg: x.agg };
    case 'DATETIME':
    case 'DATE':
      return {
        ev(f) {
          const v = x.ev(f);
          if (v === null) return null;
          const s = parseDatetime(valueText(v));
          if (s === null) return null;
          const t = datetimeText(s);
          return to === 'DATE' ? t.slice(0, 10) : t;
        },
        hint: { kind: to === 'DATE' ? 'date' : 'datetime' },
        agg: x.agg,
      };
    default:
      return { ev: (f) => { const v = x.ev(f); return v === null ? null : valueText(v); }, hint: TEXT, agg: x.agg };
  }
}

function compileFunction(e: Extract<Expr, { k: 'fn' }>, env: Env): Compiled {
  const name = e.name;
  if (AGGREGATES.has(name)) return compileAggregate(e, env);
  if (name === 'VALUES') {
    if (env.insertTable === null || e.args.length !== 1 || e.args[0].k !== 'col') throw err.notSimulated('VALUES() outside ON DUPLICATE KEY UPDATE');
    const c = env.insertTable.columnIndex(e.args[0].name);
    if (c < 0) throw err.unknownColumn(e.args[0].name, 'field list');
    return { ev: (f) => (f.inserted === null ? null : f.inserted[c]), hint: columnHint(env.insertTable.columns[c]), agg: false };
  }
  const args = e.args.map((a) => compile(a, env));
  const agg = args.some((a) => a.agg);
  const arity = (min: number, max = min): void => {
    if (args.length < min || args.length > max) throw new MysqlError(1582, `Incorrect parameter count in the call to native function '${name}'`);
  };
  const fn = (ev: (v: SqlValue[]) => SqlValue, hint: Hint): Compiled => ({ ev: (f) => ev(args.map((a) => a.ev(f))), hint, agg });
  const strict = (ev: (v: SqlValue[]) => SqlValue, hint: Hint): Compiled => fn((v) => (v.some((x) => x === null) ? null : ev(v)), hint);
  const rt = env.rt;
  switch (name) {
    case 'NOW':
    case 'SYSDATE':
    case 'CURRENT_TIMESTAMP':
    case 'LOCALTIME':
    case 'LOCALTIMESTAMP':
    case 'UTC_TIMESTAMP':
      arity(0, 1);
      return { ev: () => nowText(rt), hint: { kind: 'datetime' }, agg: false };
    case 'CURDATE':
    case 'UTC_DATE':
      arity(0);
      return { ev: () => nowText(rt).slice(0, 10), hint: { kind: 'date' }, agg: false };
    case 'CURTIME':
      arity(0);
      return { ev: () => nowText(rt).slice(11), hint: TEXT, agg: false };
    case 'UNIX_TIMESTAMP':
      arity(0, 1);
      if (args.length === 0) return { ev: () => Math.floor((rt.epochMs + rt.now) / 1000), hint: INT, agg: false };
      return strict(([v]) => parseDatetime(valueText(v)) ?? 0, INT);
    case 'FROM_UNIXTIME':
      arity(1);
      return strict(([v]) => datetimeText(Math.floor(num(v))), { kind: 'datetime' });
    case 'DATE':
      arity(1);
      return strict(([v]) => {
        const s = parseDatetime(valueText(v));
        return s === null ? null : datetimeText(s).slice(0, 10);
      }, { kind: 'date' });
    case 'LAST_INSERT_ID':
      arity(0);
      return { ev: () => rt.lastInsertId, hint: INT, agg: false };
    case 'RAND':
      arity(0, 1);
      if (args.length === 1) throw err.notSimulated('RAND(seed)');
      return { ev: () => rt.random.next(), hint: FLOAT, agg: false };
    case 'IFNULL':
      arity(2);
      return fn(([a, b]) => (a === null ? b : a), args[0].hint.kind === args[1].hint.kind ? args[0].hint : ANY);
    case 'COALESCE':
      arity(1, 1000);
      return fn((v) => v.find((x) => x !== null) ?? null, ANY);
    case 'NULLIF':
      arity(2);
      return fn(([a, b]) => (compareValues(a, b) === 0 ? null : a), args[0].hint);
    case 'IF':
      arity(3);
      return {
        ev: (f) => (truthy(args[0].ev(f)) === true ? args[1].ev(f) : args[2].ev(f)),
        hint: args[1].hint.kind === args[2].hint.kind ? args[1].hint : ANY,
        agg,
      };
    case 'CONCAT':
      arity(1, 1000);
      return strict((v) => v.map(valueText).join(''), TEXT);
    case 'CONCAT_WS':
      arity(2, 1000);
      return fn(([sep, ...rest]) => (sep === null ? null : rest.filter((x) => x !== null).map(valueText).join(valueText(sep))), TEXT);
    case 'LENGTH':
    case 'OCTET_LENGTH':
      arity(1);
      return strict(([v]) => utf8Length(valueText(v)), INT);
    case 'CHAR_LENGTH':
    case 'CHARACTER_LENGTH':
      arity(1);
      return strict(([v]) => [...valueText(v)].length, INT);
    case 'LOWER':
    case 'LCASE':
      arity(1);
      return strict(([v]) => valueText(v).toLowerCase(), TEXT);
    case 'UPPER':
    case 'UCASE':
      arity(1);
      return strict(([v]) => valueText(v).toUpperCase(), TEXT);
    case 'TRIM':
      arity(1);
      return strict(([v]) => valueText(v).replace(/^ +| +$/g, ''), TEXT);
    case 'LTRIM':
      arity(1);
      return strict(([v]) => valueText(v).replace(/^ +/, ''), TEXT);
    case 'RTRIM':
      arity(1);
      return strict(([v]) => valueText(v).replace(/ +$/, ''), TEXT);
    case 'SUBSTRING':
    case 'SUBSTR':
    case 'MID':
      arity(2, 3);
      return strict(([s, p, n]) => substring(valueText(s), num(p), n === undefined ? undefined : num(n)), TEXT);
    case 'LEFT':
      arity(2);
      return strict(([s, n]) => [...valueText(s)].slice(0, Math.max(0, Math.round(num(n)))).join(''), TEXT);
    case 'RIGHT':
      arity(2);
      return strict(([s, n]) => {
        const cs = [...valueText(s)];
        const k = Math.max(0, Math.round(num(n)));
        return k === 0 ? '' : cs.slice(-k).join('');
      }, TEXT);
    case 'REPLACE':
      arity(3);
      return strict(([s, a, b]) => (valueText(a) === '' ? valueText(s) : valueText(s).split(valueText(a)).join(valueText(b))), TEXT);
    case 'ABS':
      arity(1);
      return strict(([v]) => (typeof v === 'bigint' ? int(v < 0n ? -v : v) : Math.abs(num(v))), args[0].hint);
    case 'CEIL':
    case 'CEILING':
      arity(1);
      return strict(([v]) => (isInteger(v) ? v : Math.ceil(num(v))), INT);
    case 'FLOOR':
      arity(1);
      return strict(([v]) => (isInteger(v) ? v : Math.floor(num(v))), INT);
    case 'ROUND':
      arity(1, 2);
      return strict(([v, d]) => {
        if (isInteger(v) && d === undefined) return v;
        const k = d === undefined ? 0 : Math.trunc(num(d));
        const f = 10 ** k;
        const x = num(v);
        return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
      }, args.length === 1 ? INT : ANY);
    case 'MOD':
      arity(2);
      return strict(([a, b]) => arithmetic('%', a, b), args[0].hint);
    case 'GREATEST':
    case 'LEAST':
      arity(2, 1000);
      return strict((v) => v.reduce((m, x) => ((sortCompare(x, m) > 0) === (name === 'GREATEST') ? x : m)), ANY);
    case 'SIGN':
      arity(1);
      return strict(([v]) => Math.sign(num(v)), INT);
    case 'POW':
    case 'POWER':
      arity(2);
      return strict(([a, b]) => num(a) ** num(b), FLOAT);
    case 'SQRT':
      arity(1);
      return strict(([v]) => {
        const x = num(v);
        return x < 0 ? null : Math.sqrt(x);
      }, FLOAT);
    default:
      throw err.notSimulated(`function ${name}()`);
  }
}

/** A non-NULL value as a double (text by its numeric prefix). */
function num(v: SqlValue): number {
  return v === null ? 0 : toDouble(v);
}

function substring(s: string, pos: number, len?: number): string {
  const cs = [...s];
  if (pos === 0) return '';
  const start = pos > 0 ? pos - 1 : cs.length + pos;
  if (start < 0 || start >= cs.length) return '';
  const end = len === undefined ? cs.length : start + Math.max(0, len);
  return cs.slice(start, end).join('');
}

function compileAggregate(e: Extract<Expr, { k: 'fn' }>, env: Env): Compiled {
  if (!env.aggregates) throw err.groupFunction();
  if (['BIT_AND', 'BIT_OR', 'STD', 'STDDEV', 'VARIANCE'].includes(e.name)) throw err.notSimulated(`function ${e.name}()`);
  const inner: Env = { ...env, aggregates: false };
  if (!e.star && e.args.length !== 1 && e.name !== 'GROUP_CONCAT') throw err.syntax(`${e.name}(...)`, 1);
  const args = e.args.map((a) => compile(a, inner));
  const arg = args[0];
  const values = (f: Frame): SqlValue[] => {
    const members = f.group ?? [f];
    const out: SqlValue[] = [];
    const seen = new Set<string>();
    for (const m of members) {
      const vs = args.map((a) => a.ev(m));
      if (vs.some((v) => v === null)) continue;
      const v = vs.length === 1 ? vs[0] : vs.map(valueText).join('');
      if (e.distinct) {
        const k = groupKey(v);
        if (seen.has(k)) continue;
        seen.add(k);
      }
      out.push(v);
    }
    return out;
  };
  switch (e.name) {
    case 'COUNT':
      if (e.star) return { ev: (f) => (f.group ?? [f]).length, hint: INT, agg: true };
      return { ev: (f) => values(f).length, hint: INT, agg: true };
    case 'SUM':
    case 'AVG': {
      const exact = arg.hint.kind === 'int' || arg.hint.kind === 'decimal';
      const scale = (arg.hint.scale ?? 0) + (e.name === 'AVG' ? 4 : 0);
      return {
        ev(f) {
          const vs = values(f);
          if (vs.length === 0) return null;
          let sum: SqlValue;
          if (vs.every(isInteger)) sum = int(vs.reduce((s: bigint, v) => s + BigInt(v as number | bigint), 0n));
          else sum = vs.reduce((s: number, v) => s + num(v), 0);
          if (e.name === 'SUM') return sum;
          return Number(sum) / vs.length;
        },
        hint: exact ? { kind: 'decimal', scale } : FLOAT,
        agg: true,
      };
    }
    case 'MIN':
    case 'MAX':
      return {
        ev(f) {
          const vs = values(f);
          if (vs.length === 0) return null;
          return vs.reduce((m, v) => ((sortCompare(v, m) < 0) === (e.name === 'MIN') ? v : m));
        },
        hint: arg.hint,
        agg: true,
      };
    default: {
      const sep = e.separator ?? ',';
      return {
        ev(f) {
          const vs = values(f);
          if (vs.length === 0) return null;
          return vs.map(valueText).join(sep).slice(0, GROUP_CONCAT_MAX);
        },
        hint: TEXT,
        agg: true,
      };
    }
  }
}

/** LIKE with % and _, case-insensitive like the column collation; O(text × pattern). */
export function likeMatch(text: string, pattern: string, escape: string | null): boolean {
  const t = [...text.toLowerCase()];
  const tokens: Array<{ any: boolean; one: boolean; ch: string }> = [];
  const p = [...pattern.toLowerCase()];
  for (let i = 0; i < p.length; i++) {
    if (escape !== null && p[i] === escape && i + 1 < p.length) tokens.push({ any: false, one: false, ch: p[++i] });
    else if (p[i] === '%') tokens.push({ any: true, one: false, ch: '' });
    else if (p[i] === '_') tokens.push({ any: false, one: true, ch: '' });
    else tokens.push({ any: false, one: false, ch: p[i] });
  }
  let ti = 0;
  let pi = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    const tok = tokens[pi];
    if (tok !== undefined && tok.any) {
      star = pi++;
      mark = ti;
    } else if (tok !== undefined && (tok.one || tok.ch === t[ti])) {
      pi++;
      ti++;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pi < tokens.length && tokens[pi].any) pi++;
  return pi === tokens.length;
}

