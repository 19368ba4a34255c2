// Problems of a run (issue 9): every unhandled event, drop, no-route, no-handler, timeout,
// late/duplicate response, misuse, mod error, stubbed API and non-dict payload, grouped by cause
// and explained. Pure; reads any EventSource (engine trace, loaded trace, renderer log).
import { asSource, type Events } from '../replay/source';
import type { Project } from '../model/schema';
import type { TraceHeader } from '../trace/event';
import { ProblemCollector } from './collector';
import type { ProblemContext, ProblemGroup } from './types';

export { ProblemCollector } from './collector';
export { PROBLEM_KINDS, type ProblemContext, type ProblemGroup, type ProblemKind, type ProblemNode } from './types';

export function contextFromProject(p: Project): ProblemContext {
  return {
    nodes: p.nodes.map((n) => ({ id: n.id, kind: n.kind, serverId: n.serverId ?? (n.kind === 'master' ? 0 : undefined), type: n.type, moduleNames: n.moduleNames, uid: n.uid })),
    listenerMatch: p.options.listenerMatch,
    transferMs: p.options.transferMs,
  };
}

/** For a trace without its project: the header's nodes (module names and uids where it has them). */
export function contextFromHeader(h: TraceHeader | undefined | null): ProblemContext {
  return {
    nodes: (h?.nodes ?? []).map((n) => ({
      id: n.id,
      kind: n.kind,
      serverId: n.serverId ?? (n.kind === 'master' ? 0 : undefined),
      type: n.type,
      ...(n.moduleNames ? { moduleNames: n.moduleNames } : {}),
      ...(n.uid !== undefined ? { uid: n.uid } : {}),
    })),
    listenerMatch: h?.options?.listenerMatch,
    transferMs: h?.options?.transferMs,
  };
}

export function analyzeProblems(events: Events, context: ProblemContext): ProblemGroup[] {
  const c = new ProblemCollector(asSource(events), context);
  c.sync();
  return c.groups();
}
