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

/**
 * Builds RpcCall rows incrementally (events fed in order). `rpcOfCause(seq)` gives the rpc id of an
 * earlier send/deliver by seq (undefined otherwise); it attaches handle/unhandled/drop/deliver
 * events without an rpc ref to the call of their cause.
 */
export class RpcCallCollector {
  readonly calls: RpcCall[] = [];
  private readonly byId = new Map<number, RpcCall>();

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
      call = {
        id,
        api: e.api ?? '',
        requester: e.from ?? null,
        owner: e.to ?? null,
        method: e.event ?? '',
        requestedT: e.t,
        endState: 'pending',
        durations: {},
        requestSeq: e.seq,
        droppedResponses: 0,
        seqs: [],
        ...(e.rpc.requester !== undefined ? { requesterServerId: e.rpc.requester } : {}),
        ...(e.rpc.callbackId !== undefined ? { callbackId: e.rpc.callbackId } : {}),
      };
      this.byId.set(id, call);
      this.calls.push(call);
    }
    call.seqs.push(e.seq);
    const st = e.rpc?.state;
    switch (e.type) {
      case 'send':
        if (e.api === 'ResponseToServer') {
          call.responseSeq ??= e.seq;
          if (call.respondedT === undefined && call.endState === 'pending') call.respondedT = e.t;
        }
        return;
      case 'deliver':
        if (st === 'delivered' || (st === undefined && e.api !== 'ResponseToServer')) call.deliveredT ??= e.t;
        return;
      case 'drop':
        if (e.api === 'ResponseToServer' || e.reason === 'late-response' || e.reason === 'duplicate-response' || e.reason === 'response-without-callback') call.droppedResponses++;
        else call.reason ??= e.reason;
        return;
      case 'handle':
        call.handlingT ??= e.t;
        return;
      case 'rpc':
        if (!st) return;
        if (st === 'delivered') call.deliveredT ??= e.t;
        else if (st === 'handling') call.handlingT ??= e.t;
        else if (st === 'responded') call.respondedT ??= e.t;
        if (END_STATES.has(st) && call.endState === 'pending') {
          call.endState = st as RpcEndState;
          call.stateT = e.t;
          if (st === 'completed') call.completedT = e.t;
          if (e.reason) call.reason ??= e.reason;
          call.endT = e.t;
        }
        this.durations(call);
        return;
      case 'callback':
        if (call.callbackT === undefined) {
          call.callbackT = e.t;
          if (e.suc !== undefined) call.callbackSuc = e.suc;
          call.endT = e.t;
          if (call.endState === 'pending') {
            // A trace without the terminal rpc event: infer it from the callback.
            call.endState = e.suc ? 'completed' : 'timedOut';
            call.stateT = e.t;
            if (e.suc) call.completedT = e.t;
          }
        }
        this.durations(call);
        return;
      default:
        return;
    }
  }

  private durations(c: RpcCall): void {
    const d: RpcDurations = {};
    if (c.deliveredT !== undefined) d.toDeliver = c.deliveredT - c.requestedT;
    if (c.handlingT !== undefined && c.deliveredT !== undefined) d.toHandle = c.handlingT - c.deliveredT;
    if (c.respondedT !== undefined && c.handlingT !== undefined) d.handling = c.respondedT - c.handlingT;
    if (c.completedT !== undefined && c.respondedT !== undefined) d.toComplete = c.completedT - c.respondedT;
    if (c.endT !== undefined) d.total = c.endT - c.requestedT;
    c.durations = d;
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
