/// <reference types="vite/types/import-meta.d.ts" />
// Engine runs of the fixture projects, for merge tests (vitest only: fixtures are read through
// import.meta.glob), and the comparison of a merged trace with the engine's own.
import { Simulation } from '../../engine/simulation';
import { Project } from '../../model/schema';
import type { TraceEvent, TraceHeader } from '../../trace/event';
import { digest, identityNames, type Digest } from './digest';

const modules = {
  ...import.meta.glob<unknown>('../../../fixtures/reference/*.switchboard.json', { eager: true, import: 'default' }),
  ...import.meta.glob<unknown>('../../../fixtures/projects/*.switchboard.json', { eager: true, import: 'default' }),
  ...import.meta.glob<unknown>('../../../fixtures/problems/*.switchboard.json', { eager: true, import: 'default' }),
};
export const FIXTURES = new Map(Object.entries(modules).map(([path, json]) => [path.slice(path.lastIndexOf('/') + 1).replace(/\.switchboard\.json$/, ''), json]));

export interface Run {
  header: TraceHeader;
  events: TraceEvent[];
}

/** The fixture's first scenario (or one named) run with a seed. */
export function engineRun(name: string, seed = 1, scenario?: string): Run {
  const json = FIXTURES.get(name);
  if (json === undefined) throw new Error(`no fixture ${name}`);
  const project = Project.parse(json);
  const sim = new Simulation(project, { seed, scenario: scenario ?? project.scenarios[0]?.name ?? null });
  sim.runScenario();
  return { header: sim.trace.header, events: sim.trace.slice(0, sim.trace.length) };
}

const RECORDED = new Set(['lobby', 'game', 'master', 'service']);

/** Digests of an engine run and a merged trace over the recorded servers, with names both share. */
export function compareWithEngine(run: Run, merged: Run): { engine: Digest; merged: Digest } {
  const keepIn = (h: TraceHeader) => {
    const ids = new Set((h.nodes ?? []).filter((n) => RECORDED.has(n.kind)).map((n) => n.id));
    return (id: string) => ids.has(id);
  };
  return {
    engine: digest(run.events, { keep: keepIn(run.header), rename: identityNames(run.header) }),
    merged: digest(merged.events, { keep: keepIn(merged.header), rename: identityNames(merged.header) }),
  };
}
