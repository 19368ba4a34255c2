// The RPC lifecycle of semantics §3 as one XState v5 machine: the single source of its states.
// The engine runs thousands of RPCs a millisecond, so it does not start an actor per call: it
// steps a transition table derived from this machine's own config (rpcTransition), which a test
// checks against XState's own `transition` for every state and event.
import { setup, type SnapshotFrom } from 'xstate';
import { RPC_STATES, type RpcState } from '../trace/event';

export const RPC_EVENTS = ['DELIVER', 'HANDLE', 'RESPOND', 'COMPLETE', 'FINISH', 'TIMEOUT', 'NO_ROUTE', 'NO_HANDLER'] as const;
export type RpcEventType = (typeof RPC_EVENTS)[number];

export const rpcMachine = setup({
  types: { events: {} as { type: RpcEventType } },
}).createMachine({
  id: 'rpc',
  initial: 'requested',
  states: {
    requested: {
      description: 'RequestToService(Mod) sent; travelling to the owner',
      on: { DELIVER: 'delivered', NO_ROUTE: 'noRoute', TIMEOUT: 'timedOut' },
    },
    delivered: {
      description: 'arrived at the owning service/master',
      on: { HANDLE: 'handling', NO_HANDLER: 'noHandler', TIMEOUT: 'timedOut' },
    },
    handling: {
      description: 'the registered method runs; waiting for ResponseToServer',
      // FINISH: a request sent without callback ends once its handler has run.
      on: { RESPOND: 'responded', FINISH: 'completed', TIMEOUT: 'timedOut' },
    },
    responded: {
      description: 'ResponseToServer sent; travelling back to the requester',
      on: { COMPLETE: 'completed', TIMEOUT: 'timedOut' },
    },
    completed: { type: 'final', description: 'callback(True, data) ran on the requester' },
    timedOut: { type: 'final', description: 'no response in time: callback(False, None)' },
    noRoute: { type: 'final', description: 'no running service/master owns the module or type; callback(False, None) at the timeout' },
    noHandler: { type: 'final', description: 'the owner registered no method for it; callback(False, None) at the timeout' },
  },
});
export type RpcSnapshot = SnapshotFrom<typeof rpcMachine>;

export const RPC_FINAL_STATES: readonly RpcState[] = RPC_STATES.filter(
  (s) => (rpcMachine.config.states as Record<string, { type?: string }>)[s]?.type === 'final',
);

/** State indexes (as in RPC_STATES) for the engine's typed arrays. */
export const RPC_STATE_INDEX: Record<RpcState, number> = Object.fromEntries(RPC_STATES.map((s, i) => [s, i])) as Record<RpcState, number>;
const EVENT_INDEX: Record<RpcEventType, number> = Object.fromEntries(RPC_EVENTS.map((e, i) => [e, i])) as Record<RpcEventType, number>;

/** table[state * events + event] = next state index, or -1 when the machine ignores the event. */
const TABLE: Int8Array = (() => {
  const table = new Int8Array(RPC_STATES.length * RPC_EVENTS.length).fill(-1);
  const states = rpcMachine.config.states as Record<string, { on?: Record<string, string> }>;
  for (const s of RPC_STATES) {
    const on = states[s]?.on ?? {};
    for (const [ev, target] of Object.entries(on)) {
      table[RPC_STATE_INDEX[s] * RPC_EVENTS.length + EVENT_INDEX[ev as RpcEventType]] = RPC_STATE_INDEX[target as RpcState];
    }
  }
  return table;
})();

export const EV = EVENT_INDEX;

/** Next state index for (state index, event index), or -1 if the event does not apply. */
export function rpcTransition(state: number, event: number): number {
  return TABLE[state * RPC_EVENTS.length + event];
}

const FINAL_MASK: Uint8Array = Uint8Array.from(RPC_STATES, (s) => (RPC_FINAL_STATES.includes(s) ? 1 : 0));
export function isFinalRpcState(state: number): boolean {
  return FINAL_MASK[state] === 1;
}
