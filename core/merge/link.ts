// Matching lines across servers: a handled message to its send, an RPC's request, handle,
// response and callback, an HTTP response to its request. Correlation ids decide where a dict
// payload carried one; otherwise event name and FIFO order per (sender, receiver) do, preferring
// an equal payload (a lost message then does not shift every later match).
import type { RecordingIndexer } from './indexer';
import { BROADCAST_APIS, isEnginePair, listenPair, pairKey, type NodeTable } from './nodes';
import type { RecordLine } from './recording';

/** One arrival of a message at a node: the handle lines of the listeners that ran for it. */
export interface Delivery {
  index: number;
  node: string;
  seg: number;
  lines: number[];
  event: string;
  fromNs?: string;
  fromSys?: string;
  corr?: string;
  /** The matched send line, or -1. */
  send: number;
  /** Matched by order (no correlation id). */
  byOrder: boolean;
  engine: boolean;
}

export interface Rpc {
  index: number;
  /** The rpc-request line, or -1 when only the owner's side was recorded. */
  request: number;
  handles: number[];
  responses: number[];
  callback: number;
  requester: string;
  owner?: string;
  api: string;
  event: string;
  callbackId?: number;
  hasCallback: boolean;
  timeoutMs: number;
}

const LOOKAHEAD = 16;

export class Links {
  readonly deliveries: Delivery[] = [];
  readonly deliveryOfLine = new Map<number, number>();
  readonly deliveriesOfSend = new Map<number, number[]>();
  readonly rpcs: Rpc[] = [];
  readonly rpcOfLine = new Map<number, number>();
  readonly httpRequestOf = new Map<number, number>();
  /** rpc-response line -> its rpc-handle line (responses join the RPC once handles found theirs). */
  readonly responseOf = new Map<number, number>();
  /** Handle lines whose correlation id names a line that is not in the recordings. */
  readonly dangling = new Map<number, string>();
  /** Callback lines whose request is missing, response lines whose rpc-handle (or its request) is missing. */
  readonly orphans = new Set<number>();
  /** Response lines whose rpc-handle is there but matched no request. */
  readonly orphanedByRequest = new Set<number>();
  readonly nodeOfSeg: string[];

  constructor(
    private readonly ix: RecordingIndexer,
    readonly nodes: NodeTable,
  ) {
    this.nodeOfSeg = ix.segments.map((s) => nodes.addRecorded(s.server).id);
  }

  rec(g: number): RecordLine {
    return this.ix.recs[g];
  }

  nodeOf(g: number): string {
    return this.nodeOfSeg[this.ix.segOf[g]];
  }

  kindOf(g: number): string {
    return this.ix.segments[this.ix.segOf[g]].server.kind;
  }

  /** The line a correlation id names (`serverId:boot:seq`), or -1. */
  lineOfCorr(corr: string): number {
    const cut = corr.lastIndexOf(':');
    const seg = cut > 0 ? this.ix.segmentByKey(corr.slice(0, cut)) : undefined;
    const seq = Number(corr.slice(cut + 1));
    return seg && Number.isSafeInteger(seq) ? this.ix.lineBySeq(seg, seq) : -1;
  }

  /** Everything correlation ids, local seqs and callback ids decide. */
  byReference(): void {
    const ix = this.ix;
    // Every request first: a handle may be read (in an earlier segment) before its request.
    for (const seg of ix.segments) {
      for (const g of seg.lines) {
        const l = ix.recs[g];
        if (l.kind === 'rpc-request' && l.error === undefined) this.newRpc(g, this.nodeOfSeg[seg.index], l);
      }
    }
    for (const seg of ix.segments) {
      const node = this.nodeOfSeg[seg.index];
      const groups = new Map<string, Delivery>();
      const rpcHandles: number[] = [];
      const httpRequests: number[] = [];
      for (const g of seg.lines) {
        const l = ix.recs[g];
        switch (l.kind) {
          case 'handle': {
            if (isEnginePair(l.from?.ns, l.from?.sys) && l.event === 'AddServerPlayerEvent' && l.player?.playerId !== undefined) {
              this.nodes.learnPlayer(node, l.player.playerId, l.player.uid, l.player.proxyId);
            }
            const key = l.corr !== undefined ? `c${l.corr}` : l.dlv !== undefined ? `d${l.dlv}|${l.event}` : `l${g}`;
            let d = groups.get(key);
            if (!d) {
              d = {
                index: this.deliveries.length, node, seg: seg.index, lines: [], event: l.event ?? '', send: -1, byOrder: false,
                engine: isEnginePair(l.from?.ns, l.from?.sys),
                ...(l.from?.ns !== undefined ? { fromNs: l.from.ns } : {}), ...(l.from?.sys !== undefined ? { fromSys: l.from.sys } : {}),
                ...(l.corr !== undefined ? { corr: l.corr } : {}),
              };
              this.deliveries.push(d);
              groups.set(key, d);
            }
            d.lines.push(g);
            this.deliveryOfLine.set(g, d.index);
            break;
          }
          case 'rpc-handle':
            rpcHandles.push(g);
            if (l.corr !== undefined) {
              const req = this.lineOfCorr(l.corr);
              if (req >= 0 && ix.recs[req].kind === 'rpc-request' && this.rpcOfLine.has(req)) this.attachHandle(this.rpcOfLine.get(req) as number, g, node);
              else this.dangling.set(g, l.corr);
            }
            break;
          case 'callback': {
            const req = l.req !== undefined ? ix.lineBySeq(seg, l.req) : -1;
            const r = req >= 0 ? this.rpcOfLine.get(req) : undefined;
            if (r !== undefined && this.rpcs[r].callback < 0) {
              this.rpcs[r].callback = g;
              this.rpcOfLine.set(g, r);
            } else this.orphans.add(g);
            break;
          }
          case 'rpc-response': {
            let h = l.handle !== undefined ? ix.lineBySeq(seg, l.handle) : -1;
            if (h < 0 || ix.recs[h].kind !== 'rpc-handle') {
              h = -1;
              for (let i = rpcHandles.length - 1; i >= 0; i--) {
                const c = ix.recs[rpcHandles[i]];
                if (c.requester === l.to?.serverId && c.callbackId === l.callbackId) {
                  h = rpcHandles[i];
                  break;
                }
              }
            }
            if (h >= 0) this.responseOf.set(g, h);
            else this.orphans.add(g);
            break;
          }
          case 'http-request':
            httpRequests.push(g);
            break;
          case 'http-response': {
            let req = l.req !== undefined ? ix.lineBySeq(seg, l.req) : -1;
            if (req < 0 || ix.recs[req].kind !== 'http-request') {
              req = -1;
              for (let i = httpRequests.length - 1; i >= 0; i--) {
                if (ix.recs[httpRequests[i]].clientId === l.clientId) {
                  req = httpRequests[i];
                  break;
                }
              }
            }
            if (req >= 0) this.httpRequestOf.set(g, req);
            break;
          }
        }
      }
    }
    for (const d of this.deliveries) {
      if (d.corr === undefined) continue;
      const s = this.lineOfCorr(d.corr);
      if (s >= 0 && this.rec(s).kind === 'send' && this.rec(s).event === d.event) this.link(d, s, false);
      else this.dangling.set(d.lines[0], d.corr);
    }
  }

  private newRpc(g: number, node: string, l: RecordLine): void {
    const r: Rpc = {
      index: this.rpcs.length, request: g, handles: [], responses: [], callback: -1, requester: node,
      api: l.api ?? 'RequestToService', event: l.event ?? '', hasCallback: l.callback !== false, timeoutMs: (l.timeout ?? 2) * 1000,
    };
    this.rpcs.push(r);
    this.rpcOfLine.set(g, r.index);
  }

  private attachHandle(r: number, g: number, node: string): void {
    const rpc = this.rpcs[r];
    rpc.handles.push(g);
    rpc.owner ??= node;
    const cb = this.rec(g).callbackId;
    if (cb !== undefined) rpc.callbackId ??= cb;
    this.rpcOfLine.set(g, r);
  }

  private link(d: Delivery, send: number, byOrder: boolean): void {
    d.send = send;
    d.byOrder = byOrder;
    const list = this.deliveriesOfSend.get(send);
    if (list) list.push(d.index);
    else this.deliveriesOfSend.set(send, [d.index]);
  }

  /**
   * Matches what has no correlation id by order: deliveries to sends, rpc-handles to requests.
   * `t(g)` is the aligned time of a line (used only to choose between senders).
   */
  byOrder(t: (g: number) => number): void {
    const ix = this.ix;
    // Queues of uncorrelated sends per (receiver, event, listened pair), per sender node, in send order.
    const queues = new Map<string, Map<string, { list: number[]; next: number }>>();
    const add = (key: string, sender: string, g: number) => {
      let bySender = queues.get(key);
      if (!bySender) queues.set(key, (bySender = new Map()));
      let q = bySender.get(sender);
      if (!q) bySender.set(sender, (q = { list: [], next: 0 }));
      q.list.push(g);
    };
    for (const seg of ix.segments) {
      const sender = this.nodeOfSeg[seg.index];
      for (const g of seg.lines) {
        const l = ix.recs[g];
        if (l.kind !== 'send' || l.corr !== undefined || l.error !== undefined || l.api === undefined) continue;
        const [ns, sys] = listenPair(seg.server.kind, l.api, l.ns, l.sys);
        const key = (recv: string) => `${recv}\u0001${l.event ?? ''}\u0001${pairKey(ns, sys)}`;
        if (BROADCAST_APIS.has(l.api)) {
          for (const n of this.nodes.broadcastTargets(l.api, l.to)) add(key(n.id), sender, g);
        } else {
          const target = this.nodes.pointTarget(l.api, l.to, sender);
          if (target?.recorded) add(key(target.id), sender, g);
        }
      }
    }
    for (const d of this.deliveries) {
      if (d.send >= 0 || d.corr !== undefined || d.engine) continue;
      const bySender = queues.get(`${d.node}\u0001${d.event}\u0001${pairKey(d.fromNs, d.fromSys)}`);
      if (!bySender) continue;
      const want = ix.hashOf[d.lines[0]];
      let best: { q: { list: number[]; next: number }; at: number; equal: boolean; t: number } | undefined;
      for (const sender of [...bySender.keys()].sort()) {
        const q = bySender.get(sender) as { list: number[]; next: number };
        if (q.next >= q.list.length) continue;
        let at = q.next;
        let equal = false;
        for (let i = q.next; i < Math.min(q.list.length, q.next + LOOKAHEAD); i++) {
          if (want !== 0 && ix.hashOf[q.list[i]] === want) {
            at = i;
            equal = true;
            break;
          }
        }
        const cand = { q, at, equal, t: t(q.list[at]) };
        if (!best || (cand.equal && !best.equal) || (cand.equal === best.equal && cand.t < best.t)) best = cand;
      }
      if (!best) continue;
      best.q.next = best.at + 1;
      this.link(d, best.q.list[best.at], true);
    }
    // Uncorrelated RPC requests, per (requester, event), in order.
    const requests = new Map<string, { list: number[]; next: number }>();
    for (const r of this.rpcs) {
      if (r.request < 0 || this.rec(r.request).corr !== undefined) continue;
      const key = `${r.requester}\u0001${r.event}`;
      let q = requests.get(key);
      if (!q) requests.set(key, (q = { list: [], next: 0 }));
      q.list.push(r.index);
    }
    for (const seg of ix.segments) {
      const node = this.nodeOfSeg[seg.index];
      for (const g of seg.lines) {
        const l = ix.recs[g];
        if (l.kind !== 'rpc-handle' || l.corr !== undefined || this.rpcOfLine.has(g) || l.requester === undefined) continue;
        const requester = this.nodes.byServer(l.requester);
        const q = requester ? requests.get(`${requester.id}\u0001${l.event ?? ''}`) : undefined;
        if (!q || q.next >= q.list.length) continue;
        let at = q.next;
        const want = ix.hashOf[g];
        for (let i = q.next; i < Math.min(q.list.length, q.next + LOOKAHEAD); i++) {
          if (want !== 0 && ix.hashOf[this.rpcs[q.list[i]].request] === want) {
            at = i;
            break;
          }
        }
        q.next = at + 1;
        this.attachHandle(q.list[at], g, node);
      }
    }
  }

  /** Responses join the RPC of the handle they answer; `final`: those left are orphans. */
  attachResponses(final: boolean): void {
    for (const [resp, handle] of this.responseOf) {
      if (this.rpcOfLine.has(resp)) continue;
      const r = this.rpcOfLine.get(handle);
      if (r === undefined) {
        if (final) {
          this.orphans.add(resp);
          this.orphanedByRequest.add(resp);
        }
        continue;
      }
      this.rpcs[r].responses.push(resp);
      this.rpcOfLine.set(resp, r);
    }
    for (const r of this.rpcs) r.responses.sort((a, b) => this.rec(a).seq - this.rec(b).seq);
  }

  /** Pairs (earlier line, later line) on two servers: what clock alignment must keep in order. */
  timingPairs(): [number, number][] {
    const out: [number, number][] = [];
    for (const d of this.deliveries) if (d.send >= 0) out.push([d.send, d.lines[0]]);
    for (const r of this.rpcs) {
      if (r.request >= 0) for (const h of r.handles) out.push([r.request, h]);
      if (r.callback >= 0 && this.rec(r.callback).suc === true && r.responses.length > 0) out.push([r.responses[0], r.callback]);
    }
    return out.filter(([a, b]) => this.nodeOf(a) !== this.nodeOf(b));
  }
}
