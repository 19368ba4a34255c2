import { describe, expect, it } from 'vitest';
import { rpcMachine } from '../../core/engine/rpc-machine';
import { RPC_STATES } from '../../core/trace/event';
import { machineGraph } from './machine-graph';

describe('the RPC machine drawing', () => {
  const g = machineGraph();

  it('has exactly the machine states and every transition of its config', () => {
    expect(g.states.map((s) => s.id).sort()).toEqual([...RPC_STATES].sort());
    const cfg = rpcMachine.config.states as Record<string, { on?: Record<string, string> }>;
    const want = Object.entries(cfg).flatMap(([from, s]) => Object.entries(s.on ?? {}).map(([event, to]) => `${from}-${event}->${to}`));
    expect(g.edges.map((e) => `${e.from}-${e.event}->${e.to}`).sort()).toEqual(want.sort());
    expect(g.initial).toBe('requested');
  });

  it('lays the happy path out on one row, left to right, and the other ends below', () => {
    const at = Object.fromEntries(g.states.map((s) => [s.id, s]));
    const main = ['requested', 'delivered', 'handling', 'responded', 'completed'];
    main.forEach((id, i) => expect([at[id].col, at[id].row]).toEqual([i, 0]));
    for (const id of ['timedOut', 'noRoute', 'noHandler']) expect(at[id].row).toBe(1);
    expect(g.states.filter((s) => s.final).map((s) => s.id).sort()).toEqual(['completed', 'noHandler', 'noRoute', 'timedOut']);
  });

  it('follows a changed config (drawn from data, not by hand)', () => {
    const g2 = machineGraph({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: { type: 'final' } } });
    expect(g2.edges).toEqual([{ from: 'a', to: 'b', event: 'GO' }]);
  });
});
