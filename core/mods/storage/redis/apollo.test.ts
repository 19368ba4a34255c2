import { describe, expect, it } from 'vitest';
import { runRedisCommand } from './apollo';
import { RedisStore } from './store';

const store = (): RedisStore => new RedisStore({ maxBytes: 1 << 20, epochMs: 0, seed: 1 });

describe('redisPool callback values (redis-py 2.10 StrictRedis)', () => {
  it('gives the documented values for the Async* calls', () => {
    const s = store();
    expect(runRedisCommand(s, ['SET', 'player_123', "{'name':'nickname'}"], 0)).toEqual({ args: [true] });
    expect(runRedisCommand(s, ['GET', 'player_123'], 0)).toEqual({ args: ["{'name':'nickname'}"] });
    expect(runRedisCommand(s, ['GET', 'nope'], 0)).toEqual({ args: [null] });
    expect(runRedisCommand(s, ['MGET', 'player_123', 'nope'], 0)).toEqual({ args: [["{'name':'nickname'}", null]] });
    expect(runRedisCommand(s, ['HSET', 'h_player_123', 'name', 'name', 'lv', '2'], 0)).toEqual({ args: [2] });
    expect(runRedisCommand(s, ['HGETALL', 'h_player_123'], 0)).toEqual({ args: [{ name: 'name', lv: '2' }] });
    expect(runRedisCommand(s, ['HGETALL', 'nope'], 0)).toEqual({ args: [{}] });
    expect(runRedisCommand(s, ['DEL', 'player_121'], 0)).toEqual({ args: [0] });
    expect(runRedisCommand(s, ['DEL', 'player_123'], 0)).toEqual({ args: [1] });
  });

  it('turns 0/1 answers into booleans where redis-py does, and statuses into True', () => {
    const s = store();
    expect(runRedisCommand(s, ['SETNX', 'k', '1'], 0).args).toEqual([true]);
    expect(runRedisCommand(s, ['SETNX', 'k', '1'], 0).args).toEqual([false]);
    expect(runRedisCommand(s, ['EXPIRE', 'k', '60'], 0).args).toEqual([true]);
    expect(runRedisCommand(s, ['EXISTS', 'k'], 0).args).toEqual([true]);
    expect(runRedisCommand(s, ['EXISTS', 'k', 'k'], 0).args).toEqual([2]);
    expect(runRedisCommand(s, ['TYPE', 'k'], 0).args).toEqual(['string']);
    expect(runRedisCommand(s, ['PING'], 0).args).toEqual([true]);
    expect(runRedisCommand(s, ['SCAN', '0'], 0).args).toEqual([[0, ['k']]]);
  });

  it('keeps a hash field named __proto__ as a field', () => {
    const s = store();
    runRedisCommand(s, ['HSET', 'h', '__proto__', 'x'], 0);
    const [dict] = runRedisCommand(s, ['HGETALL', 'h'], 0).args as [Record<string, unknown>];
    expect(Object.keys(dict)).toEqual(['__proto__']);
    expect(JSON.stringify(dict)).toBe('{"__proto__":"x"}');
  });

  it('answers None with a ResponseError on failure, and nothing to the store for FUNC', () => {
    const s = store();
    runRedisCommand(s, ['LPUSH', 'l', 'x'], 0);
    expect(runRedisCommand(s, ['GET', 'l'], 0)).toEqual({ args: [null], error: { type: 'ResponseError', code: null, message: 'WRONGTYPE Operation against a key holding the wrong kind of value' } });
    expect(runRedisCommand(s, ['FUNC', 'user1', 'TryGetLock'], 0)).toEqual({ args: [] });
    expect(s.run(['DBSIZE'], 0)).toEqual({ ok: true, reply: 1 });
  });
});
