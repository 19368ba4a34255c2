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

/**
 * Fields of a row (0 = absent unless said otherwise). Every row has the core ones; the rest, which
 * most events lack, live in an extra row made on first use (its index is the core field `ext`):
 * memory a trace grows into costs page faults (2.4 ns a byte here), so rows are kept small.
 */
export const F = {
  /** EVENT_TYPES index (low 8 bits of the packed core field). */
  type: 0,
  api: 1,
  from: 2,
  to: 3,
  event: 4,
  cause: 5,
  rpcId: 6,
  sys: 7,
  /** Payload handle + 1. */
  data: 8,
  /** RPC_STATES index + 1 (packed with type). */
  rpcState: 100,
  /** 1 false, 2 true (packed with type). */
  suc: 101,
  // In the extra row:
  reason: 200,
  detail: 201,
  callbackId: 202,
  via: 203,
  at: 204,
} as const;
/** Core int32 fields a row: F.type..F.data, then the extra row's index + 1. */
const STRIDE = 10;
const EXT = 9;
/** Extra int32 fields: reason, detail, callbackId, via, at. */
const XSTRIDE = 5;
/** Extra float64 fields: arrive (NaN = none), deadline (NaN = none). */
const XFSTRIDE = 2;

const SHIFT = 16;
/** Rows per chunk. */
export const CHUNK_ROWS = 1 << SHIFT;
const MASK = CHUNK_ROWS - 1;

const SEND = TYPE_INDEX.send;

/**
 * Where the rows of discarded chunks point: writes the engine still makes to an old event (an RPC
 * that ends long after its request left the window) land here harmlessly. Made on first use.
 */
let deadRows: Int32Array | undefined;
let deadNums: Float64Array | undefined;

/**
 * Append-only trace of one run. Node references resolve through `nodeIds`; sys ids map to
 * "namespace\u0000systemName" in `strings`.
 */
export class TraceRecorder {
  /** Events stored (0 when not recording). */
  length = 0;
  /** Events made, stored or not: the last seq handed out. */
  total = 0;
  /**
   * Index of the oldest event still kept. A live run keeps only its newest events (the host calls
   * `discardBefore`); indexes and seqs stay those of the whole run.
   */
  first = 0;
  /** Events made, by EVENT_TYPES index. */
  readonly counts = new Float64Array(EVENT_TYPES.length);
  readonly strings = new StringTable();
  readonly payloads = new PayloadTape();
  private readonly rows: Int32Array[] = [];
  /** t of each row. */
  private readonly nums: Float64Array[] = [];
  private readonly xrows: Int32Array[] = [];
  private readonly xnums: Float64Array[] = [];
  /** Extra rows made. */
  private xlength = 0;
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
    this.nums.push(new Float64Array(CHUNK_ROWS));
  }

  /** The extra row of event index i (made when first needed); returns its index. */
  private ext(i: number): number {
    const r = this.rows[i >>> SHIFT];
    const at = (i & MASK) * STRIDE + EXT;
    const x = r[at];
    if (x !== 0) return x - 1;
    const k = this.xlength++;
    if ((k & MASK) === 0) {
      this.xrows.push(new Int32Array(CHUNK_ROWS * XSTRIDE));
      this.xnums.push(new Float64Array(CHUNK_ROWS * XFSTRIDE).fill(NaN));
    }
    r[at] = k + 1;
    return k;
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

  /** `add` with the row's sys field (a send's sender, a handle's listener) in the same write. */
  addWithSys(t: number, type: number, api: number, from: number, to: number, event: number, data: number, cause: number, sys: number): number {
    this.counts[type]++;
    if (!this.recording) return ++this.total;
    const seq = this.row(t, type, api, from, to, event, data, cause);
    const i = seq - 1;
    this.rows[i >>> SHIFT][(i & MASK) * STRIDE + F.sys] = sys;
    return seq;
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
    this.nums[c][i & MASK] = t;
    this.length = i + 1;
    this.total = i + 1;
    return i + 1;
  }

  /** Set field `f` (see F) of event index i. No-op when not recording. */
  set(i: number, f: number, v: number): void {
    if (!this.recording) return;
    if (f < 100) {
      this.rows[i >>> SHIFT][(i & MASK) * STRIDE + f] = v;
      return;
    }
    if (f < 200) {
      const r = this.rows[i >>> SHIFT];
      const b = (i & MASK) * STRIDE;
      r[b] = f === F.rpcState ? (r[b] & ~0xf00) | (v << 8) : (r[b] & ~0x3000) | (v << 12);
      return;
    }
    const k = this.ext(i);
    this.xrows[k >>> SHIFT][(k & MASK) * XSTRIDE + (f - 200)] = v;
  }

  /** Field `f` of event index i. */
  field(i: number, f: number): number {
    const r = this.rows[i >>> SHIFT];
    const b = (i & MASK) * STRIDE;
    if (f < 100) return f === F.type ? r[b] & 0xff : r[b + f];
    if (f < 200) return f === F.rpcState ? (r[b] >> 8) & 0xf : (r[b] >> 12) & 0x3;
    const x = r[b + EXT];
    return x === 0 ? 0 : this.xrows[(x - 1) >>> SHIFT][((x - 1) & MASK) * XSTRIDE + (f - 200)];
  }

  setArrive(i: number, t: number): void {
    if (!this.recording) return;
    const k = this.ext(i);
    this.xnums[k >>> SHIFT][(k & MASK) * XFSTRIDE] = t;
  }

  /** The timeout deadline of a request sent with a callback. */
  setDeadline(i: number, t: number): void {
    if (!this.recording) return;
    const k = this.ext(i);
    this.xnums[k >>> SHIFT][(k & MASK) * XFSTRIDE + 1] = t;
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

  /** Payload handle + 1 of event index i (0 = none, or the event was discarded with its payload). */
  dataHandle(i: number): number {
    return this.recording && i >= this.first ? this.field(i, F.data) : 0;
  }

  /**
   * Forget the events before index `i`, whole chunks at a time (the first kept index becomes the
   * start of i's chunk), with the payloads only they used. Returns the new `first`. A deliver made
   * later for a send already forgotten is recorded without its payload.
   */
  discardBefore(i: number): number {
    const upTo = Math.min(i, this.length) >>> SHIFT;
    if (!this.recording || upTo << SHIFT <= this.first) return this.first;
    deadRows ??= new Int32Array(CHUNK_ROWS * STRIDE);
    deadNums ??= new Float64Array(CHUNK_ROWS);
    for (let c = this.first >>> SHIFT; c < upTo; c++) {
      this.rows[c] = deadRows;
      this.nums[c] = deadNums;
    }
    this.first = upTo << SHIFT;
    for (const k of this.targets.keys()) if (k < this.first) this.targets.delete(k);
    // The oldest payload a kept event refers to (delivers share older sends' payloads).
    let oldest = Infinity;
    for (let j = this.first; j < this.length; j++) {
      const d = this.field(j, F.data);
      if (d !== 0 && d - 1 < oldest) oldest = d - 1;
    }
    this.payloads.discardBefore(oldest === Infinity ? this.payloads.entries : oldest);
    return this.first;
  }

  get(i: number): TraceEvent {
    if (i >= 0 && i < this.first) throw new RangeError(`event index ${i} was discarded: this live run keeps events from index ${this.first} on`);
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no event at index ${i} (${this.length} recorded)`);
    const s = this.strings;
    const r = this.rows[i >>> SHIFT];
    const b = (i & MASK) * STRIDE;
    const packed = r[b];
    const type = packed & 0xff;
    const from = r[b + F.from];
    const to = r[b + F.to];
    const x = r[b + EXT] - 1;
    const xr = x >= 0 ? this.xrows[x >>> SHIFT] : undefined;
    const xb = (x & MASK) * XSTRIDE;
    const xn = x >= 0 ? this.xnums[x >>> SHIFT] : undefined;
    const xnb = (x & MASK) * XFSTRIDE;
    const e: TraceEvent = { seq: i + 1, t: this.nums[i >>> SHIFT][i & MASK], type: EVENT_TYPES[type] };
    if (r[b + F.api]) e.api = s.get(r[b + F.api]);
    if (from) e.from = this.nodeIds[from - 1];
    if (to) e.to = this.nodeIds[to - 1];
    if (r[b + F.event]) e.event = s.get(r[b + F.event]);
    const d = r[b + F.data];
    if (d) e.data = this.payloads.get(d - 1);
    const rpcId = r[b + F.rpcId];
    if (rpcId) {
      const rpc: NonNullable<TraceEvent['rpc']> = { id: rpcId, state: RPC_STATES[((packed >> 8) & 0xf) - 1] as RpcState };
      const cb = xr ? xr[xb + F.callbackId - 200] : 0;
      if (cb) {
        rpc.callbackId = cb;
        const req = this.nodeServerIds[from - 1];
        if (req !== undefined && !Number.isNaN(req)) rpc.requester = req;
        const deadline = (xn as Float64Array)[xnb + 1];
        if (deadline === deadline) rpc.deadline = deadline;
      }
      e.rpc = rpc;
    }
    if (r[b + F.cause]) e.cause = r[b + F.cause];
    if (xr && xr[xb + F.reason - 200]) e.reason = s.get(xr[xb + F.reason - 200]);
    const tg = this.targets.size > 0 ? this.targets.get(i) : undefined;
    if (tg) e.targets = Array.from(tg, (n) => this.nodeIds[n]);
    if (type === SEND && from && to) {
      const via = xr ? xr[xb + F.via - 200] : 0;
      e.path = via ? [this.nodeIds[from - 1], this.nodeIds[via - 1], this.nodeIds[to - 1]] : [this.nodeIds[from - 1], this.nodeIds[to - 1]];
    }
    const sys = r[b + F.sys];
    if (sys) {
      const pair = s.get(sys) ?? '';
      const cut = pair.indexOf('\u0000');
      e.ns = pair.slice(0, cut);
      e.sys = pair.slice(cut + 1);
    }
    const suc = (packed >> 12) & 0x3;
    if (suc) e.suc = suc === 2;
    if (xr && xr[xb + F.at - 200]) e.at = this.nodeIds[xr[xb + F.at - 200] - 1];
    if (xn) {
      const arrive = xn[xnb];
      if (arrive === arrive) e.arrive = arrive;
    }
    if (xr && xr[xb + F.detail - 200]) e.detail = s.get(xr[xb + F.detail - 200]);
    return e;
  }

  /** Events [from, to) that are still kept (a range reaching before `first` starts there). */
  slice(from: number, to = this.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(this.first, from); i < Math.min(to, this.length); i++) out.push(this.get(i));
    return out;
  }

  /** Events made by type name (types never made are left out). */
  countsByType(): Partial<Record<EventType, number>> {
    const out: Partial<Record<EventType, number>> = {};
    for (let k = 0; k < EVENT_TYPES.length; k++) if (this.counts[k] > 0) out[EVENT_TYPES[k]] = this.counts[k];
    return out;
  }
}
