// A compact, append-only columnar store for a loaded trace (typed arrays, interned strings,
// payloads by reference): ~100 bytes per event instead of a few hundred for plain objects.
// `get(i)` materializes one TraceEvent. Implements EventSource.
import type { EventType, RpcRef, RpcState, TraceEvent } from '../trace/event';
import { EVENT_TYPES, RPC_STATES } from '../trace/event';
import type { EventSource } from './source';

const TYPE_CODE = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const STATE_CODE = new Map<string, number>(RPC_STATES.map((s, i) => [s, i + 1]));
const SEP = '\u0001';
const EMPTY = '\u0002';

/** Interned strings; id 0 = absent. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [''];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
  /** Id of s if interned, else 0. */
  find(s: string): number {
    return this.ids.get(s) ?? 0;
  }
}

type Num = Int32Array | Uint8Array | Float64Array;
function grown<T extends Num>(a: T, n: number, fill?: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  if (fill !== undefined && n > a.length) b.fill(fill, a.length);
  return b;
}

const STR_FIELDS = ['api', 'from', 'to', 'event', 'reason', 'ns', 'sys', 'at', 'detail'] as const;
type StrField = (typeof STR_FIELDS)[number];

export class TraceColumns implements EventSource {
  length = 0;
  private cap: number;
  readonly strings = new Interner();
  seq: Int32Array;
  t: Float64Array;
  type: Uint8Array;
  api: Int32Array;
  from: Int32Array;
  to: Int32Array;
  event: Int32Array;
  reason: Int32Array;
  ns: Int32Array;
  sys: Int32Array;
  at: Int32Array;
  detail: Int32Array;
  /** cause + 1 (0 = none). */
  cause: Int32Array;
  /** rpc.id + 1 (0 = none). */
  rpcId: Int32Array;
  /** RPC_STATES index + 1 (0 = none). */
  rpcState: Uint8Array;
  /** rpc.callbackId + 1. */
  callbackId: Int32Array;
  /** rpc.requester + 1. */
  requester: Int32Array;
  /** 0 none, 1 false, 2 true. */
  suc: Uint8Array;
  /** NaN = none. */
  arrive: Float64Array;
  /** Interned SEP-joined lists (0 = none). */
  targets: Int32Array;
  path: Int32Array;
  /** Payloads by reference (undefined = none). */
  data: unknown[] = [];
  /** Fields the format does not know yet, kept per event. */
  extra = new Map<number, Record<string, unknown>>();

  constructor(capacity = 1024) {
    const n = (this.cap = Math.max(16, capacity));
    this.seq = new Int32Array(n);
    this.t = new Float64Array(n);
    this.type = new Uint8Array(n);
    this.api = new Int32Array(n);
    this.from = new Int32Array(n);
    this.to = new Int32Array(n);
    this.event = new Int32Array(n);
    this.reason = new Int32Array(n);
    this.ns = new Int32Array(n);
    this.sys = new Int32Array(n);
    this.at = new Int32Array(n);
    this.detail = new Int32Array(n);
    this.cause = new Int32Array(n);
    this.rpcId = new Int32Array(n);
    this.rpcState = new Uint8Array(n);
    this.callbackId = new Int32Array(n);
    this.requester = new Int32Array(n);
    this.suc = new Uint8Array(n);
    this.arrive = new Float64Array(n).fill(NaN);
    this.targets = new Int32Array(n);
    this.path = new Int32Array(n);
  }

  static from(events: Iterable<TraceEvent>): TraceColumns {
    const c = new TraceColumns();
    for (const e of events) c.push(e);
    c.trim();
    return c;
  }

  private resize(n: number): void {
    this.cap = n;
    this.seq = grown(this.seq, n);
    this.t = grown(this.t, n);
    this.type = grown(this.type, n);
    this.api = grown(this.api, n);
    this.from = grown(this.from, n);
    this.to = grown(this.to, n);
    this.event = grown(this.event, n);
    this.reason = grown(this.reason, n);
    this.ns = grown(this.ns, n);
    this.sys = grown(this.sys, n);
    this.at = grown(this.at, n);
    this.detail = grown(this.detail, n);
    this.cause = grown(this.cause, n);
    this.rpcId = grown(this.rpcId, n);
    this.rpcState = grown(this.rpcState, n);
    this.callbackId = grown(this.callbackId, n);
    this.requester = grown(this.requester, n);
    this.suc = grown(this.suc, n);
    this.arrive = grown(this.arrive, n, NaN);
    this.targets = grown(this.targets, n);
    this.path = grown(this.path, n);
  }

  /** Release spare capacity (call when a load is finished). */
  trim(): void {
    if (this.cap > this.length) this.resize(Math.max(16, this.length));
  }

  /** Append one event (any object of the TraceEvent shape, e.g. straight from JSON.parse). */
  push(e: TraceEvent): number {
    if (this.length === this.cap) this.resize(this.cap * 2);
    const i = this.length++;
    const s = this.strings;
    let data: unknown;
    let extra: Record<string, unknown> | undefined;
    const rec = e as unknown as Record<string, unknown>;
    for (const k in rec) {
      const v = rec[k];
      if (v === undefined) continue;
      switch (k) {
        case 'seq':
          this.seq[i] = v as number;
          break;
        case 't':
          this.t[i] = v as number;
          break;
        case 'type': {
          const code = TYPE_CODE.get(v as string);
          if (code === undefined) throw new Error(`unknown event type ${JSON.stringify(v)}`);
          this.type[i] = code;
          break;
        }
        case 'api':
        case 'from':
        case 'to':
        case 'event':
        case 'reason':
        case 'ns':
        case 'sys':
        case 'at':
        case 'detail':
          if (typeof v === 'string') this[k as StrField][i] = s.id(v);
          else (extra ??= {})[k] = v;
          break;
        case 'cause':
          this.cause[i] = (v as number) + 1;
          break;
        case 'suc':
          this.suc[i] = v ? 2 : 1;
          break;
        case 'arrive':
          this.arrive[i] = v as number;
          break;
        case 'data':
          data = v;
          break;
        case 'targets':
        case 'path': {
          const a = v as string[];
          this[k][i] = s.id(a.length === 0 ? EMPTY : a.join(SEP));
          break;
        }
        case 'rpc': {
          const r = v as RpcRef & Record<string, unknown>;
          this.rpcId[i] = r.id + 1;
          this.rpcState[i] = STATE_CODE.get(r.state) ?? 0;
          if (r.callbackId !== undefined) this.callbackId[i] = r.callbackId + 1;
          if (r.requester !== undefined) this.requester[i] = r.requester + 1;
          for (const rk in r) if (rk !== 'id' && rk !== 'state' && rk !== 'callbackId' && rk !== 'requester') (extra ??= {}).rpc = r;
          break;
        }
        default:
          (extra ??= {})[k] = v;
      }
    }
    this.data.push(data);
    if (extra) this.extra.set(i, extra);
    return i;
  }

  private list(id: number): string[] {
    const v = this.strings.values[id];
    if (v === EMPTY) return [];
    return v.split(SEP);
  }

  typeOf(i: number): EventType {
    return EVENT_TYPES[this.type[i]];
  }

  get(i: number): TraceEvent {
    const v = this.strings.values;
    const e: TraceEvent = { seq: this.seq[i], t: this.t[i], type: EVENT_TYPES[this.type[i]] };
    if (this.api[i]) e.api = v[this.api[i]];
    if (this.from[i]) e.from = v[this.from[i]];
    if (this.to[i]) e.to = v[this.to[i]];
    if (this.event[i]) e.event = v[this.event[i]];
    const d = this.data[i];
    if (d !== undefined) e.data = d;
    if (this.rpcId[i]) {
      const r: RpcRef = { id: this.rpcId[i] - 1, state: RPC_STATES[this.rpcState[i] - 1] as RpcState };
      if (this.callbackId[i]) r.callbackId = this.callbackId[i] - 1;
      if (this.requester[i]) r.requester = this.requester[i] - 1;
      e.rpc = r;
    }
    if (this.cause[i]) e.cause = this.cause[i] - 1;
    if (this.reason[i]) e.reason = v[this.reason[i]];
    if (this.targets[i]) e.targets = this.list(this.targets[i]);
    if (this.path[i]) e.path = this.list(this.path[i]);
    if (this.ns[i]) e.ns = v[this.ns[i]];
    if (this.sys[i]) e.sys = v[this.sys[i]];
    if (this.suc[i]) e.suc = this.suc[i] === 2;
    if (this.at[i]) e.at = v[this.at[i]];
    const a = this.arrive[i];
    if (a === a) e.arrive = a;
    if (this.detail[i]) e.detail = v[this.detail[i]];
    if (this.extra.size > 0) {
      const x = this.extra.get(i);
      if (x) Object.assign(e, x);
    }
    return e;
  }

  slice(from = 0, to = this.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.get(i));
    return out;
  }
}
