// The shape of a simulated Redis command: Redis's arity rule (positive = exactly, negative = at
// least, the name included), whether it may grow memory (refused when over the cap), and its code.
import type { Random } from '../../../engine/random';
import type { Keyspace } from './keyspace';
import type { Reply } from './reply';

export interface Context {
  ks: Keyspace;
  /** Virtual ms. */
  now: number;
  /** What TIME reads at virtual 0 (the run's clock epoch), in ms since 1970. */
  epochMs: number;
  /** The store's own seeded generator (SPOP, SRANDMEMBER, RANDOMKEY). */
  random: Random;
}

export interface Command {
  arity: number;
  /** A write that may grow the store: refused with Redis's OOM error while over the cap. */
  grows?: boolean;
  run(ctx: Context, args: string[]): Reply;
}

export type CommandTable = Record<string, Command>;
