// Renaming a node's id: the id is how links and scenario steps name the node, so every reference
// follows it. Duplicates and empty ids are refused with a message the inspector shows inline.
import type { Project, ScenarioStep } from '../../core/model/schema';

/** Why `to` cannot become the new id of node `from`, or undefined when it can. */
export function renameIssue(project: Project, from: string, to: string): string | undefined {
  if (to === from) return undefined;
  if (to.trim() === '') return 'an id is required';
  if (to !== to.trim()) return 'no spaces at either end';
  if (to.length > 200) return 'at most 200 characters';
  if (project.nodes.some((n) => n.id === to)) return `"${to}" is already the id of another node`;
  return undefined;
}

function renameInStep(step: ScenarioStep, from: string, to: string): ScenarioStep {
  const s = { ...step } as Record<string, unknown>;
  for (const k of ['node', 'client', 'a', 'b']) if (s[k] === from) s[k] = to;
  return s as ScenarioStep;
}

/** The project with node `from` called `to` everywhere (node, links a/b, steps' node/client/a/b). */
export function renameNode(project: Project, from: string, to: string): Project {
  if (from === to || !project.nodes.some((n) => n.id === from)) return project;
  const swap = (x: string) => (x === from ? to : x);
  return {
    ...project,
    nodes: project.nodes.map((n) => (n.id === from ? { ...n, id: to } : n)),
    links: project.links.map((l) => (l.a === from || l.b === from ? { ...l, a: swap(l.a), b: swap(l.b) } : l)),
    scenarios: project.scenarios.map((sc) => ({ ...sc, steps: sc.steps.map((st) => renameInStep(st, from, to)) })),
  };
}
