// List commands. Blocking pops answer at once when an element is there; when they would block
// they answer "not simulated" (a simulated worker thread cannot wait).
import { utf8Length } from '../text';
import { normaliseRange, parseIndex } from './args';
import type { CommandTable, Context } from './command';
import { OK, RedisError, SYNTAX, type Reply } from './reply';

function push(ctx: Context, a: string[], left: boolean, onlyExisting: boolean): Reply {
  if (onlyExisting && ctx.ks.read(a[0], 'list') === undefined) return 0;
  const slot = ctx.ks.open(a[0], 'list');
  const list = slot.value.value;
  for (const v of a.slice(1)) {
    if (left) list.unshift(v);
    else list.push(v);
    ctx.ks.grow(slot, utf8Length(v));
  }
  return list.length;
}

function pop(ctx: Context, key: string, left: boolean): string | null {
  const slot = ctx.ks.lookup(key);
  const list = ctx.ks.read(key, 'list');
  if (list === undefined || slot === undefined) return null;
  const v = (left ? list.shift() : list.pop()) as string;
  ctx.ks.grow(slot, -utf8Length(v));
  ctx.ks.dropIfEmpty(key, slot);
  return v;
}

function blockingPop(ctx: Context, a: string[], left: boolean, name: string): Reply {
  const keys = a.slice(0, -1);
  for (const key of keys) {
    const list = ctx.ks.read(key, 'list');
    if (list !== undefined && list.length > 0) return [key, pop(ctx, key, left)];
  }
  throw new RedisError(`ERR not simulated: ${name} on empty lists (it would block the worker thread)`);
}

function rpoplpush(ctx: Context, from: string, to: string): Reply {
  const src = ctx.ks.read(from, 'list');
  if (src === undefined) return null;
  if (ctx.ks.lookup(to) !== undefined) ctx.ks.read(to, 'list'); // WRONGTYPE before moving anything
  const v = pop(ctx, from, false) as string;
  push(ctx, [to, v], true, false);
  return v;
}

export const listCommands: CommandTable = {
  LPUSH: { arity: -3, grows: true, run: (ctx, a) => push(ctx, a, true, false) },
  RPUSH: { arity: -3, grows: true, run: (ctx, a) => push(ctx, a, false, false) },
  LPUSHX: { arity: -3, grows: true, run: (ctx, a) => push(ctx, a, true, true) },
  RPUSHX: { arity: -3, grows: true, run: (ctx, a) => push(ctx, a, false, true) },
  LPOP: { arity: 2, run: (ctx, a) => pop(ctx, a[0], true) },
  RPOP: { arity: 2, run: (ctx, a) => pop(ctx, a[0], false) },
  LLEN: { arity: 2, run: (ctx, a) => ctx.ks.read(a[0], 'list')?.length ?? 0 },
  LRANGE: {
    arity: 4,
    run(ctx, a) {
      const start = parseIndex(a[1]);
      const stop = parseIndex(a[2]);
      const list = ctx.ks.read(a[0], 'list') ?? [];
      const r = normaliseRange(start, stop, list.length);
      return r === null ? [] : list.slice(r[0], r[1] + 1);
    },
  },
  LINDEX: {
    arity: 3,
    run(ctx, a) {
      let i = parseIndex(a[1]);
      const list = ctx.ks.read(a[0], 'list') ?? [];
      if (i < 0) i += list.length;
      return i >= 0 && i < list.length ? list[i] : null;
    },
  },
  LSET: {
    arity: 4,
    grows: true,
    run(ctx, a) {
      let i = parseIndex(a[1]);
      const slot = ctx.ks.lookup(a[0]);
      const list = ctx.ks.read(a[0], 'list');
      if (list === undefined || slot === undefined) throw new RedisError('ERR no such key');
      if (i < 0) i += list.length;
      if (i < 0 || i >= list.length) throw new RedisError('ERR index out of range');
      ctx.ks.grow(slot, utf8Length(a[2]) - utf8Length(list[i]));
      list[i] = a[2];
      return OK;
    },
  },
  LREM: {
    arity: 4,
    run(ctx, a) {
      const count = parseIndex(a[1]);
      const slot = ctx.ks.lookup(a[0]);
      const list = ctx.ks.read(a[0], 'list');
      if (list === undefined || slot === undefined) return 0;
      const limit = count === 0 ? Infinity : Math.abs(count);
      let removed = 0;
      if (count >= 0) {
        for (let i = 0; i < list.length && removed < limit; ) {
          if (list[i] === a[2]) {
            list.splice(i, 1);
            removed++;
          } else i++;
        }
      } else {
        for (let i = list.length - 1; i >= 0 && removed < limit; i--) {
          if (list[i] === a[2]) {
            list.splice(i, 1);
            removed++;
          }
        }
      }
      ctx.ks.grow(slot, -removed * utf8Length(a[2]));
      ctx.ks.dropIfEmpty(a[0], slot);
      return removed;
    },
  },
  LTRIM: {
    arity: 4,
    run(ctx, a) {
      const start = parseIndex(a[1]);
      const stop = parseIndex(a[2]);
      const slot = ctx.ks.lookup(a[0]);
      const list = ctx.ks.read(a[0], 'list');
      if (list === undefined || slot === undefined) return OK;
      const r = normaliseRange(start, stop, list.length);
      const kept = r === null ? [] : list.slice(r[0], r[1] + 1);
      let gone = 0;
      for (const v of list) gone += utf8Length(v);
      for (const v of kept) gone -= utf8Length(v);
      list.length = 0;
      for (const v of kept) list.push(v);
      ctx.ks.grow(slot, -gone);
      ctx.ks.dropIfEmpty(a[0], slot);
      return OK;
    },
  },
  LINSERT: {
    arity: 5,
    grows: true,
    run(ctx, a) {
      const where = a[1].toUpperCase();
      if (where !== 'BEFORE' && where !== 'AFTER') throw new RedisError(SYNTAX);
      const slot = ctx.ks.lookup(a[0]);
      const list = ctx.ks.read(a[0], 'list');
      if (list === undefined || slot === undefined) return 0;
      const i = list.indexOf(a[2]);
      if (i < 0) return -1;
      list.splice(where === 'BEFORE' ? i : i + 1, 0, a[3]);
      ctx.ks.grow(slot, utf8Length(a[3]));
      return list.length;
    },
  },
  RPOPLPUSH: { arity: 3, grows: true, run: (ctx, a) => rpoplpush(ctx, a[0], a[1]) },
  BLPOP: { arity: -3, run: (ctx, a) => blockingPop(ctx, a, true, 'BLPOP') },
  BRPOP: { arity: -3, run: (ctx, a) => blockingPop(ctx, a, false, 'BRPOP') },
  BRPOPLPUSH: {
    arity: 4,
    grows: true,
    run(ctx, a) {
      const src = ctx.ks.read(a[0], 'list');
      if (src === undefined) throw new RedisError('ERR not simulated: BRPOPLPUSH on an empty list (it would block the worker thread)');
      return rpoplpush(ctx, a[0], a[1]);
    },
  },
};
