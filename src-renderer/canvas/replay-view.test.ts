import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../core/engine/simulation';
import { Project } from '../../core/model/schema';
import { ReplayIndex } from '../../core/replay/replay-index';
import { createState } from '../../core/replay/state';
import type { TraceEvent } from '../../core/trace/event';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { nodeViews, sameView, withLinkState, withViews, type NodeReplayView } from './replay-view';

const quickstart = Project.parse(quickstartJson);

function tour() {
  const sim = new Simulation(quickstart, { seed: 1, scenario: 'tour' });
  sim.runScenario();
  const events = sim.trace.slice(0) as TraceEvent[];
  return { events, index: new ReplayIndex(events) };
}

const at = (events: TraceEvent[], pred: (e: TraceEvent) => boolean) => events.findIndex(pred);

describe('canvas views of the replay state', () => {
  const { events, index } = tour();

  it('puts each client on its server and lists the players on each lobby/game', () => {
    const login = at(events, (e) => e.type === 'lifecycle' && e.detail === 'login' && e.from === 'client-3');
    const v = nodeViews(index.stateAt(login), quickstart.nodes);
    expect(v.get('client-1')?.on).toBe('4000');
    expect(v.get('client-4')?.on).toBe('offline');
    expect(v.get('lobby-4000')?.players).toEqual(['Player 1', 'Player 2', 'Player 3']);
    expect(v.get('game-5000')?.players).toEqual([]);
    expect(v.get('master')?.players).toBeUndefined();
  });

  it('follows a transfer: moving while in transfer, on the new server after it', () => {
    const start = at(events, (e) => e.detail === 'transfer-start');
    const end = at(events, (e) => e.detail === 'transfer-end');
    const during = nodeViews(index.stateAt(start), quickstart.nodes);
    expect(during.get('client-2')).toMatchObject({ on: '4000', transferTo: '5000' });
    const after = nodeViews(index.stateAt(end), quickstart.nodes);
    expect(after.get('client-2')).toMatchObject({ on: '5000' });
    expect(after.get('client-2')?.transferTo).toBeUndefined();
    expect(after.get('game-5000')?.players).toEqual(['Player 2']);
    expect(after.get('lobby-4000')?.players).not.toContain('Player 2');
    // Back before the transfer: on the lobby again.
    expect(nodeViews(index.stateAt(start - 1), quickstart.nodes).get('client-2')?.transferTo).toBeUndefined();
  });

  it('marks a stopped node down until it starts again', () => {
    const stop = at(events, (e) => e.detail === 'stop');
    const start = at(events, (e) => e.detail === 'start');
    expect(nodeViews(index.stateAt(stop - 1), quickstart.nodes).get('service-8001')?.down).toBe(false);
    expect(nodeViews(index.stateAt(stop), quickstart.nodes).get('service-8001')?.down).toBe(true);
    expect(nodeViews(index.stateAt(start), quickstart.nodes).get('service-8001')?.down).toBe(false);
  });

  it('counts the RPCs a requester waits on, with their states', () => {
    const req = at(events, (e) => e.type === 'send' && e.rpc?.state === 'requested' && e.from === 'lobby-4000');
    const v = nodeViews(index.stateAt(req), quickstart.nodes).get('lobby-4000');
    expect(v?.pending).toMatchObject({ count: 1, states: 'requested' });
    expect(v?.pending?.detail).toContain('PlayerJoinOKEvent');
    expect(nodeViews(index.stateAt(events.length - 1), quickstart.nodes).get('lobby-4000')?.pending).toBeUndefined();
  });

  it('reuses unchanged views and drops them when following live again', () => {
    type N = { id: string; data: { replay?: NodeReplayView } };
    const nodes: N[] = [{ id: 'a', data: {} }, { id: 'b', data: {} }];
    const one = withViews(nodes, new Map([['a', { down: false }], ['b', { down: true }]]));
    expect(one[1].data.replay?.down).toBe(true);
    const two = withViews(one, new Map([['a', { down: false }], ['b', { down: false }]]));
    expect(two[0]).toBe(one[0]);
    expect(two[1]).not.toBe(one[1]);
    expect(withViews(two, new Map([['a', { down: false }], ['b', { down: false }]]))).toBe(two);
    expect(withViews(two, null).every((n) => n.data.replay === undefined)).toBe(true);
    expect(sameView({ down: false, players: [] }, { down: false })).toBe(false);
  });

  it('styles cut and lossy links', () => {
    const edges: Edge[] = [{ id: '1', source: 'b', target: 'a', className: 'implied' }, { id: '2', source: 'a', target: 'c' }, { id: '3', source: 'c', target: 'd' }];
    const s = createState();
    s.cutLinks.add('a|b');
    s.linkLoss.set('a|c', 0.25);
    const out = withLinkState(edges, s);
    expect(out[0]).toMatchObject({ className: 'implied is-cut', label: 'cut' });
    expect(out[1]).toMatchObject({ className: 'is-lossy', label: '25% loss' });
    expect(out[2]).toBe(edges[2]);
    expect(withLinkState(edges, null)).toEqual(edges);
  });
});
