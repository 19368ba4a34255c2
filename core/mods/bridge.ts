// Runs users' Python mods on the simulated network, in lockstep with the engine (python/PROTOCOL.md).
// The engine stays the only clock and the only router: each piece of mod code runs inside one
// blocking exchange with its process, at the virtual time the engine gives it, and everything it
// does comes back as protocol lines that this file turns into ordinary engine calls. A Python
// handler is an ordinary engine Handler that performs such an exchange, so routing, tracing and
// replay treat mods exactly like TypeScript systems.
import { INTERFACES, type ApiName } from '../api/interfaces';
import type { Engine } from '../engine/engine';
import { ApolloMisuseError } from '../engine/errors';
import { invoke } from '../engine/invoke';
import { TRANSFER_FAILED, type Lifecycle, type LifecycleWatcher } from '../engine/lifecycle';
import type { Handler, NodeRt, SystemRt } from '../engine/runtime';
import { TYPE_INDEX as T } from '../trace/recorder';
import { NodeMods } from './node-mods';
import { unsendablePath } from './unsendable';
import type { CallReply, ModFailure, ModMessage, ModProcess, ModRuntimeHost, ResolvedMods } from './types';

/** How a `call` is answered from engine state (core/mods/queries.ts). */
export type AnswerQuery = (e: Engine, node: NodeRt, api: string, args: unknown[]) => CallReply;

/** The shared Redis/MySQL fakes (core/mods/storage): the arguments the Python callback receives. */
export interface StorageBackend {
  execute(store: string, command: unknown, nowMs: number): { args: unknown[]; error?: { type: string; code: number | null; message: string } };
  /** Run a mod.sql script, as an operator does before the servers start. */
  loadSql?(script: string, nowMs?: number): { executed: number; failures: { statement: string; failure: { type: string; code: number | null; message: string } }[] };
}

/** Where a post's function argument sits, and how many arguments the engine calls it with. */
const HANDLER_SLOT: Partial<Record<ApiName, [index: number, arity: number]>> = {
  ListenForEvent: [3, 1],
  RegisterRpcMethod: [2, 3],
  RegisterRpcMethodForMod: [1, 3],
  RequestToService: [3, 2],
  RequestToServiceMod: [3, 2],
  RegisterMasterHttp: [1, 2],
};

/** A repeated timer never fires more often than this (a 0 s repeat would stall the clock) [D]. */
const MIN_REPEAT_MS = 1;

interface HandlerRef {
  $h: number;
}

function isHandlerRef(v: unknown): v is HandlerRef {
  return typeof v === 'object' && v !== null && typeof (v as HandlerRef).$h === 'number';
}

/** FNV-1a of the node id mixed with the run's seed: each node's `random` differs, runs repeat. */
export function nodeSeed(seed: number, nodeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < nodeId.length; i++) h = Math.imul(h ^ nodeId.charCodeAt(i), 0x01000193);
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ h) >>> 0;
}

export class ModRuntime implements LifecycleWatcher {
  private readonly byNode = new Map<NodeRt, NodeMods>();
  private readonly byId = new Map<string, NodeMods>();
  private clientMods: ResolvedMods | null = null;
  /** The one process every client's mods share, once started; a string when it could not start. */
  private clientProc: ModProcess | string | null = null;
  /** Uses of things not simulated, by name, over the whole run. */
  readonly stubCounts = new Map<string, number>();
  /** The same, per node id (the Log panel shows a node's). */
  readonly stubCountsByNode = new Map<string, Map<string, number>>();
  /** Python handler invocations so far (the bench divides it by wall time). */
  invocations = 0;

  constructor(
    private readonly e: Engine,
    private readonly life: Lifecycle,
    private readonly host: ModRuntimeHost | null,
    private readonly answer: AnswerQuery,
    private readonly storage: StorageBackend,
  ) {
    life.watchers.push(this);
  }

  /** Whether the project has anything for this runtime to run. */
  static wanted(e: Engine): boolean {
    return e.topo.nodes.some((n) => n.kind !== 'client' && (n.spec.mods?.length ?? 0) > 0) || (e.project.options.clientMods && e.topo.nodes.some((n) => n.kind === 'client'));
  }

  /** Resolve every node's mods and load those of running nodes (the Simulation calls this once, at 0). */
  boot(): void {
    for (const node of this.e.topo.nodes) {
      if (node.kind === 'client' || !(node.spec.mods?.length)) continue;
      const resolved = this.host ? this.host.serverMods(node.spec, this.e.project) : { mods: [], problems: [] };
      const nm = new NodeMods(node, resolved.mods, false);
      this.byNode.set(node, nm);
      this.byId.set(node.id, nm);
      for (const p of resolved.problems) this.recordError(node, p, 'mods');
      if (!this.host) this.fail(nm, `the mods of ${node.id} were not run: this simulation has no mod runtime (run it from the app or the switchboard command)`);
    }
    // Tables the plugins expect to exist: the operator runs each mod.sql before starting the servers.
    for (const script of this.host?.sqlScripts?.(this.e.project) ?? []) {
      const r = this.storage.loadSql?.(script.text, this.e.now);
      for (const f of r?.failures ?? []) this.recordError(null, `${script.file}: ${f.failure.type}: ${f.failure.message} (in: ${f.statement.slice(0, 120)})`, 'mods');
    }
    if (this.e.project.options.clientMods && this.host) {
      this.clientMods = this.host.clientMods(this.e.project);
      for (const p of this.clientMods.problems) this.recordError(null, p, 'mods');
    }
    for (const nm of this.byNode.values()) if (nm.node.up) this.load(nm);
  }

  // ------------------------------------------------------------ lifecycle (LifecycleWatcher)

  started(node: NodeRt): void {
    const nm = this.byNode.get(node);
    if (nm) this.load(nm);
  }

  stopping(node: NodeRt): void {
    const nm = this.byNode.get(node);
    if (nm) this.unload(nm);
  }

  loggedIn(client: NodeRt): void {
    if (!this.clientMods || this.clientMods.mods.length === 0) return;
    let nm = this.byNode.get(client);
    if (!nm) {
      nm = new NodeMods(client, this.clientMods.mods, true);
      this.byNode.set(client, nm);
      this.byId.set(client.id, nm);
    }
    if (!nm.proc) this.load(nm);
  }

  loggedOut(client: NodeRt): void {
    const nm = this.byNode.get(client);
    if (nm) this.unload(nm);
  }

  // ------------------------------------------------------------ processes

  private load(nm: NodeMods): void {
    if (!this.host || nm.mods.length === 0) return;
    nm.failed = null;
    const proc = nm.shared ? this.sharedClientProcess() : this.host.start(nm.node.id);
    if (typeof proc === 'string' || 'error' in proc) {
      this.fail(nm, `the mods of ${nm.node.id} could not start: ${typeof proc === 'string' ? proc : proc.error}`);
      return;
    }
    nm.proc = proc;
    const o = this.e.project.options;
    this.run(nm, {
      op: 'load', node: nodeInfo(nm.node), now: this.e.now, seed: nodeSeed(this.e.seed, nm.node.id), epochMs: o.clockEpochMs,
      mods: nm.mods, tickHz: o.serverTickHz,
    });
  }

  private sharedClientProcess(): ModProcess | string {
    if (this.clientProc === null) {
      const p = this.host!.start('clients');
      this.clientProc = 'error' in p ? p.error : p;
    }
    return this.clientProc;
  }

  private unload(nm: NodeMods): void {
    if (nm.running) this.run(nm, { op: 'unload', node: nm.node.id, now: this.e.now });
    if (nm.proc && !nm.shared) nm.proc.close();
    nm.proc = null;
    nm.forget();
  }

  /** Stop every process (the simulation is closed). */
  close(): void {
    for (const nm of this.byNode.values()) {
      if (nm.proc && !nm.shared) nm.proc.close();
      nm.proc = null;
    }
    if (this.clientProc && typeof this.clientProc !== 'string') this.clientProc.close();
    this.clientProc = null;
  }

  /** One exchange: the command runs to its `done`; what it did is already in the engine then. */
  private run(nm: NodeMods, command: Record<string, unknown>): void {
    const proc = nm.proc;
    if (!proc || nm.failed) return;
    const r = proc.exchange(command, (msg) => this.onMessage(nm, msg));
    if (!r.ok) {
      if (nm.shared) {
        this.clientProc = r.reason;
        for (const other of this.byNode.values()) if (other.shared && other.proc === proc) this.fail(other, r.reason);
      } else this.fail(nm, r.reason);
      return;
    }
    const { error, errors, stubs } = r.done;
    const node = this.byId.get(r.done.node ?? '')?.node ?? nm.node;
    if (stubs) {
      let perNode = this.stubCountsByNode.get(node.id);
      if (!perNode) this.stubCountsByNode.set(node.id, (perNode = new Map()));
      for (const name of Object.keys(stubs)) {
        this.stubCounts.set(name, (this.stubCounts.get(name) ?? 0) + (stubs[name] ?? 0));
        perNode.set(name, (perNode.get(name) ?? 0) + (stubs[name] ?? 0));
      }
    }
    for (const f of errors && errors.length ? errors : error ? [error] : []) this.recordFailure(node, f);
  }

  private fail(nm: NodeMods, reason: string): void {
    if (nm.failed) return;
    nm.failed = reason;
    this.recordError(nm.node, reason, 'mods');
  }

  // ------------------------------------------------------------ what mod code did

  private onMessage(from: NodeMods, msg: ModMessage): CallReply | undefined {
    const nm = msg.node === from.node.id ? from : (this.byId.get(msg.node) ?? from);
    switch (msg.op) {
      case 'log':
        this.log(nm.node, msg.stream, msg.text);
        return undefined;
      case 'stub': {
        const seq = this.e.record(T.log, 0, null, nm.node, undefined, undefined, this.e.cause);
        this.e.note(seq, { detail: 'not-simulated', reason: msg.name });
        return undefined;
      }
      case 'call':
        // Sync* storage calls, and the commands of a function run by AsyncFuncWithKey.
        if (msg.api === 'Storage') return { value: this.storage.execute(String(msg.args[0]), msg.args[1], this.e.now) };
        return this.answer(this.e, nm.node, msg.api, msg.args);
      case 'post':
        this.post(nm, msg.api, msg.sys, msg.args, (msg as { unsendable?: boolean }).unsendable === true);
        return undefined;
    }
  }

  private post(nm: NodeMods, api: string, sysNo: number, args: unknown[], unsendable: boolean): void {
    switch (api) {
      case 'RegisterSystem':
        return this.registerSystem(nm, sysNo, args);
      case 'UnListenForEvent':
        return this.unlisten(nm, args);
      case 'AddTimer':
        return this.addTimer(nm, args[0] as number, Number(args[1]) || 0, args[2] === true);
      case 'CancelTimer': {
        const t = nm.timers.get(args[0] as number);
        if (t) t.cancelled = true;
        nm.timers.delete(args[0] as number);
        return;
      }
      case 'TransferToOtherServer':
      case 'TransferToOtherServerById':
        return this.transfer(nm, api, args);
      case 'Storage': {
        const [store, command, cb] = args;
        const result = this.storage.execute(String(store), command, this.e.now);
        // The real pools log a failed operation from their worker thread; the callback gets None.
        if (result.error) {
          const e = result.error;
          this.log(nm.node, 'stderr', `[apolloCommon.${store === 'mysql' ? 'mysqlPool' : 'redisPool'}] ${e.type}: ${e.code === null ? '' : `(${e.code}) `}${e.message}`);
        }
        if (isHandlerRef(cb)) this.later(nm, this.e.project.options.storageLatencyMs, cb.$h, result.args);
        return;
      }
    }
    const sys = nm.systems.get(sysNo) ?? this.anonymousSystem(nm);
    if (!(api in INTERFACES)) {
      this.misuse(nm.node, api, `${api} is not an interface Switchboard knows (mods can call ${Object.keys(INTERFACES).join(', ')})`);
      return;
    }
    const name = api as ApiName;
    const a = args.slice();
    const slot = HANDLER_SLOT[name];
    if (slot) {
      const [i, arity] = slot;
      a[i] = isHandlerRef(a[i]) ? this.handler(nm, (a[i] as HandlerRef).$h, arity) : (a[i] ?? null);
      if (name === 'ListenForEvent') a.splice(3, 0, null); // the instance slot: Python bound it already
    }
    if (unsendable) {
      const where = unsendablePath(a, name);
      if (where) {
        this.misuse(nm.node, name, where);
        return;
      }
    }
    try {
      invoke(this.e, sys, name, a);
    } catch (err) {
      if (!(err instanceof ApolloMisuseError)) throw err;
    }
  }

  private registerSystem(nm: NodeMods, sysNo: number, args: unknown[]): void {
    const [namespace, systemName, classPath, hasUpdate] = args as [string, string, string, boolean];
    const node = nm.node;
    const sys: SystemRt = {
      node, namespace, systemName, sysId: this.e.sysId(namespace, systemName), instance: { python: classPath }, keys: new Map(),
      invokeMethod: (method, margs) => this.run(nm, { op: 'method', node: node.id, now: this.e.now, ns: namespace, sys: systemName, method, args: margs }),
    };
    node.systems.push(sys);
    nm.systems.set(sysNo, sys);
    const seq = this.e.record(T.register, this.e.apiId('RegisterSystem'), null, node, classPath, undefined, this.e.cause);
    this.e.note(seq, { detail: 'system', sysId: sys.sysId });
    if (hasUpdate) this.startTicks(nm);
  }

  private anonymousSystem(nm: NodeMods): SystemRt {
    if (!nm.anonymous) {
      const node = nm.node;
      nm.anonymous = { node, namespace: node.id, systemName: 'mod', sysId: this.e.sysId(node.id, 'mod'), instance: null, keys: new Map() };
      node.systems.push(nm.anonymous);
    }
    return nm.anonymous;
  }

  private unlisten(nm: NodeMods, args: unknown[]): void {
    const [ns, sysName, event, ref] = args as [string, string, string, unknown];
    const fn = isHandlerRef(ref) ? nm.handlers.get(ref.$h) : undefined;
    const key = `${ns}\u0000${sysName}\u0000${event}`;
    const list = nm.node.listeners.get(key);
    if (!fn || !list) return;
    const kept = list.filter((l) => l.fn !== fn);
    if (kept.length) nm.node.listeners.set(key, kept);
    else nm.node.listeners.delete(key);
    const seq = this.e.record(T.register, this.e.apiId('UnListenForEvent'), null, nm.node, event, undefined, this.e.cause);
    this.e.note(seq, { detail: 'unlisten', sysId: this.e.sysId(ns, sysName) });
  }

  /** The engine handler that runs Python handler `h`; arity = how many arguments the engine passes. */
  private handler(nm: NodeMods, h: number, arity: number): Handler {
    const known = nm.handlers.get(h);
    if (known) return known;
    const gen = nm.generation;
    const fn: Handler = (a: unknown, b: unknown, c: unknown) => {
      if (nm.generation !== gen) return;
      this.invocations++;
      this.run(nm, { op: 'invoke', node: nm.node.id, now: this.e.now, h, args: arity === 1 ? [a] : arity === 2 ? [a, b] : [a, b, c] });
    };
    nm.handlers.set(h, fn);
    return fn;
  }

  /** Invoke Python handler `h` with `args` after `delayMs` of virtual time (callbacks, timers). */
  private later(nm: NodeMods, delayMs: number, h: number, args: unknown[]): void {
    const gen = nm.generation;
    this.e.later(this.e.now + delayMs, nm.node, () => {
      if (nm.generation !== gen) return;
      this.invocations++;
      this.run(nm, { op: 'invoke', node: nm.node.id, now: this.e.now, h, args });
    });
  }

  private addTimer(nm: NodeMods, id: number, delaySec: number, repeat: boolean): void {
    const timer = { cancelled: false };
    nm.timers.set(id, timer);
    const gen = nm.generation;
    const delay = Math.max(0, delaySec * 1000);
    const period = Math.max(MIN_REPEAT_MS, delay);
    const fire = (): void => {
      if (timer.cancelled || nm.generation !== gen) return;
      if (repeat) this.e.later(this.e.now + period, nm.node, fire);
      else nm.timers.delete(id);
      this.invocations++;
      this.run(nm, { op: 'invoke', node: nm.node.id, now: this.e.now, h: id, args: [] });
    };
    this.e.later(this.e.now + (repeat ? period : delay), nm.node, fire);
  }

  /** Update() of the node's systems, serverTickHz times per virtual second, on exact multiples. */
  private startTicks(nm: NodeMods): void {
    const hz = this.e.project.options.serverTickHz;
    if (hz <= 0 || nm.ticking) return;
    nm.ticking = true;
    const gen = nm.generation;
    const period = 1000 / hz;
    let k = Math.floor(this.e.now / period) + 1;
    const tick = (): void => {
      if (nm.generation !== gen || !nm.running) return;
      k++;
      this.e.later(k * period, nm.node, tick);
      this.run(nm, { op: 'tick', node: nm.node.id, now: this.e.now });
    };
    this.e.later(k * period, nm.node, tick);
  }

  private transfer(nm: NodeMods, api: 'TransferToOtherServer' | 'TransferToOtherServerById', args: unknown[]): void {
    const [playerId, target, transferParam, cb] = args as [string, string | number, unknown, unknown];
    const done = isHandlerRef(cb) ? (ok: boolean, code: number, message: string) => this.later(nm, 0, cb.$h, [ok, code, message]) : undefined;
    const client = nm.node.players.get(String(playerId));
    if (!client) {
      this.misuse(nm.node, api, `no player ${String(playerId)} on ${nm.node.id}`);
      done?.(false, TRANSFER_FAILED.notOnServer, `no player ${String(playerId)} on ${nm.node.id}`);
      return;
    }
    const param = typeof transferParam === 'string' ? transferParam : transferParam == null ? '' : JSON.stringify(transferParam);
    const outcome = api === 'TransferToOtherServerById'
      ? this.life.transfer(client, Number(target), undefined, param, done)
      : this.life.transfer(client, undefined, String(target), param, done);
    if (!outcome.ok) {
      this.misuse(nm.node, api, outcome.error);
      done?.(false, TRANSFER_FAILED.targetUnavailable, outcome.error);
    }
  }

  // ------------------------------------------------------------ trace records

  private log(node: NodeRt, stream: 'stdout' | 'stderr', text: string): void {
    const seq = this.e.record(T.log, 0, null, node, undefined, text, this.e.cause);
    this.e.note(seq, { detail: stream === 'stderr' ? 'stderr' : 'print' });
  }

  private misuse(node: NodeRt, api: string, reason: string): void {
    const seq = this.e.record(T.misuse, this.e.apiId(api), node, null, undefined, undefined, this.e.cause);
    this.e.note(seq, { reason });
  }

  private recordError(node: NodeRt | null, reason: string, detail: string): void {
    const seq = this.e.record(T.error, 0, null, node, undefined, undefined, this.e.cause);
    this.e.note(seq, { reason, detail });
  }

  private recordFailure(node: NodeRt, f: ModFailure): void {
    const data = { type: f.type, message: f.message, traceback: f.traceback, file: f.file ?? null, line: f.line ?? null, ...(f.mod ? { mod: f.mod } : {}) };
    const seq = this.e.record(T.error, 0, null, node, undefined, data, this.e.cause);
    this.e.note(seq, { reason: `${f.mod ? `mod ${f.mod}: ` : ''}${f.type}: ${f.message}`, detail: 'python' });
  }
}

function nodeInfo(n: NodeRt): Record<string, unknown> {
  const info: Record<string, unknown> = { id: n.id, kind: n.kind };
  if (!Number.isNaN(n.serverId)) info.serverId = n.serverId;
  if (n.type !== undefined) info.type = n.type;
  if (n.spec.moduleNames) info.moduleNames = n.spec.moduleNames;
  if (n.kind === 'client') {
    info.uid = n.uid;
    if (n.playerId) info.playerId = n.playerId;
    if (n.proxy) info.proxyId = n.proxy.serverId;
  }
  return info;
}
