// `record: false` (issue 12): the engine runs exactly as it does when recording (same decisions,
// same seqs) but keeps no events, only their counts by type.
import { describe, expect, it } from 'vitest';
import { ClientSystem, ServerSystem } from '../api/systems';
import { Project } from '../model/schema';
import { makeProject } from '../testing/topology';
import { Simulation } from './simulation';

const quickstart = Object.values(import.meta.glob<unknown>('../../fixtures/projects/quickstart.switchboard.json', { eager: true, import: 'default' }))[0];

function counts(sim: Simulation): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of sim.trace.slice(0)) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
}

describe('record: false', () => {
  it('keeps no events but counts the same events by type as a recorded run, for every scenario of the quickstart', () => {
    const project = Project.parse(quickstart);
    for (const scenario of project.scenarios.map((s) => s.name)) {
      for (const seed of [1, 7, 1234]) {
        const on = new Simulation(project, { seed, scenario });
        on.runScenario();
        const off = new Simulation(project, { seed, scenario, record: false });
        off.runScenario();
        expect(off.trace.length).toBe(0);
        expect(off.trace.slice(0)).toEqual([]);
        expect(off.trace.total).toBe(on.trace.length);
        expect(off.trace.countsByType()).toEqual(counts(on));
        expect(off.now).toBe(on.now);
      }
    }
  });

  it('mod code sees the same payloads and the same order; calls return the same seqs', () => {
    class Pinger extends ClientSystem {
      got: unknown[] = [];
      constructor(ns: string, sys: string) {
        super(ns, sys);
        this.ListenForEvent('s', 's', 'Pong', this, (a: unknown) => this.got.push(a));
      }
    }
    class Ponger extends ServerSystem {
      constructor(ns: string, sys: string) {
        super(ns, sys);
        this.ListenForEvent('c', 'c', 'Ping', this, (a: Record<string, unknown>) => this.NotifyToClient(a.__id__ as string, 'Pong', { n: a.n, s: [a.n, { x: null }] }));
      }
    }
    const runOnce = (record: boolean) => {
      const sim = new Simulation(makeProject({ clients: 2, proxies: 2, jitterMs: 3 }), { seed: 5, record });
      const ids = sim.project.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
      const servers = sim.project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game').map((n) => n.id);
      const pingers = ids.map((id) => sim.registerSystem(id, Pinger, 'c', 'c'));
      for (const s of servers) sim.registerSystem(s, Ponger, 's', 's');
      const seqs = ids.map((id, i) => sim.call(id, 'NotifyToServer', { eventName: 'Ping', eventData: { n: i } }, 'c/c').seq);
      sim.runUntil(1000);
      return { got: pingers.map((p) => p.got), seqs, total: sim.trace.total };
    };
    const on = runOnce(true);
    const off = runOnce(false);
    expect(off).toEqual(on);
    expect(on.got.flat()).toHaveLength(2);
  });
});
