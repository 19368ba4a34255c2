// A compact, append-only columnar store for a loaded trace (typed arrays, interned strings,
// payloads by reference): ~100 bytes per event instead of a few hundred for plain objects.
// `get(i)` materializes one TraceEvent. Implements EventSource.
import type { EventType, RpcRef, RpcState, TraceEvent } from '../trace/event';
import { EVENT_TYPES, RPC_STATES } from '../trace/event';
import type { EventSource } from './source';
import { parseJson, stringifyJson } from '../json';

const TYPE_CODE = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const STATE_CODE = new Map<string, number>(RPC_STATES.map((s, i) => [s, i + 1]));
const SEP = '\u0001';
const EMPTY = '\u0002';
const LIFECYCLE = EVENT_TYPES.indexOf('lifecycle');
const FAULT = EVENT_TYPES.indexOf('fault');

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

const CHUNK = 2 ** 26;
const FLUSH_AT = 1 << 16;

/** Append-only JSON texts, joined into ~64K-char strings. */
class PayloadStore {
  private readonly chunks: string[] = [];
  private parts: string[] = [];
  private partLen = 0;

  add(text: string): number {
    const pos = this.chunks.length * CHUNK + this.partLen;
    this.parts.push(text);
    this.partLen += text.length;
    if (this.partLen >= FLUSH_AT) this.flush();
    return pos;
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.chunks.push(this.parts.join(''));
    this.parts = [];
    this.partLen = 0;
  }

  get(pos: number, len: number): unknown {
    const c = Math.floor(pos / CHUNK);
    const off = pos - c * CHUNK;
    if (c === this.chunks.length) this.flush();
    return parseJson(this.chunks[c].slice(off, off + len));
  }
}

export const PUSH_INVALID = -1;
export const PUSH_SEQ_ORDER = -2;
export const PUSH_TIME_ORDER = -3;
export const PUSH_CAUSE_ORDER = -4;
const PUSH_BAD_TYPE = -5;
const ORDER = { lastSeq: 0, lastT: 0 };

function strArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/** Ints stored +1 in an Int32Array (0 = absent). */
function fits(v: number): boolean {
  return Number.isInteger(v) && v >= -2147483647 && v < 2147483647;
}

type Num = Int32Array | Uint8Array | Float64Array;
function grown<T extends Num>(a: T, n: number, fill?: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  if (fill !== undefined && n > a.length) b.fill(fill, a.length);
  return b;
}

const KNOWN = new Set(['seq', 't', 'type', 'api', 'from', 'to', 'event', 'reason', 'ns', 'sys', 'at', 'detail', 'cause', 'suc', 'arrive', 'data', 'targets', 'path', 'rpc']);

export class TraceColumns implements EventSource {
  length = 0;
  private cap: number;
  readonly strings = new Interner();
  seq: Float64Array;
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
  /** Interned SEP-joined list (0 = none). */
  targets: Int32Array;
  /** 0 none; -1 [from, to]; -2 - id: [from, strings[id], to]; > 0 interned SEP-joined list. */
  path: Int32Array;
  /** Payloads, as JSON text packed into large strings (leaf objects: nothing for the GC to trace). */
  private readonly payloads = new PayloadStore();
  /** Payload location: chunk * 2^26 + offset (NaN = none). */
  dataPos: Float64Array;
  dataLen: Int32Array;
  /** Fields the format does not know yet, kept per event. */
  extra = new Map<number, Record<string, unknown>>();

  constructor(capacity = 1024) {
    const n = (this.cap = Math.max(16, capacity));
    this.seq = new Float64Array(n);
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
    this.dataPos = new Float64Array(n).fill(NaN);
    this.dataLen = new Int32Array(n);
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
    this.dataPos = grown(this.dataPos, n, NaN);
    this.dataLen = grown(this.dataLen, n);
  }

  /** The payload of event i (parsed from its stored JSON text each time). */
  dataOf(i: number): unknown {
    const d = this.dataPos[i];
    return d === d ? this.payloads.get(d, this.dataLen[i]) : undefined;
  }

  /** Release spare capacity (call when a load is finished). */
  trim(): void {
    this.payloads.flush();
    if (this.cap > this.length) this.resize(Math.max(16, this.length));
  }

  /** Append one event (any object of the TraceEvent shape, e.g. straight from JSON.parse). Returns its row. */
  push(e: TraceEvent): number {
    const i = this.store(e as unknown as Record<string, unknown>, null);
    if (i === PUSH_BAD_TYPE) throw new Error(`unknown event type ${JSON.stringify(e.type)}`);
    return i;
  }

  /**
   * The loader's path: append `v` only if it is a valid trace event (same verdict as
   * TraceEventSchema, see isTraceEvent in load.ts) that follows the previous one (seq greater, t not
   * earlier, cause earlier than seq). Returns the row, or a PUSH_* code (< 0) and stores nothing.
   * Each field is read once for both checking and storing.
   */
  pushChecked(v: Record<string, unknown>, lastSeq: number, lastT: number): number {
    ORDER.lastSeq = lastSeq;
    ORDER.lastT = lastT;
    return this.store(v, ORDER);
  }

  private store(e: Record<string, unknown>, check: { lastSeq: number; lastT: number } | null): number {
    const seq = e.seq as number;
    const t = e.t as number;
    const type = e.type;
    const api = e.api;
    const from = e.from;
    const to = e.to;
    const event = e.event;
    const reason = e.reason;
    const ns = e.ns;
    const sys = e.sys;
    const at = e.at;
    const detail = e.detail;
    const cause = e.cause as number | undefined;
    const suc = e.suc;
    const arrive = e.arrive as number | undefined;
    const data = e.data;
    const tg = e.targets as string[] | undefined;
    const p = e.path as string[] | undefined;
    const r = e.rpc as (RpcRef & Record<string, unknown>) | undefined;
    const code = typeof type === 'string' ? TYPE_CODE.get(type) : undefined;
    if (check !== null) {
      if (!Number.isSafeInteger(seq) || seq < 0 || typeof t !== 'number' || !(t >= 0) || t === Infinity || code === undefined) return PUSH_INVALID;
      if (
        (api !== undefined && typeof api !== 'string') ||
        (from !== undefined && typeof from !== 'string') ||
        (to !== undefined && typeof to !== 'string') ||
        (event !== undefined && typeof event !== 'string') ||
        (reason !== undefined && typeof reason !== 'string') ||
        (ns !== undefined && typeof ns !== 'string') ||
        (sys !== undefined && typeof sys !== 'string') ||
        (at !== undefined && typeof at !== 'string') ||
        (detail !== undefined && typeof detail !== 'string') ||
        (cause !== undefined && (!Number.isSafeInteger(cause) || cause < 0)) ||
        (suc !== undefined && typeof suc !== 'boolean') ||
        (arrive !== undefined && (typeof arrive !== 'number' || !Number.isFinite(arrive))) ||
        (tg !== undefined && !strArray(tg)) ||
        (p !== undefined && !strArray(p))
      )
        return PUSH_INVALID;
      if (r !== undefined) {
        if (typeof r !== 'object' || r === null || Array.isArray(r) || !Number.isSafeInteger(r.id) || typeof r.state !== 'string' || !STATE_CODE.has(r.state)) return PUSH_INVALID;
        if ((r.callbackId !== undefined && !Number.isSafeInteger(r.callbackId)) || (r.requester !== undefined && !Number.isSafeInteger(r.requester))) return PUSH_INVALID;
      }
      if (seq <= check.lastSeq) return PUSH_SEQ_ORDER;
      if (t < check.lastT) return PUSH_TIME_ORDER;
      if (cause !== undefined && cause >= seq) return PUSH_CAUSE_ORDER;
    } else if (code === undefined) return PUSH_BAD_TYPE;
    if (this.length === this.cap) this.resize(this.cap * 2);
    const i = this.length++;
    const s = this.strings;
    // `known` counts the fields read so unknown ones are noticed.
    let known = 3;
    this.seq[i] = seq;
    this.t[i] = t;
    this.type[i] = code as number;
    let bad: string[] | undefined;
    if (api !== undefined) { known++; if (typeof api === 'string') this.api[i] = s.id(api); else (bad ??= []).push('api'); }
    if (from !== undefined) { known++; if (typeof from === 'string') this.from[i] = s.id(from); else (bad ??= []).push('from'); }
    if (to !== undefined) { known++; if (typeof to === 'string') this.to[i] = s.id(to); else (bad ??= []).push('to'); }
    if (event !== undefined) { known++; if (typeof event === 'string') this.event[i] = s.id(event); else (bad ??= []).push('event'); }
    if (reason !== undefined) { known++; if (typeof reason === 'string') this.reason[i] = s.id(reason); else (bad ??= []).push('reason'); }
    if (ns !== undefined) { known++; if (typeof ns === 'string') this.ns[i] = s.id(ns); else (bad ??= []).push('ns'); }
    if (sys !== undefined) { known++; if (typeof sys === 'string') this.sys[i] = s.id(sys); else (bad ??= []).push('sys'); }
    if (at !== undefined) { known++; if (typeof at === 'string') this.at[i] = s.id(at); else (bad ??= []).push('at'); }
    if (detail !== undefined) { known++; if (typeof detail === 'string') this.detail[i] = s.id(detail); else (bad ??= []).push('detail'); }
    if (cause !== undefined) { known++; if (fits(cause)) this.cause[i] = cause + 1; else (bad ??= []).push('cause'); }
    if (suc !== undefined) { known++; if (typeof suc === 'boolean') this.suc[i] = suc ? 2 : 1; else (bad ??= []).push('suc'); }
    if (arrive !== undefined) { known++; if (typeof arrive === 'number') this.arrive[i] = arrive; else (bad ??= []).push('arrive'); }
    if (data !== undefined) {
      known++;
      const text = stringifyJson(data);
      if (text !== undefined) {
        this.dataPos[i] = this.payloads.add(text);
        this.dataLen[i] = text.length;
      }
    }
    if (tg !== undefined) {
      known++;
      if (strArray(tg)) this.targets[i] = s.id(tg.length === 0 ? EMPTY : tg.join(SEP));
      else (bad ??= []).push('targets');
    }
    if (p !== undefined) {
      known++;
      // Common shapes without building a key: [from, to] and [from, via, to].
      if (!strArray(p)) (bad ??= []).push('path');
      else if (p.length === 2 && p[0] === from && p[1] === to) this.path[i] = -1;
      else if (p.length === 3 && p[0] === from && p[2] === to) this.path[i] = -2 - s.id(p[1]);
      else this.path[i] = s.id(p.length === 0 ? EMPTY : p.join(SEP));
    }
    let rpcExtra = false;
    if (r !== undefined) {
      known++;
      if (typeof r !== 'object' || r === null) rpcExtra = true;
      else {
        this.rpcId[i] = fits(r.id) ? r.id + 1 : 0;
        this.rpcState[i] = STATE_CODE.get(r.state) ?? 0;
        let rk = 2;
        let ok = this.rpcId[i] !== 0;
        if (r.callbackId !== undefined) { rk++; if (fits(r.callbackId)) this.callbackId[i] = r.callbackId + 1; else ok = false; }
        if (r.requester !== undefined) { rk++; if (fits(r.requester)) this.requester[i] = r.requester + 1; else ok = false; }
        let n = 0;
        for (const _k in r) n++;
        rpcExtra = n !== rk || !this.rpcState[i] || !ok;
        if (rpcExtra) this.rpcId[i] = this.rpcState[i] = this.callbackId[i] = this.requester[i] = 0;
      }
    }
    let n = 0;
    for (const _k in e) n++;
    if (n !== known || bad || rpcExtra) {
      // Rare: fields this format version does not know (or odd values) are kept as they are.
      const extra: Record<string, unknown> = {};
      for (const k in e) if (!KNOWN.has(k) && e[k] !== undefined) extra[k] = e[k];
      if (bad) for (const k of bad) extra[k] = e[k];
      if (rpcExtra) extra.rpc = r;
      if (Object.keys(extra).length > 0) this.extra.set(i, extra);
    }
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

  /** Event i without its payload, except where replay state needs it (lifecycle, fault). */
  getLite(i: number): TraceEvent {
    const ty = this.type[i];
    return this.get(i, ty === LIFECYCLE || ty === FAULT);
  }

  get(i: number, withData = true): TraceEvent {
    const v = this.strings.values;
    const e: TraceEvent = { seq: this.seq[i], t: this.t[i], type: EVENT_TYPES[this.type[i]] };
    if (this.api[i]) e.api = v[this.api[i]];
    if (this.from[i]) e.from = v[this.from[i]];
    if (this.to[i]) e.to = v[this.to[i]];
    if (this.event[i]) e.event = v[this.event[i]];
    if (withData) {
      const d = this.dataPos[i];
      if (d === d) e.data = this.payloads.get(d, this.dataLen[i]);
    }
    if (this.rpcId[i]) {
      const r: RpcRef = { id: this.rpcId[i] - 1, state: RPC_STATES[this.rpcState[i] - 1] as RpcState };
      if (this.callbackId[i]) r.callbackId = this.callbackId[i] - 1;
      if (this.requester[i]) r.requester = this.requester[i] - 1;
      e.rpc = r;
    }
    if (this.cause[i]) e.cause = this.cause[i] - 1;
    if (this.reason[i]) e.reason = v[this.reason[i]];
    if (this.targets[i]) e.targets = this.list(this.targets[i]);
    const p = this.path[i];
    if (p > 0) e.path = this.list(p);
    else if (p === -1) e.path = [v[this.from[i]], v[this.to[i]]];
    else if (p < -1) e.path = [v[this.from[i]], v[-2 - p], v[this.to[i]]];
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

