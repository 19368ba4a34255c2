// Small queries over a recorded trace for tests that assert documented outcomes: "exactly one
// deliver of PlayerJoinEvent to lobby-4000", "the states RPC 1 went through", "what caused this".
import type { EventType, RpcState, TraceEvent } from '../trace/event';

/** Fields an event must have (compared with ===); `rpcId` matches `rpc.id`. */
export interface EventMatch {
  type?: EventType;
  api?: string;
  from?: string;
  to?: string;
  event?: string;
  ns?: string;
  sys?: string;
  cause?: number;
  reason?: string;
  detail?: string;
  rpcId?: number;
}

export function matches(e: TraceEvent, m: EventMatch): boolean {
  for (const [k, v] of Object.entries(m)) {
    if (v === undefined) continue;
    if (k === 'rpcId') {
      if (e.rpc?.id !== v) return false;
    } else if ((e as unknown as Record<string, unknown>)[k] !== v) return false;
  }
  return true;
}

/** Every event matching m, in trace order. */
export function where(trace: readonly TraceEvent[], m: EventMatch): TraceEvent[] {
  return trace.filter((e) => matches(e, m));
}

/** The one event matching m; throws (naming what matched) when there are none or several. */
export function only(trace: readonly TraceEvent[], m: EventMatch): TraceEvent {
  const found = where(trace, m);
  if (found.length !== 1) {
    throw new Error(`expected exactly one event matching ${JSON.stringify(m)}, found ${found.length}${found.length ? `: ${found.map((e) => JSON.stringify(e)).join('\n  ')}` : ''}`);
  }
  return found[0];
}

/** The event with this seq. */
export function bySeq(trace: readonly TraceEvent[], seq: number): TraceEvent {
  const e = trace[seq - 1];
  if (!e || e.seq !== seq) throw new Error(`no event with seq ${seq}`);
  return e;
}

/** Events directly caused by the event with this seq. */
export function causedBy(trace: readonly TraceEvent[], seq: number): TraceEvent[] {
  return trace.filter((e) => e.cause === seq);
}

/** The states an RPC went through, in order, from its `rpc` events. */
export function rpcStates(trace: readonly TraceEvent[], rpcId: number): RpcState[] {
  return trace.filter((e) => e.type === 'rpc' && e.rpc?.id === rpcId).map((e) => (e.rpc as { state: RpcState }).state);
}

/** Distinct node ids in `field` over events, sorted. */
export function nodesOf(events: readonly TraceEvent[], field: 'to' | 'from' = 'to'): string[] {
  return [...new Set(events.map((e) => e[field]).filter((x): x is string => x !== undefined))].sort();
}

/** Events no healthy example run should contain. */
export function problems(trace: readonly TraceEvent[], types: readonly EventType[] = ['misuse', 'error', 'drop', 'unhandled']): TraceEvent[] {
  return trace.filter((e) => types.includes(e.type));
}
