// RedisStore: the one simulated Redis of a run. Takes a command as redis-py sends it (name and
// string arguments), answers Redis's reply or Redis's error text. Never throws.
import { Random } from '../../../engine/random';
import type { Command, CommandTable, Context } from './command';
import { hashCommands } from './hashes';
import { keyCommands } from './keys';
import { Keyspace } from './keyspace';
import { listCommands } from './lists';
import { RedisError, wrongArity, type Reply } from './reply';
import { setCommands } from './sets';
import { stringCommands } from './strings';
import { zsetCommands } from './zsets';

export type RedisOutcome = { ok: true; reply: Reply } | { ok: false; error: string };

export interface RedisOptions {
  /** The cap on stored bytes (keys + values); writes are refused with Redis's OOM error above it. */
  maxBytes: number;
  /** What TIME and EXPIREAT read at virtual 0, in ms since 1970. */
  epochMs: number;
  /** Seeds SPOP / SRANDMEMBER / RANDOMKEY. */
  seed: number;
}

const COMMANDS: CommandTable = {
  ...stringCommands,
  ...keyCommands,
  ...hashCommands,
  ...listCommands,
  ...setCommands,
  ...zsetCommands,
};

/** Real Redis commands a mod might send that the simulation does not carry out. */
const NOT_SIMULATED = new Set(
  (
    'MULTI EXEC DISCARD WATCH UNWATCH EVAL EVALSHA SCRIPT SUBSCRIBE PSUBSCRIBE UNSUBSCRIBE PUNSUBSCRIBE ' +
    'PUBLISH PUBSUB SORT DUMP RESTORE MIGRATE MOVE OBJECT BITCOUNT BITOP BITPOS GETBIT SETBIT BITFIELD ' +
    'PFADD PFCOUNT PFMERGE GEOADD GEODIST GEOHASH GEOPOS GEORADIUS GEORADIUSBYMEMBER XADD XRANGE XREVRANGE ' +
    'XLEN XREAD XDEL XTRIM XGROUP XREADGROUP XACK XPENDING XCLAIM XINFO ZRANGEBYLEX ZREVRANGEBYLEX ' +
    'ZLEXCOUNT ZREMRANGEBYLEX BZPOPMIN BZPOPMAX CLIENT CONFIG INFO MONITOR DEBUG SAVE BGSAVE BGREWRITEAOF ' +
    'LASTSAVE SHUTDOWN SLAVEOF REPLICAOF WAIT SWAPDB TOUCH OBJECT MEMORY LATENCY SLOWLOG CLUSTER READONLY ' +
    'READWRITE ROLE COMMAND AUTH QUIT LPOS LMOVE BLMOVE COPY GETEX SMISMEMBER ZRANDMEMBER HRANDFIELD'
  ).split(' '),
);

export class RedisStore {
  private readonly ks: Keyspace;
  private readonly ctx: Context;

  constructor(options: RedisOptions) {
    this.ks = new Keyspace(options.maxBytes);
    this.ctx = { ks: this.ks, now: 0, epochMs: options.epochMs, random: new Random(options.seed) };
  }

  /** Bytes stored now (keys + values, expired keys not yet collected included). */
  get usedBytes(): number {
    return this.ks.used;
  }

  /** Bytes recounted from the contents (equals usedBytes unless the accounting has a bug). */
  recountBytes(): number {
    return this.ks.recount();
  }

  run(argv: readonly unknown[], nowMs: number): RedisOutcome {
    try {
      return { ok: true, reply: this.dispatch(argv, nowMs) };
    } catch (e) {
      if (e instanceof RedisError) return { ok: false, error: e.message };
      // A bug here must not take the engine down: answer it as a server error naming the command.
      return { ok: false, error: `ERR internal error in the simulated Redis: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  private dispatch(argv: readonly unknown[], nowMs: number): Reply {
    if (argv.length === 0) throw new RedisError('ERR empty command');
    const args = argv.map(argText);
    const name = args[0].toUpperCase();
    const command: Command | undefined = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined) {
      if (NOT_SIMULATED.has(name)) throw new RedisError(`ERR not simulated: ${name}`);
      throw new RedisError(`ERR unknown command '${args[0].slice(0, 128)}'`);
    }
    if ((command.arity > 0 && args.length !== command.arity) || (command.arity < 0 && args.length < -command.arity)) {
      throw wrongArity(name);
    }
    // The clock never runs backwards inside the store, whatever the caller passes.
    this.ctx.now = Math.max(this.ctx.now, nowMs);
    this.ks.now = this.ctx.now;
    if (command.grows) this.ks.checkRoom();
    return command.run(this.ctx, args.slice(1));
  }
}

/** redis-py sends every argument as bytes; the shim has already made them text. */
function argText(v: unknown, i: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  throw new RedisError(`ERR argument ${i} is not text (${v === null ? 'null' : typeof v}); redis-py sends every argument as a string`);
}
