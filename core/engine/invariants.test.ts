// Engine invariants as properties over random topologies, behaviours and scenarios (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServerSystem, ServiceSystem } from '../api/systems';
import type { ScenarioStep } from '../model/schema';
import type { TraceEvent } from '../trace/event';
import { RPC_FINAL_STATES } from './rpc-machine';
import { Simulation } from './simulation';
import { arbRun, buildRandomProject, type Shape } from './testing/random-projects';

function run(sh: Shape, steps: ScenarioStep[], seed: number): TraceEvent[] {
  const sim = new Simulation(buildRandomProject(sh, steps, { name: 'prop' }), { seed, scenario: 's' });
  sim.runScenario();
  return sim.trace.slice(0);
}

const RUNS = { numRuns: 60 };

describe('engine invariants', () => {
  it('determinism: same project + scenario + seed gives byte-identical traces', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      expect(JSON.stringify(run(sh, steps, seed))).toBe(JSON.stringify(run(sh, steps, seed)));
    }), RUNS);
  });

  it('seq strictly increases, t never decreases, every cause points back', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const ev = run(sh, steps, seed);
      ev.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        if (i > 0) expect(e.t).toBeGreaterThanOrEqual(ev[i - 1].t);
        if (e.cause !== undefined) expect(e.cause).toBeLessThan(e.seq);
      });
    }), RUNS);
  });

  it('FIFO per (sender, receiver): deliveries come in send order', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const lastSend = new Map<string, number>();
      for (const e of run(sh, steps, seed)) {
        if (e.type !== 'deliver' || !e.from || e.cause === undefined) continue;
        const key = `${e.from}>${e.to}`;
        expect(e.cause).toBeGreaterThan(lastSend.get(key) ?? 0);
        lastSend.set(key, e.cause);
      }
    }), RUNS);
  });

  it('every RPC ends in exactly one terminal state and its callback runs at most once (exactly once with a callback)', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const ev = run(sh, steps, seed);
      const finals = new Map<number, number>();
      const callbacks = new Map<number, number>();
      const requests = ev.filter((e) => e.type === 'send' && e.rpc?.state === 'requested');
      for (const e of ev) {
        if (e.type === 'rpc' && RPC_FINAL_STATES.includes(e.rpc!.state)) finals.set(e.rpc!.id, (finals.get(e.rpc!.id) ?? 0) + 1);
        if (e.type === 'callback') callbacks.set(e.rpc!.id, (callbacks.get(e.rpc!.id) ?? 0) + 1);
      }
      const everStopped = new Set(ev.filter((e) => e.type === 'lifecycle' && e.detail === 'stop').map((e) => e.to));
      for (const r of requests) {
        // scenario steps end by 3 s; timeouts ≤ 2 s and responses ≤ 2.5 s late all settle by 12 s
        expect(finals.get(r.rpc!.id)).toBe(1);
        expect(callbacks.get(r.rpc!.id) ?? 0).toBeLessThanOrEqual(1);
        // scenario requests always carry a callback; it runs unless its requester was stopped
        if (!everStopped.has(r.from)) expect(callbacks.get(r.rpc!.id)).toBe(1);
      }
    }), RUNS);
  });

  it('nothing is delivered to, or handled on, a stopped node', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const down = new Set<string>();
      for (const e of run(sh, steps, seed)) {
        if (e.type === 'lifecycle' && e.detail === 'stop') down.add(e.to!);
        if (e.type === 'lifecycle' && e.detail === 'start') down.delete(e.to!);
        if ((e.type === 'deliver' || e.type === 'handle' || e.type === 'callback') && e.to) expect(down.has(e.to)).toBe(false);
      }
    }), RUNS);
  });

  it('eventData mutations after send never reach the receiver', () => {
    const dict = fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }).map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
    fc.assert(fc.property(dict, (data) => {
      const p = buildRandomProject({ proxies: 1, lobbies: 1, games: 0, services: [{ type: 'alpha', respond: 'respond', delayMs: 0 }], clients: 1, latency: 5, jitter: 0, loss: 0, rpcOwner: 'lowest-id' }, [], { name: 'prop' });
      const sim = new Simulation(p);
      const got: unknown[] = [];
      const svc = sim.registerSystem('service-8000', ServiceSystem, 'x', 'x');
      svc.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'E', svc, (a: unknown) => got.push(a));
      const expected = JSON.parse(JSON.stringify(data));
      sim.registerSystem('lobby-4000', ServerSystem, 'y', 'y').NotifyToServiceNode(8000, 'E', data);
      for (const k of Object.keys(data)) data[k] = 'mutated';
      data.added = true;
      sim.runUntil(100);
      expect(got).toEqual([expected]);
    }), { numRuns: 100 });
  });
});
