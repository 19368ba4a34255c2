// Chrome trace-event JSON (opens in Perfetto / chrome://tracing): a process per node kind, a thread
// per node, an `X` slice per RPC (requested → end) on the requester's RPC track, small `X` slices
// for each send and deliver with flow arrows (`s` → `f`, bp "e") between them, `i` instants for
// drops, misuse and timeouts. Virtual ms become µs.
import type { TraceEvent, TraceHeader } from '../trace/event';
import { rpcCalls } from './rpc-calls';
import { asSource, seqIndexer, type Events } from './source';
import { inferTopology, ROLE_ORDER, type TopologyNode } from './topology';

export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'i' | 's' | 'f' | 'M';
  /** Microseconds. */
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  cat?: string;
  id?: number;
  bp?: 'e';
  s?: 't' | 'p' | 'g';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, unknown>;
}

export interface ChromeTraceOptions {
  nodes?: readonly TopologyNode[];
  /** Leave out per-message slices and flows (only RPCs and instants): for very long traces. */
  messages?: boolean;
}

const US = 1000;

export function toChromeTrace(events: Events, header?: TraceHeader | null, opts: ChromeTraceOptions = {}): ChromeTrace {
  const src = asSource(events);
  const nodes = opts.nodes ?? inferTopology(src, header);
  const out: ChromeTraceEvent[] = [];
  const track = new Map<string, { pid: number; tid: number }>();
  const kindPid = (kind: string) => {
    const i = ROLE_ORDER.indexOf(kind as (typeof ROLE_ORDER)[number]);
    return (i < 0 ? ROLE_ORDER.length : i) + 1;
  };
  const perKind = new Map<number, number>();
  const addNode = (id: string, kind: string) => {
    const pid = kindPid(kind);
    if (!perKind.has(pid)) {
      perKind.set(pid, 0);
      out.push({ name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name: kind } });
      out.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid, tid: 0, args: { sort_index: pid } });
    }
    const n = (perKind.get(pid) ?? 0) + 1;
    perKind.set(pid, n);
    const tid = n * 100; // tid + 1.. are the node's RPC lanes
    track.set(id, { pid, tid });
    out.push({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name: id } });
    out.push({ name: 'thread_sort_index', ph: 'M', ts: 0, pid, tid, args: { sort_index: tid } });
    return { pid, tid };
  };
  for (const n of nodes) addNode(n.id, n.kind);
  const trackOf = (id: string | undefined) => (id === undefined ? undefined : (track.get(id) ?? addNode(id, 'unknown')));

  // RPC slices on per-requester lanes so that overlapping calls never nest badly.
  const lanes = new Map<string, number[]>(); // requester -> lane end times
  const laneNamed = new Set<string>();
  const lastT = src.length > 0 ? src.get(src.length - 1).t : 0;
  for (const c of rpcCalls(src)) {
    const tr = trackOf(c.requester ?? undefined);
    if (!tr || c.requester === null) continue;
    const start = c.requestedT;
    const end = c.endT ?? lastT;
    const ends = lanes.get(c.requester) ?? [];
    lanes.set(c.requester, ends);
    let lane = ends.findIndex((e) => e <= start);
    if (lane < 0) lane = ends.push(end) - 1;
    else ends[lane] = end;
    const tid = tr.tid + 1 + lane;
    const key = `${tr.pid}/${tid}`;
    if (!laneNamed.has(key)) {
      laneNamed.add(key);
      out.push({ name: 'thread_name', ph: 'M', ts: 0, pid: tr.pid, tid, args: { name: `${c.requester} rpc${lane ? ` ${lane + 1}` : ''}` } });
      out.push({ name: 'thread_sort_index', ph: 'M', ts: 0, pid: tr.pid, tid, args: { sort_index: tid } });
    }
    out.push({
      name: `${c.api} ${c.method}`,
      cat: 'rpc',
      ph: 'X',
      ts: start * US,
      dur: Math.max(1, (end - start) * US),
      pid: tr.pid,
      tid,
      args: { rpc: c.id, owner: c.owner, endState: c.endState, ...(c.reason ? { reason: c.reason } : {}), durationsMs: c.durations, seqs: c.seqs },
    });
  }

  // Messages: a 1 µs slice at each send and deliver (staggered per track and time), flows between.
  const used = new Map<string, number>();
  const slot = (tr: { pid: number; tid: number }, t: number) => {
    const k = `${tr.tid}/${tr.pid}/${t}`;
    const n = used.get(k) ?? 0;
    used.set(k, n + 1);
    return t * US + n * 2;
  };
  const sendSlot = new Map<number, { ts: number; pid: number; tid: number; name: string }>();
  const idx = seqIndexer(src);
  const instant = (e: TraceEvent, name: string, node: string | undefined, cat: string) => {
    const tr = trackOf(node);
    if (!tr) return;
    out.push({ name, cat, ph: 'i', s: 't', ts: e.t * US, pid: tr.pid, tid: tr.tid, args: { seq: e.seq, ...(e.reason ? { reason: e.reason } : {}) } });
  };
  const withMessages = opts.messages ?? true;
  for (let i = 0; i < src.length; i++) {
    const e = src.get(i);
    if (withMessages && e.type === 'send' && (e.to !== undefined || e.targets !== undefined)) {
      const tr = trackOf(e.from);
      if (!tr) continue;
      const name = `${e.api ?? 'send'} ${e.event ?? ''}`.trim();
      const ts = slot(tr, e.t);
      sendSlot.set(e.seq, { ts, pid: tr.pid, tid: tr.tid, name });
      out.push({ name, cat: 'send', ph: 'X', ts, dur: 1, pid: tr.pid, tid: tr.tid, args: { seq: e.seq, to: e.to ?? e.targets, data: e.data } });
    } else if (withMessages && e.type === 'deliver') {
      const tr = trackOf(e.to);
      if (!tr) continue;
      const name = `${e.api ?? 'deliver'} ${e.event ?? ''}`.trim();
      const ts = slot(tr, e.t);
      out.push({ name, cat: 'deliver', ph: 'X', ts, dur: 1, pid: tr.pid, tid: tr.tid, args: { seq: e.seq, from: e.from, cause: e.cause } });
      const s = e.cause !== undefined ? sendSlot.get(e.cause) : undefined;
      if (s) {
        out.push({ name: s.name, cat: 'flow', ph: 's', id: e.seq, ts: s.ts, pid: s.pid, tid: s.tid });
        out.push({ name: s.name, cat: 'flow', ph: 'f', bp: 'e', id: e.seq, ts, pid: tr.pid, tid: tr.tid });
      }
    }
    if (e.type === 'drop') instant(e, `drop ${e.event ?? ''} (${e.reason ?? ''})`, e.at ?? e.to ?? e.from, 'drop');
    else if (e.type === 'misuse') instant(e, `misuse ${e.api ?? ''}`, e.from, 'misuse');
    else if (e.type === 'error') instant(e, `error ${e.reason ?? ''}`, e.to ?? e.from, 'error');
    else if (e.type === 'callback' && e.suc === false) instant(e, `callback(False) rpc ${e.rpc?.id ?? ''}`, e.to, 'timeout');
    else if (e.type === 'rpc' && (e.rpc?.state === 'noRoute' || e.rpc?.state === 'noHandler')) {
      const ci = e.cause !== undefined ? idx(e.cause) : -1;
      const c = ci >= 0 ? src.get(ci) : undefined;
      instant(e, `rpc ${e.rpc.id} ${e.rpc.state}`, c?.from ?? c?.to, 'rpc');
    }
  }
  return {
    traceEvents: out,
    displayTimeUnit: 'ms',
    otherData: { generator: 'switchboard', ...(header ? { project: header.project, seed: header.seed, scenario: header.scenario } : {}) },
  };
}
