// A mod runtime host without Python, for engine-side tests of the bridge: each node's "mod" is a
// TypeScript script that answers the protocol's commands with the lines a runner would write.
import type { CallReply, ExchangeResult, ModFailure, ModMessage, ModProcess, ModRuntimeHost, ResolvedMods } from '../types';

export interface FakeContext {
  node: string;
  now: number;
  command: Record<string, unknown>;
  post(api: string, args: unknown[], sys?: number): void;
  call(api: string, args: unknown[]): CallReply | undefined;
  log(text: string, stream?: 'stdout' | 'stderr'): void;
  stub(name: string): void;
  /** A failure of the command (an exception escaping the mod's code); several make `done.errors`. */
  fail(f: Partial<ModFailure>): void;
}

/** What one node's fake mod does for each command; `invoke` receives the handler id and args. */
export interface FakeMod {
  load?(c: FakeContext): void;
  invoke?(c: FakeContext, h: number, args: unknown[]): void;
  method?(c: FakeContext, name: string, args: unknown[]): void;
  tick?(c: FakeContext): void;
  unload?(c: FakeContext): void;
  /** Return 'die' to have the process exit instead of answering. */
  crash?(c: FakeContext): boolean;
}

export class FakeProcess implements ModProcess {
  closed = false;
  readonly commands: Record<string, unknown>[] = [];

  constructor(private readonly mods: (node: string) => FakeMod | undefined) {}

  exchange(command: Record<string, unknown>, onMessage: (m: ModMessage) => CallReply | undefined): ExchangeResult {
    if (this.closed) return { ok: false, reason: 'closed' };
    this.commands.push(command);
    // `load` carries the node's info; every other command names it.
    const id = typeof command.node === 'object' && command.node ? String((command.node as { id: string }).id) : String(command.node);
    const mod = this.mods(id) ?? {};
    const failures: ModFailure[] = [];
    const stubs: Record<string, number> = {};
    const c: FakeContext = {
      node: id,
      now: Number(command.now ?? 0),
      command,
      // The runner flags a post whose encoding met a value JSON cannot carry.
      post: (api, args, sys = 1) => void onMessage({ op: 'post', node: id, api, sys, args, ...(JSON.stringify(args).includes('"$unsendable"') ? { unsendable: true } : {}) } as ModMessage),
      call: (api, args) => onMessage({ op: 'call', node: id, api, sys: 1, args }),
      log: (text, stream = 'stdout') => void onMessage({ op: 'log', node: id, stream, text }),
      stub: (name) => {
        if (!(name in stubs)) onMessage({ op: 'stub', node: id, name });
        stubs[name] = (stubs[name] ?? 0) + 1;
      },
      fail: (f) => {
        failures.push({ type: f.type ?? 'Exception', message: f.message ?? '', traceback: f.traceback ?? '', file: f.file ?? null, line: f.line ?? null, ...(f.mod ? { mod: f.mod } : {}) });
      },
    };
    if (mod.crash?.(c)) {
      this.closed = true;
      return { ok: false, reason: `${id}: the process exited (code 1)` };
    }
    switch (command.op) {
      case 'load':
        mod.load?.(c);
        break;
      case 'invoke':
        mod.invoke?.(c, command.h as number, command.args as unknown[]);
        break;
      case 'method':
        mod.method?.(c, String(command.method), command.args as unknown[]);
        break;
      case 'tick':
        mod.tick?.(c);
        break;
      case 'unload':
        mod.unload?.(c);
        break;
    }
    const done = { op: 'done' as const, node: id, error: failures[0] ?? null, ...(failures.length > 1 ? { errors: failures } : {}), ...(Object.keys(stubs).length ? { stubs } : {}) };
    return { ok: true, done };
  }

  close(): void {
    this.closed = true;
  }
}

/** Every node's process runs the fake mod registered for it; `mods` of each node resolve to one fake entry. */
export class FakeModHost implements ModRuntimeHost {
  readonly processes: FakeProcess[] = [];
  startError: string | null = null;
  /** mod.sql scripts the project's mod folders hold. */
  sql: { file: string; text: string }[] = [];

  constructor(private readonly mods: Record<string, FakeMod>) {}

  serverMods(node: { id: string; mods?: string[] }): ResolvedMods {
    return { mods: (node.mods ?? []).map((m) => ({ name: m, dir: `/fake/${m}`, script: `${m}Script`, modJson: null })), problems: [] };
  }

  clientMods(): ResolvedMods {
    return this.mods['*client'] ? { mods: [{ name: 'client', dir: '/fake/client', script: 'clientScript', modJson: null }], problems: [] } : { mods: [], problems: [] };
  }

  sqlScripts(): { file: string; text: string }[] {
    return this.sql;
  }

  start(): FakeProcess | { error: string } {
    if (this.startError) return { error: this.startError };
    const p = new FakeProcess((node) => this.mods[node] ?? (node.startsWith('client') ? this.mods['*client'] : undefined));
    this.processes.push(p);
    return p;
  }
}
