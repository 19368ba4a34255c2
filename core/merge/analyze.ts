// From indexed lines to a plan: links across servers, clock offsets, what became of each message
// and RPC, and the order the trace is written in. The plan is small (numbers per line); pass 2
// (emit.ts) reads the lines again, in plan order, to write the events with their payloads.
import { alignClocks, type ClockConstraint, type SkewMethod } from './clock';
import type { RecordingIndexer } from './indexer';
import { Links, type Rpc } from './link';
import { BROADCAST_APIS, CLIENT_APIS, listenPair, pairKey, NodeTable, type MergeNode } from './nodes';
import { clientPath, lifecycleOf, requesterNode, senderOf } from './peers';
import { compareNodes } from '../replay/topology';

/** unrecorded: no recorder there; down: recorded, but no recording covers that time; no-listener; unseen: listened, no handle line. */
export type MissingWhy = 'unrecorded' | 'down' | 'no-listener' | 'unseen';

/** What became of a one-way send on the receivers it did not reach in the recordings. */
export interface SendFate {
  /** Point target node id. */
  to?: string;
  /** Broadcast receivers (reached and expected). */
  targets?: string[];
  missing: { node: string; why: MissingWhy }[];
}

export type RpcOutcome = 'completed' | 'timedOut' | 'noRoute' | 'noHandler' | 'pending';

export interface RpcFate {
  outcome: RpcOutcome;
  /** Owner the request went to (its handle's node, or the inferred one for noHandler / unseen). */
  owner?: string;
  detail?: string;
}

export interface ServerClock {
  node: string;
  offsetMs: number;
  method: SkewMethod;
  samples: number;
}

export interface Analysis {
  ix: RecordingIndexer;
  links: Links;
  nodes: NodeTable;
  /** Aligned time of each line, ms since `originMs`. */
  t: Float64Array;
  originMs: number;
  clocks: ServerClock[];
  clockConflicts: number;
  sendFates: Map<number, SendFate>;
  rpcFates: RpcFate[];
  /** Median one-way latency per `from\u0000to` and overall (ms), for inferred arrivals. */
  latency(from: string, to: string): number;
  /** Line ids in the order the trace is written. */
  order: Int32Array;
  /** Lines placed before a line they depend on (the dependency is not honoured). */
  forced: Set<number>;
  /** Lines matched by order rather than by correlation id. */
  matchedByOrder: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

export function analyze(ix: RecordingIndexer): Analysis {
  ix.finish();
  const nodes = new NodeTable();
  const links = new Links(ix, nodes);
  links.byReference();
  links.attachResponses(false);

  // Clock alignment over the recorded nodes, the master first (the reference).
  const recorded = nodes.recorded().sort(compareNodes);
  const masterFirst = [...recorded.filter((n) => n.kind === 'master'), ...recorded.filter((n) => n.kind !== 'master')];
  const nodeIndex = new Map(masterFirst.map((n, i) => [n.id, i]));
  const ts = (g: number) => ix.recs[g].ts;
  // Each server's first boot on its own clock: places servers no matched message ties to the master.
  const boots = new Array<number>(masterFirst.length).fill(NaN);
  for (const s of ix.segments) {
    const i = nodeIndex.get(links.nodeOfSeg[s.index]) as number;
    if (!(s.bootTs >= boots[i])) boots[i] = s.bootTs;
  }
  const align = () => {
    const cs: ClockConstraint[] = links.timingPairs().map(([a, b]) => ({ from: nodeIndex.get(links.nodeOf(a)) as number, to: nodeIndex.get(links.nodeOf(b)) as number, d: ts(a) - ts(b) }));
    return alignClocks(masterFirst.length, cs, 0, boots);
  };
  let clock = align();
  const offsetOf = (g: number) => clock.offsets[nodeIndex.get(links.nodeOf(g)) as number] ?? 0;
  links.byOrder((g) => ts(g) + offsetOf(g));
  links.attachResponses(true);
  clock = align();

  const n = ix.recs.length;
  let min = Infinity;
  for (let g = 0; g < n; g++) min = Math.min(min, ts(g) + offsetOf(g));
  for (const s of ix.segments) min = Math.min(min, s.bootTs + clock.offsets[nodeIndex.get(links.nodeOfSeg[s.index]) as number]);
  const originMs = Number.isFinite(min) ? Math.max(0, Math.floor(min)) : 0;
  const t = new Float64Array(n);
  for (let g = 0; g < n; g++) t[g] = round3(ts(g) + offsetOf(g) - originMs);

  // Latency estimates from matched pairs.
  const byPair = new Map<string, number[]>();
  const all: number[] = [];
  for (const [a, b] of links.timingPairs()) {
    const d = Math.max(0, t[b] - t[a]);
    const k = `${links.nodeOf(a)}\u0000${links.nodeOf(b)}`;
    const list = byPair.get(k);
    if (list) list.push(d);
    else byPair.set(k, [d]);
    all.push(d);
  }
  const overall = median(all);
  const pairMedian = new Map([...byPair].map(([k, v]) => [k, median(v)]));
  const latency = (from: string, to: string) => pairMedian.get(`${from}\u0000${to}`) ?? overall;

  const bootAt = (seg: number) => round3(ix.segments[seg].bootTs + (clock.offsets[nodeIndex.get(links.nodeOfSeg[seg]) as number] ?? 0) - originMs);
  const world = new World(ix, links, nodes, t, bootAt);
  const sendFates = world.sendFates(latency);
  const rpcFates = world.rpcFates(latency);
  world.reportUnmatched(sendFates, rpcFates);

  discoverPeers(ix, links, nodes);
  reportClockSteps(ix, t);

  const { order, forced } = planOrder(ix, links, t);
  for (const g of forced) {
    ix.issues.add('unordered', ix.files[ix.fileOf[g]], ix.lineOf[g], `${links.nodeOf(g)}'s ${ix.recs[g].kind} could not be placed after the line it answers on another server (clocks that no single offset reconciles); written without that link`);
  }
  let matchedByOrder = 0;
  for (const d of links.deliveries) if (d.byOrder) matchedByOrder++;
  return {
    ix, links, nodes, t, originMs, sendFates, rpcFates, latency, order, forced, matchedByOrder,
    clocks: masterFirst.map((node, i) => ({ node: node.id, offsetMs: clock.offsets[i], method: clock.method[i], samples: clock.samples[i] })),
    clockConflicts: clock.violated,
  };
}

/** Creates every peer node the emitter will name, so the header lists them all. */
function discoverPeers(ix: RecordingIndexer, links: Links, nodes: NodeTable): void {
  for (const d of links.deliveries) {
    if (d.send < 0) senderOf(links, nodes, d);
    if (d.engine) lifecycleOf(nodes, d.node, ix.recs[d.lines[0]]);
  }
  for (const seg of ix.segments) {
    const node = links.nodeOfSeg[seg.index];
    for (const g of seg.lines) {
      const l = ix.recs[g];
      if (l.kind === 'rpc-handle' && !links.rpcOfLine.has(g)) requesterNode(nodes, l.requester);
      else if (l.kind === 'rpc-response' && !links.rpcOfLine.has(g)) requesterNode(nodes, l.to?.serverId);
      else if (l.kind === 'send' && l.api !== undefined && CLIENT_APIS.has(l.api)) {
        const to = nodes.pointTarget(l.api, l.to, node);
        if (to) clientPath(nodes, node, l.api, to.id, l);
      }
    }
  }
}

/** A server clock that went back (an NTP step) breaks its own order of time: said once per segment. */
function reportClockSteps(ix: RecordingIndexer, t: Float64Array): void {
  for (const seg of ix.segments) {
    let prev = -Infinity;
    for (const g of seg.lines) {
      if (t[g] < prev - 1) {
        ix.issues.add('inconsistent', ix.files[ix.fileOf[g]], ix.lineOf[g], `the clock of server ${seg.server.serverId} went back ${Math.round(prev - t[g])} ms here; later lines keep their order but their times are held at the latest seen`);
        break;
      }
      prev = Math.max(prev, t[g]);
    }
  }
}

/** What the recordings say about who listened, who owned what, and who was running, over time. */
class World {
  /** node -> listen key -> registration times [on, off) */
  private readonly listens = new Map<string, Map<string, [number, number][]>>();
  /** node -> RPC method keys ("mod\0type\0method", "module\0m\0method") -> first registration time */
  private readonly methods = new Map<string, Map<string, number>>();
  /**
   * node -> when it ran, per segment: from its boot (header) to its `stop` line, or to its last line
   * when a later boot follows (it went down in between), else on (the recording ended first).
   */
  private readonly spans = new Map<string, [number, number][]>();

  constructor(
    private readonly ix: RecordingIndexer,
    private readonly links: Links,
    private readonly nodes: NodeTable,
    private readonly t: Float64Array,
    bootAt: (seg: number) => number,
  ) {
    for (const seg of ix.segments) {
      const node = links.nodeOfSeg[seg.index];
      const last = seg.lines.length ? seg.lines[seg.lines.length - 1] : -1;
      const later = ix.segments.some((o) => o !== seg && links.nodeOfSeg[o.index] === node && o.bootTs > seg.bootTs);
      const stopped = last >= 0 && ix.recs[last].kind === 'stop';
      const end = stopped || later ? (last >= 0 ? t[last] : bootAt(seg.index)) : Infinity;
      const span: [number, number] = [Math.min(bootAt(seg.index), last >= 0 ? t[seg.lines[0]] : Infinity), end];
      const list = this.spans.get(node);
      if (list) list.push(span);
      else this.spans.set(node, [span]);
      for (const g of seg.lines) {
        const l = ix.recs[g];
        if (l.kind !== 'register') continue;
        if ((l.api === 'ListenForEvent' || l.api === 'UnListenForEvent') && l.listen) {
          const key = `${pairKey(l.listen.ns, l.listen.sys)}\u0001${l.listen.event ?? ''}`;
          let m = this.listens.get(node);
          if (!m) this.listens.set(node, (m = new Map()));
          let spans = m.get(key);
          if (!spans) m.set(key, (spans = []));
          if (l.api === 'ListenForEvent') spans.push([t[g], Infinity]);
          else {
            const open = spans.find((s) => s[1] === Infinity);
            if (open) open[1] = t[g];
          }
        } else if (l.api === 'RegisterRpcMethod' || l.api === 'RegisterRpcMethodForMod') {
          const key = l.api === 'RegisterRpcMethod' ? `module\u0000${l.module ?? ''}\u0000${l.method ?? ''}` : `mod\u0000${l.method ?? ''}`;
          let m = this.methods.get(node);
          if (!m) this.methods.set(node, (m = new Map()));
          if (!m.has(key)) m.set(key, t[g]);
        }
      }
    }
  }

  running(node: string, at: number): boolean {
    return (this.spans.get(node) ?? []).some(([a, b]) => at >= a - 1 && at <= b + 1);
  }

  listening(node: string, ns: string | undefined, sys: string | undefined, event: string, at: number): boolean {
    const spans = this.listens.get(node)?.get(`${pairKey(ns, sys)}\u0001${event}`);
    return !!spans && spans.some(([a, b]) => at >= a && at < b);
  }

  private hasMethod(node: MergeNode, r: Rpc, at: number): boolean {
    const m = this.methods.get(node.id);
    if (!m) return false;
    const target = this.ix.recs[r.request].to;
    const key = r.api === 'RequestToServiceMod' ? `mod\u0000${r.event}` : `module\u0000${target?.module ?? ''}\u0000${r.event}`;
    const since = m.get(key);
    return since !== undefined && since <= at;
  }

  /** Recorded nodes that own the request's module or type. */
  private owners(r: Rpc): MergeNode[] {
    const to = this.ix.recs[r.request].to;
    const rec = this.nodes.recorded();
    if (r.api === 'RequestToServiceMod') return rec.filter((n) => n.kind === 'service' && n.type !== undefined && n.type === to?.type).sort(compareNodes);
    return rec
      .filter((n) => (n.modules ?? []).includes(to?.module ?? '\u0000') || [...(this.methods.get(n.id)?.keys() ?? [])].some((k) => k.startsWith(`module\u0000${to?.module ?? ''}\u0000`)))
      .sort(compareNodes);
  }

  sendFates(latency: (a: string, b: string) => number): Map<number, SendFate> {
    const ix = this.ix;
    const out = new Map<number, SendFate>();
    for (const seg of ix.segments) {
      const from = this.links.nodeOfSeg[seg.index];
      for (const g of seg.lines) {
        const l = ix.recs[g];
        if (l.kind !== 'send' || l.error !== undefined || l.api === undefined) continue;
        const reached = (this.links.deliveriesOfSend.get(g) ?? []).map((d) => this.links.deliveries[d].node);
        const [ns, sys] = listenPair(seg.server.kind, l.api, l.ns, l.sys);
        const fate: SendFate = { missing: [] };
        const why = (node: MergeNode): MissingWhy | null => {
          if (reached.includes(node.id)) return null;
          const arrive = this.t[g] + latency(from, node.id);
          if (!node.recorded) return 'unrecorded';
          if (!this.running(node.id, arrive)) return 'down';
          return this.listening(node.id, ns, sys, l.event ?? '', arrive) ? 'unseen' : 'no-listener';
        };
        if (BROADCAST_APIS.has(l.api)) {
          const expected = this.nodes.broadcastTargets(l.api, l.to).filter((n) => n.id !== from);
          const targets = [...new Set([...expected.map((n) => n.id), ...reached])];
          fate.targets = targets.sort();
          for (const node of expected) {
            const w = why(node);
            if (w) fate.missing.push({ node: node.id, why: w });
          }
        } else {
          const target = this.nodes.pointTarget(l.api, l.to, from) ?? (reached.length ? this.nodes.get(reached[0]) : undefined);
          if (target) {
            fate.to = target.id;
            const w = why(target);
            if (w) fate.missing.push({ node: target.id, why: w });
          }
        }
        out.set(g, fate);
      }
    }
    return out;
  }

  rpcFates(latency: (a: string, b: string) => number): RpcFate[] {
    return this.links.rpcs.map((r) => {
      const cb = r.callback >= 0 ? this.ix.recs[r.callback] : undefined;
      const handled = r.handles.length > 0;
      const owner = r.owner;
      if (cb?.suc === true) return { outcome: 'completed', owner };
      if (handled) {
        if (cb) return { outcome: 'timedOut', owner };
        return r.hasCallback ? { outcome: 'pending', owner } : { outcome: 'completed', owner };
      }
      // Never handled in the recordings: who should have answered?
      const sent = this.t[r.request];
      const what = r.api === 'RequestToServiceMod' ? `service type ${this.ix.recs[r.request].to?.type ?? '?'}` : `module ${this.ix.recs[r.request].to?.module ?? '?'}`;
      const known = this.owners(r);
      const owners = known.filter((n) => this.running(n.id, sent + latency(r.requester, n.id)));
      if (owners.length === 0) {
        if (!cb && r.hasCallback) return { outcome: 'pending' };
        return { outcome: 'noRoute', detail: known.length ? `no recorded owner of ${what} was running` : `no recorded server owns ${what}` };
      }
      const first = owners[0];
      if (!this.hasMethod(first, r, sent + latency(r.requester, first.id))) {
        if (!cb && r.hasCallback) return { outcome: 'pending', owner: first.id };
        return { outcome: 'noHandler', owner: first.id, detail: `${first.id} registered no method for ${what}/${r.event}` };
      }
      return { outcome: cb ? 'timedOut' : 'pending', owner: first.id, detail: 'unseen' };
    });
  }

  /** Issues for what could not be matched, by file and line. */
  reportUnmatched(sendFates: Map<number, SendFate>, rpcFates: RpcFate[]): void {
    const ix = this.ix;
    const L = this.links;
    const at = (g: number) => ({ file: ix.files[ix.fileOf[g]], line: ix.lineOf[g] });
    const add = (kind: Parameters<typeof ix.issues.add>[0], g: number, message: string) => {
      const w = at(g);
      ix.issues.add(kind, w.file, w.line, message);
    };
    const lostOrMissing = (corr: string): string => {
      const cut = corr.lastIndexOf(':');
      const seg = ix.segmentByKey(corr.slice(0, cut));
      const seq = Number(corr.slice(cut + 1));
      if (!seg) return `server ${corr.split(':')[0]} (boot ${corr.slice(corr.indexOf(':') + 1, cut)}) has no recording among the given files`;
      if (ix.seqLost(seg, seq)) return `its line (seq ${seq} of server ${seg.server.serverId}) is missing from the recording: a lost line`;
      const g = ix.lineBySeq(seg, seq);
      if (g >= 0) return `the line it names (${ix.where(g)}) is a ${ix.recs[g].kind} of ${ix.recs[g].event ?? '?'}, not this message's send`;
      return `seq ${seq} is past the end of server ${seg.server.serverId}'s recording`;
    };
    for (const d of L.deliveries) {
      if (d.send >= 0 || d.engine) continue;
      const first = ix.recs[d.lines[0]];
      if (d.corr !== undefined) add('unmatched-handle', d.lines[0], `${d.node} handled ${d.event} with correlation id ${d.corr}, but ${lostOrMissing(d.corr)}; kept as a delivery without its send`);
      else if (!first.player) add('unmatched-handle', d.lines[0], `${d.node} handled ${d.event} (listening to ${d.fromNs ?? '?'}/${d.fromSys ?? '?'}) and no recorded send matches it: the sender was not recorded, or its send line was lost; kept as a delivery without its send`);
    }
    for (const [g, fate] of sendFates) {
      for (const m of fate.missing) {
        if (m.why === 'unseen') add('unmatched-send', g, `${ix.recs[g].api} ${ix.recs[g].event} to ${m.node}: ${m.node} listens for it but recorded no handler run (a lost message, or a lost line); shown as dropped (unseen)`);
      }
    }
    for (const g of L.orphans) {
      const l = ix.recs[g];
      if (l.kind === 'callback') add('unmatched-rpc', g, `callback (suc=${l.suc}) for request seq ${l.req ?? '?'}, which is not in the recording (a lost line); kept without its RPC`);
      else if (l.kind === 'rpc-response' && L.orphanedByRequest.has(g)) {
        add('unmatched-rpc', g, `ResponseToServer to ${l.to?.serverId ?? '?'} callbackId ${l.callbackId ?? '?'} answers ${ix.where(L.responseOf.get(g) as number)}, whose request is not in the recordings; kept without its RPC`);
      } else if (l.kind === 'rpc-response') add('unmatched-rpc', g, `ResponseToServer to ${l.to?.serverId ?? '?'} callbackId ${l.callbackId ?? '?'} answers no rpc-handle line of this server (a lost line); kept without its RPC`);
    }
    for (const [g, corr] of L.dangling) {
      if (ix.recs[g].kind === 'rpc-handle') add('unmatched-rpc', g, `${L.nodeOf(g)} handled RPC ${ix.recs[g].event} with correlation id ${corr}, but ${lostOrMissing(corr)}; kept without its request`);
    }
    for (const seg of ix.segments) {
      for (const g of seg.lines) {
        const l = ix.recs[g];
        if (l.kind === 'rpc-handle' && !L.rpcOfLine.has(g) && !L.dangling.has(g)) add('unmatched-rpc', g, `${L.nodeOf(g)} handled RPC ${l.event} from server ${l.requester ?? '?'} and no recorded request matches it (requester not recorded, or its line lost); kept without its request`);
        if (l.kind === 'stop' && !l.clean) add('stopped', g, `the recorder of ${L.nodeOf(g)} stopped: ${l.reason ?? 'no reason given'}; nothing after this line was recorded`);
      }
    }
    L.rpcs.forEach((r, i) => {
      const f = rpcFates[i];
      if (f.detail === 'unseen') add('unmatched-rpc', r.request, `${r.api} ${r.event}: ${f.owner} owns it and has the method, but recorded no rpc-handle for it (a lost request, or a lost line)`);
      if (f.outcome === 'pending' && r.hasCallback && r.callback < 0) {
        const deadline = this.t[r.request] + r.timeoutMs;
        const seg = ix.segments[ix.segOf[r.request]];
        const last = this.t[seg.lines[seg.lines.length - 1]];
        if (last > deadline) add('unmatched-rpc', r.request, `${r.api} ${r.event}: no callback line, although ${r.requester} recorded until ${Math.round(last - deadline)} ms after its ${r.timeoutMs / 1000} s timeout (a lost line); left pending`);
      }
    });
  }
}

/**
 * The write order: a k-way merge of the segments by aligned time, where a line waits for the line
 * on another server it depends on (a handle for its send). Ties go to the earlier segment. When
 * every head waits (clocks that cannot be reconciled), the earliest is forced and reported.
 */
function planOrder(ix: RecordingIndexer, links: Links, t: Float64Array): { order: Int32Array; forced: Set<number> } {
  const n = ix.recs.length;
  const dep = new Int32Array(n).fill(-1);
  const cross = (a: number, b: number) => a >= 0 && ix.segOf[a] !== ix.segOf[b];
  for (const d of links.deliveries) if (cross(d.send, d.lines[0])) dep[d.lines[0]] = d.send;
  for (const r of links.rpcs) {
    if (r.request >= 0) for (const h of r.handles) if (cross(r.request, h)) dep[h] = r.request;
    if (r.callback >= 0 && ix.recs[r.callback].suc === true && r.responses.length > 0 && cross(r.responses[0], r.callback)) dep[r.callback] = r.responses[0];
  }
  const segs = ix.segments;
  const pos = new Int32Array(segs.length);
  const key = new Float64Array(segs.length);
  const done = new Uint8Array(n);
  const order = new Int32Array(ix.segments.reduce((s, seg) => s + seg.lines.length, 0));
  const forced = new Set<number>();
  let written = 0;
  // Binary heap of ready segments by (key, index).
  const heap: number[] = [];
  const less = (a: number, b: number) => key[a] < key[b] || (key[a] === key[b] && a < b);
  const push = (s: number) => {
    heap.push(s);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop() as number;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  const waiting = new Map<number, number[]>();
  const lastKey = new Float64Array(segs.length).fill(-Infinity);
  const waitingSegs = new Set<number>();
  const offer = (s: number) => {
    const seg = segs[s];
    if (pos[s] >= seg.lines.length) return;
    const g = seg.lines[pos[s]];
    key[s] = Math.max(t[g], lastKey[s]);
    const d = dep[g];
    if (d >= 0 && !done[d]) {
      const list = waiting.get(d);
      if (list) list.push(s);
      else waiting.set(d, [s]);
      waitingSegs.add(s);
    } else push(s);
  };
  for (let s = 0; s < segs.length; s++) offer(s);
  while (written < order.length) {
    let s: number;
    if (heap.length > 0) s = pop();
    else {
      // Every remaining head waits on a line not yet written: force the earliest.
      let best = -1;
      for (const w of waitingSegs) if (best < 0 || key[w] < key[best] || (key[w] === key[best] && w < best)) best = w;
      if (best < 0) break;
      s = best;
      forced.add(segs[s].lines[pos[s]]);
    }
    waitingSegs.delete(s);
    const g = segs[s].lines[pos[s]];
    order[written++] = g;
    done[g] = 1;
    lastKey[s] = key[s];
    pos[s]++;
    offer(s);
    const woken = waiting.get(g);
    if (woken) {
      waiting.delete(g);
      for (const w of woken) {
        if (!waitingSegs.has(w) || segs[w].lines[pos[w]] === undefined || dep[segs[w].lines[pos[w]]] !== g) continue;
        waitingSegs.delete(w);
        push(w);
      }
    }
  }
  return { order: order.subarray(0, written), forced };
}
