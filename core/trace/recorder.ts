// The engine records on its hot path, so the trace is kept in columns: typed arrays for numbers,
// interned strings for names and node ids, payloads by reference. `get(i)` builds the object view.
import type { EventType, RpcState, TraceEvent, TraceHeader } from './event';
import { EVENT_TYPES, RPC_STATES } from './event';

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
const NO_STATE = 255;
const NO_SUC = 0;

function growF64(a: Float64Array, n: number, fill: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
function growI32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
function growU8(a: Uint8Array, n: number, fill: number): Uint8Array {
  const b = new Uint8Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/**
 * Columnar, append-only trace. Node references are node indexes + 1 (0 = absent) resolved through
 * `nodeIds`; strings (api, event, reason, detail, ns/sys) are interned.
 */
export class TraceRecorder {
  length = 0;
  private cap: number;
  t: Float64Array;
  type: Uint8Array;
  api: Int32Array;
  from: Int32Array;
  to: Int32Array;
  event: Int32Array;
  cause: Int32Array;
  reason: Int32Array;
  rpcId: Int32Array;
  rpcState: Uint8Array;
  callbackId: Int32Array;
  sys: Int32Array;
  via: Int32Array;
  at: Int32Array;
  suc: Uint8Array;
  detail: Int32Array;
  arrive: Float64Array;
  data: unknown[] = [];
  targets: (Int32Array | undefined)[] = [];
  /** Request sends with a callback: index → timeout deadline (virtual ms). */
  readonly deadlines = new Map<number, number>();
  readonly strings = new StringTable();
  /** sys column ids map to "namespace\u0000systemName". */

  constructor(
    public header: TraceHeader,
    readonly nodeIds: readonly string[],
    /** serverId per node index (for rpc.requester), NaN where the node has none. */
    readonly nodeServerIds: readonly number[],
    initialCapacity = 1 << 16,
  ) {
    const n = (this.cap = initialCapacity);
    this.t = new Float64Array(n);
    this.type = new Uint8Array(n);
    this.api = new Int32Array(n);
    this.from = new Int32Array(n);
    this.to = new Int32Array(n);
    this.event = new Int32Array(n);
    this.cause = new Int32Array(n);
    this.reason = new Int32Array(n);
    this.rpcId = new Int32Array(n);
    this.rpcState = new Uint8Array(n).fill(NO_STATE);
    this.callbackId = new Int32Array(n);
    this.sys = new Int32Array(n);
    this.via = new Int32Array(n);
    this.at = new Int32Array(n);
    this.suc = new Uint8Array(n);
    this.detail = new Int32Array(n);
    this.arrive = new Float64Array(n).fill(NaN);
  }

  private ensure(): void {
    if (this.length < this.cap) return;
    const n = (this.cap *= 2);
    this.t = growF64(this.t, n, 0);
    this.type = growU8(this.type, n, 0);
    this.api = growI32(this.api, n);
    this.from = growI32(this.from, n);
    this.to = growI32(this.to, n);
    this.event = growI32(this.event, n);
    this.cause = growI32(this.cause, n);
    this.reason = growI32(this.reason, n);
    this.rpcId = growI32(this.rpcId, n);
    this.rpcState = growU8(this.rpcState, n, NO_STATE);
    this.callbackId = growI32(this.callbackId, n);
    this.sys = growI32(this.sys, n);
    this.via = growI32(this.via, n);
    this.at = growI32(this.at, n);
    this.suc = growU8(this.suc, n, 0);
    this.detail = growI32(this.detail, n);
    this.arrive = growF64(this.arrive, n, NaN);
  }

  /**
   * Append one event; returns its seq (index + 1). Numeric arguments are interned ids / node
   * indexes + 1, 0 meaning absent, so the hot path allocates nothing but the payload it already has.
   */
  add(t: number, type: number, api: number, from: number, to: number, event: number, data: unknown, cause: number): number {
    this.ensure();
    const i = this.length++;
    this.t[i] = t;
    this.type[i] = type;
    this.api[i] = api;
    this.from[i] = from;
    this.to[i] = to;
    this.event[i] = event;
    this.cause[i] = cause;
    if (data !== undefined) this.data[i] = data;
    return i + 1;
  }

  get(i: number): TraceEvent {
    const s = this.strings;
    const e: TraceEvent = { seq: i + 1, t: this.t[i], type: EVENT_TYPES[this.type[i]] };
    if (this.api[i]) e.api = s.get(this.api[i]);
    if (this.from[i]) e.from = this.nodeIds[this.from[i] - 1];
    if (this.to[i]) e.to = this.nodeIds[this.to[i] - 1];
    if (this.event[i]) e.event = s.get(this.event[i]);
    const d = this.data[i];
    if (d !== undefined) e.data = d;
    if (this.rpcId[i]) {
      const rpc: NonNullable<TraceEvent['rpc']> = { id: this.rpcId[i], state: RPC_STATES[this.rpcState[i]] as RpcState };
      if (this.callbackId[i]) {
        rpc.callbackId = this.callbackId[i];
        const req = this.nodeServerIds[this.from[i] - 1];
        if (req !== undefined && !Number.isNaN(req)) rpc.requester = req;
        const deadline = this.deadlines.get(i);
        if (deadline !== undefined) rpc.deadline = deadline;
      }
      e.rpc = rpc;
    }
    if (this.cause[i]) e.cause = this.cause[i];
    if (this.reason[i]) e.reason = s.get(this.reason[i]);
    const tg = this.targets[i];
    if (tg) e.targets = Array.from(tg, (n) => this.nodeIds[n]);
    if (this.type[i] === TYPE_INDEX.send && this.from[i] && this.to[i]) {
      e.path = this.via[i]
        ? [this.nodeIds[this.from[i] - 1], this.nodeIds[this.via[i] - 1], this.nodeIds[this.to[i] - 1]]
        : [this.nodeIds[this.from[i] - 1], this.nodeIds[this.to[i] - 1]];
    }
    if (this.sys[i]) {
      const pair = s.get(this.sys[i]) ?? '';
      const cut = pair.indexOf('\u0000');
      e.ns = pair.slice(0, cut);
      e.sys = pair.slice(cut + 1);
    }
    if (this.suc[i] !== NO_SUC) e.suc = this.suc[i] === 2;
    if (this.at[i]) e.at = this.nodeIds[this.at[i] - 1];
    if (!Number.isNaN(this.arrive[i])) e.arrive = this.arrive[i];
    if (this.detail[i]) e.detail = s.get(this.detail[i]);
    return e;
  }

  slice(from: number, to = this.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.get(i));
    return out;
  }
}
