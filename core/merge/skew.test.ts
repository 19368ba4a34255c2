// Clock skew must never change what the merge says happened. Engine run -> per-server recordings
// (testing/synth.ts) -> skew injected -> merged: the same messages, causal order and RPC outcomes
// as the engine's trace, and the skew report names each server's correction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import threeMistakes from '../../fixtures/problems/three-mistakes.switchboard.json';
import { Simulation } from '../engine/simulation';
import { Project } from '../model/schema';
import { mergeTexts } from './merge';
import { compareWithEngine, type Run } from './testing/engine-runs';
import { synthesizeRecordings } from './testing/synth';

function runOf(json: unknown, seed = 1): Run {
  const project = Project.parse(json);
  const sim = new Simulation(project, { seed, scenario: project.scenarios[0]?.name ?? null });
  sim.runScenario();
  return { header: sim.trace.header, events: sim.trace.slice(0, sim.trace.length) };
}

const skewReport = (m: ReturnType<typeof mergeTexts>) => Object.fromEntries(m.report.servers.map((s) => [s.node, { skewMs: s.skewMs, method: s.method }]));

describe('three-mistakes: a lobby no matched message ties to the master', () => {
  // The master's MatchFound reaches lobby-4000, which listens to the wrong sender (no handle line);
  // the lobby's RequestToServiceMod has no route. No recorded message links the lobby's clock to
  // anyone's. Its clock 2102 ms ahead (a correction of -2102 ms) used to put its boot after the
  // MatchFound: the merge called the lobby down (drop:node-down) instead of "no listener".
  const run = runOf(threeMistakes);
  for (const skew of [2102, -2102]) {
    it(`keeps MatchFound unhandled (no listener) with lobby-4000's clock ${skew > 0 ? '+' : ''}${skew} ms, and reports the correction`, () => {
      const m = mergeTexts(synthesizeRecordings(run.header, run.events, { skewMs: { 'lobby-4000': skew } }), 'three-mistakes');
      const { engine, merged } = compareWithEngine(run, m);
      expect(engine.deliveries.s4000).toEqual(['NotifyToServerNode|s0#0|MatchFound|unhandled:no-listener']);
      expect(merged).toEqual(engine);
      expect(skewReport(m)['lobby-4000']).toEqual({ skewMs: -skew, method: 'boot' });
      expect(m.report.issues).toEqual([]);
    });
  }
});

// A small network where each server's clock is tied to the master's differently: lobby-4000 and
// service-8000 by traffic both ways (an RPC, a notify answered), game-5000 one way (it notifies
// the master), game-5001 not at all (the master's message to it has no listener).
const SMALL = {
  format: 'switchboard-project', version: 1, name: 'Skew',
  options: { defaultLatencyMs: 5, defaultJitterMs: 0 },
  nodes: [
    { id: 'master', kind: 'master', serverId: 0, systems: [{ namespace: 'm', systemName: 'masterSys', rules: [
      { on: 'event', namespace: 'l', systemName: 'lobbySys', event: 'Ack', actions: [] },
      { on: 'event', namespace: 'g', systemName: 'gameSys', event: 'GameUp', actions: [] },
    ] }] },
    { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby', systems: [{ namespace: 'l', systemName: 'lobbySys', rules: [
      { on: 'event', namespace: 'm', systemName: 'masterSys', event: 'MatchFound', actions: [{ call: 'NotifyToMaster', args: { eventName: 'Ack', eventData: { room: { $ref: 'args.room' } } } }] },
    ] }] },
    { id: 'game-5000', kind: 'game', serverId: 5000, type: 'battle', systems: [{ namespace: 'g', systemName: 'gameSys', rules: [] }] },
    { id: 'game-5001', kind: 'game', serverId: 5001, type: 'battle', systems: [{ namespace: 'g', systemName: 'gameSys', rules: [] }] },
    { id: 'service-8000', kind: 'service', serverId: 8000, type: 'rank_service', moduleNames: ['rank_module'], systems: [{ namespace: 'r', systemName: 'rankSys', rules: [
      { on: 'rpc', register: 'mod', method: 'Top', response: { top: [101] } },
    ] }] },
  ],
  scenarios: [{ name: 'run', durationMs: 4000, steps: [
    { at: 1000, do: 'call', node: 'master', api: 'NotifyToServerNode', args: { targetId: 4000, eventName: 'MatchFound', eventData: { room: 7 } } },
    { at: 1100, do: 'call', node: 'lobby-4000', api: 'RequestToServiceMod', args: { modname: 'rank_service', method: 'Top', args: {}, callback: true } },
    { at: 1200, do: 'call', node: 'game-5000', api: 'NotifyToMaster', args: { eventName: 'GameUp', eventData: { id: 5000 } } },
    { at: 1300, do: 'call', node: 'master', api: 'NotifyToServerNode', args: { targetId: 5001, eventName: 'Nobody', eventData: {} } },
    { at: 1400, do: 'call', node: 'master', api: 'NotifyToServerNode', args: { targetId: 4000, eventName: 'MatchFound', eventData: { room: 8 } } },
  ] }],
};

describe('skew property: any skew on any server preserves what happened', () => {
  const runs = [runOf(SMALL), runOf(threeMistakes)];
  const ids = runs.map((r) => (r.header.nodes ?? []).filter((n) => ['master', 'lobby', 'game', 'service'].includes(n.kind)).map((n) => n.id));

  it('the small network ties each server as intended', () => {
    const m = mergeTexts(synthesizeRecordings(runs[0].header, runs[0].events), 'skew');
    expect(Object.fromEntries(m.report.servers.map((s) => [s.node, s.method]))).toEqual({
      master: 'reference', 'lobby-4000': 'two-way', 'service-8000': 'two-way', 'game-5000': 'one-way', 'game-5001': 'boot',
    });
  });

  // Skews up to ±10 minutes: far larger than the 4 s runs, positive and negative, the master's too.
  const skew = fc.integer({ min: -600_000, max: 600_000 });
  const input = fc.record({
    which: fc.constantFrom(0, 1),
    skews: fc.array(fc.oneof(skew, fc.integer({ min: -3000, max: 3000 }), fc.constant(0)), { minLength: 5, maxLength: 5 }),
    correlate: fc.boolean(),
  });

  it('same messages, causal order and RPC outcomes; each correction within 1 ms of the skew injected', () => {
    fc.assert(
      fc.property(input, ({ which, skews, correlate }) => {
        const run = runs[which];
        const skewMs = Object.fromEntries(ids[which].map((id, i) => [id, skews[i]]));
        const m = mergeTexts(synthesizeRecordings(run.header, run.events, { skewMs, correlate }), 'skew');
        const { engine, merged } = compareWithEngine(run, m);
        expect(merged).toEqual(engine);
        expect(m.report.issues).toEqual([]);
        // The master is the reference: a server's correction is the master's skew minus its own.
        for (const s of m.report.servers) expect(Math.abs(s.skewMs - (skewMs.master - skewMs[s.node]))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
