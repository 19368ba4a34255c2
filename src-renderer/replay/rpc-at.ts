// An RPC call's lifecycle state at the playhead: what the timeline row and the drawn machine light.
import type { RpcCall } from '../../core/replay/rpc-calls';
import type { ReplayState } from '../../core/replay/state';
import type { RpcState } from '../../core/trace/event';

export type RpcPhase = RpcState | 'notYet';

/** `requestIndex`: index of the call's request send in the trace (-1 when unknown). */
export function rpcPhaseAt(call: RpcCall, state: ReplayState, requestIndex: number): RpcPhase {
  if (requestIndex < 0 || state.position <= requestIndex) return 'notYet';
  const pending = state.pendingRpcs.get(call.id);
  if (pending) return pending.state;
  // Not pending any more: it has reached its end (pending only when the trace stops before one).
  return call.endState === 'pending' ? 'requested' : call.endState;
}

/** Pending = still waiting for its callback at the playhead. */
export function isPendingPhase(p: RpcPhase): boolean {
  return p === 'requested' || p === 'delivered' || p === 'handling' || p === 'responded';
}
