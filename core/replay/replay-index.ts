// Keyframes over a trace: the replay state is snapshotted every `keyframeEvery` events while the
// trace is indexed (one pass, incremental for live traces), so the state at any index is the
// nearest earlier keyframe plus at most keyframeEvery-1 deltas. Also indexes the jump targets
// (navigation kinds) and the RPC timeline in the same pass.
import type { TraceEvent } from '../trace/event';
import { TraceColumns } from './columns';
import { EVENT_TYPES } from '../trace/event';
import { NAV_KINDS, type NavKind } from './navigation';

const SEND = EVENT_TYPES.indexOf('send');
const DELIVER = EVENT_TYPES.indexOf('deliver');
import { RpcCallCollector, type RpcCall } from './rpc-calls';
import { asSource, lowerBoundTime, type EventSource, type Events } from './source';
import { applyEvent, cloneState, createState, type PendingRpc, type ReplayState } from './state';

export interface ReplayIndexOptions {
  /** Events between keyframes (default 1024). Smaller = faster seeks, more memory. */
  keyframeEvery?: number;
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
  private readonly keyframes: ReplayState[] = [];
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
    this.running = opts.initial ? cloneState(opts.initial) : createState();
    this.running.position = 0;
    this.keyframes.push(cloneState(this.running));
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

  /** Index the row just appended to the owned TraceColumns (loader fast path); `e` is that event. */
  indexLastStored(e: TraceEvent): void {
    if (!(this.source instanceof TraceColumns) || this.source.length !== this.indexed + 1) throw new Error('indexLastStored needs exactly one new row in the owned store');
    this.observe(e);
  }

  /** Event i as replay needs it (payload only where the state reads it). */
  private forReplay(i: number): TraceEvent {
    const src = this.source;
    return src instanceof TraceColumns ? src.getLite(i) : src.get(i);
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
    if (this.indexed % this.keyframeEvery === 0) this.keyframes.push(cloneState(this.running));
  }

  private rpcOfSendOrDeliver(seq: number): number | undefined {
    const i = this.indexOfSeq(seq);
    if (i < 0) return undefined;
    const src = this.source;
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
    let lo = 0;
    let hi = this.indexed;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (this.source.get(m).seq < seq) lo = m + 1;
      else hi = m;
    }
    return lo < this.indexed && this.source.get(lo).seq === seq ? lo : -1;
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
    const k = Math.floor(p / this.keyframeEvery);
    const s = cloneState(this.keyframes[k]);
    for (let i = k * this.keyframeEvery; i < p; i++) applyEvent(s, this.forReplay(i));
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
    const tc = src instanceof TraceColumns ? src.t : undefined;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if ((tc ? tc[m] : src.get(m).t) <= time) lo = m + 1;
      else hi = m;
    }
    return lo;
  }

  /** Time span of the indexed events. */
  get timeRange(): { start: number; end: number } {
    if (this.indexed === 0) return { start: 0, end: 0 };
    return { start: this.source.get(0).t, end: this.source.get(this.indexed - 1).t };
  }
}
