// The engine records on its hot path, so the trace is kept as rows in fixed-size typed-array
// chunks: appending never copies what is already stored (doubling columns cost 8.5 % of the point
// workload and made per-message cost spike while they grew), and a row's fields sit together.
// Strings (api, event, reason, detail, ns/sys) are interned, node references are node indexes + 1,
// payloads live on a flat tape (payloads.ts). `get(i)` builds the object view of one event.
// With `recording` off the recorder only counts events by type (`switchboard run --no-trace`).
import type { EventType, RpcState, TraceEvent, TraceHeader } from './event';
import { EVENT_TYPES, RPC_STATES } from './event';
import { PayloadTape } from './payloads';

/** Interned strings: id 0 means "absent". */
export class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: (string | undefined)[] = [undefined];

  id(s: string | undefined): number {
    if (s === undefined) return 0;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  get(id: number): string | undefined {
    return this.values[id];
  }
}

export const TYPE_INDEX: Record<EventType, number> = Object.fromEntries(EVENT_TYPES.map((t, i) => [t, i])) as Record<EventType, number>;

/** Integer fields of a row (0 = absent unless said otherwise). */
export const F = {
  type: 0,
  api: 1,
  from: 2,
  to: 3,
  event: 4,
  cause: 5,
  reason: 6,
  rpcId: 7,
  /** RPC_STATES index + 1. */
  rpcState: 8,
  callbackId: 9,
  sys: 10,
  via: 11,
  at: 12,
  /** 1 false, 2 true. */
  suc: 13,
  detail: 14,
  /** Payload handle + 1. */
  data: 15,
} as const;
const STRIDE = 16;
/** Float fields of a row: t, arrive (NaN = none), deadline (NaN = none). */
const FSTRIDE = 3;

const SHIFT = 16;
/** Rows per chunk. */
export const CHUNK_ROWS = 1 << SHIFT;
const MASK = CHUNK_ROWS - 1;

const SEND = TYPE_INDEX.send;

/**
 * Append-only trace of one run. Node references resolve through `nodeIds`; sys ids map to
 * "namespace\u0000systemName" in `strings`.
 */
export class TraceRecorder {
  /** Events stored (0 when not recording). */
  length = 0;
  /** Events made, stored or not: the last seq handed out. */
  total = 0;
  /** Events made, by EVENT_TYPES index. */
  readonly counts = new Float64Array(EVENT_TYPES.length);
  readonly strings = new StringTable();
  readonly payloads = new PayloadTape();
  private readonly rows: Int32Array[] = [];
  private readonly nums: Float64Array[] = [];
  /** Broadcast sends: row → receivers (node indexes). */
  private readonly targets = new Map<number, Int32Array>();

  constructor(
    public header: TraceHeader,
    readonly nodeIds: readonly string[],
    /** serverId per node index (for rpc.requester), NaN where the node has none. */
    readonly nodeServerIds: readonly number[],
    /** False: count events only (nothing is kept, `get` has nothing to give). */
    readonly recording = true,
  ) {}

  private chunk(): void {
    this.rows.push(new Int32Array(CHUNK_ROWS * STRIDE));
    this.nums.push(new Float64Array(CHUNK_ROWS * FSTRIDE).fill(NaN));
  }

  /**
   * Append one event; returns its seq (index + 1). Numeric arguments are interned ids / node
   * indexes + 1, 0 meaning absent; `data` is copied onto the payload tape (it may throw
   * UnsendableValueError, and then nothing is recorded).
   */
  add(t: number, type: number, api: number, from: number, to: number, event: number, data: unknown, cause: number): number {
    this.counts[type]++;
    if (!this.recording) return ++this.total;
    const d = data === undefined ? 0 : this.payloads.put(data) + 1;
    return this.row(t, type, api, from, to, event, d, cause);
  }

  /** Append one event whose payload is already on the tape (`data` = handle + 1, 0 = none). */
  addWithPayload(t: number, type: number, api: number, from: number, to: number, event: number, data: number, cause: number): number {
    this.counts[type]++;
    if (!this.recording) return ++this.total;
    return this.row(t, type, api, from, to, event, data, cause);
  }

  private row(t: number, type: number, api: number, from: number, to: number, event: number, data: number, cause: number): number {
    const i = this.length;
    if ((i & MASK) === 0 && i >>> SHIFT === this.rows.length) this.chunk();
    const c = i >>> SHIFT;
    const r = this.rows[c];
    const b = (i & MASK) * STRIDE;
    r[b] = type;
    r[b + F.api] = api;
    r[b + F.from] = from;
    r[b + F.to] = to;
    r[b + F.event] = event;
    r[b + F.cause] = cause;
    r[b + F.data] = data;
    this.nums[c][(i & MASK) * FSTRIDE] = t;
    this.length = i + 1;
    this.total = i + 1;
    return i + 1;
  }

  /** Set integer field `f` (see F) of event index i. No-op when not recording. */
  set(i: number, f: number, v: number): void {
    if (!this.recording) return;
    this.rows[i >>> SHIFT][(i & MASK) * STRIDE + f] = v;
  }

  /** Integer field `f` of event index i. */
  field(i: number, f: number): number {
    return this.rows[i >>> SHIFT][(i & MASK) * STRIDE + f];
  }

  setArrive(i: number, t: number): void {
    if (!this.recording) return;
    this.nums[i >>> SHIFT][(i & MASK) * FSTRIDE + 1] = t;
  }

  /** The timeout deadline of a request sent with a callback. */
  setDeadline(i: number, t: number): void {
    if (!this.recording) return;
    this.nums[i >>> SHIFT][(i & MASK) * FSTRIDE + 2] = t;
  }

  /** Receivers of a broadcast send (node indexes). */
  setTargets(i: number, nodes: Int32Array): void {
    if (!this.recording) return;
    this.targets.set(i, nodes);
  }

  /** Replace the payload of event index i. */
  setData(i: number, data: unknown): void {
    if (!this.recording) return;
    this.set(i, F.data, data === undefined ? 0 : this.payloads.put(data) + 1);
  }

  /** Payload handle + 1 of event index i (0 = none). */
  dataHandle(i: number): number {
    return this.recording ? this.field(i, F.data) : 0;
  }

  get(i: number): TraceEvent {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no event at index ${i} (${this.length} recorded)`);
    const s = this.strings;
    const r = this.rows[i >>> SHIFT];
    const b = (i & MASK) * STRIDE;
    const nums = this.nums[i >>> SHIFT];
    const nb = (i & MASK) * FSTRIDE;
    const type = r[b];
    const from = r[b + F.from];
    const to = r[b + F.to];
    const e: TraceEvent = { seq: i + 1, t: nums[nb], type: EVENT_TYPES[type] };
    if (r[b + F.api]) e.api = s.get(r[b + F.api]);
    if (from) e.from = this.nodeIds[from - 1];
    if (to) e.to = this.nodeIds[to - 1];
    if (r[b + F.event]) e.event = s.get(r[b + F.event]);
    const d = r[b + F.data];
    if (d) e.data = this.payloads.get(d - 1);
    const rpcId = r[b + F.rpcId];
    if (rpcId) {
      const rpc: NonNullable<TraceEvent['rpc']> = { id: rpcId, state: RPC_STATES[r[b + F.rpcState] - 1] as RpcState };
      const cb = r[b + F.callbackId];
      if (cb) {
        rpc.callbackId = cb;
        const req = this.nodeServerIds[from - 1];
        if (req !== undefined && !Number.isNaN(req)) rpc.requester = req;
        const deadline = nums[nb + 2];
        if (deadline === deadline) rpc.deadline = deadline;
      }
      e.rpc = rpc;
    }
    if (r[b + F.cause]) e.cause = r[b + F.cause];
    if (r[b + F.reason]) e.reason = s.get(r[b + F.reason]);
    const tg = this.targets.size > 0 ? this.targets.get(i) : undefined;
    if (tg) e.targets = Array.from(tg, (n) => this.nodeIds[n]);
    if (type === SEND && from && to) {
      const via = r[b + F.via];
      e.path = via ? [this.nodeIds[from - 1], this.nodeIds[via - 1], this.nodeIds[to - 1]] : [this.nodeIds[from - 1], this.nodeIds[to - 1]];
    }
    const sys = r[b + F.sys];
    if (sys) {
      const pair = s.get(sys) ?? '';
      const cut = pair.indexOf('\u0000');
      e.ns = pair.slice(0, cut);
      e.sys = pair.slice(cut + 1);
    }
    const suc = r[b + F.suc];
    if (suc) e.suc = suc === 2;
    if (r[b + F.at]) e.at = this.nodeIds[r[b + F.at] - 1];
    const arrive = nums[nb + 1];
    if (arrive === arrive) e.arrive = arrive;
    if (r[b + F.detail]) e.detail = s.get(r[b + F.detail]);
    return e;
  }

  slice(from: number, to = this.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.get(i));
    return out;
  }

  /** Events made by type name (types never made are left out). */
  countsByType(): Partial<Record<EventType, number>> {
    const out: Partial<Record<EventType, number>> = {};
    for (let k = 0; k < EVENT_TYPES.length; k++) if (this.counts[k] > 0) out[EVENT_TYPES[k]] = this.counts[k];
    return out;
  }
}
