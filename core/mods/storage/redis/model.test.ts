// Model check: random command sequences (with the virtual clock moving) against a deliberately
// naive reference Redis written from the Redis documentation, reply by reply; and the running
// byte count against a recount after every command.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from '../text';
import { Status, type Reply } from './reply';
import { RedisStore } from './store';

type Val = { t: 'string'; v: string } | { t: 'hash'; v: Map<string, string> } | { t: 'list'; v: string[] } | { t: 'set'; v: Set<string> } | { t: 'zset'; v: Map<string, number> };
const WRONG = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
const NOT_INT = { error: 'ERR value is not an integer or out of range' };

class Reference {
  data = new Map<string, { val: Val; at: number | null }>();

  private live(k: string, now: number): Val | undefined {
    const e = this.data.get(k);
    if (e === undefined) return undefined;
    if (e.at !== null && e.at <= now) {
      this.data.delete(k);
      return undefined;
    }
    return e.val;
  }

  private typed<T extends Val['t']>(k: string, t: T, now: number): Extract<Val, { t: T }> | undefined | 'wrong' {
    const v = this.live(k, now);
    if (v === undefined) return undefined;
    return v.t === t ? (v as Extract<Val, { t: T }>) : 'wrong';
  }

  private put(k: string, val: Val, keepTtl = false): void {
    const old = this.data.get(k);
    this.data.set(k, { val, at: keepTtl && old ? old.at : null });
  }

  private cleanup(k: string): void {
    const e = this.data.get(k);
    if (e === undefined) return;
    const size = e.val.t === 'string' ? 1 : e.val.t === 'list' ? e.val.v.length : e.val.v.size;
    if (size === 0) this.data.delete(k);
  }

  run(c: string[], now: number): Reply | { error: string } {
    const [name, k, a, b] = c;
    switch (name) {
      case 'GET': {
        const v = this.typed(k, 'string', now);
        return v === 'wrong' ? WRONG : v === undefined ? null : v.v;
      }
      case 'SET': {
        const exists = this.live(k, now) !== undefined;
        if ((c[3] === 'NX' && exists) || (c[3] === 'XX' && !exists)) return null;
        this.put(k, { t: 'string', v: a });
        if (c[3] === 'EX') (this.data.get(k) as { at: number | null }).at = now + Number(c[4]) * 1000;
        return new Status('OK');
      }
      case 'DEL':
        return c.slice(1).filter((x) => this.live(x, now) !== undefined && this.data.delete(x)).length;
      case 'EXISTS':
        return this.live(k, now) === undefined ? 0 : 1;
      case 'INCR':
      case 'INCRBY': {
        const v = this.typed(k, 'string', now);
        if (v === 'wrong') return WRONG;
        const cur = v === undefined ? '0' : v.v;
        if (!/^-?(0|[1-9][0-9]*)$/.test(cur)) return NOT_INT;
        const n = Number(cur) + (name === 'INCR' ? 1 : Number(a));
        this.put(k, { t: 'string', v: String(n) }, true);
        return n;
      }
      case 'APPEND': {
        const v = this.typed(k, 'string', now);
        if (v === 'wrong') return WRONG;
        const s = (v === undefined ? '' : v.v) + a;
        this.put(k, { t: 'string', v: s }, true);
        return utf8Length(s);
      }
      case 'STRLEN': {
        const v = this.typed(k, 'string', now);
        return v === 'wrong' ? WRONG : v === undefined ? 0 : utf8Length(v.v);
      }
      case 'EXPIRE': {
        const e = this.live(k, now) === undefined ? undefined : this.data.get(k);
        if (e === undefined) return 0;
        const at = now + Number(a) * 1000;
        if (at <= now) this.data.delete(k);
        else e.at = at;
        return 1;
      }
      case 'TTL':
      case 'PTTL': {
        if (this.live(k, now) === undefined) return -2;
        const at = (this.data.get(k) as { at: number | null }).at;
        if (at === null) return -1;
        return name === 'PTTL' ? at - now : Math.floor((at - now + 500) / 1000);
      }
      case 'PERSIST': {
        if (this.live(k, now) === undefined) return 0;
        const e = this.data.get(k) as { at: number | null };
        if (e.at === null) return 0;
        e.at = null;
        return 1;
      }
      case 'TYPE': {
        const v = this.live(k, now);
        return new Status(v === undefined ? 'none' : v.t);
      }
      case 'HSET': {
        const h = this.typed(k, 'hash', now);
        if (h === 'wrong') return WRONG;
        const m = h === undefined ? new Map<string, string>() : h.v;
        const added = m.has(a) ? 0 : 1;
        m.set(a, b);
        if (h === undefined) this.put(k, { t: 'hash', v: m });
        return added;
      }
      case 'HGET': {
        const h = this.typed(k, 'hash', now);
        return h === 'wrong' ? WRONG : (h?.v.get(a) ?? null);
      }
      case 'HDEL': {
        const h = this.typed(k, 'hash', now);
        if (h === 'wrong') return WRONG;
        const n = h !== undefined && h.v.delete(a) ? 1 : 0;
        this.cleanup(k);
        return n;
      }
      case 'HGETALL': {
        const h = this.typed(k, 'hash', now);
        return h === 'wrong' ? WRONG : h === undefined ? [] : [...h.v].flat();
      }
      case 'HLEN': {
        const h = this.typed(k, 'hash', now);
        return h === 'wrong' ? WRONG : (h?.v.size ?? 0);
      }
      case 'LPUSH':
      case 'RPUSH': {
        const l = this.typed(k, 'list', now);
        if (l === 'wrong') return WRONG;
        const list = l === undefined ? [] : l.v;
        if (name === 'LPUSH') list.unshift(a);
        else list.push(a);
        if (l === undefined) this.put(k, { t: 'list', v: list });
        return list.length;
      }
      case 'LPOP':
      case 'RPOP': {
        const l = this.typed(k, 'list', now);
        if (l === 'wrong') return WRONG;
        if (l === undefined) return null;
        const v = (name === 'LPOP' ? l.v.shift() : l.v.pop()) as string;
        this.cleanup(k);
        return v;
      }
      case 'LLEN': {
        const l = this.typed(k, 'list', now);
        return l === 'wrong' ? WRONG : (l?.v.length ?? 0);
      }
      case 'LRANGE': {
        const l = this.typed(k, 'list', now);
        if (l === 'wrong') return WRONG;
        const list = l?.v ?? [];
        let s = Number(a);
        let e = Number(b);
        if (s < 0) s = Math.max(0, list.length + s);
        if (e < 0) e = list.length + e;
        return list.slice(s, e + 1);
      }
      case 'SADD':
      case 'SREM': {
        const st = this.typed(k, 'set', now);
        if (st === 'wrong') return WRONG;
        if (name === 'SREM') {
          const n = st !== undefined && st.v.delete(a) ? 1 : 0;
          this.cleanup(k);
          return n;
        }
        const set = st === undefined ? new Set<string>() : st.v;
        const n = set.has(a) ? 0 : 1;
        set.add(a);
        if (st === undefined) this.put(k, { t: 'set', v: set });
        return n;
      }
      case 'SMEMBERS': {
        const st = this.typed(k, 'set', now);
        return st === 'wrong' ? WRONG : [...(st?.v ?? [])].sort();
      }
      case 'SISMEMBER': {
        const st = this.typed(k, 'set', now);
        return st === 'wrong' ? WRONG : st?.v.has(a) ? 1 : 0;
      }
      case 'ZADD':
      case 'ZINCRBY': {
        const z = this.typed(k, 'zset', now);
        if (z === 'wrong') return WRONG;
        const m = z === undefined ? new Map<string, number>() : z.v;
        const member = b;
        const isNew = !m.has(member);
        const score = name === 'ZADD' ? Number(a) : (m.get(member) ?? 0) + Number(a);
        m.set(member, score);
        if (z === undefined) this.put(k, { t: 'zset', v: m });
        return name === 'ZADD' ? (isNew ? 1 : 0) : String(score);
      }
      case 'ZREM': {
        const z = this.typed(k, 'zset', now);
        if (z === 'wrong') return WRONG;
        const n = z !== undefined && z.v.delete(a) ? 1 : 0;
        this.cleanup(k);
        return n;
      }
      case 'ZSCORE': {
        const z = this.typed(k, 'zset', now);
        if (z === 'wrong') return WRONG;
        const s = z?.v.get(a);
        return s === undefined ? null : String(s);
      }
      case 'ZRANGE': {
        const z = this.typed(k, 'zset', now);
        if (z === 'wrong') return WRONG;
        const sorted = [...(z?.v ?? [])].sort(([m1, s1], [m2, s2]) => s1 - s2 || (m1 < m2 ? -1 : m1 > m2 ? 1 : 0));
        return sorted.flatMap(([m, s]) => [m, String(s)]);
      }
      case 'KEYS':
        return [...this.data.keys()].filter((x) => this.live(x, now) !== undefined).sort();
      case 'MGET':
        return c.slice(1).map((x) => {
          const v = this.live(x, now);
          return v !== undefined && v.t === 'string' ? v.v : null;
        });
      case 'DBSIZE':
        return [...this.data.keys()].filter((x) => this.live(x, now) !== undefined).length;
    }
    throw new Error(`reference has no ${name}`);
  }
}

const key = fc.constantFrom('a', 'b', 'c');
const val = fc.constantFrom('', 'x', 'y', '1', '-3', 'é', '10');
const field = fc.constantFrom('f', 'g');
const small = fc.integer({ min: -5, max: 5 }).map(String);

const command: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(key, val).map(([k, v]) => ['SET', k, v]),
  fc.tuple(key, val, fc.integer({ min: 1, max: 3 })).map(([k, v, s]) => ['SET', k, v, 'EX', String(s)]),
  fc.tuple(key, val, fc.constantFrom('NX', 'XX')).map(([k, v, o]) => ['SET', k, v, o]),
  key.map((k) => ['GET', k]),
  fc.array(key, { minLength: 1, maxLength: 3 }).map((ks) => ['DEL', ...ks]),
  key.map((k) => ['EXISTS', k]),
  key.map((k) => ['INCR', k]),
  fc.tuple(key, small).map(([k, n]) => ['INCRBY', k, n]),
  fc.tuple(key, val).map(([k, v]) => ['APPEND', k, v]),
  key.map((k) => ['STRLEN', k]),
  fc.tuple(key, fc.integer({ min: -1, max: 3 })).map(([k, s]) => ['EXPIRE', k, String(s)]),
  fc.tuple(fc.constantFrom('TTL', 'PTTL', 'PERSIST', 'TYPE'), key).map(([c, k]) => [c, k]),
  fc.tuple(key, field, val).map(([k, f, v]) => ['HSET', k, f, v]),
  fc.tuple(fc.constantFrom('HGET', 'HDEL'), key, field).map(([c, k, f]) => [c, k, f]),
  fc.tuple(fc.constantFrom('HGETALL', 'HLEN', 'LLEN', 'LPOP', 'RPOP', 'SMEMBERS'), key).map(([c, k]) => [c, k]),
  fc.tuple(fc.constantFrom('LPUSH', 'RPUSH', 'SADD', 'SREM', 'SISMEMBER'), key, val).map(([c, k, v]) => [c, k, v]),
  fc.tuple(key, small, small).map(([k, i, j]) => ['LRANGE', k, i, j]),
  fc.tuple(fc.constantFrom('ZADD', 'ZINCRBY'), key, small, field).map(([c, k, s, m]) => [c, k, s, m]),
  fc.tuple(fc.constantFrom('ZREM', 'ZSCORE'), key, field).map(([c, k, m]) => [c, k, m]),
  key.map((k) => ['ZRANGE', k, '0', '-1', 'WITHSCORES']),
  fc.constant(['KEYS', '*'] as string[]),
  fc.constant(['DBSIZE'] as string[]),
  fc.tuple(key, key).map(([k1, k2]) => ['MGET', k1, k2]),
);

describe('RedisStore against a reference model', () => {
  it('answers every random command sequence as the reference does, and its byte count is exact', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.integer({ min: 0, max: 1500 })), { maxLength: 60 }), (steps) => {
        const store = new RedisStore({ maxBytes: 1 << 20, epochMs: 0, seed: 1 });
        const ref = new Reference();
        let now = 0;
        for (const [cmd, dt] of steps) {
          now += dt;
          const out = store.run(cmd, now);
          const got = out.ok ? out.reply : { error: out.error };
          expect(got, `${cmd.join(' ')} at ${now}`).toEqual(ref.run(cmd, now));
          expect(store.usedBytes).toBe(store.recountBytes());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, whatever the arguments', () => {
    const anyArg = fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('inf', '-inf', '(1', 'nan', '', 'WITHSCORES', 'LIMIT', 'EX', 'NX'));
    const names = ['SET', 'GET', 'ZADD', 'ZRANGEBYSCORE', 'ZUNIONSTORE', 'LRANGE', 'SETRANGE', 'GETRANGE', 'INCRBYFLOAT', 'SCAN', 'HSCAN', 'SRANDMEMBER', 'LINSERT', 'KEYS', 'BLPOP', 'SPOP', 'ZPOPMIN', 'EXPIREAT', 'RENAME', 'SINTERSTORE', 'HINCRBYFLOAT'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.array(anyArg, { maxLength: 6 })), { maxLength: 30 }), (cmds) => {
        const store = new RedisStore({ maxBytes: 1 << 16, epochMs: 0, seed: 1 });
        for (const [name, args] of cmds) {
          const out = store.run([name, ...args], 0);
          expect(typeof out.ok).toBe('boolean');
          if (!out.ok) expect(out.error).not.toMatch(/internal error/);
        }
        expect(store.usedBytes).toBe(store.recountBytes());
      }),
      { numRuns: 300 },
    );
  });
});
