import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../core/engine/simulation';
import { Project } from '../../../core/model/schema';
import type { TraceEvent } from '../../../core/trace/event';
import quickstartJson from '../../../fixtures/projects/quickstart.switchboard.json';
import { along, inFlight, markersAt, progress, thin, thinnedText, toFlight, type Flight } from './flights';

const quickstart = Project.parse(quickstartJson);

function logOf(events: TraceEvent[]) {
  const sends = events.flatMap((e, i) => (e.type === 'send' ? [i] : []));
  const maxFlight = Math.max(0, ...events.map((e) => (e.arrive ?? e.t) - e.t));
  return { events, sends, maxFlight };
}

describe('overlay geometry and timing', () => {
  it('interpolates along a path, an equal share of the time per hop', () => {
    const pts = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }];
    expect(along(pts, 0)).toEqual({ x: 0, y: 0 });
    expect(along(pts, 0.25)).toEqual({ x: 50, y: 0 });
    expect(along(pts, 0.75)).toEqual({ x: 100, y: 50 });
    expect(along(pts, 1)).toEqual({ x: 100, y: 100 });
    expect(progress(15, 10, 30)).toBe(0.25);
    expect(progress(50, 10, 30)).toBe(1);
  });

  it('finds a real request in flight, its broadcast as one fan-out, and the callback on the caller', () => {
    const sim = new Simulation(quickstart, { seed: 1, scenario: null });
    sim.call('lobby-4000', 'RequestToServiceMod', { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: { uid: 1 } });
    sim.call('lobby-4000', 'BroadcastToService', { eventName: 'Hi', eventData: {} });
    sim.runUntil(10);
    const log = logOf(sim.trace.slice(0));
    const flying = inFlight(log, 10);
    const request = flying.find((f) => f.kind === 'request');
    expect(request).toMatchObject({ legs: [['lobby-4000', 'service-8000']], t0: 0, t1: 20 });
    const fan = flying.filter((f) => f.kind === 'broadcast');
    expect(fan).toHaveLength(1);
    expect(fan[0].legs.map((l) => l[1]).sort()).toEqual(['service-8000', 'service-8001']);
    sim.runUntil(200);
    const after = logOf(sim.trace.slice(0));
    expect(inFlight(after, 200).some((f) => f.kind === 'request')).toBe(false);
    const marks = markersAt(after.events, 200, 200);
    expect(marks.find((m) => m.kind === 'callback')).toMatchObject({ node: 'lobby-4000' });
    expect(marks.filter((m) => m.kind === 'unhandled').map((m) => m.node).sort()).toEqual(['service-8000', 'service-8001']);
  });

  it('marks a timed-out request with callback(False) on the caller', () => {
    const sim = new Simulation(quickstart, { seed: 1, scenario: null });
    sim.apply({ at: 0, do: 'stop', node: 'service-8000' });
    sim.call('lobby-4000', 'RequestToServiceMod', { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: {}, timeout: 0.5 });
    sim.runUntil(600);
    const marks = markersAt(sim.trace.slice(0), 600, 200);
    expect(marks.find((m) => m.kind === 'timeout')).toMatchObject({ node: 'lobby-4000', t: 500 });
  });

  it('thins dense traffic to an even sample and counts the rest per edge', () => {
    const flights: Flight[] = Array.from({ length: 1534 }, (_, i) => ({ seq: i, kind: 'point', legs: [[`a${i % 3}`, 'b']], t0: 0, t1: 10 }));
    const r = thin(flights, 200);
    expect(r.drawn.reduce((n, f) => n + f.legs.length, 0)).toBe(200);
    expect(r.total).toBe(1534);
    expect([...r.hidden.values()].reduce((a, b) => a + b, 0)).toBe(1334);
    expect(thinnedText(200, 1534)).toBe('showing 200 of 1,534 messages');
    expect(thin(flights.slice(0, 10), 200).drawn).toHaveLength(10);
  });

  it('ignores events that are not sends', () => {
    expect(toFlight({ seq: 1, t: 0, type: 'deliver', from: 'a', to: 'b' })).toBeNull();
  });
});

describe('broadcast legs', () => {
  it('end each leg at its own delivery when that is recorded', async () => {
    const { withLegEnds } = await import('./flights');
    const f: Flight = { seq: 5, kind: 'broadcast', legs: [['l', 'a'], ['l', 'b']], t0: 0, t1: 1500 };
    const r = withLegEnds(f, [{ seq: 6, t: 20, type: 'deliver', to: 'b', cause: 5 }]);
    expect(r.legEnds).toEqual([undefined, 20]);
    expect(thin([r], 1).drawn[0].legEnds).toHaveLength(1);
  });
});

describe('messages in flight at a replay playhead', () => {
  it('are exactly the state’s: sent up to the playhead, not yet reached; a broadcast loses the legs it reached', async () => {
    const { ReplayIndex } = await import('../../../core/replay/replay-index');
    const { flightsOfState, markersAt: marks } = await import('./flights');
    const sim = new Simulation(quickstart, { seed: 1, scenario: 'tour' });
    sim.runScenario();
    const events = sim.trace.slice(0) as TraceEvent[];
    const index = new ReplayIndex(events);
    const req = events.findIndex((e) => e.type === 'send' && e.rpc?.state === 'requested');
    const flights = flightsOfState(index.stateAt(req).inFlight.values());
    const f = flights.find((x) => x.seq === events[req].seq);
    expect(f).toMatchObject({ kind: 'request', t0: events[req].t, t1: events[req].arrive, legs: [['lobby-4000', 'service-8000']] });
    // One event earlier the request is not sent yet, even though the clock reads the same time.
    expect(flightsOfState(index.stateAt(req - 1).inFlight.values()).some((x) => x.seq === events[req].seq)).toBe(false);
    // A broadcast after its first delivery: only the legs still travelling.
    const bc = events.findIndex((e) => e.type === 'send' && (e.targets?.length ?? 0) > 1);
    const first = events.findIndex((e, i) => i > bc && e.type === 'deliver' && e.cause === events[bc].seq);
    const legs = flightsOfState(index.stateAt(first).inFlight.values()).find((x) => x.seq === events[bc].seq)?.legs ?? [];
    expect(legs.length).toBe((events[bc].targets?.length ?? 0) - 1);
    expect(legs.some((l) => l[1] === events[first].to)).toBe(false);
    // Markers are bounded by the playhead's index.
    const cbk = events.findIndex((e) => e.type === 'callback');
    expect(marks(events, events[cbk].t, 10, 200, cbk - 1).some((m) => m.seq === events[cbk].seq)).toBe(false);
    expect(marks(events, events[cbk].t, 10, 200, cbk).some((m) => m.seq === events[cbk].seq)).toBe(true);
  });
});

describe('messages between cards', () => {
  it('merge per card route and times: 500 hellos from one client group are one arrow ×500', async () => {
    const { mergeByCards } = await import('./flights');
    const cardOf = (id: string) => (id.startsWith('c') ? 'group:c' : id);
    const hello: Flight[] = Array.from({ length: 500 }, (_, i) => ({ seq: i + 1, kind: 'point', legs: [[`c${i}`, 'proxy', 'lobby']], t0: 0, t1: 30, event: 'Hello' }));
    const other: Flight = { seq: 900, kind: 'point', legs: [['c1', 'proxy', 'lobby']], t0: 5, t1: 35, event: 'Hello' };
    const bc: Flight = { seq: 901, kind: 'broadcast', legs: [['svc', 'g1'], ['svc', 'g2'], ['svc', 'lobby']], t0: 0, t1: 20 };
    const m = mergeByCards([...hello, other, bc], (id) => (id.startsWith('g') ? 'group:g' : cardOf(id)));
    expect(m).toHaveLength(3);
    expect(m[0]).toMatchObject({ legs: [['group:c', 'proxy', 'lobby']], n: 500 });
    expect(m[1].n).toBe(1);
    expect(m[2]).toMatchObject({ kind: 'broadcast', legs: [['svc', 'group:g'], ['svc', 'lobby']], n: 2 });
    expect(thin(m, 200).total).toBe(500 + 1 + 3);
  });
});

describe('traffic mode', () => {
  it('counts messages per hop between cards and per kind over the window, as a rate', async () => {
    const { trafficAt, laneWidth, particleCount, rateText } = await import('./traffic');
    const events: TraceEvent[] = [];
    for (let i = 0; i < 40; i++) events.push({ seq: i + 1, t: 100 + i * 10, type: 'send', api: 'NotifyToServer', from: `c${i % 4}`, to: 'lobby', path: [`c${i % 4}`, 'proxy', 'lobby'], arrive: 130 + i * 10 });
    events.push({ seq: 41, t: 500, type: 'send', api: 'RequestToServiceMod', from: 'lobby', to: 'svc', rpc: { id: 1, state: 'requested' }, arrive: 520 });
    const lanes = trafficAt(logOf(events), 500, (id) => (id.startsWith('c') ? 'group:c' : id));
    const byKey = new Map(lanes.map((l) => [`${l.from}>${l.to}:${l.kind}`, l]));
    expect(byKey.get('group:c>proxy:point')).toMatchObject({ count: 40, rate: 40 });
    expect(byKey.get('proxy>lobby:point')?.count).toBe(40);
    expect(byKey.get('lobby>svc:request')?.count).toBe(1);
    // A shorter window sees fewer.
    expect(trafficAt(logOf(events), 500, (id) => id, { window: 100 }).find((l) => l.kind === 'point' && l.from === 'proxy')?.count).toBe(9);
    // Bounded by the playhead.
    expect(trafficAt(logOf(events), 500, (id) => id, { upTo: 39 }).some((l) => l.kind === 'request')).toBe(false);
    expect(laneWidth(0)).toBe(1.5);
    expect(laneWidth(1e9)).toBe(12);
    expect(particleCount(0)).toBe(0);
    expect(particleCount(1e6)).toBe(14);
    expect(rateText(1234.4)).toBe('1,234/s');
    expect(rateText(2.25)).toBe('2.3/s');
  });
});
