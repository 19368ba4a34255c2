// The runaway guard: a valid project that loops at one virtual instant stops with a livelock error
// naming its cycle (it used to run forever, growing ~8 MB/s); a run bound by event count stops there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Project } from '../model/schema';
import { encodeTraceChunks } from '../trace/ndjson';
import { describeCycle, findCycle, type CycleStep } from './runaway';
import { Simulation } from './simulation';

/** The master and a service answering each other over zero-latency links (fixtures/hostile/livelock). */
function pingPong(maxEventsPerInstant?: number): Project {
  return Project.parse({
    format: 'switchboard-project',
    version: 1,
    name: 'Livelock',
    options: { defaultLatencyMs: 0, ...(maxEventsPerInstant ? { maxEventsPerInstant } : {}) },
    nodes: [
      {
        id: 'master', kind: 'master', serverId: 0,
        systems: [{ namespace: 'm', systemName: 'm', rules: [{ on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiService', event: 'Pong', actions: [{ call: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'Ping', eventData: {} } }] }] }],
      },
      {
        id: 'service-8000', kind: 'service', serverId: 8000, type: 'echo', moduleNames: ['echo'],
        systems: [{ namespace: 's', systemName: 's', rules: [{ on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiMaster', event: 'Ping', actions: [{ call: 'NotifyToMaster', args: { eventName: 'Pong', eventData: {} } }] }] }],
      },
    ],
    scenarios: [{ name: 'serve', steps: [{ at: 5, do: 'call', node: 'master', api: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'Ping', eventData: {} } }] }],
  });
}

describe('the runaway guard', () => {
  it('stops zero-latency ping-pong at one instant with a livelock error naming the cycle', () => {
    const sim = new Simulation(pingPong(1000), { scenario: 'serve' });
    sim.runScenario();
    const last = sim.trace.get(sim.trace.length - 1);
    expect(last).toMatchObject({ type: 'error', t: 5, reason: 'livelock' });
    expect(last.detail).toBe('1000 messages and timers at t=5 ms without virtual time passing (options.maxEventsPerInstant): the cycle master -Ping-> service-8000 -Pong-> master repeats');
    expect(last.data).toMatchObject({ t: 5, cycle: [{ from: 'master', to: 'service-8000', event: 'Ping' }, { from: 'service-8000', to: 'master', event: 'Pong' }] });
    expect(sim.trace.length).toBeLessThan(1000 * 3 + 10);
    expect(sim.halted).toMatchObject({ reason: 'livelock', seq: sim.trace.length });
    expect(sim.nextTime()).toBeUndefined();
    // Halted for good: an injected call at a later time stops there too.
    sim.runUntil(100);
    sim.call('master', 'NotifyToServiceNode', { targetId: 8000, eventName: 'Ping', eventData: {} });
    const n = sim.trace.length;
    sim.runUntil(200);
    expect(sim.trace.length).toBe(n);
  });

  it('uses the default of 100,000 items, deterministically', () => {
    const a = new Simulation(pingPong(), { scenario: 'serve' });
    a.runScenario();
    expect(a.halted?.reason).toBe('livelock');
    expect(a.trace.length).toBe(300_001);
    const b = new Simulation(pingPong(2000), { scenario: 'serve' });
    b.runScenario();
    const c = new Simulation(pingPong(2000), { scenario: 'serve' });
    c.runScenario();
    expect([...encodeTraceChunks(b.trace)].join('')).toBe([...encodeTraceChunks(c.trace)].join(''));
  });

  it('bounds a run by its event count (run --max-events)', () => {
    const sim = new Simulation(pingPong(), { scenario: 'serve' });
    sim.limitEvents(50);
    sim.runScenario();
    expect(sim.halted?.reason).toBe('max-events');
    expect(sim.trace.length).toBeGreaterThanOrEqual(50);
    expect(sim.trace.length).toBeLessThan(60);
  });
});

describe('findCycle', () => {
  const step = (i: number): CycleStep => ({ from: `n${i}`, to: `n${i + 1}`, event: `E${i}` });

  it('finds the shortest repeating cycle at the end of the sample, told from its smallest step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 3, max: 5 }), fc.array(fc.integer({ min: 100, max: 200 }), { maxLength: 10 }), (len, shift, times, noise) => {
        const cycle = Array.from({ length: len }, (_, i) => step(i));
        const seq = [...noise.map(step), ...Array.from({ length: times * len + (shift % len) }, (_, i) => cycle[i % len])];
        const found = findCycle(seq);
        expect(found).toEqual(cycle);
      }),
    );
  });

  it('says nothing repeats when nothing does, and tells chains as one line', () => {
    expect(findCycle([step(1), step(2), step(3)])).toBeUndefined();
    expect(describeCycle([step(1), step(2), step(7)])).toBe('n1 -E1-> n2 -E2-> n3; n7 -E7-> n8');
  });
});
