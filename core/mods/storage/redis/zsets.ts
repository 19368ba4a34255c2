// Sorted-set commands. Order is Redis's: by score, then by the member's bytes. Scores are written
// as Redis writes doubles; redis-py turns them into floats (see apollo.ts).
import { compareCodePoints, utf8Length } from '../text';
import { formatDouble, normaliseRange, parseDouble, parseIndex } from './args';
import type { CommandTable, Context } from './command';
import { globMatch } from './glob';
import { scanCursor, scanOptions } from './keys';
import { SCORE_BYTES, zsetOrder, type ZSet } from './keyspace';
import { RedisError, SYNTAX, type Reply } from './reply';

const NOT_A_SCORE = 'ERR min or max is not a float';

interface Bound {
  value: number;
  exclusive: boolean;
}

function parseBound(s: string): Bound {
  if (s.startsWith('(')) return { value: parseDouble(s.slice(1), NOT_A_SCORE), exclusive: true };
  return { value: parseDouble(s, NOT_A_SCORE), exclusive: false };
}

const above = (score: number, b: Bound): boolean => (b.exclusive ? score > b.value : score >= b.value);
const below = (score: number, b: Bound): boolean => (b.exclusive ? score < b.value : score <= b.value);

function zset(ctx: Context, key: string): ZSet | undefined {
  return ctx.ks.read(key, 'zset');
}

function withScores(z: ZSet, members: string[], scores: boolean): Reply {
  if (!scores) return members;
  const out: string[] = [];
  for (const m of members) out.push(m, formatDouble(z.scores.get(m) as number));
  return out;
}

function setScore(ctx: Context, key: string, member: string, score: number): void {
  const slot = ctx.ks.open(key, 'zset');
  const z = slot.value.value;
  if (!z.scores.has(member)) ctx.ks.grow(slot, utf8Length(member) + SCORE_BYTES);
  z.scores.set(member, score);
  z.order = null;
}

function removeMembers(ctx: Context, key: string, members: string[]): number {
  const slot = ctx.ks.lookup(key);
  const z = zset(ctx, key);
  if (z === undefined || slot === undefined) return 0;
  let n = 0;
  for (const m of members) {
    if (!z.scores.delete(m)) continue;
    ctx.ks.grow(slot, -(utf8Length(m) + SCORE_BYTES));
    n++;
  }
  if (n > 0) z.order = null;
  ctx.ks.dropIfEmpty(key, slot);
  return n;
}

function zadd(ctx: Context, a: string[]): Reply {
  let i = 1;
  const flags = new Set<string>();
  while (i < a.length && ['NX', 'XX', 'CH', 'INCR', 'GT', 'LT'].includes(a[i].toUpperCase())) flags.add(a[i++].toUpperCase());
  const pairs = a.slice(i);
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw new RedisError(SYNTAX);
  if (flags.has('NX') && flags.has('XX')) throw new RedisError('ERR XX and NX options at the same time are not compatible');
  if (flags.has('INCR') && pairs.length !== 2) throw new RedisError('ERR INCR option supports a single increment-element pair');
  const scores = [];
  for (let k = 0; k < pairs.length; k += 2) scores.push(parseDouble(pairs[k]));
  zset(ctx, a[0]); // WRONGTYPE before anything changes
  let added = 0;
  let changed = 0;
  let result: number | null = null;
  for (let k = 0; k < pairs.length; k += 2) {
    const member = pairs[k + 1];
    const old = zset(ctx, a[0])?.scores.get(member);
    if ((flags.has('NX') && old !== undefined) || (flags.has('XX') && old === undefined)) continue;
    let score = scores[k / 2];
    if (flags.has('INCR')) {
      score = (old ?? 0) + score;
      if (Number.isNaN(score)) throw new RedisError('ERR resulting score is not a number (NaN)');
    }
    if (old !== undefined && ((flags.has('GT') && score <= old) || (flags.has('LT') && score >= old))) continue;
    result = score;
    if (old === undefined) added++;
    else if (old !== score) changed++;
    setScore(ctx, a[0], member, score);
  }
  if (flags.has('INCR')) return result === null ? null : formatDouble(result);
  return flags.has('CH') ? added + changed : added;
}

function rangeByRank(ctx: Context, a: string[], reverse: boolean): Reply {
  const start = parseIndex(a[1]);
  const stop = parseIndex(a[2]);
  let scores = false;
  if (a.length === 4 && a[3].toUpperCase() === 'WITHSCORES') scores = true;
  else if (a.length > 3) throw new RedisError(SYNTAX);
  const z = zset(ctx, a[0]);
  if (z === undefined) return [];
  const order = reverse ? [...zsetOrder(z)].reverse() : zsetOrder(z);
  const r = normaliseRange(start, stop, order.length);
  return r === null ? [] : withScores(z, order.slice(r[0], r[1] + 1), scores);
}

function rangeByScore(ctx: Context, a: string[], reverse: boolean): Reply {
  const max = parseBound(reverse ? a[1] : a[2]);
  const min = parseBound(reverse ? a[2] : a[1]);
  let scores = false;
  let offset = 0;
  let count = -1;
  for (let i = 3; i < a.length; i++) {
    const opt = a[i].toUpperCase();
    if (opt === 'WITHSCORES') scores = true;
    else if (opt === 'LIMIT' && i + 2 < a.length) {
      offset = parseIndex(a[i + 1]);
      count = parseIndex(a[i + 2]);
      i += 2;
    } else throw new RedisError(SYNTAX);
  }
  const z = zset(ctx, a[0]);
  if (z === undefined || offset < 0) return [];
  let order = zsetOrder(z).filter((m) => {
    const s = z.scores.get(m) as number;
    return above(s, min) && below(s, max);
  });
  if (reverse) order = order.reverse();
  return withScores(z, order.slice(offset, count < 0 ? undefined : offset + count), scores);
}

function rank(ctx: Context, a: string[], reverse: boolean): Reply {
  const z = zset(ctx, a[0]);
  if (z === undefined || !z.scores.has(a[1])) return null;
  const i = zsetOrder(z).indexOf(a[1]);
  return reverse ? z.scores.size - 1 - i : i;
}

function combineStore(ctx: Context, a: string[], op: 'union' | 'inter'): Reply {
  const dest = a[0];
  const n = parseIndex(a[1]);
  if (n < 1) throw new RedisError(`ERR at least 1 input key is needed for ZUNIONSTORE/ZINTERSTORE`);
  if (a.length < 2 + n) throw new RedisError(SYNTAX);
  const keys = a.slice(2, 2 + n);
  const weights = keys.map(() => 1);
  let aggregate = 'SUM';
  for (let i = 2 + n; i < a.length; i++) {
    const opt = a[i].toUpperCase();
    if (opt === 'WEIGHTS' && i + n < a.length) {
      for (let k = 0; k < n; k++) weights[k] = parseDouble(a[i + 1 + k], 'ERR weight value is not a float');
      i += n;
    } else if (opt === 'AGGREGATE' && i + 1 < a.length && ['SUM', 'MIN', 'MAX'].includes(a[i + 1].toUpperCase())) {
      aggregate = a[++i].toUpperCase();
    } else throw new RedisError(SYNTAX);
  }
  // Plain sets take part with score 1, as in Redis.
  const inputs = keys.map((k) => {
    const slot = ctx.ks.lookup(k);
    if (slot === undefined) return new Map<string, number>();
    if (slot.value.type === 'set') return new Map([...slot.value.value].map((m) => [m, 1] as const));
    return (ctx.ks.read(k, 'zset') as ZSet).scores;
  });
  const out = new Map<string, number>();
  const merge = (x: number, y: number): number => {
    if (aggregate === 'MIN') return Math.min(x, y);
    if (aggregate === 'MAX') return Math.max(x, y);
    const s = x + y;
    return Number.isNaN(s) ? 0 : s;
  };
  const weighted = (score: number, w: number): number => {
    const s = score * w;
    return Number.isNaN(s) ? 0 : s;
  };
  if (op === 'union') {
    inputs.forEach((m, k) => {
      for (const [member, score] of m) {
        const s = weighted(score, weights[k]);
        const old = out.get(member);
        out.set(member, old === undefined ? s : merge(old, s));
      }
    });
  } else {
    const [first, ...rest] = inputs;
    for (const [member, score] of first) {
      if (!rest.every((m) => m.has(member))) continue;
      let s = weighted(score, weights[0]);
      rest.forEach((m, k) => (s = merge(s, weighted(m.get(member) as number, weights[k + 1]))));
      out.set(member, s);
    }
  }
  ctx.ks.remove(dest);
  for (const member of [...out.keys()].sort(compareCodePoints)) setScore(ctx, dest, member, out.get(member) as number);
  return out.size;
}

function popExtreme(ctx: Context, a: string[], max: boolean): Reply {
  const count = a.length > 1 ? parseIndex(a[1]) : 1;
  const z = zset(ctx, a[0]);
  if (z === undefined || count <= 0) return [];
  const order = zsetOrder(z);
  const picked = (max ? [...order].reverse() : order).slice(0, count);
  const out = withScores(z, picked, true);
  removeMembers(ctx, a[0], picked);
  return out;
}

export const zsetCommands: CommandTable = {
  ZADD: { arity: -4, grows: true, run: zadd },
  ZINCRBY: {
    arity: 4,
    grows: true,
    run(ctx, a) {
      const by = parseDouble(a[1]);
      const score = (zset(ctx, a[0])?.scores.get(a[2]) ?? 0) + by;
      if (Number.isNaN(score)) throw new RedisError('ERR resulting score is not a number (NaN)');
      setScore(ctx, a[0], a[2], score);
      return formatDouble(score);
    },
  },
  ZREM: { arity: -3, run: (ctx, a) => removeMembers(ctx, a[0], a.slice(1)) },
  ZSCORE: {
    arity: 3,
    run(ctx, a) {
      const s = zset(ctx, a[0])?.scores.get(a[1]);
      return s === undefined ? null : formatDouble(s);
    },
  },
  ZCARD: { arity: 2, run: (ctx, a) => zset(ctx, a[0])?.scores.size ?? 0 },
  ZCOUNT: {
    arity: 4,
    run(ctx, a) {
      const min = parseBound(a[1]);
      const max = parseBound(a[2]);
      let n = 0;
      for (const s of zset(ctx, a[0])?.scores.values() ?? []) if (above(s, min) && below(s, max)) n++;
      return n;
    },
  },
  ZRANGE: { arity: -4, run: (ctx, a) => rangeByRank(ctx, a, false) },
  ZREVRANGE: { arity: -4, run: (ctx, a) => rangeByRank(ctx, a, true) },
  ZRANGEBYSCORE: { arity: -4, run: (ctx, a) => rangeByScore(ctx, a, false) },
  ZREVRANGEBYSCORE: { arity: -4, run: (ctx, a) => rangeByScore(ctx, a, true) },
  ZRANK: { arity: 3, run: (ctx, a) => rank(ctx, a, false) },
  ZREVRANK: { arity: 3, run: (ctx, a) => rank(ctx, a, true) },
  ZREMRANGEBYRANK: {
    arity: 4,
    run(ctx, a) {
      const start = parseIndex(a[1]);
      const stop = parseIndex(a[2]);
      const z = zset(ctx, a[0]);
      if (z === undefined) return 0;
      const r = normaliseRange(start, stop, z.scores.size);
      return r === null ? 0 : removeMembers(ctx, a[0], zsetOrder(z).slice(r[0], r[1] + 1));
    },
  },
  ZREMRANGEBYSCORE: {
    arity: 4,
    run(ctx, a) {
      const min = parseBound(a[1]);
      const max = parseBound(a[2]);
      const z = zset(ctx, a[0]);
      if (z === undefined) return 0;
      return removeMembers(ctx, a[0], [...z.scores].filter(([, s]) => above(s, min) && below(s, max)).map(([m]) => m));
    },
  },
  ZUNIONSTORE: { arity: -4, grows: true, run: (ctx, a) => combineStore(ctx, a, 'union') },
  ZINTERSTORE: { arity: -4, grows: true, run: (ctx, a) => combineStore(ctx, a, 'inter') },
  ZPOPMIN: { arity: -2, run: (ctx, a) => popExtreme(ctx, a, false) },
  ZPOPMAX: { arity: -2, run: (ctx, a) => popExtreme(ctx, a, true) },
  ZSCAN: {
    arity: -3,
    run(ctx, a) {
      const cursor = scanCursor(a[1]);
      const { match } = scanOptions(a, 2, false);
      const z = zset(ctx, a[0]);
      if (cursor !== 0n || z === undefined) return ['0', []];
      return ['0', withScores(z, zsetOrder(z).filter((m) => match === null || globMatch(match, m)), true)];
    },
  },
};
