// The simulated Redis and MySQL of one run, shared by every simulated server (real Apollo servers
// share one Redis and one MySQL). The mod bridge calls execute() for each `Storage` post or call
// and hands `args` to the Python callback options.storageLatencyMs later.
import { runMysqlCommand } from './mysql/apollo';
import { MysqlStore, type SqlFailure } from './mysql/store';
import { runRedisCommand } from './redis/apollo';
import { RedisStore } from './redis/store';
import type { Options } from '../../model/schema';
import type { StorageResult } from './result';

export type StoreName = 'redis' | 'mysql';

export interface StorageOptions {
  /** What time.time() reads at virtual 0 (options.clockEpochMs): TIME, NOW(), UNIX_TIMESTAMP(). */
  epochMs: number;
  /** Seeds SPOP / SRANDMEMBER / RANDOMKEY / RAND(). */
  seed: number;
  /** Redis: cap on stored bytes (keys + values); writes above it get Redis's OOM error. */
  redisMaxBytes: number;
  /** MySQL: cap on rows over all tables ("The table 'x' is full" above it). */
  mysqlMaxRows: number;
  /** MySQL: cap on stored cell bytes over all tables. */
  mysqlMaxBytes: number;
  /** MySQL: row combinations one SELECT may examine (MAX_JOIN_SIZE). */
  mysqlMaxExamined: number;
  /** The database name MySQL messages show. */
  database: string;
}

export const DEFAULT_STORAGE_OPTIONS: StorageOptions = {
  epochMs: 1767225600000,
  seed: 1,
  redisMaxBytes: 64 * 1024 * 1024,
  mysqlMaxRows: 200_000,
  mysqlMaxBytes: 64 * 1024 * 1024,
  mysqlMaxExamined: 5_000_000,
  database: 'mod',
};

/** The most parts one command may have (a protocol line is bounded too; this keeps the store's loops bounded). */
const MAX_COMMAND_PARTS = 1_000_000;

export class SimulatedStorage {
  readonly redis: RedisStore;
  readonly mysql: MysqlStore;

  constructor(options: Partial<StorageOptions> = {}) {
    const o = { ...DEFAULT_STORAGE_OPTIONS, ...options };
    this.redis = new RedisStore({ maxBytes: o.redisMaxBytes, epochMs: o.epochMs, seed: o.seed });
    this.mysql = new MysqlStore({
      maxRows: o.mysqlMaxRows,
      maxBytes: o.mysqlMaxBytes,
      maxExamined: o.mysqlMaxExamined,
      epochMs: o.epochMs,
      seed: (o.seed ^ 0x6d7973) >>> 0,
      database: o.database,
    });
  }

  /**
   * Carries out one command of the `Storage` protocol message (python/PROTOCOL.md) at virtual
   * time `nowMs` and answers what the Python callback receives. Never throws.
   */
  execute(store: StoreName | string, command: unknown, nowMs: number): StorageResult {
    if (!Array.isArray(command) || command.length === 0 || command.length > MAX_COMMAND_PARTS) {
      return { args: [null], error: { type: 'TypeError', code: null, message: 'a storage command is a non-empty list' } };
    }
    try {
      if (store === 'redis') return runRedisCommand(this.redis, command, nowMs);
      if (store === 'mysql') return runMysqlCommand(this.mysql, command, nowMs);
      return { args: [null], error: { type: 'TypeError', code: null, message: `unknown store ${JSON.stringify(String(store)).slice(0, 40)} (redis or mysql)` } };
    } catch (e) {
      return { args: [null], error: { type: 'InternalError', code: null, message: `internal error in the simulated ${store}: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }

  /** Runs an SQL script (a mod's mod.sql, which operators run before the servers start). */
  loadSql(script: string, nowMs = 0): { executed: number; failures: Array<{ statement: string; failure: SqlFailure }> } {
    return this.mysql.runScript(script, nowMs);
  }
}

/** The run's storage from the project options (one per simulation run, shared by every server). */
export function storageForRun(options: Pick<Options, 'clockEpochMs' | 'storageMaxBytes' | 'storageMaxRows'>, seed: number): SimulatedStorage {
  return new SimulatedStorage({
    epochMs: options.clockEpochMs,
    seed,
    redisMaxBytes: options.storageMaxBytes,
    mysqlMaxBytes: options.storageMaxBytes,
    mysqlMaxRows: options.storageMaxRows,
  });
}
