import { describe, expect, it } from 'vitest';
import { createActor, transition } from 'xstate';
import { RPC_STATES } from '../trace/event';
import { EV, RPC_EVENTS, RPC_FINAL_STATES, RPC_STATE_INDEX, isFinalRpcState, rpcMachine, rpcTransition } from './rpc-machine';

describe('RPC lifecycle machine', () => {
  it('has exactly the states of semantics §3', () => {
    expect(Object.keys(rpcMachine.config.states ?? {}).sort()).toEqual([...RPC_STATES].sort());
    expect([...RPC_FINAL_STATES].sort()).toEqual(['completed', 'noHandler', 'noRoute', 'timedOut']);
  });

  it('the engine table agrees with XState for every state and event', () => {
    for (const s of RPC_STATES) {
      for (const e of RPC_EVENTS) {
        const snap = rpcMachine.resolveState({ value: s });
        const [next] = transition(rpcMachine, snap, { type: e });
        const expected = next.value === s && !(rpcMachine.config.states as any)[s].on?.[e] ? -1 : RPC_STATE_INDEX[next.value as keyof typeof RPC_STATE_INDEX];
        expect(rpcTransition(RPC_STATE_INDEX[s], EV[e]), `${s} + ${e}`).toBe(expected);
      }
    }
  });

  it('walks the happy path to completed as an actor', () => {
    const actor = createActor(rpcMachine).start();
    for (const e of ['DELIVER', 'HANDLE', 'RESPOND', 'COMPLETE'] as const) actor.send({ type: e });
    expect(actor.getSnapshot().value).toBe('completed');
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('final states accept nothing', () => {
    for (const s of RPC_FINAL_STATES) {
      expect(isFinalRpcState(RPC_STATE_INDEX[s])).toBe(true);
      for (const e of RPC_EVENTS) expect(rpcTransition(RPC_STATE_INDEX[s], EV[e])).toBe(-1);
    }
  });
});
