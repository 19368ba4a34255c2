// Every tour resolves on the quickstart project's "tour" scenario as the engine runs it, each step
// lands on the event it describes, and predictions have exactly one right answer that checks.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../core/engine/simulation';
import { Project } from '../../core/model/schema';
import { ReplayIndex } from '../../core/replay/replay-index';
import type { TraceEvent } from '../../core/trace/event';
import quickstart from '../../fixtures/projects/quickstart.switchboard.json';
import { TOURS, RPC_TOUR } from './tour-defs';
import { isCorrect, nodeOptions, resolveTour } from './tour-engine';

const project = Project.parse(quickstart);
const sim = new Simulation(project, { seed: 1, scenario: 'tour' });
sim.runScenario();
const events = sim.trace.slice(0) as TraceEvent[];
const index = new ReplayIndex(events);
const endOf = (id: number) => index.rpcCall(id)?.endState;
const nodes = project.nodes.map((n) => n.id);

describe('tours on the quickstart tour scenario', () => {
  it.each(TOURS.map((t) => [t.id, t] as const))('%s resolves every step in trace order', (_id, tour) => {
    const r = resolveTour(tour, index.source, endOf);
    if (!r.ok) throw new Error(`missing step ${r.missing}`);
    expect(r.steps.map((s) => s.step.id)).toEqual(tour.steps.map((s) => s.id));
    for (let k = 1; k < r.steps.length; k++) expect(r.steps[k].index).toBeGreaterThan(r.steps[k - 1].index);
    for (const s of r.steps) {
      expect(s.step.highlight(s.event).length).toBeGreaterThan(0);
      expect(s.step.text(s.event)).not.toMatch(/undefined/);
      if (s.step.predict) {
        const opts = s.step.predict.options(s.event, nodes);
        expect(opts.filter((o) => o.correct)).toHaveLength(1);
        expect(opts.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('follows the reference five-step flow of one RPC', () => {
    const r = resolveTour(RPC_TOUR, index.source, endOf);
    if (!r.ok) throw new Error(r.missing);
    const [reg, req, handle, resp, cb] = r.steps.map((s) => s.event);
    expect([reg.type, reg.api, reg.to]).toEqual(['register', 'RegisterRpcMethodForMod', 'service-8000']);
    expect([req.api, req.from, req.to]).toEqual(['RequestToServiceMod', 'lobby-4000', 'service-8000']);
    expect([handle.type, handle.rpc?.id]).toEqual(['handle', req.rpc?.id]);
    expect([resp.api, resp.to]).toEqual(['ResponseToServer', 'lobby-4000']);
    expect([cb.type, cb.to, cb.suc]).toEqual(['callback', 'lobby-4000', true]);
    const opts = RPC_TOUR.steps[1].predict?.options(req, nodes) ?? [];
    expect(isCorrect(opts, 'service-8000')).toBe(true);
    expect(isCorrect(opts, 'lobby-4000')).toBe(false);
  });

  it('offers node choices that include the answer, in a stable order', () => {
    const e: TraceEvent = { seq: 1, t: 0, type: 'send', from: 'lobby-4000', to: 'service-8000' };
    const a = nodeOptions('service-8000', e, nodes);
    expect(a).toEqual(nodeOptions('service-8000', e, nodes));
    expect(a.map((o) => o.label)).toContain('service-8000');
    expect(a.length).toBeLessThanOrEqual(4);
  });

  it('reports the first step a trace does not contain', () => {
    const r = resolveTour(RPC_TOUR, new ReplayIndex(events.slice(0, 20)).source, endOf);
    expect(r.ok).toBe(false);
  });
});
