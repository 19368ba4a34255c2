import { describe, expect, it } from 'vitest';
import { Simulation } from '../../core/engine/simulation';
import { Project } from '../../core/model/schema';
import { inferTopology } from '../../core/replay/topology';
import type { TraceEvent } from '../../core/trace/event';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { toFlowEdges } from '../canvas/layout';
import { chooseTopology, clientDetails, missingFromDocument, sameTopology } from './trace-topology';

const quickstart = Project.parse(quickstartJson);
const sim = new Simulation(quickstart, { seed: 1, scenario: 'tour' });
sim.runScenario();
const events = sim.trace.slice(0) as TraceEvent[];
const header = sim.trace.header;
const other = Project.parse({ format: 'switchboard-project', version: 1, name: 'Other', nodes: [{ id: 'lobby-1', kind: 'lobby', serverId: 1 }] });

describe('which topology the canvas draws', () => {
  const nodes = inferTopology(events, header);
  const clients = clientDetails(events);

  it('a live session, or a trace of the open project: the document (its layout)', () => {
    expect(chooseTopology({ kind: 'session', document: other, header, nodes, clients })).toEqual({ source: 'document', project: other });
    expect(chooseTopology({ kind: 'trace', document: quickstart, header, nodes, clients })).toEqual({ source: 'document', project: quickstart });
    // Extra nodes in the document are fine; a node of another kind is not.
    const renamed = { ...quickstart, nodes: quickstart.nodes.map((n) => (n.id === 'master' ? { ...n, kind: 'service' as const } : n)) };
    expect(missingFromDocument(renamed, nodes)).toEqual(['master']);
  });

  it('a trace whose project is missing: its inferred nodes, with names, identities and client proxies', () => {
    const t = chooseTopology({ kind: 'trace', document: other, header, nodes, clients });
    if (t.source !== 'inferred') throw new Error('expected inferred');
    expect(t.missing).toHaveLength(quickstart.nodes.length);
    expect(t.project.nodes.map((n) => n.id).sort()).toEqual(quickstart.nodes.map((n) => n.id).sort());
    expect(t.project.nodes.find((n) => n.id === 'lobby-4000')).toMatchObject({ kind: 'lobby', serverId: 4000, type: 'lobby', name: 'Lobby' });
    expect(t.project.nodes.find((n) => n.id === 'client-1')).toMatchObject({ kind: 'client', uid: 101, proxy: 2000 });
    expect(t.project.nodes.every((n) => n.position === undefined)).toBe(true);
    expect(t.project.name).toContain('Quickstart');
    // Its edges are the implied ones, clients joined to their proxies.
    expect(toFlowEdges(t.project).some((e) => e.source === 'client-1' && e.target === 'proxy-2000')).toBe(true);
    expect(sameTopology(t, chooseTopology({ kind: 'trace', document: other, header, nodes, clients }))).toBe(true);
  });

  it('without a header node list: from the events, with no document at all', () => {
    const t = chooseTopology({ kind: 'trace', document: undefined, header: { ...header, nodes: undefined }, nodes: inferTopology(events, null), clients });
    expect(t.source).toBe('inferred');
    expect(t.project?.nodes.find((n) => n.id === 'service-8001')?.kind).toBe('service');
    expect(t.project?.nodes.find((n) => n.id === 'client-2')?.kind).toBe('client');
  });

  it('an empty trace: the document', () => {
    expect(chooseTopology({ kind: 'trace', document: other, header: null, nodes: [], clients: new Map() }).source).toBe('document');
  });
});
