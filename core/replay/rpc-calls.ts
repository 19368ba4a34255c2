// The RPC timeline: one row per RPC call with the time of each lifecycle state (semantics §3),
// its end, durations and the seqs of every event that belongs to it.
import type { RpcState, TraceEvent } from '../trace/event';
import { liteSource, seqIndexer, type Events } from './source';

export type RpcEndState = 'completed' | 'timedOut' | 'noRoute' | 'noHandler';

export interface RpcDurations {
  /** requested → delivered (network to the owner). */
  toDeliver?: number;
  /** delivered → handling (queueing at the owner). */
  toHandle?: number;
  /** handling → responded (the handler's own time). */
  handling?: number;
  /** responded → completed (network back + callback). */
  toComplete?: number;
  /** requested → endT. */
  total?: number;
}

export interface RpcCall {
  id: number;
  /** RequestToService | RequestToServiceMod. */
  api: string;
  /** Node ids. */
  requester: string | null;
  owner: string | null;
  requesterServerId?: number;
  callbackId?: number;
  /** Method (RequestToServiceMod) or event (RequestToService). */
  method: string;
  requestedT: number;
  deliveredT?: number;
  handlingT?: number;
  respondedT?: number;
  completedT?: number;
  /** Time the end state was entered (timedOut / noRoute / noHandler / completed). */
  stateT?: number;
  /** Final state, or 'pending' when the trace ends before one. */
  endState: RpcEndState | 'pending';
  /** When the call is over for the requester: its callback, else the end state; undefined while pending. */
  endT?: number;
  callbackT?: number;
  callbackSuc?: boolean;
  /** Reason given with the end (no-route, no-handler, timeout) or the request's drop reason. */
  reason?: string;
  durations: RpcDurations;
  /** seq of the request send. */
  requestSeq: number;
  /** seq of the first ResponseToServer send. */
  responseSeq?: number;
  /** Responses dropped as late-response / duplicate-response / response-without-callback. */
  droppedResponses: number;
  /** Every event of the call, in order. */
  seqs: number[];
}

const END_STATES = new Set<RpcState>(['completed', 'timedOut', 'noRoute', 'noHandler']);

// Times a call keeps (columns of RpcTable, NaN = not yet).
const REQUESTED = 0;
const DELIVERED = 1;
const HANDLING = 2;
const RESPONDED = 3;
const COMPLETED = 4;
const STATE = 5;
const END = 6;
const CALLBACK = 7;
const TIMES = 8;
const SHIFT = 12;
const ROWS = 1 << SHIFT;
const MASK = ROWS - 1;

/**
 * What a call has many of, in chunked typed arrays: its times, and the seqs of its events as a
 * list (a call's events are interleaved with other calls'). An RPC kept as a plain object with a
 * `durations` object, boxed times and a `seqs` array took ~720 bytes; a 1 GB trace has 283k of them.
 */
class RpcTable {
  private readonly times: Float64Array[] = [];
  /** Per row: first and last entry of its seq list + 1 (0 = none). */
  private readonly heads: Int32Array[] = [];
  private readonly tails: Int32Array[] = [];
  private readonly seqVals: Float64Array[] = [];
  private readonly seqNext: Int32Array[] = [];
  private seqCount = 0;
  rows = 0;

  addRow(requestedT: number): number {
    const r = this.rows++;
    if ((r & MASK) === 0) {
      this.times.push(new Float64Array(ROWS * TIMES).fill(NaN));
      this.heads.push(new Int32Array(ROWS));
      this.tails.push(new Int32Array(ROWS));
    }
    this.times[r >>> SHIFT][(r & MASK) * TIMES + REQUESTED] = requestedT;
    return r;
  }

  time(r: number, k: number): number | undefined {
    const v = this.times[r >>> SHIFT][(r & MASK) * TIMES + k];
    return v === v ? v : undefined;
  }

  setTime(r: number, k: number, t: number): void {
    this.times[r >>> SHIFT][(r & MASK) * TIMES + k] = t;
  }

  addSeq(r: number, seq: number): void {
    const k = this.seqCount++;
    if ((k & MASK) === 0) {
      this.seqVals.push(new Float64Array(ROWS));
      this.seqNext.push(new Int32Array(ROWS));
    }
    this.seqVals[k >>> SHIFT][k & MASK] = seq;
    const c = r >>> SHIFT;
    const j = r & MASK;
    const tail = this.tails[c][j];
    if (tail === 0) this.heads[c][j] = k + 1;
    else this.seqNext[(tail - 1) >>> SHIFT][(tail - 1) & MASK] = k + 1;
    this.tails[c][j] = k + 1;
  }

  seqs(r: number): number[] {
    const out: number[] = [];
    for (let k = this.heads[r >>> SHIFT][r & MASK]; k !== 0; k = this.seqNext[(k - 1) >>> SHIFT][(k - 1) & MASK]) out.push(this.seqVals[(k - 1) >>> SHIFT][(k - 1) & MASK]);
    return out;
  }
}

/** One call: its own fields, times and seqs read from the table (`durations` and `seqs` are fresh on each read). */
class RpcRow implements RpcCall {
  readonly #table: RpcTable;
  readonly #row: number;
  api: string;
  requester: string | null;
  owner: string | null;
  requesterServerId?: number;
  callbackId?: number;
  method: string;
  endState: RpcEndState | 'pending' = 'pending';
  callbackSuc?: boolean;
  reason?: string;
  requestSeq: number;
  responseSeq?: number;
  droppedResponses = 0;

  constructor(table: RpcTable, readonly id: number, e: TraceEvent) {
    this.#table = table;
    this.#row = table.addRow(e.t);
    this.api = e.api ?? '';
    this.requester = e.from ?? null;
    this.owner = e.to ?? null;
    this.requesterServerId = e.rpc?.requester;
    this.callbackId = e.rpc?.callbackId;
    this.method = e.event ?? '';
    this.requestSeq = e.seq;
    this.callbackSuc = undefined;
    this.reason = undefined;
    this.responseSeq = undefined;
  }

  get requestedT(): number {
    return this.#table.time(this.#row, REQUESTED) as number;
  }
  get deliveredT(): number | undefined {
    return this.#table.time(this.#row, DELIVERED);
  }
  get handlingT(): number | undefined {
    return this.#table.time(this.#row, HANDLING);
  }
  get respondedT(): number | undefined {
    return this.#table.time(this.#row, RESPONDED);
  }
  get completedT(): number | undefined {
    return this.#table.time(this.#row, COMPLETED);
  }
  get stateT(): number | undefined {
    return this.#table.time(this.#row, STATE);
  }
  get endT(): number | undefined {
    return this.#table.time(this.#row, END);
  }
  get callbackT(): number | undefined {
    return this.#table.time(this.#row, CALLBACK);
  }

  /** Set time `k` unless it is set already (`??=`). */
  first(k: number, t: number): void {
    if (this.#table.time(this.#row, k) === undefined) this.#table.setTime(this.#row, k, t);
  }
  set(k: number, t: number): void {
    this.#table.setTime(this.#row, k, t);
  }
  addSeq(seq: number): void {
    this.#table.addSeq(this.#row, seq);
  }

  get durations(): RpcDurations {
    const d: RpcDurations = {};
    const req = this.requestedT;
    const delivered = this.deliveredT;
    const handling = this.handlingT;
    const responded = this.respondedT;
    const completed = this.completedT;
    const end = this.endT;
    if (delivered !== undefined) d.toDeliver = delivered - req;
    if (handling !== undefined && delivered !== undefined) d.toHandle = handling - delivered;
    if (responded !== undefined && handling !== undefined) d.handling = responded - handling;
    if (completed !== undefined && responded !== undefined) d.toComplete = completed - responded;
    if (end !== undefined) d.total = end - req;
    return d;
  }

  get seqs(): number[] {
    return this.#table.seqs(this.#row);
  }

  /** The call as a plain object (what JSON and structured clone see). */
  toJSON(): RpcCall {
    return {
      id: this.id, api: this.api, requester: this.requester, owner: this.owner, requesterServerId: this.requesterServerId, callbackId: this.callbackId,
      method: this.method, requestedT: this.requestedT, deliveredT: this.deliveredT, handlingT: this.handlingT, respondedT: this.respondedT,
      completedT: this.completedT, stateT: this.stateT, endState: this.endState, endT: this.endT, callbackT: this.callbackT, callbackSuc: this.callbackSuc,
      reason: this.reason, durations: this.durations, requestSeq: this.requestSeq, responseSeq: this.responseSeq, droppedResponses: this.droppedResponses, seqs: this.seqs,
    };
  }
}

/**
 * Builds RpcCall rows incrementally (events fed in order). `rpcOfCause(seq)` gives the rpc id of an
 * earlier send/deliver by seq (undefined otherwise); it attaches handle/unhandled/drop/deliver
 * events without an rpc ref to the call of their cause.
 */
export class RpcCallCollector {
  readonly calls: RpcCall[] = [];
  private readonly byId = new Map<number, RpcRow>();
  private readonly table = new RpcTable();

  constructor(private readonly rpcOfCause: (seq: number) => number | undefined) {}

  get(id: number): RpcCall | undefined {
    return this.byId.get(id);
  }

  observe(e: TraceEvent): void {
    let id = e.rpc?.id;
    if (id === undefined) {
      if (e.cause === undefined || !(e.type === 'handle' || e.type === 'unhandled' || e.type === 'drop' || e.type === 'deliver' || e.type === 'callback')) return;
      id = this.rpcOfCause(e.cause);
      if (id === undefined) return;
    }
    let call = this.byId.get(id);
    if (!call) {
      if (!(e.type === 'send' && e.rpc?.state === 'requested')) return; // events of a call whose request is not in the trace
      call = new RpcRow(this.table, id, e);
      this.byId.set(id, call);
      this.calls.push(call);
    }
    call.addSeq(e.seq);
    const st = e.rpc?.state;
    switch (e.type) {
      case 'send':
        if (e.api === 'ResponseToServer') {
          call.responseSeq ??= e.seq;
          if (call.respondedT === undefined && call.endState === 'pending') call.set(RESPONDED, e.t);
        }
        return;
      case 'deliver':
        if (st === 'delivered' || (st === undefined && e.api !== 'ResponseToServer')) call.first(DELIVERED, e.t);
        return;
      case 'drop':
        if (e.api === 'ResponseToServer' || e.reason === 'late-response' || e.reason === 'duplicate-response' || e.reason === 'response-without-callback') call.droppedResponses++;
        else call.reason ??= e.reason;
        return;
      case 'handle':
        call.first(HANDLING, e.t);
        return;
      case 'rpc':
        if (!st) return;
        if (st === 'delivered') call.first(DELIVERED, e.t);
        else if (st === 'handling') call.first(HANDLING, e.t);
        else if (st === 'responded') call.first(RESPONDED, e.t);
        if (END_STATES.has(st) && call.endState === 'pending') {
          call.endState = st as RpcEndState;
          call.set(STATE, e.t);
          if (st === 'completed') call.set(COMPLETED, e.t);
          if (e.reason) call.reason ??= e.reason;
          call.set(END, e.t);
        }
        return;
      case 'callback':
        if (call.callbackT === undefined) {
          call.set(CALLBACK, e.t);
          if (e.suc !== undefined) call.callbackSuc = e.suc;
          call.set(END, e.t);
          if (call.endState === 'pending') {
            // A trace without the terminal rpc event: infer it from the callback.
            call.endState = e.suc ? 'completed' : 'timedOut';
            call.set(STATE, e.t);
            if (e.suc) call.set(COMPLETED, e.t);
          }
        }
        return;
      default:
        return;
    }
  }
}

/** One row per RPC, in request order. */
export function rpcCalls(events: Events): RpcCall[] {
  const src = liteSource(events);
  const idx = seqIndexer(src);
  const col = new RpcCallCollector((seq) => {
    const i = idx(seq);
    const c = i >= 0 ? src.get(i) : undefined;
    return c?.rpc && (c.type === 'send' || c.type === 'deliver') ? c.rpc.id : undefined;
  });
  for (let i = 0; i < src.length; i++) col.observe(src.get(i));
  return col.calls;
}
