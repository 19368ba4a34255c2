// The Problems view's data: one core/diagnostics ProblemCollector over the stream the playhead
// indexes (live session or opened trace), fed as events arrive, rebuilt when the stream changes.
// Suggestions use the open document's topology for a session; for an opened trace, the trace
// header's nodes, completed by the document's nodes of the same id (module names, uids).
import { useMemo } from 'react';
import { ProblemCollector, contextFromHeader, contextFromProject, type ProblemContext, type ProblemGroup } from '../../core/diagnostics';
import type { Project } from '../../core/model/schema';
import type { TraceHeader } from '../../core/trace/event';
import { useDocumentStore } from '../stores/document-store';
import { useEventsStore } from '../stores/events-store';
import { replayIndex, useReplayStore } from './replay-store';

let collector: ProblemCollector | null = null;
let collectorSource: unknown = null;
let collectorContext: ProblemContext | null = null;
/** Groups as of `groupsAt` events: the tab badge and the panel share one computation. */
let groups: ProblemGroup[] = [];
let groupsAt = -1;

export function problemContext(kind: 'session' | 'trace' | null, project: Project | undefined, header: TraceHeader | null): ProblemContext {
  if (kind !== 'trace' && project) return contextFromProject(project);
  const fromHeader = contextFromHeader(header);
  if (!project) return fromHeader;
  const doc = contextFromProject(project);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return {
    ...fromHeader,
    nodes: fromHeader.nodes.map((n) => {
      const d = byId.get(n.id);
      return d && d.kind === n.kind ? { ...n, moduleNames: d.moduleNames, uid: d.uid } : n;
    }),
  };
}

/** Problem groups of the current stream; recomputed when the index grows or the stream changes. */
export function useProblems(): ProblemGroup[] {
  const version = useReplayStore((s) => s.version);
  const project = useDocumentStore((s) => s.doc?.project);
  const kind = useEventsStore((s) => s.kind);
  const header = useEventsStore((s) => s.header);
  const context = useMemo(() => problemContext(kind, project, header), [kind, project, header]);
  return useMemo(() => {
    void version;
    const source = replayIndex().source;
    if (!collector || collectorSource !== source || collectorContext !== context) {
      collector = new ProblemCollector(source, context);
      collectorSource = source;
      collectorContext = context;
      groupsAt = -1;
    }
    collector.sync();
    if (collector.length !== groupsAt) {
      groups = collector.groups();
      groupsAt = collector.length;
    }
    return groups;
  }, [version, context]);
}
