// String commands: GET/SET and friends, counters (INCR*), byte ranges.
import { utf8Decode, utf8Encode, utf8Length } from '../text';
import { checkInt64, formatDouble, isInt64Text, normaliseRange, parseDouble, parseIndex, parseInt64 } from './args';
import type { CommandTable, Context } from './command';
import { NOT_INTEGER, OK, RedisError, SYNTAX, WRONGTYPE, intReply, wrongArity, type Reply } from './reply';

function getString(ctx: Context, key: string): string | null {
  const v = ctx.ks.read(key, 'string');
  return v === undefined ? null : v;
}

function setString(ctx: Context, key: string, value: string, expireAt: number | null): void {
  ctx.ks.put(key, { type: 'string', value }, expireAt);
}

/** Replaces a string value in place, keeping the key's expiry (INCR, APPEND, SETRANGE do). */
function updateString(ctx: Context, key: string, value: string): void {
  const slot = ctx.ks.lookup(key);
  const expireAt = slot === undefined ? null : slot.expireAt;
  setString(ctx, key, value, expireAt);
}

function expiry(ctx: Context, amount: string, unitMs: number, command: string): number {
  const n = parseInt64(amount);
  if (n <= 0n) throw new RedisError(`ERR invalid expire time in '${command}' command`);
  return ctx.now + Number(n) * unitMs;
}

function incrBy(ctx: Context, key: string, by: bigint): Reply {
  const old = getString(ctx, key);
  if (old !== null && !isInt64Text(old)) throw new RedisError(NOT_INTEGER);
  const next = checkInt64((old === null ? 0n : BigInt(old)) + by, 'ERR increment or decrement would overflow');
  updateString(ctx, key, next.toString());
  return intReply(next);
}

function set(ctx: Context, a: string[]): Reply {
  const [key, value] = a;
  let nx = false;
  let xx = false;
  let keepTtl = false;
  let get = false;
  let expireAt: number | null = null;
  let timed = false;
  for (let i = 2; i < a.length; i++) {
    const opt = a[i].toUpperCase();
    if (opt === 'NX' && !xx) nx = true;
    else if (opt === 'XX' && !nx) xx = true;
    else if (opt === 'KEEPTTL' && !timed) keepTtl = true;
    else if (opt === 'GET') get = true;
    else if ((opt === 'EX' || opt === 'PX') && !timed && !keepTtl && i + 1 < a.length) {
      expireAt = expiry(ctx, a[++i], opt === 'EX' ? 1000 : 1, 'set');
      timed = true;
    } else throw new RedisError(SYNTAX);
  }
  const slot = ctx.ks.lookup(key);
  let old: string | null = null;
  if (get && slot !== undefined) {
    if (slot.value.type !== 'string') throw new RedisError(WRONGTYPE);
    old = slot.value.value;
  }
  if ((nx && slot !== undefined) || (xx && slot === undefined)) return get ? old : null;
  setString(ctx, key, value, keepTtl && slot !== undefined ? slot.expireAt : expireAt);
  return get ? old : OK;
}

function getRange(ctx: Context, a: string[]): Reply {
  const start = parseIndex(a[1]);
  const stop = parseIndex(a[2]);
  const s = getString(ctx, a[0]);
  if (s === null) return '';
  const bytes = utf8Encode(s);
  const r = normaliseRange(start, stop, bytes.length);
  return r === null ? '' : utf8Decode(bytes.slice(r[0], r[1] + 1));
}

function setRange(ctx: Context, a: string[]): Reply {
  const offset = parseIndex(a[1]);
  if (offset < 0) throw new RedisError('ERR offset is out of range');
  const old = getString(ctx, a[0]);
  const add = utf8Encode(a[2]);
  if (old === null && add.length === 0) return 0;
  const bytes = old === null ? [] : utf8Encode(old);
  if (offset + add.length > ctx.ks.maxBytes) throw new RedisError('ERR string exceeds maximum allowed size (the store cap)');
  while (bytes.length < offset) bytes.push(0);
  for (let i = 0; i < add.length; i++) bytes[offset + i] = add[i];
  const value = utf8Decode(bytes);
  updateString(ctx, a[0], value);
  return bytes.length;
}

export const stringCommands: CommandTable = {
  GET: { arity: 2, run: (ctx, a) => getString(ctx, a[0]) },
  SET: { arity: -3, grows: true, run: set },
  SETNX: {
    arity: 3,
    grows: true,
    run(ctx, a) {
      if (ctx.ks.lookup(a[0]) !== undefined) return 0;
      setString(ctx, a[0], a[1], null);
      return 1;
    },
  },
  SETEX: {
    arity: 4,
    grows: true,
    run(ctx, a) {
      setString(ctx, a[0], a[2], expiry(ctx, a[1], 1000, 'setex'));
      return OK;
    },
  },
  PSETEX: {
    arity: 4,
    grows: true,
    run(ctx, a) {
      setString(ctx, a[0], a[2], expiry(ctx, a[1], 1, 'psetex'));
      return OK;
    },
  },
  GETSET: {
    arity: 3,
    grows: true,
    run(ctx, a) {
      const old = getString(ctx, a[0]);
      setString(ctx, a[0], a[1], null);
      return old;
    },
  },
  GETDEL: {
    arity: 2,
    run(ctx, a) {
      const old = getString(ctx, a[0]);
      if (old !== null) ctx.ks.remove(a[0]);
      return old;
    },
  },
  MGET: {
    arity: -2,
    run(ctx, a) {
      return a.map((key) => {
        const slot = ctx.ks.lookup(key);
        return slot !== undefined && slot.value.type === 'string' ? slot.value.value : null;
      });
    },
  },
  MSET: {
    arity: -3,
    grows: true,
    run(ctx, a) {
      if (a.length % 2 !== 0) throw wrongArity('mset');
      for (let i = 0; i < a.length; i += 2) setString(ctx, a[i], a[i + 1], null);
      return OK;
    },
  },
  MSETNX: {
    arity: -3,
    grows: true,
    run(ctx, a) {
      if (a.length % 2 !== 0) throw wrongArity('msetnx');
      for (let i = 0; i < a.length; i += 2) if (ctx.ks.lookup(a[i]) !== undefined) return 0;
      for (let i = 0; i < a.length; i += 2) setString(ctx, a[i], a[i + 1], null);
      return 1;
    },
  },
  APPEND: {
    arity: 3,
    grows: true,
    run(ctx, a) {
      const value = (getString(ctx, a[0]) ?? '') + a[1];
      updateString(ctx, a[0], value);
      return utf8Length(value);
    },
  },
  STRLEN: { arity: 2, run: (ctx, a) => utf8Length(getString(ctx, a[0]) ?? '') },
  INCR: { arity: 2, grows: true, run: (ctx, a) => incrBy(ctx, a[0], 1n) },
  DECR: { arity: 2, grows: true, run: (ctx, a) => incrBy(ctx, a[0], -1n) },
  INCRBY: { arity: 3, grows: true, run: (ctx, a) => incrBy(ctx, a[0], parseInt64(a[1])) },
  DECRBY: {
    arity: 3,
    grows: true,
    run: (ctx, a) => incrBy(ctx, a[0], -checkInt64(parseInt64(a[1]), NOT_INTEGER)),
  },
  INCRBYFLOAT: {
    arity: 3,
    grows: true,
    run(ctx, a) {
      const by = parseDouble(a[1]);
      const old = getString(ctx, a[0]);
      const base = old === null ? 0 : parseDouble(old);
      const next = base + by;
      if (!Number.isFinite(next)) throw new RedisError('ERR increment would produce NaN or Infinity');
      const text = formatDouble(next);
      updateString(ctx, a[0], text);
      return text;
    },
  },
  GETRANGE: { arity: 4, run: getRange },
  SUBSTR: { arity: 4, run: getRange },
  SETRANGE: { arity: 4, grows: true, run: setRange },
};
