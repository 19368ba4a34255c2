// Pure edits of a project's scenarios: add, rename, delete a scenario; add, change, remove its
// steps; switch a step's kind keeping what still fits; and the field list each kind of step has.
import type { NodeKind, NodeSpec, Project, Scenario, ScenarioStep } from '../../core/model/schema';

export type StepKind = ScenarioStep['do'];
export const STEP_KINDS: readonly StepKind[] = ['call', 'login', 'transfer', 'logout', 'stop', 'start', 'cut', 'restore', 'loss', 'http', 'invoke'];

/** How the step table edits a field: which input, and for node fields which kinds to offer. */
export type StepField =
  | { name: 'node' | 'a' | 'b'; input: 'node'; kinds?: readonly NodeKind[] }
  | { name: 'client'; input: 'node'; kinds: readonly NodeKind[] }
  | { name: 'server'; input: 'server'; optional: true }
  | { name: 'type'; input: 'serverType'; optional: true }
  | { name: 'loss'; input: 'loss' }
  | { name: 'path'; input: 'text' }
  | { name: 'body'; input: 'json' }
  | { name: 'api'; input: 'api' }
  | { name: 'namespace' | 'systemName' | 'method'; input: 'text' }
  | { name: 'args'; input: 'jsonArray' };

const CALLERS: readonly NodeKind[] = ['client', 'lobby', 'game', 'master', 'service'];
export const STEP_FIELDS: Record<StepKind, readonly StepField[]> = {
  call: [{ name: 'node', input: 'node', kinds: CALLERS }, { name: 'api', input: 'api' }],
  login: [{ name: 'client', input: 'node', kinds: ['client'] }, { name: 'server', input: 'server', optional: true }],
  transfer: [{ name: 'client', input: 'node', kinds: ['client'] }, { name: 'server', input: 'server', optional: true }, { name: 'type', input: 'serverType', optional: true }],
  logout: [{ name: 'client', input: 'node', kinds: ['client'] }],
  stop: [{ name: 'node', input: 'node' }],
  start: [{ name: 'node', input: 'node' }],
  cut: [{ name: 'a', input: 'node' }, { name: 'b', input: 'node' }],
  restore: [{ name: 'a', input: 'node' }, { name: 'b', input: 'node' }],
  loss: [{ name: 'a', input: 'node' }, { name: 'b', input: 'node' }, { name: 'loss', input: 'loss' }],
  http: [{ name: 'path', input: 'text' }, { name: 'body', input: 'json' }],
  invoke: [{ name: 'node', input: 'node' }, { name: 'namespace', input: 'text' }, { name: 'systemName', input: 'text' }, { name: 'method', input: 'text' }, { name: 'args', input: 'jsonArray' }],
};

function freeName(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base} ${i}`)) i++;
  return `${base} ${i}`;
}

export function findScenario(project: Project, name: string): Scenario | undefined {
  return project.scenarios.find((s) => s.name === name);
}

export function addScenario(project: Project, base = 'scenario'): { project: Project; name: string } {
  const name = freeName(new Set(project.scenarios.map((s) => s.name)), base);
  return { project: { ...project, scenarios: [...project.scenarios, { name, steps: [] }] }, name };
}

/** Why a scenario cannot be called `to`, or undefined. */
export function scenarioNameIssue(project: Project, from: string, to: string): string | undefined {
  if (to === from) return undefined;
  if (to.trim() === '') return 'a name is required';
  if (project.scenarios.some((s) => s.name === to)) return `another scenario is called "${to}"`;
  return undefined;
}

export function renameScenario(project: Project, from: string, to: string): Project {
  if (from === to) return project;
  return { ...project, scenarios: project.scenarios.map((s) => (s.name === from ? { ...s, name: to } : s)) };
}

export function deleteScenario(project: Project, name: string): Project {
  return { ...project, scenarios: project.scenarios.filter((s) => s.name !== name) };
}

function mapSteps(project: Project, name: string, f: (steps: ScenarioStep[]) => ScenarioStep[]): Project {
  return { ...project, scenarios: project.scenarios.map((s) => (s.name === name ? { ...s, steps: f(s.steps) } : s)) };
}

/** Append steps, keeping the list ordered by `at` (ties keep their order). */
export function addSteps(project: Project, name: string, steps: readonly ScenarioStep[]): Project {
  return mapSteps(project, name, (old) => [...old, ...steps].map((s, i) => ({ s, i })).sort((x, y) => x.s.at - y.s.at || x.i - y.i).map((x) => x.s));
}

export function setStep(project: Project, name: string, index: number, step: ScenarioStep): Project {
  return mapSteps(project, name, (old) => old.map((s, i) => (i === index ? step : s)));
}

export function removeStep(project: Project, name: string, index: number): Project {
  return mapSteps(project, name, (old) => old.filter((_, i) => i !== index));
}

const firstOf = (project: Project, kinds?: readonly NodeKind[]): NodeSpec | undefined => project.nodes.find((n) => !kinds || kinds.includes(n.kind));

/** A new step of `kind` at `at`, aimed at sensible nodes of the project. */
export function defaultStep(project: Project, kind: StepKind, at: number): ScenarioStep {
  const client = firstOf(project, ['client'])?.id ?? '';
  const node = firstOf(project)?.id ?? '';
  switch (kind) {
    case 'call': {
      const caller = firstOf(project, ['lobby', 'game', 'service', 'master', 'client']);
      const api = caller?.kind === 'client' ? 'NotifyToServer' : 'BroadcastToService';
      return { at, do: 'call', node: caller?.id ?? node, api, args: { eventName: 'Event', eventData: {} } };
    }
    case 'transfer': {
      const type = project.nodes.find((n) => (n.kind === 'game' || n.kind === 'lobby') && n.type)?.type;
      return { at, do: 'transfer', client, ...(type ? { type } : {}) };
    }
    case 'login':
    case 'logout':
      return { at, do: kind, client };
    case 'stop':
    case 'start':
      return { at, do: kind, node };
    case 'cut':
    case 'restore':
    case 'loss': {
      const link = project.links[0];
      const a = link?.a ?? node;
      const b = link?.b ?? project.nodes.find((n) => n.id !== a)?.id ?? node;
      return kind === 'loss' ? { at, do: 'loss', a, b, loss: 0.5 } : { at, do: kind, a, b };
    }
    case 'http':
      return { at, do: 'http', path: project.nodes.flatMap((n) => n.systems.flatMap((s) => s.rules.flatMap((r) => (r.on === 'http' ? [r.path] : []))))[0] ?? '/', body: '{}' };
    case 'invoke': {
      const target = project.nodes.find((n) => n.systems.length > 0 || (n.mods && n.mods.length > 0));
      const sys = target?.systems[0];
      return { at, do: 'invoke', node: target?.id ?? node, namespace: sys?.namespace ?? 'namespace', systemName: sys?.systemName ?? 'systemName', method: 'myMethod', args: [] };
    }
  }
}

/** The step as another kind, keeping `at` and the nodes it named where the new kind takes them. */
export function changeStepKind(project: Project, step: ScenarioStep, kind: StepKind): ScenarioStep {
  if (kind === step.do) return step;
  const next = defaultStep(project, kind, step.at) as Record<string, unknown>;
  const old = step as Record<string, unknown>;
  const ids = new Set(project.nodes.map((n) => n.id));
  const oneNode = (old.node ?? old.client ?? old.a) as string | undefined;
  for (const f of STEP_FIELDS[kind]) {
    if (f.input === 'node') {
      const want = old[f.name] ?? (f.name === 'node' || f.name === 'client' || f.name === 'a' ? oneNode : undefined);
      const spec = typeof want === 'string' && ids.has(want) ? project.nodes.find((n) => n.id === want) : undefined;
      if (spec && (!f.kinds || f.kinds.includes(spec.kind))) next[f.name] = spec.id;
    }
  }
  return next as ScenarioStep;
}

/** Steps as the user sees them: "at 400 ms · call lobby-4000 RequestToServiceMod". */
export function describeStep(step: ScenarioStep): string {
  const s = step as Record<string, unknown>;
  const parts = STEP_FIELDS[step.do].map((f) => s[f.name]).filter((v) => v !== undefined && v !== '');
  return `at ${step.at} ms · ${step.do} ${parts.join(' ')}`.trim();
}
