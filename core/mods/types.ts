// What the engine needs from the outside world to run Python mods (python/PROTOCOL.md). core/ has no
// processes or files: src-main implements these over real CPython processes; tests can fake them.
import type { NodeSpec, Project } from '../model/schema';

/** One mod as the runner loads it: a folder put on sys.path and the package holding modMain.py. */
export interface ModInfo {
  name: string;
  /** Absolute folder put on sys.path (developer_mods/<X>Dev, or a behaviour pack). */
  dir: string;
  /** Package (folder under `dir`) that holds modMain.py. */
  script: string;
  modJson: unknown;
}

/** The mods a node runs, and what could not be resolved (each named for the user). */
export interface ResolvedMods {
  mods: ModInfo[];
  problems: string[];
}

/** A line the runner wrote during a command (PROTOCOL.md "Messages during a command"). */
export type ModMessage =
  | { op: 'post'; node: string; api: string; sys: number; args: unknown[] }
  | { op: 'call'; node: string; api: string; sys: number; args: unknown[] }
  | { op: 'log'; node: string; stream: 'stdout' | 'stderr'; text: string }
  | { op: 'stub'; node: string; name: string };

export interface ModFailure {
  type: string;
  message: string;
  traceback: string;
  file?: string | null;
  line?: number | null;
  /** During load / unload: the mod that failed. */
  mod?: string;
}

export interface ModDone {
  op: 'done';
  node?: string;
  error: ModFailure | null;
  /** Every failure of the command when there was more than one (a load where two mods fail). */
  errors?: ModFailure[];
  stubs?: Record<string, number>;
}

/** The reply to a `call`: a value, or an error message the shim raises or stubs. */
export type CallReply = { value: unknown } | { error: string };

export type ExchangeResult = { ok: true; done: ModDone } | { ok: false; reason: string };

/** One running Python process. Synchronous: the engine is blocked while mod code runs. */
export interface ModProcess {
  /**
   * Send a command and block until its `done`. `onMessage` handles every post/call/log/stub line
   * in order; for a `call` it returns the reply. Never throws: a dead or hung process is a failure.
   */
  exchange(command: Record<string, unknown>, onMessage: (msg: ModMessage) => CallReply | undefined): ExchangeResult;
  close(): void;
}

export interface ModRuntimeHost {
  /** The server-side mods of a node (its `mods` folders' developer_mods). */
  serverMods(node: NodeSpec, project: Project): ResolvedMods;
  /** The client-side mods (behaviour packs of every lobby/game mod folder). */
  clientMods(project: Project): ResolvedMods;
  /** The `mod.sql` scripts of the project's mod folders (official plugins create their tables with one). */
  sqlScripts?(project: Project): { file: string; text: string }[];
  /** Start one process; `label` names it in messages. An error says why none could start (no Python 2.7, ...). */
  start(label: string): ModProcess | { error: string };
}
