// Hash commands. Fields keep insertion order (a small Redis hash answers in that order too).
import { utf8Length } from '../text';
import { checkInt64, formatDouble, isInt64Text, parseDouble, parseInt64 } from './args';
import type { CommandTable, Context } from './command';
import { globMatch } from './glob';
import { scanCursor, scanOptions } from './keys';
import { OK, RedisError, intReply, wrongArity, type Reply } from './reply';

function hset(ctx: Context, key: string, pairs: string[], onlyNew: boolean): number {
  const slot = ctx.ks.open(key, 'hash');
  const h = slot.value.value;
  let added = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const [f, v] = [pairs[i], pairs[i + 1]];
    const old = h.get(f);
    if (old === undefined) {
      added++;
      ctx.ks.grow(slot, utf8Length(f) + utf8Length(v));
    } else if (onlyNew) continue;
    else ctx.ks.grow(slot, utf8Length(v) - utf8Length(old));
    h.set(f, v);
  }
  return added;
}

function flat(h: Map<string, string>, match: string | null = null): string[] {
  const out: string[] = [];
  for (const [f, v] of h) if (match === null || globMatch(match, f)) out.push(f, v);
  return out;
}

export const hashCommands: CommandTable = {
  HSET: {
    arity: -4,
    grows: true,
    run(ctx, a) {
      if (a.length % 2 !== 1) throw wrongArity('hset');
      return hset(ctx, a[0], a.slice(1), false);
    },
  },
  HSETNX: { arity: 4, grows: true, run: (ctx, a) => hset(ctx, a[0], [a[1], a[2]], true) },
  HMSET: {
    arity: -4,
    grows: true,
    run(ctx, a) {
      if (a.length % 2 !== 1) throw wrongArity('hmset');
      hset(ctx, a[0], a.slice(1), false);
      return OK;
    },
  },
  HGET: { arity: 3, run: (ctx, a) => ctx.ks.read(a[0], 'hash')?.get(a[1]) ?? null },
  HMGET: {
    arity: -3,
    run(ctx, a) {
      const h = ctx.ks.read(a[0], 'hash');
      return a.slice(1).map((f) => h?.get(f) ?? null);
    },
  },
  HGETALL: { arity: 2, run: (ctx, a) => flat(ctx.ks.read(a[0], 'hash') ?? new Map()) },
  HKEYS: { arity: 2, run: (ctx, a) => [...(ctx.ks.read(a[0], 'hash')?.keys() ?? [])] },
  HVALS: { arity: 2, run: (ctx, a) => [...(ctx.ks.read(a[0], 'hash')?.values() ?? [])] },
  HLEN: { arity: 2, run: (ctx, a) => ctx.ks.read(a[0], 'hash')?.size ?? 0 },
  HEXISTS: { arity: 3, run: (ctx, a) => (ctx.ks.read(a[0], 'hash')?.has(a[1]) ? 1 : 0) },
  HSTRLEN: { arity: 3, run: (ctx, a) => utf8Length(ctx.ks.read(a[0], 'hash')?.get(a[1]) ?? '') },
  HDEL: {
    arity: -3,
    run(ctx, a) {
      const slot = ctx.ks.lookup(a[0]);
      const h = ctx.ks.read(a[0], 'hash');
      if (h === undefined || slot === undefined) return 0;
      let n = 0;
      for (const f of a.slice(1)) {
        const old = h.get(f);
        if (old === undefined) continue;
        h.delete(f);
        ctx.ks.grow(slot, -(utf8Length(f) + utf8Length(old)));
        n++;
      }
      ctx.ks.dropIfEmpty(a[0], slot);
      return n;
    },
  },
  HINCRBY: {
    arity: 4,
    grows: true,
    run(ctx, a): Reply {
      const by = parseInt64(a[2]);
      const old = ctx.ks.read(a[0], 'hash')?.get(a[1]);
      if (old !== undefined && !isInt64Text(old)) throw new RedisError('ERR hash value is not an integer');
      const next = checkInt64((old === undefined ? 0n : BigInt(old)) + by, 'ERR increment or decrement would overflow');
      hset(ctx, a[0], [a[1], next.toString()], false);
      return intReply(next);
    },
  },
  HINCRBYFLOAT: {
    arity: 4,
    grows: true,
    run(ctx, a) {
      const by = parseDouble(a[2]);
      const old = ctx.ks.read(a[0], 'hash')?.get(a[1]);
      const base = old === undefined ? 0 : parseDouble(old, 'ERR hash value is not a float');
      const next = base + by;
      if (!Number.isFinite(next)) throw new RedisError('ERR increment would produce NaN or Infinity');
      const text = formatDouble(next);
      hset(ctx, a[0], [a[1], text], false);
      return text;
    },
  },
  HSCAN: {
    arity: -3,
    run(ctx, a) {
      const cursor = scanCursor(a[1]);
      const { match } = scanOptions(a, 2, false);
      if (cursor !== 0n) return ['0', []];
      return ['0', flat(ctx.ks.read(a[0], 'hash') ?? new Map(), match)];
    },
  },
};
