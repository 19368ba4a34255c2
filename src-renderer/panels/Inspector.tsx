// The Inspect tab: the selected node's properties (editable, validated inline) and its live state
// in the session, or the selected connection's latency/jitter/loss; with nothing selected, the
// project's name and options.
import { useEffect, useState } from 'react';
import type { NodeState } from '../../core/engine/types';
import { getBridge } from '../bridge';
import { useCanvasStore } from '../stores/canvas-store';
import { useDocumentStore } from '../stores/document-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { ClusterInspector } from '../canvas/ClusterInspector';
import { EdgeMessages } from '../canvas/EdgeMessages';
import { isClusterId } from '../canvas/grouping';
import { useShownTopology } from '../canvas/shown-topology';
import { TraceNodeInspector, TraceSummary } from '../canvas/TraceInspector';
import { LinkForm } from './inspector/LinkForm';
import { NodeForm } from './inspector/NodeForm';
import { ProjectForm } from './project/ProjectForm';

export function Inspector() {
  const selected = useUiStore((s) => s.selected);
  const count = useCanvasStore((s) => s.selection.length);
  const edge = useCanvasStore((s) => s.edge);
  const cluster = useCanvasStore((s) => (selected ? s.groups[selected] : undefined));
  const inferred = useShownTopology((s) => s.inferred);
  const project = useDocumentStore((s) => s.doc?.project);
  const spec = project?.nodes.find((n) => n.id === selected);
  const now = useSessionStore((s) => s.status?.now);
  const [state, setState] = useState<NodeState | null>(null);

  useEffect(() => {
    if (!selected || isClusterId(selected)) return setState(null);
    let live = true;
    getBridge()
      .request('session.nodeState', { id: selected })
      .then((s) => live && setState(s))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
  }, [selected, now, project]);

  // A trace of another project is shown: its nodes, read-only.
  if (inferred) {
    if (edge) {
      const [a, b] = edge.split('|');
      return <EdgeMessages a={a} b={b} />;
    }
    if (cluster) return <ClusterInspector cluster={cluster} />;
    const node = inferred.nodes.find((n) => n.id === selected);
    return node ? <TraceNodeInspector node={node} /> : <TraceSummary project={inferred} />;
  }
  if (project && edge && !spec) {
    const [a, b] = edge.split('|');
    // Between group cards there is no one link to edit: only the messages that crossed it.
    const grouped = isClusterId(a) || isClusterId(b);
    return (
      <>
        {grouped ? <p className="sb-muted">Connection between grouped cards ({a} ↔ {b}); select single nodes to edit a link.</p> : <LinkForm project={project} a={a} b={b} />}
        <EdgeMessages a={a} b={b} />
      </>
    );
  }
  if (project && cluster) return <ClusterInspector cluster={cluster} />;
  if (project && !spec) return <ProjectForm project={project} />;
  if (!project || !spec) return <p className="sb-muted">Select a node or a connection. Drag a kind from the palette to add one.</p>;
  return (
    <div className="sb-inspect">
      {count > 1 ? <p className="sb-muted">{count} nodes selected; editing {spec.id}.</p> : null}
      {state ? (
        <p className="sb-inspect__state">
          <span className="sb-muted">now: </span>
          <span data-testid="inspector-state">
            {state.up ? 'up' : 'down'}
            {state.server !== undefined ? ` · on ${state.server ?? '—'}` : ''}
            {state.playerId ? ` · player ${state.playerId}` : ''}
            {state.inTransfer ? ' · in transfer' : ''}
          </span>
        </p>
      ) : null}
      <NodeForm key={spec.id} project={project} node={spec} />
    </div>
  );
}
