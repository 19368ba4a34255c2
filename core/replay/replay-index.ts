// Keyframes over a trace: the replay state is snapshotted every `keyframeEvery` events while the
// trace is indexed (one pass, incremental for live traces), so the state at any index is the
// nearest earlier keyframe plus at most keyframeEvery-1 deltas. Also indexes the jump targets
// (navigation kinds) and the RPC timeline in the same pass.
import type { TraceEvent } from '../trace/event';
import { TraceColumns } from './columns';
import { EVENT_TYPES } from '../trace/event';
import { TraceFile } from './trace-file';
import { NAV_KINDS, type NavKind } from './navigation';

const SEND = EVENT_TYPES.indexOf('send');
const DELIVER = EVENT_TYPES.indexOf('deliver');
import { RpcCallCollector, type RpcCall } from './rpc-calls';
import { asSource, lowerBoundTime, type EventSource, type Events } from './source';
import { applyEvent, cloneState, createState, type PendingRpc, type ReplayState } from './state';

export interface ReplayIndexOptions {
  /** Events between keyframes (default 1024). Smaller = faster seeks, more memory. */
  keyframeEvery?: number;
  /**
   * Memory bound for keyframes: at most this many state entries (clients, pending RPCs, messages in
   * flight, ...) kept per indexed event on average, by spacing keyframes at least
   * `stateSize / keyframeEntriesPerEvent` events apart. Default: no bound (fixed spacing).
   */
  keyframeEntriesPerEvent?: number;
  /** State before the first event (e.g. clients placed by the project at t=0). Default empty. */
  initial?: ReplayState;
  /** Expected number of events, when the index owns its store (avoids regrowing columns). */
  capacity?: number;
}

/** A growable list of ints. */
class IntList {
  a = new Int32Array(64);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  /** First position whose value > v. */
  upper(v: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (this.a[m] <= v) lo = m + 1;
      else hi = m;
    }
    return lo;
  }
  /** First position whose value >= v. */
  lower(v: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (this.a[m] < v) lo = m + 1;
      else hi = m;
    }
    return lo;
  }
}

export class ReplayIndex {
  readonly source: EventSource;
  readonly keyframeEvery: number;
  private readonly entriesPerEvent: number;
  private readonly keyframes: ReplayState[] = [];
  /** Position (events applied) of each keyframe, ascending; keyframes[0] is at 0. */
  private readonly keyframeAt: number[] = [];
  private readonly running: ReplayState;
  private readonly marks: Record<NavKind, IntList>;
  private readonly collector: RpcCallCollector;
  private indexed = 0;
  private seqBase = 1;
  private seqDense = true;

  /**
   * Index `events` (an array, the engine's TraceStore or TraceColumns). Without `events` the index
   * owns an empty TraceColumns that `push` appends to (loading a file).
   */
  constructor(events?: Events, opts: ReplayIndexOptions = {}) {
    this.source = events === undefined ? new TraceColumns(opts.capacity ?? 1024) : asSource(events);
    this.keyframeEvery = Math.max(1, Math.floor(opts.keyframeEvery ?? 1024));
    this.entriesPerEvent = opts.keyframeEntriesPerEvent ?? Infinity;
    this.running = opts.initial ? cloneState(opts.initial) : createState();
    this.running.position = 0;
    this.keyframes.push(cloneState(this.running));
    this.keyframeAt.push(0);
    this.marks = Object.fromEntries(NAV_KINDS.map((k) => [k, new IntList()])) as Record<NavKind, IntList>;
    this.collector = new RpcCallCollector((seq) => this.rpcOfSendOrDeliver(seq));
    this.sync();
  }

  /** Number of events indexed. */
  get length(): number {
    return this.indexed;
  }

  /** Index events appended to the source since the last call (live traces). Returns the new length. */
  sync(): number {
    const n = this.source.length;
    for (let i = this.indexed; i < n; i++) this.observe(this.forReplay(i));
    return this.indexed;
  }

  /** Append an event to the index's own store and index it (only when constructed without events). */
  push(e: TraceEvent): void {
    if (!(this.source instanceof TraceColumns) || this.source.length !== this.indexed) throw new Error('push needs an index that owns its store');
    this.source.push(e);
    this.observe(e);
  }

  /** Index the event just appended to the source (a loader that already has it in hand). */
  observeAppended(e: TraceEvent): void {
    if (this.source.length !== this.indexed + 1) throw new Error('observeAppended needs exactly one new event in the source');
    this.observe(e);
  }

  /** Event i as replay needs it (payload only where the state reads it). */
  private forReplay(i: number): TraceEvent {
    const src = this.source;
    return src.getLite ? src.getLite(i) : src.get(i);
  }

  /** Release spare capacity once loading is done. */
  trim(): void {
    if (this.source instanceof TraceColumns) this.source.trim();
  }

  private observe(e: TraceEvent): void {
    const i = this.indexed;
    if (i === 0) this.seqBase = e.seq;
    else if (this.seqDense && e.seq !== this.seqBase + i) this.seqDense = false;
    applyEvent(this.running, e);
    this.collector.observe(e);
    const m = this.marks;
    switch (e.type) {
      case 'send':
        if (e.rpc?.state === 'requested') m.rpc.push(i);
        break;
      case 'rpc':
        if (e.rpc?.state === 'timedOut') m.timeout.push(i);
        break;
      case 'drop':
      case 'misuse':
      case 'error':
      case 'unhandled':
      case 'callback':
      case 'lifecycle':
      case 'fault':
        m[e.type].push(i);
        break;
      default:
        break;
    }
    if (e.rpc !== undefined) m.rpcEvent.push(i);
    this.indexed = i + 1;
    const since = this.indexed - this.keyframeAt[this.keyframeAt.length - 1];
    if (since >= this.keyframeEvery && (this.entriesPerEvent === Infinity || since * this.entriesPerEvent >= stateSize(this.running))) {
      this.keyframes.push(cloneState(this.running));
      this.keyframeAt.push(this.indexed);
    }
  }

  /** Keyframes kept (for memory figures). */
  get keyframeCount(): number {
    return this.keyframes.length;
  }

  private rpcOfSendOrDeliver(seq: number): number | undefined {
    const i = this.indexOfSeq(seq);
    if (i < 0) return undefined;
    const src = this.source;
    if (src instanceof TraceFile) return src.rpcOfSendOrDeliver(i);
    if (src instanceof TraceColumns) {
      const ty = src.type[i];
      return src.rpcId[i] !== 0 && (ty === SEND || ty === DELIVER) ? src.rpcId[i] - 1 : undefined;
    }
    const c = src.get(i);
    return c.rpc && (c.type === 'send' || c.type === 'deliver') ? c.rpc.id : undefined;
  }

  /** Index of the event with that seq, or -1. */
  indexOfSeq(seq: number): number {
    if (this.seqDense) {
      const i = seq - this.seqBase;
      return i >= 0 && i < this.indexed ? i : -1;
    }
    // Sparse seqs: seqs still increase, so binary search.
    const src = this.source;
    const seqAt = src instanceof TraceFile ? (k: number) => src.seqAt(k) : (k: number) => src.get(k).seq;
    let lo = 0;
    let hi = this.indexed;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (seqAt(m) < seq) lo = m + 1;
      else hi = m;
    }
    return lo < this.indexed && seqAt(lo) === seq ? lo : -1;
  }

  eventBySeq(seq: number): TraceEvent | undefined {
    const i = this.indexOfSeq(seq);
    return i >= 0 ? this.source.get(i) : undefined;
  }

  get(i: number): TraceEvent {
    return this.source.get(i);
  }

  /** State after the first `position` events (0 = before any, length = after all). A fresh object. */
  stateAtPosition(position: number): ReplayState {
    const p = Math.max(0, Math.min(position, this.indexed));
    // Last keyframe at or before p.
    const at = this.keyframeAt;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >>> 1;
      if (at[m] <= p) lo = m;
      else hi = m - 1;
    }
    const s = cloneState(this.keyframes[lo]);
    for (let i = at[lo]; i < p; i++) applyEvent(s, this.forReplay(i));
    this.decorate(s);
    return s;
  }

  /** State after event i has happened (i = -1: before the first event). A fresh object. */
  stateAt(i: number): ReplayState {
    return this.stateAtPosition(i + 1);
  }

  /** The state one event later than `s` (s is not changed). */
  stepFrom(s: ReplayState): ReplayState {
    if (s.position >= this.indexed) return s;
    const n = cloneState(s);
    applyEvent(n, this.forReplay(s.position));
    this.decorate(n);
    return n;
  }

  /** Fill in deadlines of pending RPCs that the whole trace knows. */
  private decorate(s: ReplayState): void {
    for (const [id, p] of s.pendingRpcs) {
      if (p.timeoutAt !== undefined) continue;
      const c = this.collector.get(id);
      if (c && c.callbackSuc === false && c.callbackT !== undefined) s.pendingRpcs.set(id, { ...p, timeoutAt: c.callbackT } as PendingRpc);
    }
  }

  /** Next index > from of that kind, or -1. */
  next(kind: NavKind, from: number): number {
    const m = this.marks[kind];
    const j = m.upper(from);
    return j < m.n ? m.a[j] : -1;
  }

  /** Previous index < from of that kind, or -1. */
  prev(kind: NavKind, from: number): number {
    const m = this.marks[kind];
    const j = m.lower(from) - 1;
    return j >= 0 ? m.a[j] : -1;
  }

  /** All indexes of that kind (a view; do not modify). */
  indexesOf(kind: NavKind): Int32Array {
    const m = this.marks[kind];
    return m.a.subarray(0, m.n);
  }

  count(kind: NavKind): number {
    return this.marks[kind].n;
  }

  /** The RPC timeline rows (updated as the index grows; do not modify). */
  rpcCalls(): readonly RpcCall[] {
    return this.collector.calls;
  }

  rpcCall(id: number): RpcCall | undefined {
    return this.collector.get(id);
  }

  /** First index whose event has t >= time. */
  indexAtTime(time: number): number {
    const src = this.source;
    if (src instanceof TraceFile) return Math.min(lowerBoundTime(src, time, (i) => src.timeAt(i)), this.indexed);
    if (src instanceof TraceColumns) {
      const tc = src.t;
      return Math.min(lowerBoundTime(src, time, (i) => tc[i]), this.indexed);
    }
    return Math.min(lowerBoundTime(src, time), this.indexed);
  }

  /** First index whose event has t > time (so index - 1 is the last event at or before time). */
  indexAfterTime(time: number): number {
    let lo = 0;
    let hi = this.indexed;
    const src = this.source;
    const tAt = src instanceof TraceFile ? (k: number) => src.timeAt(k) : src instanceof TraceColumns ? (k: number) => src.t[k] : (k: number) => src.get(k).t;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (tAt(m) <= time) lo = m + 1;
      else hi = m;
    }
    return lo;
  }

  /** Time span of the indexed events. */
  get timeRange(): { start: number; end: number } {
    if (this.indexed === 0) return { start: 0, end: 0 };
    const src = this.source;
    if (src instanceof TraceFile) return { start: src.timeAt(0), end: src.timeAt(this.indexed - 1) };
    return { start: src.get(0).t, end: src.get(this.indexed - 1).t };
  }
}

/** Entries a snapshot of the state copies (what a keyframe costs). */
function stateSize(s: ReplayState): number {
  return s.clients.size + s.down.size + s.cutLinks.size + s.linkLoss.size + s.pendingRpcs.size + s.inFlight.size + 1;
}
