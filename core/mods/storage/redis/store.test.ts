import { describe, expect, it } from 'vitest';
import { Status } from './reply';
import { RedisStore } from './store';

const store = (maxBytes = 1 << 20): RedisStore => new RedisStore({ maxBytes, epochMs: 1767225600000, seed: 7 });

/** Runs commands at time `at` and returns each reply (or `ERR:<text>`). */
function runAll(s: RedisStore, cmds: string[][], at = 0): unknown[] {
  return cmds.map((c) => {
    const out = s.run(c, at);
    return out.ok ? out.reply : `ERR:${out.error}`;
  });
}

describe('RedisStore strings', () => {
  it('SET / GET / SETNX / GETSET / APPEND / STRLEN count bytes', () => {
    const s = store();
    expect(runAll(s, [['SET', 'k', 'héllo'], ['GET', 'k'], ['STRLEN', 'k'], ['SETNX', 'k', 'x'], ['GETSET', 'k', 'a'], ['APPEND', 'k', 'bc'], ['GET', 'nope']])).toEqual([
      new Status('OK'),
      'héllo',
      6,
      0,
      'héllo',
      3,
      null,
    ]);
  });

  it('SET options: NX / XX answer nil when refused, EX / PX must be positive', () => {
    const s = store();
    expect(runAll(s, [['SET', 'k', '1', 'XX'], ['SET', 'k', '1', 'NX'], ['SET', 'k', '2', 'NX'], ['SET', 'k', '2', 'EX', '0'], ['SET', 'k', '2', 'NX', 'XX'], ['SET', 'k', '2', 'EX']])).toEqual([
      null,
      new Status('OK'),
      null,
      "ERR:ERR invalid expire time in 'set' command",
      'ERR:ERR syntax error',
      'ERR:ERR syntax error',
    ]);
  });

  it('INCR family: exact 64-bit integers, Redis errors on overflow and on non-integers', () => {
    const s = store();
    expect(runAll(s, [['INCR', 'n'], ['INCRBY', 'n', '41'], ['DECRBY', 'n', '2'], ['SET', 'big', '9223372036854775806'], ['INCR', 'big'], ['INCR', 'big'], ['SET', 't', 'abc'], ['INCR', 't'], ['INCRBY', 'n', '1.5']])).toEqual([
      1,
      42,
      40,
      new Status('OK'),
      9223372036854775807n,
      'ERR:ERR increment or decrement would overflow',
      new Status('OK'),
      'ERR:ERR value is not an integer or out of range',
      'ERR:ERR value is not an integer or out of range',
    ]);
  });

  it('INCRBYFLOAT stores the shortest form and answers it as text', () => {
    const s = store();
    expect(runAll(s, [['SET', 'f', '10.5'], ['INCRBYFLOAT', 'f', '0.1'], ['GET', 'f'], ['INCRBYFLOAT', 'f', 'x']])).toEqual([new Status('OK'), '10.6', '10.6', 'ERR:ERR value is not a valid float']);
  });

  it('MGET answers nil for missing keys and keys of another type; MSET needs pairs', () => {
    const s = store();
    expect(runAll(s, [['MSET', 'a', '1', 'b', '2'], ['LPUSH', 'l', 'x'], ['MGET', 'a', 'l', 'zz', 'b'], ['MSET', 'a']])).toEqual([
      new Status('OK'),
      1,
      ['1', null, null, '2'],
      "ERR:ERR wrong number of arguments for 'mset' command",
    ]);
  });

  it('GETRANGE / SETRANGE work on bytes', () => {
    const s = store();
    expect(runAll(s, [['SET', 'k', 'Hello World'], ['GETRANGE', 'k', '0', '4'], ['GETRANGE', 'k', '-5', '-1'], ['SETRANGE', 'k', '6', 'Redis'], ['GET', 'k'], ['SETRANGE', 'p', '2', 'x'], ['GET', 'p']])).toEqual([
      new Status('OK'),
      'Hello',
      'World',
      11,
      'Hello Redis',
      3,
      '\u0000\u0000x',
    ]);
  });
});

describe('RedisStore expiry on the virtual clock', () => {
  it('keys vanish at their deadline; TTL rounds like Redis; SET clears a TTL, INCR keeps it', () => {
    const s = store();
    expect(runAll(s, [['SET', 'k', 'v', 'EX', '10'], ['SET', 'c', '1'], ['EXPIRE', 'c', '5']], 0)).toEqual([new Status('OK'), new Status('OK'), 1]);
    expect(runAll(s, [['TTL', 'k'], ['PTTL', 'k'], ['INCR', 'c'], ['TTL', 'c'], ['TTL', 'nope'], ['TTL', 'c2']], 1400)).toEqual([9, 8600, 2, 4, -2, -2]);
    expect(runAll(s, [['GET', 'c'], ['EXISTS', 'c'], ['GET', 'k']], 5000)).toEqual([null, 0, 'v']);
    expect(runAll(s, [['SET', 'k', 'w'], ['TTL', 'k']], 6000)).toEqual([new Status('OK'), -1]);
  });

  it('EXPIRE in the past deletes; PERSIST removes the deadline; EXPIREAT reads the run epoch', () => {
    const s = store();
    expect(runAll(s, [['SET', 'a', '1'], ['EXPIRE', 'a', '-1'], ['EXISTS', 'a'], ['SET', 'b', '1'], ['PEXPIRE', 'b', '100'], ['PERSIST', 'b'], ['TTL', 'b'], ['SET', 'c', '1'], ['EXPIREAT', 'c', String(1767225600 + 30)], ['TTL', 'c']])).toEqual([
      new Status('OK'),
      1,
      0,
      new Status('OK'),
      1,
      1,
      -1,
      new Status('OK'),
      1,
      30,
    ]);
  });

  it('TIME reads the run epoch plus the virtual time', () => {
    expect(runAll(store(), [['TIME']], 1500)).toEqual([['1767225601', '500000']]);
  });
});

describe('RedisStore types and errors', () => {
  it('a command on a key of another type is WRONGTYPE and changes nothing', () => {
    const s = store();
    expect(runAll(s, [['SET', 'k', 'v'], ['LPUSH', 'k', 'x'], ['HSET', 'k', 'f', 'v'], ['SADD', 'k', 'a'], ['ZADD', 'k', '1', 'a'], ['GET', 'k'], ['TYPE', 'k']])).toEqual([
      new Status('OK'),
      'ERR:WRONGTYPE Operation against a key holding the wrong kind of value',
      'ERR:WRONGTYPE Operation against a key holding the wrong kind of value',
      'ERR:WRONGTYPE Operation against a key holding the wrong kind of value',
      'ERR:WRONGTYPE Operation against a key holding the wrong kind of value',
      'v',
      new Status('string'),
    ]);
  });

  it('arity, unknown commands and commands outside the simulation have Redis-style errors', () => {
    expect(runAll(store(), [['GET'], ['FOO', 'x'], ['SUBSCRIBE', 'ch'], ['BLPOP', 'empty', '0'], ['SELECT', '1']])).toEqual([
      "ERR:ERR wrong number of arguments for 'get' command",
      "ERR:ERR unknown command 'FOO'",
      'ERR:ERR not simulated: SUBSCRIBE',
      'ERR:ERR not simulated: BLPOP on empty lists (it would block the worker thread)',
      'ERR:ERR not simulated: SELECT of a database other than 0',
    ]);
  });

  it('refuses arguments that are not text, numbers or bigints', () => {
    const out = store().run(['SET', 'k', { a: 1 }], 0);
    expect(out.ok).toBe(false);
  });
});

describe('RedisStore collections', () => {
  it('hashes keep insertion order; HINCRBY checks the value; empty hashes vanish', () => {
    const s = store();
    expect(runAll(s, [['HSET', 'h', 'b', '1', 'a', '2'], ['HSET', 'h', 'b', '3'], ['HGETALL', 'h'], ['HINCRBY', 'h', 'a', '5'], ['HSET', 'h', 's', 'x'], ['HINCRBY', 'h', 's', '1'], ['HDEL', 'h', 'a', 'b', 's'], ['EXISTS', 'h']])).toEqual([
      2,
      0,
      ['b', '3', 'a', '2'],
      7,
      1,
      'ERR:ERR hash value is not an integer',
      3,
      0,
    ]);
  });

  it('lists: push order, ranges with negative indexes, LREM from either end, LINSERT', () => {
    const s = store();
    expect(runAll(s, [['RPUSH', 'l', 'a', 'b', 'a', 'c', 'a'], ['LPUSH', 'l', 'z'], ['LRANGE', 'l', '0', '-1'], ['LREM', 'l', '-2', 'a'], ['LRANGE', 'l', '1', '-2'], ['LINSERT', 'l', 'BEFORE', 'c', 'q'], ['LINDEX', 'l', '-1'], ['LTRIM', 'l', '1', '2'], ['LRANGE', 'l', '0', '-1'], ['LSET', 'l', '9', 'x']])).toEqual([
      5,
      6,
      ['z', 'a', 'b', 'a', 'c', 'a'],
      2,
      ['a', 'b'],
      5,
      'c',
      new Status('OK'),
      ['a', 'b'],
      'ERR:ERR index out of range',
    ]);
  });

  it('sets answer in byte order; SPOP / SRANDMEMBER draw from the store seed', () => {
    const a = store();
    const b = store();
    const cmds = [['SADD', 's', 'c', 'a', 'b', 'a'], ['SMEMBERS', 's'], ['SRANDMEMBER', 's', '2'], ['SPOP', 's'], ['SCARD', 's'], ['SINTER', 's', 'nope'], ['SUNION', 's', 'nope']];
    const ra = runAll(a, cmds);
    expect(ra.slice(0, 2)).toEqual([3, ['a', 'b', 'c']]);
    expect(ra[4]).toBe(2);
    expect(ra).toEqual(runAll(b, cmds));
  });

  it('sorted sets order by score then member bytes; ranges by score with exclusive bounds and LIMIT', () => {
    const s = store();
    expect(runAll(s, [['ZADD', 'z', '2', 'b', '1', 'c', '2', 'a', '-inf', 'm'], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'], ['ZRANGEBYSCORE', 'z', '(1', '+inf'], ['ZREVRANGEBYSCORE', 'z', '+inf', '-inf', 'LIMIT', '1', '2'], ['ZRANK', 'z', 'a'], ['ZREVRANK', 'z', 'a'], ['ZINCRBY', 'z', '1.5', 'c'], ['ZSCORE', 'z', 'm'], ['ZADD', 'z', 'XX', 'CH', '5', 'a', '5', 'new'], ['ZCOUNT', 'z', '2', '(5']])).toEqual([
      4,
      ['m', '-inf', 'c', '1', 'a', '2', 'b', '2'],
      ['a', 'b'],
      ['a', 'c'],
      2,
      1,
      '2.5',
      '-inf',
      1,
      2,
    ]);
  });

  it('ZUNIONSTORE / ZINTERSTORE with weights and aggregates', () => {
    const s = store();
    runAll(s, [['ZADD', 'x', '1', 'a', '2', 'b'], ['ZADD', 'y', '10', 'b', '20', 'c']]);
    expect(runAll(s, [['ZUNIONSTORE', 'u', '2', 'x', 'y', 'WEIGHTS', '2', '1'], ['ZRANGE', 'u', '0', '-1', 'WITHSCORES'], ['ZINTERSTORE', 'i', '2', 'x', 'y', 'AGGREGATE', 'MAX'], ['ZRANGE', 'i', '0', '-1', 'WITHSCORES']])).toEqual([
      3,
      ['a', '2', 'b', '14', 'c', '20'],
      1,
      ['b', '10'],
    ]);
  });
});

describe('RedisStore keys', () => {
  it('KEYS / SCAN match Redis globs and answer in byte order; SCAN returns everything at cursor 0', () => {
    const s = store();
    runAll(s, [['SET', 'user:2', 'x'], ['SET', 'user:10', 'x'], ['HSET', 'user:h', 'f', 'v'], ['SET', 'other', 'x']]);
    expect(runAll(s, [['KEYS', 'user:*'], ['KEYS', 'user:[0-9]'], ['SCAN', '0', 'MATCH', 'user:*', 'COUNT', '1', 'TYPE', 'string'], ['SCAN', '17'], ['DBSIZE']])).toEqual([
      ['user:10', 'user:2', 'user:h'],
      ['user:2'],
      ['0', ['user:10', 'user:2']],
      ['0', []],
      4,
    ]);
  });

  it('RENAME moves the value and its expiry; RENAMENX refuses a taken name', () => {
    const s = store();
    expect(runAll(s, [['SET', 'a', '1', 'EX', '100'], ['SET', 'b', '2'], ['RENAMENX', 'a', 'b'], ['RENAME', 'a', 'c'], ['TTL', 'c'], ['RENAME', 'nope', 'x']])).toEqual([
      new Status('OK'),
      new Status('OK'),
      0,
      new Status('OK'),
      100,
      'ERR:ERR no such key',
    ]);
  });
});

describe('RedisStore size cap', () => {
  it('refuses writes with Redis OOM once over the cap, still serves reads and deletes, and recovers', () => {
    const s = store(100);
    expect(s.run(['SET', 'a', 'x'.repeat(120)], 0).ok).toBe(true);
    const refused = s.run(['SET', 'b', '1'], 0);
    expect(refused).toEqual({ ok: false, error: "OOM command not allowed when used memory > 'maxmemory'." });
    expect(s.run(['GET', 'a'], 0)).toEqual({ ok: true, reply: 'x'.repeat(120) });
    expect(s.run(['DEL', 'a'], 0)).toEqual({ ok: true, reply: 1 });
    expect(s.run(['SET', 'b', '1'], 0).ok).toBe(true);
  });

  it('expired keys stop counting once the cap is checked', () => {
    const s = store(100);
    s.run(['SET', 'a', 'x'.repeat(120), 'PX', '10'], 0);
    expect(s.run(['SET', 'b', '1'], 20).ok).toBe(true);
    expect(s.usedBytes).toBe(2);
  });
});
