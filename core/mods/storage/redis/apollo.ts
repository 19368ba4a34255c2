// What the apolloCommon.redisPool calls answer: redis-py's values for each reply (StrictRedis,
// redis-py 2.10's response callbacks) as far as JSON can carry them. The shim finishes the few
// JSON cannot: floats (INCRBYFLOAT, HINCRBYFLOAT, ZINCRBY, ZSCORE, WITHSCORES), Python sets
// (SMEMBERS, SINTER, SUNION, SDIFF), tuples (SCAN cursors, BLPOP, TIME, score pairs).
import type { StorageResult } from '../result';
import { Status, type Reply } from './reply';
import type { RedisStore } from './store';

const TO_BOOL = new Set(['EXPIRE', 'EXPIREAT', 'PEXPIRE', 'PEXPIREAT', 'HEXISTS', 'MSETNX', 'PERSIST', 'RENAMENX', 'SISMEMBER', 'SMOVE', 'SETNX']);

function pairsToDict(flat: Reply[]): Record<string, unknown> {
  // A null-prototype object: a field named "__proto__" stays a field.
  const out = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = flat[i + 1];
  return out;
}

export function redisPyValue(name: string, argc: number, reply: Reply): unknown {
  if (TO_BOOL.has(name)) return reply === 1;
  if (name === 'EXISTS') return argc === 1 ? reply === 1 : reply;
  if (name === 'HGETALL') return pairsToDict(reply as Reply[]);
  if (name === 'TIME') return (reply as string[]).map(Number);
  if (name === 'SCAN' || name === 'SSCAN' || name === 'ZSCAN' || name === 'HSCAN') {
    const [cursor, items] = reply as [string, Reply[]];
    return [Number(cursor), name === 'HSCAN' ? pairsToDict(items) : items];
  }
  if (reply instanceof Status) {
    // TYPE answers its status as text; every other status (+OK, +PONG) is True for redis-py.
    return name === 'TYPE' ? reply.text : true;
  }
  return reply;
}

/** Runs a redisPool command: a Redis command ["GET", "k"], or ["FUNC", orderKey, name] for AsyncFuncWithKey. */
export function runRedisCommand(store: RedisStore, command: readonly unknown[], nowMs: number): StorageResult {
  if (typeof command[0] === 'string' && command[0].toUpperCase() === 'FUNC') {
    // The function itself runs in Python when the callback fires; its commands come as calls.
    return { args: [] };
  }
  const out = store.run(command, nowMs);
  if (!out.ok) return { args: [null], error: { type: 'ResponseError', code: null, message: out.error } };
  return { args: [redisPyValue(String(command[0]).toUpperCase(), command.length - 1, out.reply)] };
}
