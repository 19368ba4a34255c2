// Replay over real engine output: the quickstart fixture's scenarios, run by core/engine.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import { Project } from '../model/schema';
import type { TraceEvent } from '../trace/event';
import { encodeTrace } from '../trace/ndjson';
import { toChromeTrace } from './chrome-trace';
import { TraceColumns } from './columns';
import { loadTrace } from './load';
import { toMermaid } from './mermaid';
import { toOtlpJson } from './otlp';
import { ReplayIndex } from './replay-index';
import { rpcCalls } from './rpc-calls';
import { sequenceModel } from './sequence';
import { replayFromStart } from './state';
import { inferTopology } from './topology';
import quickstart from '../../fixtures/projects/quickstart.switchboard.json';

const project = Project.parse(quickstart);

function run(scenario: string) {
  const sim = new Simulation(project, { seed: 1, scenario });
  sim.runScenario();
  return { sim, events: sim.trace.slice(0) as TraceEvent[], header: sim.trace.header };
}

describe.each(project.scenarios.map((s) => s.name))('quickstart scenario %s', (scenario) => {
  const { sim, events, header } = run(scenario);
  const calls = rpcCalls(events);

  it('round-trips through the columns and through NDJSON', () => {
    expect(events.length).toBeGreaterThan(20);
    const c = TraceColumns.from(events);
    for (let i = 0; i < events.length; i++) expect(c.get(i)).toEqual(events[i]);
    const loaded = loadTrace(encodeTrace(header, events));
    expect(loaded.errors).toEqual([]);
    expect(loaded.index.length).toBe(events.length);
    for (let i = 0; i < events.length; i++) expect(loaded.index.get(i)).toEqual(events[i]);
  });

  it('keyframed states equal a replay from the start at every index', () => {
    const index = new ReplayIndex(sim.trace, { keyframeEvery: 7 });
    const byId = new Map(calls.map((c) => [c.id, c]));
    const ctx = { timeoutAt: (id: number) => (byId.get(id)?.callbackSuc === false ? byId.get(id)!.callbackT : undefined) };
    for (let i = -1; i < events.length; i++) expect(index.stateAt(i)).toEqual(replayFromStart(events, i + 1, ctx));
  });

  it('ends in the state the engine reports', () => {
    const s = new ReplayIndex(events).stateAt(events.length - 1);
    const serverIdOf = new Map(header.nodes!.map((n) => [n.id, n.serverId]));
    for (const n of header.nodes!) {
      const ns = sim.nodeState(n.id);
      expect(s.down.has(n.id)).toBe(!ns.up);
      if (n.kind !== 'client') continue;
      const c = s.clients.get(n.id);
      expect(c?.server != null ? serverIdOf.get(c.server) : null).toBe(ns.server ?? null);
      if (ns.server != null) expect(c?.playerId).toBe(ns.playerId);
      expect(c?.inTransfer ?? false).toBe(ns.inTransfer ?? false);
    }
    expect([...s.pendingRpcs.keys()].sort()).toEqual(calls.filter((c) => c.endState === 'pending' || (c.callbackT === undefined && c.endState !== 'completed' && c.endState !== 'timedOut')).map((c) => c.id).sort());
  });

  it('has one RPC row per request with consistent times; stepping back over a completion shows it pending', () => {
    expect(calls.length).toBe(events.filter((e) => e.type === 'send' && e.rpc?.state === 'requested').length);
    expect(calls.length).toBeGreaterThan(0);
    const index = new ReplayIndex(events);
    for (const c of calls) {
      const times = [c.requestedT, c.deliveredT, c.handlingT, c.respondedT, c.completedT].filter((t) => t !== undefined) as number[];
      expect(times).toEqual([...times].sort((a, b) => a - b));
      if (c.endState === 'completed') {
        const k = events.findIndex((e) => e.type === 'rpc' && e.rpc?.id === c.id && e.rpc.state === 'completed');
        expect(index.stateAt(k).pendingRpcs.has(c.id)).toBe(false);
        expect(index.stateAt(k - 1).pendingRpcs.get(c.id)?.state).toBe('responded');
      }
      if (c.endState === 'timedOut') {
        expect(c.callbackSuc).toBe(false);
        const k = index.next('timeout', events.findIndex((e) => e.seq === c.requestSeq));
        expect(k).toBeGreaterThan(0);
      }
    }
  });

  it('exports and views work on it', async () => {
    const m = sequenceModel(events, { header });
    expect(m.arrows.length).toBe(events.filter((e) => e.type === 'send' && (e.to !== undefined || e.targets !== undefined)).length);
    const mermaid = (await import('mermaid')).default;
    await expect(mermaid.parse(toMermaid(events, { header }))).resolves.toBeTruthy();
    const ct = toChromeTrace(events, header).traceEvents;
    const s = ct.filter((e) => e.ph === 's').map((e) => e.id).sort();
    const f = ct.filter((e) => e.ph === 'f').map((e) => e.id).sort();
    expect(s).toEqual(f);
    expect(toOtlpJson(events, header).resourceSpans.flatMap((r) => r.scopeSpans[0].spans).filter((sp) => sp.kind === 3).length).toBe(calls.length);
  });

  it('infers the same kinds from the events alone', () => {
    const inferred = new Map(inferTopology(events).map((n) => [n.id, n]));
    for (const n of header.nodes!) {
      const i = inferred.get(n.id);
      if (!i) continue; // a node the scenario never touched
      expect(i.kind).toBe(n.kind);
      if (n.kind !== 'client' && n.kind !== 'proxy' && i.serverId !== undefined) expect(i.serverId).toBe(n.serverId);
    }
  });
});

describe('quickstart rpc-timeout scenario', () => {
  it('the request to a stopped service fails (no route) and its callback(False) comes exactly 2 s later', () => {
    const { events } = run('rpc-timeout');
    const [c, ...rest] = rpcCalls(events);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ requester: 'lobby-4000', owner: null, endState: 'noRoute', callbackSuc: false, reason: 'no-route' });
    expect(c.callbackT! - c.requestedT).toBe(2000);
    const index = new ReplayIndex(events);
    const noRoute = events.findIndex((e) => e.rpc?.state === 'noRoute');
    expect(index.stateAt(noRoute).pendingRpcs.get(c.id)).toMatchObject({ state: 'noRoute', timeoutAt: c.requestedT + 2000 });
    expect(index.stateAt(events.length - 1).pendingRpcs.size).toBe(0);
    expect(sequenceModel(events).notes.some((n) => n.kind === 'noRoute' && n.text.includes('noRoute'))).toBe(true);
  });
});
