import { describe, expect, it } from 'vitest';
import { Project } from '../../../core/model/schema';
import { Session } from './session';
import { createSimulation } from '../simulation-factory';
import { quickstartText } from '../test-support/fixtures';

const project = Project.parse(JSON.parse(quickstartText()));

function session(clock: () => number = () => 0, scenario: string | null = 'tour') {
  return new Session(project, createSimulation, { id: 1, scenario, seed: 1, recordTo: null, clock });
}

describe('Session driven by the wall clock', () => {
  it('advances virtual time by real time × speed, only while running', () => {
    const s = session();
    s.advance(500);
    expect(s.sim.now).toBe(0);
    s.run();
    s.advance(500);
    expect(s.sim.now).toBe(500);
    s.setSpeed(4);
    s.advance(100);
    expect(s.sim.now).toBe(900);
    expect(s.status().events).toBeGreaterThan(0);
    s.pause();
    s.advance(1000);
    expect(s.sim.now).toBe(900);
  });

  it('steps to the next recorded event and pauses', () => {
    const s = session();
    s.run();
    for (let i = 0; i < 5; i++) {
      const before = s.sim.trace.length;
      expect(s.step()).toBe(true);
      expect(s.running).toBe(false);
      expect(s.sim.trace.length).toBeGreaterThan(before);
      expect(s.sim.now).toBe(s.sim.trace.get(s.sim.trace.length - 1).t);
    }
  });

  it('pauses once at the end of the scenario; Run continues past it', () => {
    const s = session();
    s.run();
    expect(s.advance(1e9)).toBe(true);
    expect(s.sim.now).toBe(s.sim.scenarioEnd);
    expect(s.running).toBe(false);
    s.run();
    expect(s.advance(1000)).toBe(false);
    expect(s.sim.now).toBe(s.sim.scenarioEnd + 1000);
  });

  it('lags (reports behind) instead of overrunning its work budget', () => {
    let t = 0;
    const s = session(() => (t += 5));
    s.run();
    s.setSpeed(10000);
    s.advance(1000, 1);
    expect(s.behind).toBe(true);
    expect(s.sim.now).toBeLessThan(10_000_000);
  });

  it('injects calls and faults into the running simulation', () => {
    const s = session(() => 0, null);
    const ok = s.call('master', 'BroadcastToService', { eventName: 'Ping', eventData: {} });
    expect(ok.ok).toBe(true);
    const bad = s.call('client-1', 'NotifyToMaster', { eventName: 'X', eventData: {} });
    expect(bad.ok).toBe(false);
    expect(s.apply({ at: 0, do: 'stop', node: 'service-8000' }).ok).toBe(true);
    expect(s.nodeState('service-8000').up).toBe(false);
  });
});
