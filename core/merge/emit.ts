// Pass 2 of a merge: lines, in plan order and with their payloads, become trace events shaped
// like the engine's own (send / deliver / handle, the RPC states of core/engine/rpc-machine.ts,
// callbacks, http, register, misuse, error, player lifecycle). What the recordings cannot show —
// a delivery to a node without a recorder, a message nobody listened to, a message lost — is
// written at its estimated arrival with `detail` saying it was inferred.
import { ENGINE_NAMESPACE, ENGINE_SYSTEM } from '../api/interfaces';
import type { RpcRef, RpcState, TraceEvent } from '../trace/event';
import type { Analysis } from './analyze';
import { BROADCAST_APIS, CLIENT_APIS, listenPair } from './nodes';
import { clientPath, lifecycleOf, requesterNode, senderOf } from './peers';
import { payloadOf, type RecordLine } from './recording';

type Fields = Omit<TraceEvent, 'seq' | 't' | 'type'>;

interface Scheduled {
  t: number;
  n: number;
  run: () => void;
}

const FINAL: ReadonlySet<RpcState> = new Set<RpcState>(['completed', 'timedOut', 'noRoute', 'noHandler']);
const REASON: Partial<Record<RpcState, string>> = { timedOut: 'timeout', noRoute: 'no-route', noHandler: 'no-handler' };
export const INFERRED = 'inferred';

export class TraceEmitter {
  private seq = 0;
  private lastT = 0;
  private out: TraceEvent[] = [];
  private readonly handlerSeq = new Map<number, number>();
  private readonly sendSeq = new Map<number, number>();
  private readonly deliverSeq = new Map<number, number>();
  private readonly httpSeq = new Map<number, number>();
  private readonly rpcId: Int32Array;
  private readonly rpcState: (RpcState | undefined)[];
  private readonly rpcEndSeq: number[];
  /** Per RPC: seq of the event its handles follow (the handling state, or the late deliver). */
  private readonly rpcHandleCause = new Map<number, number>();
  private rpcCount = 0;
  /** Nodes whose last line was a clean stop (they come back up with their next line). */
  private readonly down = new Set<string>();
  private scheduled: Scheduled[] = [];
  private scheduledN = 0;
  private pos = 0;
  /** Lines that produced no event of their own (a bug if ever above 0: nothing may vanish). */
  silentLines = 0;

  constructor(private readonly a: Analysis) {
    this.rpcId = new Int32Array(a.links.rpcs.length);
    this.rpcState = new Array(a.links.rpcs.length).fill(undefined);
    this.rpcEndSeq = new Array(a.links.rpcs.length).fill(0);
  }

  /** The line pass 2 must give next, or -1 when done. */
  next(): number {
    return this.pos < this.a.order.length ? this.a.order[this.pos] : -1;
  }

  /** Events for line `g` (which must be `next()`), given its text; scheduled inferred events due first. */
  lineText(g: number, text: string): TraceEvent[] {
    return this.line(g, payloadOf(text));
  }

  line(g: number, data: unknown): TraceEvent[] {
    if (g !== this.next()) throw new Error(`TraceEmitter: expected line ${this.next()}, got ${g}`);
    this.pos++;
    this.out = [];
    const t = Math.max(this.a.t[g], this.lastT);
    this.runDue(t);
    this.lastT = t;
    const before = this.out.length;
    this.emitLine(g, this.a.ix.recs[g], data, t);
    if (this.out.length === before) this.silentLines++;
    return this.out;
  }

  /** Inferred events still scheduled (arrivals after the last line). */
  end(): TraceEvent[] {
    this.out = [];
    this.runDue(Infinity);
    return this.out;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private ev(t: number, type: TraceEvent['type'], f: Fields): number {
    const e: Record<string, unknown> = { seq: ++this.seq, t: Math.max(t, this.lastT), type };
    const src = f as Record<string, unknown>;
    for (const k in src) if (src[k] !== undefined) e[k] = src[k];
    this.lastT = e.t as number;
    this.out.push(e as unknown as TraceEvent);
    return this.seq;
  }

  private schedule(t: number, run: () => void): void {
    const s: Scheduled = { t: Math.max(t, this.lastT), n: this.scheduledN++, run };
    const h = this.scheduled;
    h.push(s);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].t < h[i].t || (h[p].t === h[i].t && h[p].n < h[i].n)) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private runDue(t: number): void {
    const h = this.scheduled;
    while (h.length > 0 && h[0].t <= t) {
      const top = h[0];
      const last = h.pop() as Scheduled;
      if (h.length > 0) {
        h[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          const lt = (x: Scheduled, y: Scheduled) => x.t < y.t || (x.t === y.t && x.n < y.n);
          if (l < h.length && lt(h[l], h[m])) m = l;
          if (r < h.length && lt(h[r], h[m])) m = r;
          if (m === i) break;
          [h[i], h[m]] = [h[m], h[i]];
          i = m;
        }
      }
      this.lastT = Math.max(this.lastT, top.t);
      top.run();
    }
  }

  private node(g: number): string {
    return this.a.links.nodeOf(g);
  }

  /** Trace seq of the handler run a line happened inside (its `cause`). */
  private localCause(g: number, l: RecordLine): number | undefined {
    if (l.cause === undefined) return undefined;
    const ix = this.a.ix;
    const h = ix.lineBySeq(ix.segments[ix.segOf[g]], l.cause);
    return h >= 0 ? this.handlerSeq.get(h) : undefined;
  }

  private serverIdOf(node: string): number | undefined {
    return this.a.nodes.get(node)?.serverId;
  }

  private lat(from: string, to: string): number {
    return this.a.latency(from, to);
  }

  // ---- one line -----------------------------------------------------------------------------

  private emitLine(g: number, l: RecordLine, data: unknown, t: number): void {
    const node = this.node(g);
    if (this.down.has(node)) {
      this.down.delete(node);
      this.ev(t, 'lifecycle', { to: node, detail: 'start' });
    }
    switch (l.kind) {
      case 'register':
        return this.register(l, node, t);
      case 'send':
        return this.send(g, l, node, data, t);
      case 'handle':
        return this.handle(g, l, node, data, t);
      case 'rpc-request':
        return this.request(g, l, node, data, t);
      case 'rpc-handle':
        return this.rpcHandle(g, l, node, data, t);
      case 'rpc-response':
        return this.response(g, l, node, data, t);
      case 'callback':
        return this.callback(g, l, node, data, t);
      case 'http-request': {
        const s = this.ev(t, 'http', { api: 'RegisterMasterHttp', to: node, event: l.path, data, detail: 'request', cause: this.localCause(g, l) });
        this.handlerSeq.set(g, s);
        this.httpSeq.set(g, s);
        return;
      }
      case 'http-response': {
        if (l.error !== undefined) return void this.ev(t, 'misuse', { api: 'SendHttpResponse', from: node, reason: l.error, cause: this.localCause(g, l), ns: l.ns, sys: l.sys });
        const req = this.a.links.httpRequestOf.get(g);
        const path = l.path ?? (req !== undefined ? this.a.ix.recs[req].path : undefined);
        this.ev(t, 'http', { api: 'SendHttpResponse', from: node, event: path, data, cause: (req !== undefined ? this.httpSeq.get(req) : undefined) ?? this.localCause(g, l), detail: 'response' });
        return;
      }
      case 'error':
        return void this.ev(t, 'error', { to: node, reason: l.error, cause: this.localCause(g, l) });
      case 'stop':
        if (l.clean) {
          // The server shut down: DOWN in replay until its next boot's first line.
          this.down.add(node);
          return void this.ev(t, 'lifecycle', { to: node, detail: 'stop' });
        }
        return void this.ev(t, 'log', { to: node, data: l.reason ?? 'the recorder stopped', detail: 'recorder-stopped', reason: 'recorder' });
    }
  }

  private register(l: RecordLine, node: string, t: number): void {
    if (l.api === 'ListenForEvent' || l.api === 'UnListenForEvent') {
      this.ev(t, 'register', { api: l.api, to: node, event: l.listen?.event, ns: l.listen?.ns, sys: l.listen?.sys, detail: l.api === 'ListenForEvent' ? 'listen' : 'unlisten' });
    } else if (l.api === 'RegisterMasterHttp') {
      this.ev(t, 'register', { api: l.api, to: node, event: l.path, ns: l.ns, sys: l.sys, detail: 'http' });
    } else {
      const module = l.api === 'RegisterRpcMethodForMod' ? this.a.nodes.get(node)?.type : l.module;
      this.ev(t, 'register', { api: l.api, to: node, event: l.method, data: { module, method: l.method }, ns: l.ns, sys: l.sys, detail: 'rpc' });
    }
  }

  private send(g: number, l: RecordLine, node: string, data: unknown, t: number): void {
    const api = l.api as string;
    if (l.error !== undefined) return void this.ev(t, 'misuse', { api, from: node, event: l.event, reason: l.error, cause: this.localCause(g, l), ns: l.ns, sys: l.sys });
    const fate = this.a.sendFates.get(g) ?? { missing: [] };
    const reached = this.a.links.deliveriesOfSend.get(g) ?? [];
    let arrive: number | undefined;
    for (const d of reached) arrive = Math.max(arrive ?? 0, this.a.t[this.a.links.deliveries[d].lines[0]]);
    const broadcast = BROADCAST_APIS.has(api);
    const path = broadcast || fate.to === undefined ? undefined : CLIENT_APIS.has(api) ? clientPath(this.a.nodes, node, api, fate.to, l) : [node, fate.to];
    const s = this.ev(t, 'send', {
      api, from: node, to: broadcast ? undefined : fate.to, targets: broadcast ? fate.targets : undefined, event: l.event, data,
      cause: this.localCause(g, l), path, ns: l.ns, sys: l.sys, arrive,
    });
    this.sendSeq.set(g, s);
    const kind = this.a.ix.segments[this.a.ix.segOf[g]].server.kind;
    for (const m of fate.missing) this.scheduleMissing(s, api, node, m.node, m.why, l, data, t, kind);
  }

  private scheduleMissing(s: number, api: string, from: string, to: string, why: string, l: RecordLine, data: unknown, t: number, senderKind: string): void {
    const at = t + this.lat(from, to);
    if (why === 'unrecorded') {
      this.schedule(at, () => void this.ev(at, 'deliver', { api, from, to, event: l.event, data, cause: s, detail: `${INFERRED}: the receiver was not recorded` }));
    } else if (why === 'down') {
      this.schedule(at, () => void this.ev(at, 'drop', { api, from, to, event: l.event, cause: s, reason: 'node-down', at: to, detail: `${INFERRED}: no recording of ${to} covers that time (stopped, or not recording)` }));
    } else if (why === 'no-listener') {
      const [ns, sys] = listenPair(senderKind, api, l.ns, l.sys);
      this.schedule(at, () => {
        const d = this.ev(at, 'deliver', { api, from, to, event: l.event, data, cause: s, detail: INFERRED });
        this.ev(at, 'unhandled', { api, from, to, event: l.event, cause: d, reason: 'no-listener', ns, sys, detail: `${INFERRED}: ${to} had no listener for it` });
      });
    } else {
      this.schedule(at, () => void this.ev(at, 'drop', { api, from, to, event: l.event, cause: s, reason: 'unseen', at: to, detail: `${to} recorded no handler run for it` }));
    }
  }

  private handle(g: number, l: RecordLine, node: string, data: unknown, t: number): void {
    const L = this.a.links;
    const di = L.deliveryOfLine.get(g);
    const d = di !== undefined ? L.deliveries[di] : undefined;
    let api: string | undefined;
    let from: string | undefined;
    if (d && d.send >= 0) {
      api = L.rec(d.send).api;
      from = this.node(d.send);
    } else if (d) {
      const who = senderOf(L, this.a.nodes, d);
      api = who.api;
      from = who.from;
    }
    if (!d || d.lines[0] === g) {
      if (d?.engine) {
        const life = lifecycleOf(this.a.nodes, node, l);
        if (life) this.ev(t, 'lifecycle', { from: life.client, to: life.to, data: life.data, detail: life.detail });
      }
      const cause = d && d.send >= 0 ? this.sendSeq.get(d.send) : undefined;
      const s = this.ev(t, 'deliver', { api, from, to: node, event: l.event, data, cause, ns: d?.engine ? ENGINE_NAMESPACE : undefined, sys: d?.engine ? ENGINE_SYSTEM : undefined });
      if (d) this.deliverSeq.set(d.index, s);
    }
    const h = this.ev(t, 'handle', { api, from, to: node, event: l.event, cause: d ? this.deliverSeq.get(d.index) : undefined, ns: l.ns, sys: l.sys });
    this.handlerSeq.set(g, h);
  }

  private rpcRef(r: number, state: RpcState, extra?: { callbackId?: number; requester?: number; deadline?: number }): RpcRef {
    const ref: RpcRef = { id: this.rpcId[r], state };
    if (extra?.callbackId !== undefined) ref.callbackId = extra.callbackId;
    if (extra?.requester !== undefined) ref.requester = extra.requester;
    if (extra?.deadline !== undefined) ref.deadline = extra.deadline;
    return ref;
  }

  private setState(r: number, state: RpcState, seq: number): void {
    this.rpcState[r] = state;
    if (FINAL.has(state)) this.rpcEndSeq[r] = seq;
  }

  private request(g: number, l: RecordLine, node: string, data: unknown, t: number): void {
    const api = l.api as string;
    if (l.error !== undefined) return void this.ev(t, 'misuse', { api, from: node, event: l.event, reason: l.error, cause: this.localCause(g, l), ns: l.ns, sys: l.sys });
    const L = this.a.links;
    const r = L.rpcOfLine.get(g) as number;
    const rpc = L.rpcs[r];
    const fate = this.a.rpcFates[r];
    this.rpcId[r] = ++this.rpcCount;
    const owner = fate.owner;
    const arrive = rpc.handles.length ? this.a.t[rpc.handles[0]] : undefined;
    const s = this.ev(t, 'send', {
      api, from: node, to: owner, event: l.event, data,
      rpc: this.rpcRef(r, 'requested', { callbackId: rpc.callbackId, requester: this.serverIdOf(node), deadline: rpc.hasCallback ? t + rpc.timeoutMs : undefined }),
      cause: this.localCause(g, l), path: owner ? [node, owner] : undefined, ns: l.ns, sys: l.sys, arrive,
    });
    this.sendSeq.set(g, s);
    const st = this.ev(t, 'rpc', { api, from: node, to: owner, event: l.event, rpc: this.rpcRef(r, 'requested'), cause: s });
    this.setState(r, 'requested', st);
    if (fate.outcome === 'noRoute') {
      const e = this.ev(t, 'rpc', { api, from: node, event: l.event, rpc: this.rpcRef(r, 'noRoute'), cause: s, reason: 'no-route', detail: fate.detail });
      this.setState(r, 'noRoute', e);
    } else if (owner && rpc.handles.length === 0 && (fate.outcome === 'noHandler' || fate.detail === 'unseen')) {
      const cbT = rpc.callback >= 0 ? this.a.t[rpc.callback] : Infinity;
      const at = Math.min(t + this.lat(node, owner), cbT);
      this.schedule(at, () => {
        if (fate.outcome === 'noHandler') {
          const d = this.ev(at, 'deliver', { api, from: node, to: owner, event: l.event, data, rpc: this.rpcRef(r, 'delivered'), cause: s, detail: INFERRED });
          if (!FINAL.has(this.rpcState[r] as RpcState)) {
            this.ev(at, 'rpc', { api, from: node, to: owner, event: l.event, rpc: this.rpcRef(r, 'delivered'), cause: d });
            const e = this.ev(at, 'rpc', { api, from: node, to: owner, event: l.event, rpc: this.rpcRef(r, 'noHandler'), cause: d, reason: 'no-handler', detail: fate.detail });
            this.setState(r, 'noHandler', e);
          }
        } else {
          this.ev(at, 'drop', { api, from: node, to: owner, event: l.event, rpc: this.rpcRef(r, this.rpcState[r] ?? 'requested'), cause: s, reason: 'unseen', at: owner, detail: `${owner} recorded no handler run for it` });
        }
      });
    }
  }

  private rpcHandle(g: number, l: RecordLine, node: string, data: unknown, t: number): void {
    const L = this.a.links;
    const r = L.rpcOfLine.get(g);
    if (r === undefined || this.rpcId[r] === 0) {
      const from = requesterNode(this.a.nodes, l.requester);
      const api = l.api === 'RegisterRpcMethodForMod' ? 'RequestToServiceMod' : 'RequestToService';
      const d = this.ev(t, 'deliver', { api, from, to: node, event: l.event, data });
      this.handlerSeq.set(g, this.ev(t, 'handle', { api, from, to: node, event: l.event, cause: d, ns: l.ns, sys: l.sys }));
      return;
    }
    const rpc = L.rpcs[r];
    const from = rpc.requester;
    const api = rpc.api;
    let cause = this.rpcHandleCause.get(r);
    if (rpc.handles[0] === g) {
      const live = !FINAL.has(this.rpcState[r] as RpcState);
      const d = this.ev(t, 'deliver', { api, from, to: node, event: l.event, data, rpc: this.rpcRef(r, live ? 'delivered' : (this.rpcState[r] as RpcState)), cause: this.sendSeq.get(rpc.request) });
      cause = d;
      if (live) {
        this.ev(t, 'rpc', { api, from, to: node, event: l.event, rpc: this.rpcRef(r, 'delivered'), cause: d });
        cause = this.ev(t, 'rpc', { api, from, to: node, event: l.event, rpc: this.rpcRef(r, 'handling'), cause: d });
        this.setState(r, 'handling', cause);
      }
      this.rpcHandleCause.set(r, cause);
    }
    const h = this.ev(t, 'handle', { api, from, to: node, event: l.event, rpc: this.rpcRef(r, this.rpcState[r] ?? 'handling'), cause, ns: l.ns, sys: l.sys });
    this.handlerSeq.set(g, h);
    if (!rpc.hasCallback && this.rpcState[r] === 'handling') {
      const e = this.ev(t, 'rpc', { api, from, to: node, event: l.event, rpc: this.rpcRef(r, 'completed'), cause: h });
      this.setState(r, 'completed', e);
    }
  }

  private response(g: number, l: RecordLine, node: string, data: unknown, t: number): void {
    const L = this.a.links;
    // Sent outside any recorded handler (a callback the recorder could not follow): the handler
    // of the request it answers caused it.
    const h = L.responseOf.get(g);
    const cause = this.localCause(g, l) ?? (h !== undefined ? this.handlerSeq.get(h) : undefined);
    if (l.error !== undefined) return void this.ev(t, 'misuse', { api: 'ResponseToServer', from: node, reason: l.error, cause, ns: l.ns, sys: l.sys });
    const r = L.rpcOfLine.get(g);
    if (r === undefined || this.rpcId[r] === 0) {
      const to = requesterNode(this.a.nodes, l.to?.serverId);
      const event = h !== undefined ? L.rec(h).event : undefined;
      const s = this.ev(t, 'send', { api: 'ResponseToServer', from: node, to, event, data, cause, path: to ? [node, to] : undefined, ns: l.ns, sys: l.sys });
      if (to) this.scheduleMissing(s, 'ResponseToServer', node, to, this.a.nodes.get(to)?.recorded ? 'unseen' : 'unrecorded', l, data, t, 'service');
      return;
    }
    const rpc = L.rpcs[r];
    const fate = this.a.rpcFates[r];
    const to = rpc.requester;
    const delivered = fate.outcome === 'completed' && rpc.hasCallback && rpc.responses[0] === g && rpc.callback >= 0;
    const responds = rpc.hasCallback && this.rpcState[r] === 'handling';
    const cbT = rpc.callback >= 0 ? this.a.t[rpc.callback] : undefined;
    const s = this.ev(t, 'send', {
      api: 'ResponseToServer', from: node, to, event: rpc.event, data, rpc: this.rpcRef(r, responds ? 'responded' : (this.rpcState[r] as RpcState)),
      cause, path: [node, to], ns: l.ns, sys: l.sys, arrive: delivered ? cbT : undefined,
    });
    this.sendSeq.set(g, s);
    if (responds) {
      const e = this.ev(t, 'rpc', { api: rpc.api, from: to, to: node, event: rpc.event, rpc: this.rpcRef(r, 'responded'), cause: s });
      this.setState(r, 'responded', e);
    }
    if (!delivered) {
      const reason = !rpc.hasCallback ? 'response-without-callback' : fate.outcome === 'completed' ? 'duplicate-response' : fate.outcome === 'pending' ? null : 'late-response';
      if (reason) {
        const at = Math.max(t + this.lat(node, to), cbT ?? 0);
        this.schedule(at, () => void this.ev(at, 'drop', { api: 'ResponseToServer', from: node, to, event: rpc.event, rpc: this.rpcRef(r, this.rpcState[r] as RpcState), cause: s, reason, at: to }));
      }
    }
  }

  private callback(g: number, l: RecordLine, node: string, data: unknown, t: number): void {
    const L = this.a.links;
    const r = L.rpcOfLine.get(g);
    if (r === undefined || this.rpcId[r] === 0) {
      this.handlerSeq.set(g, this.ev(t, 'callback', { to: node, data, suc: l.suc, cause: this.localCause(g, l) }));
      return;
    }
    const rpc = L.rpcs[r];
    const owner = this.a.rpcFates[r].owner;
    if (l.suc) {
      const resp = rpc.responses[0];
      const d = this.ev(t, 'deliver', { api: 'ResponseToServer', from: owner, to: node, event: rpc.event, data, rpc: this.rpcRef(r, 'responded'), cause: resp !== undefined ? this.sendSeq.get(resp) : undefined });
      const c = this.ev(t, 'rpc', { api: rpc.api, from: node, to: owner, event: rpc.event, rpc: this.rpcRef(r, 'completed'), cause: d });
      this.setState(r, 'completed', c);
      this.handlerSeq.set(g, this.ev(t, 'callback', { api: rpc.api, from: owner, to: node, event: rpc.event, data, rpc: this.rpcRef(r, 'completed'), cause: c, suc: true }));
      return;
    }
    if (!FINAL.has(this.rpcState[r] as RpcState)) {
      const e = this.ev(t, 'rpc', { api: rpc.api, from: node, to: owner, event: rpc.event, rpc: this.rpcRef(r, 'timedOut'), cause: this.sendSeq.get(rpc.request), reason: 'timeout' });
      this.setState(r, 'timedOut', e);
    }
    const state = this.rpcState[r] as RpcState;
    this.handlerSeq.set(g, this.ev(t, 'callback', { api: rpc.api, to: node, event: rpc.event, data, rpc: this.rpcRef(r, state), cause: this.rpcEndSeq[r] || undefined, reason: REASON[state], suc: false }));
  }
}
