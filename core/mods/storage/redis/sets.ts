// Set commands. Members come back in byte order: Redis answers sets in hash order, which no
// client may rely on, and redis-py turns them into a Python set anyway.
import { compareCodePoints, utf8Length } from '../text';
import { parseIndex } from './args';
import type { CommandTable, Context } from './command';
import { globMatch } from './glob';
import { scanCursor, scanOptions } from './keys';
import { RedisError, type Reply } from './reply';

/** The most draws one SRANDMEMBER with a negative count may ask for (every loop has a bound). */
const MAX_DRAWS = 100_000;

const sorted = (s: Iterable<string>): string[] => [...s].sort(compareCodePoints);

function members(ctx: Context, key: string): Set<string> {
  return ctx.ks.read(key, 'set') ?? new Set();
}

function add(ctx: Context, key: string, values: string[]): number {
  const slot = ctx.ks.open(key, 'set');
  const set = slot.value.value;
  let n = 0;
  for (const v of values) {
    if (set.has(v)) continue;
    set.add(v);
    ctx.ks.grow(slot, utf8Length(v));
    n++;
  }
  return n;
}

function remove(ctx: Context, key: string, values: string[]): number {
  const slot = ctx.ks.lookup(key);
  const set = ctx.ks.read(key, 'set');
  if (set === undefined || slot === undefined) return 0;
  let n = 0;
  for (const v of values) {
    if (!set.delete(v)) continue;
    ctx.ks.grow(slot, -utf8Length(v));
    n++;
  }
  ctx.ks.dropIfEmpty(key, slot);
  return n;
}

function combine(ctx: Context, keys: string[], op: 'inter' | 'union' | 'diff'): Set<string> {
  const sets = keys.map((k) => members(ctx, k));
  if (op === 'union') return new Set(sets.flatMap((s) => [...s]));
  const [first, ...rest] = sets;
  return new Set(sorted(first).filter((v) => (op === 'inter' ? rest.every((s) => s.has(v)) : !rest.some((s) => s.has(v)))));
}

function store(ctx: Context, dest: string, result: Set<string>): number {
  ctx.ks.remove(dest);
  if (result.size > 0) add(ctx, dest, sorted(result));
  return result.size;
}

/** Distinct random members (count >= 0) or |count| draws with repeats (count < 0), as SRANDMEMBER. */
function draw(ctx: Context, set: Set<string>, count: number): string[] {
  const pool = sorted(set);
  if (count < -MAX_DRAWS) throw new RedisError(`ERR not simulated: more than ${MAX_DRAWS} draws with repeats`);
  if (count < 0) return Array.from({ length: -count }, () => pool[ctx.random.int(pool.length)]).filter((v) => v !== undefined);
  const out: string[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(ctx.random.int(pool.length), 1)[0]);
  return out;
}

export const setCommands: CommandTable = {
  SADD: { arity: -3, grows: true, run: (ctx, a) => add(ctx, a[0], a.slice(1)) },
  SREM: { arity: -3, run: (ctx, a) => remove(ctx, a[0], a.slice(1)) },
  SMEMBERS: { arity: 2, run: (ctx, a) => sorted(members(ctx, a[0])) },
  SISMEMBER: { arity: 3, run: (ctx, a) => (members(ctx, a[0]).has(a[1]) ? 1 : 0) },
  SCARD: { arity: 2, run: (ctx, a) => members(ctx, a[0]).size },
  SPOP: {
    arity: -2,
    run(ctx, a): Reply {
      const count = a.length > 1 ? parseIndex(a[1]) : null;
      if (count !== null && count < 0) throw new RedisError('ERR value is out of range, must be positive');
      const set = members(ctx, a[0]);
      const picked = draw(ctx, set, count ?? 1);
      remove(ctx, a[0], picked);
      return count === null ? (picked[0] ?? null) : picked;
    },
  },
  SRANDMEMBER: {
    arity: -2,
    run(ctx, a): Reply {
      const count = a.length > 1 ? parseIndex(a[1]) : null;
      const picked = draw(ctx, members(ctx, a[0]), count ?? 1);
      return count === null ? (picked[0] ?? null) : picked;
    },
  },
  SMOVE: {
    arity: 4,
    grows: true,
    run(ctx, a) {
      const src = ctx.ks.read(a[0], 'set');
      if (ctx.ks.lookup(a[1]) !== undefined) ctx.ks.read(a[1], 'set');
      if (src === undefined || !src.has(a[2])) return 0;
      remove(ctx, a[0], [a[2]]);
      add(ctx, a[1], [a[2]]);
      return 1;
    },
  },
  SINTER: { arity: -2, run: (ctx, a) => sorted(combine(ctx, a, 'inter')) },
  SUNION: { arity: -2, run: (ctx, a) => sorted(combine(ctx, a, 'union')) },
  SDIFF: { arity: -2, run: (ctx, a) => sorted(combine(ctx, a, 'diff')) },
  SINTERSTORE: { arity: -3, grows: true, run: (ctx, a) => store(ctx, a[0], combine(ctx, a.slice(1), 'inter')) },
  SUNIONSTORE: { arity: -3, grows: true, run: (ctx, a) => store(ctx, a[0], combine(ctx, a.slice(1), 'union')) },
  SDIFFSTORE: { arity: -3, grows: true, run: (ctx, a) => store(ctx, a[0], combine(ctx, a.slice(1), 'diff')) },
  SSCAN: {
    arity: -3,
    run(ctx, a) {
      const cursor = scanCursor(a[1]);
      const { match } = scanOptions(a, 2, false);
      if (cursor !== 0n) return ['0', []];
      return ['0', sorted(members(ctx, a[0])).filter((m) => match === null || globMatch(match, m))];
    },
  },
};
