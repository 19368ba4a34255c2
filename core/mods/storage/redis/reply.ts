// What a Redis command answers, before redis-py turns it into Python values (see apollo.ts):
// a status line (+OK), an integer, a bulk string, nil, or an array of those. Errors are thrown as
// RedisError carrying Redis's own text ("WRONGTYPE ...", "ERR ...") and become error results.

/** A status reply such as +OK or +PONG (redis-py maps most of them to True). */
export class Status {
  constructor(readonly text: string) {}
}

export type Reply = null | number | bigint | string | Status | Reply[];

export class RedisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisError';
  }
}

export const OK = new Status('OK');

export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const NOT_INTEGER = 'ERR value is not an integer or out of range';
export const NOT_FLOAT = 'ERR value is not a valid float';
export const SYNTAX = 'ERR syntax error';
export const OOM = "OOM command not allowed when used memory > 'maxmemory'.";

export function wrongArity(name: string): RedisError {
  return new RedisError(`ERR wrong number of arguments for '${name.toLowerCase()}' command`);
}

/** An integer reply: a plain number when exact, else a bigint (the bridge writes every digit). */
export function intReply(n: bigint | number): number | bigint {
  if (typeof n === 'number') return n;
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}
