// One pass over a trace collects every problem by cause; `groups()` turns them into explained
// groups with suggestions. Linear: each event is looked at once (registrations, player moves and
// RPC progress are kept in maps as they stream by); explanations are built per group, and read
// the registrations of the whole run, so a listener registered after the miss still counts.
// Live sessions call `sync()` as events arrive and `groups()` when they redraw.
import type { EventSource } from '../replay/source';
import type { TraceEvent } from '../trace/event';
import { explain, type Registrations, type Problem, type RpcFacts, type World } from './explain';
import type { ProblemContext, ProblemGroup } from './types';

/** Interfaces whose last argument is eventData (or args): a non-dict there is noted. */
const PAYLOAD_APIS = new Set([
  'NotifyToClient', 'NotifyToServer', 'NotifyToMaster', 'NotifyToServerNode', 'NotifyToServiceNode',
  'BroadcastToService', 'BroadcastToServerByType', 'RemoteNotifyToClient', 'RequestToService', 'RequestToServiceMod', 'ResponseToServer',
]);
const RESPONSE_DROPS = new Set(['late-response', 'duplicate-response', 'response-without-callback', 'unexpected-response']);
const CLIENT_DROPS = new Set(['not-on-server', 'in-transfer', 'not-on-proxy']);

function isDict(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class ProblemCollector {
  private done = 0;
  private readonly problems = new Map<string, Problem>();
  private readonly order: string[] = [];
  private readonly regs: Registrations = { listens: new Map(), rpcs: new Map(), http: new Set() };
  private readonly rpcs = new Map<number, RpcFacts>();
  private readonly world: World;
  /** Timeouts are classified when groups are built (a handler may run after the deadline). */
  private readonly timeouts: { rpc: number; seq: number }[] = [];

  constructor(
    private readonly source: EventSource,
    readonly context: ProblemContext,
  ) {
    this.world = { context, players: new Map(), clients: new Map(), seqEvent: (seq) => this.eventBySeq(seq) };
  }

  /** Read the events that arrived since the last call. */
  sync(): void {
    const src = this.source;
    const lite = typeof src.getLite === 'function' ? src.getLite.bind(src) : null;
    for (let i = this.done; i < src.length; i++) {
      const light = lite ? lite(i) : src.get(i);
      // Payloads are read only where they matter (registrations, sends, errors).
      const needsData = lite !== null && (light.type === 'register' || light.type === 'send' || light.type === 'error');
      this.add(needsData ? src.get(i) : light);
    }
    this.done = src.length;
  }

  /** Groups in the order their first event appeared. */
  groups(): ProblemGroup[] {
    const extra = new Map<string, Problem>();
    const extraOrder: string[] = [];
    for (const t of this.timeouts) {
      const p = this.timeoutProblem(t.rpc);
      const k = p.key;
      const have = extra.get(k);
      if (have) have.events.push(t.seq);
      else {
        extra.set(k, { ...p, events: [t.seq] });
        extraOrder.push(k);
      }
    }
    const all = [...this.order.map((k) => this.problems.get(k)!), ...extraOrder.map((k) => extra.get(k)!)];
    all.sort((a, b) => a.events[0] - b.events[0]);
    return all.map((p) => explain(p, this.regs, this.world, this.rpcs));
  }

  /** How many events the collector has read. */
  get length(): number {
    return this.done;
  }

  private eventBySeq(seq: number): TraceEvent | undefined {
    const src = this.source;
    // Engine traces and loaded ones alike have seq = index + 1 unless filtered; check, then search.
    const guess = seq - 1;
    if (guess >= 0 && guess < src.length) {
      const e = src.get(guess);
      if (e.seq === seq) return e;
    }
    let lo = 0;
    let hi = src.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const e = src.get(mid);
      if (e.seq === seq) return e;
      if (e.seq < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private note(key: string, seed: Omit<Problem, 'key' | 'events'>, seq: number): void {
    const have = this.problems.get(key);
    if (have) {
      have.events.push(seq);
      return;
    }
    this.problems.set(key, { key, ...seed, events: [seq] });
    this.order.push(key);
  }

  private rpc(id: number): RpcFacts {
    let r = this.rpcs.get(id);
    if (!r) {
      r = { id };
      this.rpcs.set(id, r);
    }
    return r;
  }

  add(e: TraceEvent): void {
    switch (e.type) {
      case 'register':
        return this.register(e);
      case 'lifecycle':
        return this.lifecycle(e);
      case 'send':
        if (e.api && PAYLOAD_APIS.has(e.api) && e.data !== undefined && !isDict(e.data)) {
          this.note(`non-dict-payload|${e.from}|${e.api}|${e.event}`, { kind: 'non-dict-payload', e }, e.seq);
        }
        if (e.rpc) {
          const r = this.rpc(e.rpc.id);
          if (e.api === 'ResponseToServer') {
            r.responded ??= e.seq;
            r.respondedAt ??= e.t;
          }
          else {
            r.api = e.api;
            r.requester = e.from;
            r.owner = e.to;
            r.method = e.event;
            r.sendSeq = e.seq;
            r.sendT = e.t;
            r.deadline = e.rpc.deadline;
          }
        }
        return;
      case 'handle':
        if (e.rpc) {
          const r = this.rpc(e.rpc.id);
          r.handled = e.seq;
          r.handledAt = e.t;
          r.handlerPair = e.ns !== undefined ? `${e.ns}/${e.sys}` : undefined;
          r.owner ??= e.to;
        }
        return;
      case 'unhandled':
        if (e.reason === 'no-handler') {
          this.note(`no-handler|${e.to}|${e.api}|${e.event}`, { kind: 'no-handler', e }, e.seq);
          return;
        }
        return this.unhandled(e);
      case 'rpc':
        return this.rpcEvent(e);
      case 'drop':
        return this.drop(e);
      case 'misuse':
        this.note(`misuse|${e.from ?? ''}|${e.api ?? ''}|${e.detail ?? ''}|${e.reason ?? ''}`, { kind: 'misuse', e }, e.seq);
        return;
      case 'error':
        this.note(`mod-error|${e.to ?? ''}|${e.reason ?? ''}`, { kind: 'mod-error', e }, e.seq);
        return;
      case 'log':
        if (e.detail === 'not-simulated') this.note(`not-simulated|${e.reason ?? ''}`, { kind: 'not-simulated', e }, e.seq);
        return;
      case 'http':
        if (e.detail === 'request' && e.reason) this.note(`http|${e.reason}|${e.event ?? ''}`, { kind: 'http', e }, e.seq);
        return;
      default:
        return;
    }
  }

  private register(e: TraceEvent): void {
    const node = e.to ?? '';
    if (e.detail === 'listen') {
      let l = this.regs.listens.get(node);
      if (!l) this.regs.listens.set(node, (l = []));
      if (l.length < 10000) l.push({ event: e.event ?? '', ns: e.ns ?? '', sys: e.sys ?? '' });
    } else if (e.detail === 'rpc' || e.detail === 'rpc-replaced') {
      const d = (e.data ?? {}) as { module?: string; method?: string };
      let l = this.regs.rpcs.get(node);
      if (!l) this.regs.rpcs.set(node, (l = []));
      if (l.length < 10000) l.push({ api: e.api ?? '', module: d.module ?? '', method: d.method ?? e.event ?? '' });
    } else if (e.detail === 'http' || e.detail === 'http-replaced') {
      if (this.regs.http.size < 10000) this.regs.http.add(e.event ?? '');
    }
  }

  private lifecycle(e: TraceEvent): void {
    const d = (e.data ?? {}) as { playerId?: string; serverId?: number };
    const client = e.from;
    if (!client) return;
    const w = this.world;
    const state = w.clients.get(client) ?? { server: undefined, playerId: undefined };
    switch (e.detail) {
      case 'login':
      case 'transfer-end':
        state.server = e.to;
        state.playerId = d.playerId;
        state.transferTo = undefined;
        if (d.playerId !== undefined && e.to) w.players.set(`${e.to}\u0000${d.playerId}`, { client, since: e.t });
        break;
      case 'transfer-start':
        state.transferTo = e.to;
        state.transferAt = e.t;
        state.leftAt = e.t;
        state.leftServer = state.server;
        state.server = undefined;
        break;
      case 'transfer-failed':
        state.transferTo = undefined;
        break;
      case 'logout':
        state.leftServer = state.server;
        state.leftAt = e.t;
        state.server = undefined;
        state.playerId = undefined;
        break;
      default:
        return;
    }
    w.clients.set(client, state);
  }

  private unhandled(e: TraceEvent): void {
    const node = e.to ?? '';
    const expected = `${e.ns ?? ''}/${e.sys ?? ''}`;
    this.note(`unhandled|${node}|${e.event}|${expected}`, { kind: 'unhandled', e }, e.seq);
  }

  private rpcEvent(e: TraceEvent): void {
    const rpc = e.rpc;
    if (!rpc) return;
    if (rpc.state === 'noRoute') {
      this.note(`no-route|${e.api}|${e.detail ?? ''}`, { kind: 'no-route', e }, e.seq);
    } else if (rpc.state === 'noHandler') {
      this.note(`no-handler|${e.to}|${e.api}|${e.event}`, { kind: 'no-handler', e }, e.seq);
    } else if (rpc.state === 'timedOut') {
      this.timeouts.push({ rpc: rpc.id, seq: e.seq });
    }
  }

  private drop(e: TraceEvent): void {
    const reason = e.reason ?? '';
    if (e.rpc) {
      const r = this.rpc(e.rpc.id);
      if (e.api === 'ResponseToServer') r.responseDrop ??= reason;
      else r.requestDrop ??= reason;
    }
    if (RESPONSE_DROPS.has(reason)) {
      this.note(`response|${reason}|${e.from}|${e.event}`, { kind: 'response', e }, e.seq);
    } else if (CLIENT_DROPS.has(reason)) {
      const c = reason === 'in-transfer' && e.to ? this.world.clients.get(e.to) : undefined;
      const transfer = c ? { from: c.leftServer, to: c.transferTo } : undefined;
      this.note(`client-moved|${reason}|${e.from}|${e.to ?? ''}|${e.api}|${reason === 'not-on-server' && !e.to ? e.detail : ''}`, { kind: 'client-moved', e, transfer }, e.seq);
    } else if (reason === 'no-target' && (e.api === 'NotifyToServerNode' || e.api === 'NotifyToServiceNode' || e.api === 'RemoteNotifyToClient')) {
      this.note(`wrong-target|${e.api}|${e.detail ?? ''}`, { kind: 'wrong-target', e }, e.seq);
    } else {
      this.note(`drop|${reason}|${e.api}|${e.from ?? ''}|${e.to ?? ''}|${e.at ?? ''}`, { kind: 'drop', e }, e.seq);
    }
  }

  private timeoutProblem(id: number): Omit<Problem, 'events'> {
    const r = this.rpcs.get(id) ?? { id };
    const base = `${r.requester}|${r.owner}|${r.api}|${r.method}`;
    if (r.handled !== undefined && r.responded === undefined) return { key: `no-response|${base}|${r.handlerPair ?? ''}`, kind: 'no-response', rpc: r };
    return { key: `timeout|${base}|${r.requestDrop ?? ''}|${r.responseDrop ?? ''}`, kind: 'timeout', rpc: r };
  }
}

