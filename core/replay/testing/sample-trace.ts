// Test data: a builder that writes event sequences the way the engine does (see CONTEXT.md for the
// rules it follows), and a seeded generator of long realistic traces for the bench. Pure; used by
// tests, the bench and demos until real engine traces are everywhere.
import type { RpcState, TraceEvent, TraceHeader } from '../../trace/event';
import { TRACE_FORMAT, TRACE_VERSION } from '../../trace/event';
import { Options } from '../../model/schema';

export interface SampleNode {
  id: string;
  kind: 'client' | 'proxy' | 'lobby' | 'game' | 'master' | 'service';
  serverId?: number;
  type?: string;
  uid?: number;
  proxy?: number;
}

/** A quickstart-like topology. */
export const SAMPLE_NODES: SampleNode[] = [
  { id: 'client-1', kind: 'client', uid: 1001, proxy: 2000 },
  { id: 'client-2', kind: 'client', uid: 1002, proxy: 2000 },
  { id: 'proxy-2000', kind: 'proxy', serverId: 2000 },
  { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' },
  { id: 'game-5000', kind: 'game', serverId: 5000, type: 'battle_game_server_type' },
  { id: 'master-0', kind: 'master', serverId: 0 },
  { id: 'service-8000', kind: 'service', serverId: 8000, type: 'rank' },
  { id: 'service-8001', kind: 'service', serverId: 8001, type: 'mail' },
];

export function sampleHeader(nodes: SampleNode[] = SAMPLE_NODES, seed = 1): TraceHeader {
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    project: 'sample',
    seed,
    scenario: 'sample',
    options: Options.parse({}),
    nodes: nodes.map((n) => ({ id: n.id, kind: n.kind, ...(n.serverId !== undefined ? { serverId: n.serverId } : {}), ...(n.type ? { type: n.type } : {}) })),
  };
}

type Draft = Omit<TraceEvent, 'seq' | 't' | 'cause'>;
interface Item {
  t: number;
  ord: number;
  ev: Draft;
  cause?: Item;
  seq: number;
}

export type RpcOutcome = 'completed' | 'timeout' | 'late' | 'duplicate' | 'noRoute' | 'noHandler' | 'lost';

export interface RpcOptions {
  data?: unknown;
  response?: unknown;
  timeoutMs?: number;
  handleMs?: number;
  outcome?: RpcOutcome;
  ns?: string;
  sys?: string;
}

export interface NotifyOptions {
  /** Drop instead of delivering, with this reason. */
  drop?: string;
  /** Proxy id the message passes through (client messages). */
  via?: string;
  /** Listeners that run (0 = unhandled). Default 1. */
  handlers?: number;
  latency?: number;
  ns?: string;
  sys?: string;
}

/**
 * Schedules events at virtual times (each call starts at the cursor `now`), emits them sorted by
 * (time, scheduling order) with seq = 1, 2, ... and causes resolved to seqs.
 */
export class SampleTraceBuilder {
  now = 0;
  latency = 5;
  private heap: Item[] = [];
  private ord = 0;
  private seq = 0;
  private rpcId = 0;
  private callbackIds = new Map<string, number>();
  private playerSeq = 0;
  private readonly byId = new Map<string, SampleNode>();

  constructor(readonly nodes: SampleNode[] = SAMPLE_NODES) {
    for (const n of nodes) this.byId.set(n.id, n);
  }

  at(t: number): this {
    this.now = t;
    return this;
  }
  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  private push(t: number, ev: Draft, cause?: Item): Item {
    const it: Item = { t, ord: this.ord++, ev, seq: 0, cause };
    const h = this.heap;
    h.push(it);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(h[p], it)) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = it;
    return it;
  }

  private pop(): Item | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && less(h[r], h[l]) ? r : l;
        if (less(last, h[c])) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }

  /** Emit (and forget) every scheduled event with t < before (all when omitted). */
  drain(before = Infinity, out: TraceEvent[] = []): TraceEvent[] {
    while (this.heap.length > 0 && this.heap[0].t < before) {
      const it = this.pop() as Item;
      it.seq = ++this.seq;
      const e = { seq: it.seq, t: it.t, ...it.ev } as TraceEvent;
      if (it.cause) {
        e.cause = it.cause.seq;
        it.cause = undefined; // let chains be collected (undefined, not delete: the items keep one shape)
      }
      out.push(e);
    }
    return out;
  }

  /** All events scheduled so far, in order. */
  build(): TraceEvent[] {
    return this.drain();
  }

  pending(): number {
    return this.heap.length;
  }

  private sid(id: string): number | undefined {
    return this.byId.get(id)?.serverId;
  }

  private handles(t: number, to: string, event: string | undefined, deliver: Item, n: number, ns: string, sys: string): Item | undefined {
    if (n === 0) return this.push(t, { type: 'unhandled', to, ...(event !== undefined ? { event } : {}) }, deliver);
    let last: Item | undefined;
    for (let k = 0; k < n; k++) last = this.push(t, { type: 'handle', to, ns, sys, ...(event !== undefined ? { event } : {}) }, deliver);
    return last;
  }

  /** A point message (NotifyToServer, NotifyToClient, NotifyToMaster, ...). */
  notify(from: string, to: string, api: string, event: string, data: unknown = {}, o: NotifyOptions = {}): this {
    const t = this.now;
    const lat = o.latency ?? this.latency;
    const ns = o.ns ?? 'demo';
    const sys = o.sys ?? 'DemoSystem';
    const path = o.via ? [from, o.via, to] : [from, to];
    const send = this.push(t, { type: 'send', api, from, to, event, data, ns, sys, path, arrive: t + lat });
    if (o.drop) {
      this.push(t + lat, { type: 'drop', api, from, to, event, reason: o.drop, ...(o.via && o.drop === 'link-down' ? { at: o.via } : {}) }, send);
    } else {
      const d = this.push(t + lat, { type: 'deliver', api, from, to, event, data }, send);
      this.handles(t + lat, to, event, d, o.handlers ?? 1, ns, sys);
    }
    return this;
  }

  /** One thick fan-out (BroadcastToService / BroadcastToServerByType). `drops` maps target -> reason. */
  broadcast(from: string, targets: string[], api: string, event: string, data: unknown = {}, drops: Record<string, string> = {}): this {
    const t = this.now;
    const lat = this.latency;
    const send = this.push(t, { type: 'send', api, from, targets: [...targets], event, data, ns: 'demo', sys: 'DemoSystem', arrive: t + lat });
    targets.forEach((to, k) => {
      const at = t + lat + k * 0.5;
      if (drops[to]) this.push(at, { type: 'drop', api, from, to, event, reason: drops[to] }, send);
      else {
        const d = this.push(at, { type: 'deliver', api, from, to, event, data }, send);
        this.handles(at, to, event, d, 1, 'demo', 'DemoSystem');
      }
    });
    return this;
  }

  /** An RPC (RequestToService / RequestToServiceMod) with one of the outcomes of semantics §3. Returns its id. */
  rpc(requester: string, owner: string | null, api: string, method: string, o: RpcOptions = {}): number {
    const id = ++this.rpcId;
    const outcome: RpcOutcome = o.outcome ?? (owner === null ? 'noRoute' : 'completed');
    const t0 = this.now;
    const lat = this.latency;
    const timeout = o.timeoutMs ?? 2000;
    const handleMs = o.handleMs ?? 1;
    const cb = (this.callbackIds.get(requester) ?? 0) + 1;
    this.callbackIds.set(requester, cb);
    const reqSid = this.sid(requester);
    const ns = o.ns ?? 'demo';
    const sys = o.sys ?? 'DemoSystem';
    const data = o.data ?? {};
    const rpc = (state: RpcState) => ({ rpc: { id, state } });
    const send = this.push(t0, {
      type: 'send',
      api,
      from: requester,
      ...(owner !== null && outcome !== 'noRoute' ? { to: owner, path: [requester, owner], arrive: t0 + lat } : {}),
      event: method,
      data,
      ns,
      sys,
      rpc: { id, state: 'requested', callbackId: cb, ...(reqSid !== undefined ? { requester: reqSid } : {}) },
    });
    const fail = (at: number, state: RpcState, cause: Item) => {
      const r = this.push(at, { type: 'rpc', ...rpc(state), ...(state === 'timedOut' ? { reason: 'timeout' } : {}) }, cause);
      return r;
    };
    const failCallback = (cause: Item) => this.push(t0 + timeout, { type: 'callback', to: requester, suc: false, data: null, rpc: { id, state: 'timedOut' } }, cause);
    if (outcome === 'noRoute' || owner === null) {
      const r = this.push(t0, { type: 'rpc', ...rpc('noRoute'), reason: 'no-route' }, send);
      failCallback(r);
      return id;
    }
    if (outcome === 'lost') {
      this.push(t0 + lat, { type: 'drop', api, from: requester, to: owner, event: method, reason: 'loss', ...rpc('requested') }, send);
      failCallback(fail(t0 + timeout, 'timedOut', send));
      return id;
    }
    const t1 = t0 + lat;
    const del = this.push(t1, { type: 'deliver', api, from: requester, to: owner, event: method, data, ...rpc('delivered') }, send);
    const rd = this.push(t1, { type: 'rpc', ...rpc('delivered') }, del);
    if (outcome === 'noHandler') {
      const r = this.push(t1, { type: 'rpc', ...rpc('noHandler'), reason: 'no-handler' }, rd);
      this.push(t1, { type: 'unhandled', to: owner, event: method }, del);
      failCallback(r);
      return id;
    }
    const h = this.push(t1, { type: 'handle', to: owner, ns, sys, event: method }, del);
    const rh = this.push(t1, { type: 'rpc', ...rpc('handling') }, h);
    const response = o.response ?? { ok: true };
    const respond = (at: number, cause: Item, dropReason?: string) => {
      const rs = this.push(at, { type: 'send', api: 'ResponseToServer', from: owner, to: requester, event: method, data: response, ns, sys, path: [owner, requester], arrive: at + lat, ...rpc('responded') }, cause);
      if (dropReason) {
        this.push(at + lat, { type: 'drop', api: 'ResponseToServer', from: owner, to: requester, event: method, reason: dropReason, ...rpc('responded') }, rs);
        return undefined;
      }
      const r1 = this.push(at, { type: 'rpc', ...rpc('responded') }, rs);
      void r1;
      const d = this.push(at + lat, { type: 'deliver', api: 'ResponseToServer', from: owner, to: requester, event: method, data: response, ...rpc('responded') }, rs);
      const c = this.push(at + lat, { type: 'rpc', ...rpc('completed') }, d);
      this.push(at + lat, { type: 'callback', to: requester, suc: true, data: response, rpc: { id, state: 'completed' } }, c);
      return rs;
    };
    if (outcome === 'completed' || outcome === 'duplicate') {
      respond(t1 + handleMs, rh);
      if (outcome === 'duplicate') respond(t1 + handleMs + 1, rh, 'duplicate-response');
      return id;
    }
    // timeout / late: the handler never answers in time.
    const to = fail(t0 + timeout, 'timedOut', rh);
    failCallback(to);
    if (outcome === 'late') respond(t0 + timeout + 10, rh, 'late-response');
    return id;
  }

  login(client: string, server: string, playerId?: string): this {
    const n = this.byId.get(client);
    const pid = playerId ?? `p${++this.playerSeq}`;
    const l = this.push(this.now, { type: 'lifecycle', detail: 'login', from: client, to: server, data: { uid: n?.uid ?? 0, playerId: pid, proxyId: n?.proxy ?? 0, serverId: this.sid(server) ?? 0 } });
    this.engineEvent(this.now, server, 'AddServerPlayerEvent', { playerId: pid, uid: n?.uid ?? 0 }, l);
    return this;
  }

  transfer(client: string, from: string, to: string, transferMs = 50, playerId?: string): this {
    const n = this.byId.get(client);
    const pid = playerId ?? `p${++this.playerSeq}`;
    const s = this.push(this.now, { type: 'lifecycle', detail: 'transfer-start', from: client, to, data: { uid: n?.uid ?? 0, fromServerId: this.sid(from) ?? 0, toServerId: this.sid(to) ?? 0 } });
    this.engineEvent(this.now, from, 'DelServerPlayerEvent', { uid: n?.uid ?? 0 }, s);
    const e = this.push(this.now + transferMs, { type: 'lifecycle', detail: 'transfer-end', from: client, to, data: { uid: n?.uid ?? 0, playerId: pid, serverId: this.sid(to) ?? 0 } }, s);
    this.engineEvent(this.now + transferMs, to, 'AddServerPlayerEvent', { playerId: pid, uid: n?.uid ?? 0 }, e);
    return this;
  }

  logout(client: string, server: string): this {
    this.push(this.now, { type: 'lifecycle', detail: 'logout', from: client, to: server });
    return this;
  }

  private engineEvent(t: number, to: string, event: string, data: unknown, cause: Item): void {
    const d = this.push(t, { type: 'deliver', to, event, data, ns: 'Minecraft', sys: 'Engine' }, cause);
    this.push(t, { type: 'unhandled', to, event }, d);
  }

  stop(node: string): this {
    this.push(this.now, { type: 'lifecycle', detail: 'stop', to: node });
    return this;
  }
  start(node: string): this {
    this.push(this.now, { type: 'lifecycle', detail: 'start', to: node });
    return this;
  }
  fault(detail: 'cut' | 'restore' | 'loss', a: string, b: string, loss?: number): this {
    this.push(this.now, { type: 'fault', detail, from: a, to: b, data: detail === 'loss' ? { loss: loss ?? 0 } : {} });
    return this;
  }
  misuse(api: string, from: string, reason: string): this {
    this.push(this.now, { type: 'misuse', api, from, reason });
    return this;
  }
  http(master: string, path: string, body: unknown): this {
    const r = this.push(this.now, { type: 'http', detail: 'request', to: master, event: path, data: body });
    this.push(this.now + 1, { type: 'http', detail: 'response', to: master, event: path, data: '{"code":0}' }, r);
    return this;
  }
  register(node: string, detail: string, event: string): this {
    this.push(this.now, { type: 'register', detail, to: node, event, ns: 'demo', sys: 'DemoSystem' });
    return this;
  }
}

function less(a: Item, b: Item): boolean {
  return a.t < b.t || (a.t === b.t && a.ord < b.ord);
}

/**
 * A small hand-written trace covering every rule: logins, a completed RPC, a timeout, a late
 * response, no route, a broadcast with a drop, point drops, a transfer, faults, a misuse, a stop.
 */
export function sampleTrace(): TraceEvent[] {
  const b = new SampleTraceBuilder();
  b.register('service-8000', 'RegisterRpcMethodForMod', 'GetRank');
  b.wait(10).login('client-1', 'lobby-4000', 'p1');
  b.wait(1).login('client-2', 'lobby-4000', 'p2');
  b.wait(10).notify('client-1', 'lobby-4000', 'NotifyToServer', 'Hello', { msg: 'hi' }, { via: 'proxy-2000' });
  b.wait(10).rpc('lobby-4000', 'service-8000', 'RequestToServiceMod', 'GetRank', { data: { uid: 1001 }, response: { rank: 3 } });
  b.wait(20).rpc('lobby-4000', 'service-8001', 'RequestToService', 'SendMail', { outcome: 'timeout', timeoutMs: 2000 });
  b.wait(5).broadcast('service-8000', ['service-8000', 'service-8001'], 'BroadcastToService', 'RankChanged', { top: [1001] }, { 'service-8001': 'loss' });
  b.wait(5).notify('lobby-4000', 'client-2', 'NotifyToClient', 'Welcome', { gift: 1 });
  b.wait(5).notify('lobby-4000', 'master-0', 'NotifyToMaster', 'Stats', { online: 2 }, { drop: 'loss' });
  b.wait(5).misuse('NotifyToMaster', 'client-1', 'client may not call NotifyToMaster');
  b.wait(5).transfer('client-1', 'lobby-4000', 'game-5000', 50, 'p3');
  b.wait(10).notify('lobby-4000', 'client-1', 'NotifyToClient', 'Bye', {}, { drop: 'in-transfer' });
  b.wait(60).rpc('game-5000', null, 'RequestToServiceMod', 'NoSuchMethod', { outcome: 'noRoute', timeoutMs: 1000 });
  b.wait(10).fault('cut', 'lobby-4000', 'service-8000');
  b.wait(1).rpc('game-5000', 'service-8000', 'RequestToServiceMod', 'GetRank', { outcome: 'late', timeoutMs: 500 });
  b.wait(10).fault('restore', 'lobby-4000', 'service-8000');
  b.wait(5).stop('service-8001');
  b.wait(5).notify('master-0', 'service-8001', 'NotifyToServiceNode', 'Ping', {}, { drop: 'node-down' });
  b.wait(5).start('service-8001');
  b.wait(5).http('master-0', '/gm', { cmd: 'kick' });
  b.wait(5).rpc('master-0', 'service-8000', 'RequestToService', 'Unknown', { outcome: 'noHandler', timeoutMs: 300 });
  return b.build();
}

/** mulberry32: a tiny seeded PRNG (tests and bench only). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed?: number;
  clients?: number;
  lobbies?: number;
  games?: number;
  services?: number;
  /** Largest virtual-time gap between two actions, ms (default 0.4: busy servers). */
  maxGapMs?: number;
}

export function generatedNodes(o: GenerateOptions = {}): SampleNode[] {
  const nodes: SampleNode[] = [];
  const clients = o.clients ?? 50;
  for (let i = 0; i < clients; i++) nodes.push({ id: `client-${i + 1}`, kind: 'client', uid: 1000 + i + 1, proxy: 2000 + (i % 2) });
  nodes.push({ id: 'proxy-2000', kind: 'proxy', serverId: 2000 }, { id: 'proxy-2001', kind: 'proxy', serverId: 2001 });
  for (let i = 0; i < (o.lobbies ?? 2); i++) nodes.push({ id: `lobby-${4000 + i}`, kind: 'lobby', serverId: 4000 + i, type: 'lobby' });
  for (let i = 0; i < (o.games ?? 3); i++) nodes.push({ id: `game-${5000 + i}`, kind: 'game', serverId: 5000 + i, type: 'battle' });
  nodes.push({ id: 'master-0', kind: 'master', serverId: 0 });
  for (let i = 0; i < (o.services ?? 3); i++) nodes.push({ id: `service-${8000 + i}`, kind: 'service', serverId: 8000 + i, type: `svc${i}` });
  return nodes;
}

/**
 * A long realistic trace, streamed: logins, client → server traffic, NotifyToClient, RPCs (mostly
 * completed, some timeouts / late / no route), broadcasts, transfers, drops, faults, misuse.
 * Yields exactly `count` events (RPCs still open at the end stay open, as in a cut-off recording).
 */
export function* generateSampleEvents(count: number, o: GenerateOptions = {}): Generator<TraceEvent> {
  const rnd = prng(o.seed ?? 42);
  const nodes = generatedNodes(o);
  const b = new SampleTraceBuilder(nodes);
  const clients = nodes.filter((n) => n.kind === 'client');
  const servers = nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game');
  const services = nodes.filter((n) => n.kind === 'service');
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const where = new Map<string, string>();
  let emitted = 0;
  const buf: TraceEvent[] = [];
  const events = ['PlayerMove', 'Chat', 'UseItem', 'Score', 'Buy', 'Jump'];
  const methods = ['GetRank', 'AddScore', 'GetMail', 'Save', 'Load'];
  for (const c of clients) {
    b.wait(1).login(c.id, pick(servers).id);
  }
  for (const c of clients) where.set(c.id, '');
  // Track positions as the builder's lifecycle says (login above picked servers; re-derive lazily).
  const drainTo = function* (t: number) {
    buf.length = 0;
    b.drain(t, buf);
    for (const e of buf) {
      if (e.type === 'lifecycle' && e.from && (e.detail === 'login' || e.detail === 'transfer-end') && e.to) where.set(e.from, e.to);
      if (e.type === 'lifecycle' && e.from && e.detail === 'transfer-start') where.set(e.from, '');
      if (emitted >= count) return;
      emitted++;
      yield e;
    }
  };
  while (emitted < count) {
    b.wait(rnd() * (o.maxGapMs ?? 0.4));
    const r = rnd();
    const c = pick(clients);
    const on = where.get(c.id) ?? '';
    const server = pick(servers).id;
    if (r < 0.35) {
      if (on) b.notify(c.id, on, 'NotifyToServer', pick(events), { x: Math.floor(rnd() * 100), y: 64, z: Math.floor(rnd() * 100) }, { via: `proxy-${c.proxy}`, handlers: rnd() < 0.9 ? 1 : 0 });
    } else if (r < 0.55) {
      if (on) b.notify(on, c.id, 'NotifyToClient', pick(events), { v: Math.floor(rnd() * 1000) }, rnd() < 0.02 ? { drop: 'loss' } : {});
    } else if (r < 0.8) {
      const q = rnd();
      const outcome: RpcOutcome = q < 0.88 ? 'completed' : q < 0.93 ? 'timeout' : q < 0.95 ? 'late' : q < 0.97 ? 'noRoute' : q < 0.98 ? 'noHandler' : q < 0.99 ? 'duplicate' : 'lost';
      b.rpc(server, outcome === 'noRoute' ? null : pick(services).id, rnd() < 0.5 ? 'RequestToServiceMod' : 'RequestToService', pick(methods), { data: { uid: c.uid, n: Math.floor(rnd() * 50) }, response: { ok: true, v: Math.floor(rnd() * 9) }, outcome, timeoutMs: 2000, handleMs: rnd() * 3 });
    } else if (r < 0.86) {
      b.broadcast(pick(services).id, services.map((s) => s.id), 'BroadcastToService', 'Sync', { k: Math.floor(rnd() * 10) }, rnd() < 0.05 ? { [pick(services).id]: 'loss' } : {});
    } else if (r < 0.9) {
      b.notify(server, 'master-0', 'NotifyToMaster', 'Stats', { online: Math.floor(rnd() * 100) });
    } else if (r < 0.93) {
      b.notify(pick(services).id, server, 'NotifyToServerNode', 'Config', { rev: Math.floor(rnd() * 9) });
    } else if (r < 0.94) {
      if (on) {
        const dest = pick(servers).id;
        if (dest !== on) b.transfer(c.id, on, dest, 50);
      }
    } else if (r < 0.945) {
      b.misuse('NotifyToMaster', c.id, 'client may not call NotifyToMaster');
    } else if (r < 0.95) {
      const s = pick(services).id;
      b.fault(rnd() < 0.5 ? 'cut' : 'restore', server, s);
    } else {
      b.notify(server, pick(services).id, 'NotifyToServiceNode', 'Log', { n: Math.floor(rnd() * 10) });
    }
    yield* drainTo(b.now);
  }
}
