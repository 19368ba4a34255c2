// Keyspace commands: DEL/EXISTS, expiry (on the virtual clock), TYPE, RENAME, KEYS/SCAN, and the
// connection commands a redis.StrictRedis user may send (PING, ECHO, TIME, SELECT 0).
import { parseIndex, parseInt64 } from './args';
import type { CommandTable, Context } from './command';
import { globMatch } from './glob';
import type { RedisType } from './keyspace';
import { OK, RedisError, SYNTAX, Status, type Reply } from './reply';

function setExpiry(ctx: Context, key: string, at: number): Reply {
  const slot = ctx.ks.lookup(key);
  if (slot === undefined) return 0;
  if (at <= ctx.now) ctx.ks.remove(key);
  else slot.expireAt = at;
  return 1;
}

function ttl(ctx: Context, key: string, unitMs: number): Reply {
  const slot = ctx.ks.lookup(key);
  if (slot === undefined) return -2;
  if (slot.expireAt === null) return -1;
  const left = slot.expireAt - ctx.now;
  // Redis rounds TTL to the nearest second ((ms + 500) / 1000).
  return unitMs === 1 ? left : Math.floor((left + 500) / 1000);
}

function expireAmount(ctx: Context, text: string): number {
  const n = parseInt64(text);
  return Number(n);
}

function rename(ctx: Context, a: string[], onlyIfFree: boolean): Reply {
  const [from, to] = a;
  const slot = ctx.ks.lookup(from);
  if (slot === undefined) throw new RedisError('ERR no such key');
  if (from === to) return onlyIfFree ? 0 : OK;
  if (onlyIfFree && ctx.ks.lookup(to) !== undefined) return 0;
  ctx.ks.remove(from);
  ctx.ks.put(to, slot.value, slot.expireAt);
  return onlyIfFree ? 1 : OK;
}

/** SCAN-style options: MATCH pattern, COUNT n (a hint, ignored), TYPE t (SCAN only). */
export function scanOptions(a: string[], from: number, allowType: boolean): { match: string | null; type: string | null } {
  let match: string | null = null;
  let type: string | null = null;
  for (let i = from; i < a.length; i += 2) {
    const opt = a[i].toUpperCase();
    if (i + 1 >= a.length) throw new RedisError(SYNTAX);
    if (opt === 'MATCH') match = a[i + 1];
    else if (opt === 'COUNT') {
      if (parseIndex(a[i + 1]) < 1) throw new RedisError(SYNTAX);
    } else if (opt === 'TYPE' && allowType) type = a[i + 1].toLowerCase();
    else throw new RedisError(SYNTAX);
  }
  return { match, type };
}

/** A SCAN cursor: an unsigned integer; the whole matching set comes back at cursor 0 (see CONTEXT.md). */
export function scanCursor(text: string): bigint {
  if (!/^[0-9]{1,20}$/.test(text)) throw new RedisError('ERR invalid cursor');
  return BigInt(text);
}

function typeOf(ctx: Context, key: string): RedisType | 'none' {
  const slot = ctx.ks.lookup(key);
  return slot === undefined ? 'none' : slot.value.type;
}

export const keyCommands: CommandTable = {
  DEL: { arity: -2, run: (ctx, a) => a.filter((k) => ctx.ks.lookup(k) !== undefined && ctx.ks.remove(k)).length },
  UNLINK: { arity: -2, run: (ctx, a) => a.filter((k) => ctx.ks.lookup(k) !== undefined && ctx.ks.remove(k)).length },
  EXISTS: { arity: -2, run: (ctx, a) => a.filter((k) => ctx.ks.lookup(k) !== undefined).length },
  EXPIRE: { arity: 3, run: (ctx, a) => setExpiry(ctx, a[0], ctx.now + expireAmount(ctx, a[1]) * 1000) },
  PEXPIRE: { arity: 3, run: (ctx, a) => setExpiry(ctx, a[0], ctx.now + expireAmount(ctx, a[1])) },
  EXPIREAT: { arity: 3, run: (ctx, a) => setExpiry(ctx, a[0], expireAmount(ctx, a[1]) * 1000 - ctx.epochMs) },
  PEXPIREAT: { arity: 3, run: (ctx, a) => setExpiry(ctx, a[0], expireAmount(ctx, a[1]) - ctx.epochMs) },
  TTL: { arity: 2, run: (ctx, a) => ttl(ctx, a[0], 1000) },
  PTTL: { arity: 2, run: (ctx, a) => ttl(ctx, a[0], 1) },
  PERSIST: {
    arity: 2,
    run(ctx, a) {
      const slot = ctx.ks.lookup(a[0]);
      if (slot === undefined || slot.expireAt === null) return 0;
      slot.expireAt = null;
      return 1;
    },
  },
  TYPE: { arity: 2, run: (ctx, a) => new Status(typeOf(ctx, a[0])) },
  RENAME: { arity: 3, run: (ctx, a) => rename(ctx, a, false) },
  RENAMENX: { arity: 3, run: (ctx, a) => rename(ctx, a, true) },
  KEYS: { arity: 2, run: (ctx, a) => ctx.ks.liveKeys().filter((k) => globMatch(a[0], k)) },
  SCAN: {
    arity: -2,
    run(ctx, a) {
      const cursor = scanCursor(a[0]);
      const { match, type } = scanOptions(a, 1, true);
      if (cursor !== 0n) return ['0', []];
      const keys = ctx.ks.liveKeys().filter((k) => (match === null || globMatch(match, k)) && (type === null || typeOf(ctx, k) === type));
      return ['0', keys];
    },
  },
  RANDOMKEY: {
    arity: 1,
    run(ctx) {
      const keys = ctx.ks.liveKeys();
      return keys.length === 0 ? null : keys[ctx.random.int(keys.length)];
    },
  },
  DBSIZE: { arity: 1, run: (ctx) => ctx.ks.size() },
  FLUSHDB: {
    arity: -1,
    run(ctx) {
      ctx.ks.clear();
      return OK;
    },
  },
  FLUSHALL: {
    arity: -1,
    run(ctx) {
      ctx.ks.clear();
      return OK;
    },
  },
  PING: { arity: -1, run: (_ctx, a) => (a.length === 0 ? new Status('PONG') : a[0]) },
  ECHO: { arity: 2, run: (_ctx, a) => a[0] },
  TIME: {
    arity: 1,
    run(ctx) {
      const ms = ctx.epochMs + ctx.now;
      const seconds = Math.floor(ms / 1000);
      return [String(seconds), String(Math.round((ms - seconds * 1000) * 1000))];
    },
  },
  SELECT: {
    arity: 2,
    run(_ctx, a) {
      if (a[0] !== '0') throw new RedisError('ERR not simulated: SELECT of a database other than 0');
      return OK;
    },
  },
};
