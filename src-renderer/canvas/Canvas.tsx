// The topology canvas: React Flow draws structure (nodes, implied edges, links); moving messages
// are one overlay on top (overlay/MessageOverlay). Dragging, dropping from the palette, deleting
// and pasting are document edits (undoable); selection is UI state. While the replay playhead is
// shown (detached, or an opened trace), nodes and edges show its state (replay-view.ts); a trace
// whose project is not the open one is drawn, read-only, on the topology inferred from it.
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '../../core/model/schema';
import { editProject } from '../edit/project-edits';
import { useReplayStore } from '../replay/replay-store';
import { getBridge } from '../bridge';
import { edgeKey, useCanvasStore } from '../stores/canvas-store';
import { useEventsStore } from '../stores/events-store';
import { useSessionStore } from '../stores/session-store';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';
import { FindNode } from './FindNode';
import { selectionAfter, withSelection } from './selection-sync';
import { groupCards } from './grouping';
import { cardEdges, toFlowEdges, toFlowNodes, type SwitchboardNode } from './layout';
import { NODE_TYPES } from './node-types';
import { clusterViews, nodeViews, withCardViews, withLinkState } from './replay-view';
import { useCanvasTopology } from './use-canvas-topology';
import { MessageOverlay } from './overlay/MessageOverlay';
import { setCardMap, setDrawnEdges } from './overlay/drawn-edges';
import { setShownTopology } from './shown-topology';
import { addNodeAt, setCanvasHooks } from './add-node';
import { ROLE_COLUMN } from './roles';
import { Legend } from './Legend';
import { ViewModeToggle } from './ViewModeToggle';
import { ThinnedNotice } from './overlay/ThinnedNotice';
import { useCanvasActions } from './use-canvas-actions';
import { FIT_VIEW, inView } from './view';

export const DRAG_KIND = 'application/x-switchboard-kind';

/** Whether the canvas shows the playhead's state: whenever the stream has events (the transport
 * plays live runs and replays alike, so cards show the moment the picture is at). */
function useShowsPlayhead(): boolean {
  return useReplayStore((s) => s.length > 0);
}

function Flow() {
  const documentProject = useDocumentStore((s) => s.doc?.project);
  const topology = useCanvasTopology(documentProject);
  const project = topology.project;
  const readOnly = topology.source === 'inferred';
  useEffect(() => setShownTopology(topology.source === 'inferred' ? topology.project : null), [topology]);
  const showsPlayhead = useShowsPlayhead();
  const replayState = useReplayStore((s) => s.state);
  const theme = useUiStore((s) => s.theme);
  const selection = useCanvasStore((s) => s.selection);
  const selectedEdge = useCanvasStore((s) => s.edge);
  const setSelection = useCanvasStore((s) => s.setSelection);
  const selectEdge = useCanvasStore((s) => s.selectEdge);
  const flow = useReactFlow<SwitchboardNode>();
  const [nodes, setNodes] = useState<SwitchboardNode[]>([]);
  useCanvasActions();
  // Where cards are drawn, for "+" to find free space, and a new card brought into view when it
  // landed off screen (add-node.ts; the view otherwise stays where the user put it).
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const boxes = () =>
      flow.getNodes().map((n) => ({
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        w: n.measured?.width ?? 180,
        h: n.measured?.height ?? 90,
        column: ROLE_COLUMN[n.type === 'cluster' ? (n.data as { cluster: { kind: NodeKind } }).cluster.kind : (n.type as NodeKind)],
      }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reveal = (ids: string[]) => {
      clearTimeout(timer);
      // After React Flow has drawn and measured the new cards.
      timer = setTimeout(() => {
        const el = pane.current;
        const shown = boxes().filter((b) => ids.includes(b.id));
        if (el && shown.length && !shown.every((b) => inView(b, flow.getViewport(), el.clientWidth, el.clientHeight))) void flow.fitView({ ...FIT_VIEW, duration: 300 });
      }, 150);
    };
    setCanvasHooks({ drawn: boxes, reveal });
    return () => {
      clearTimeout(timer);
      setCanvasHooks(null);
    };
  }, [flow]);

  const expanded = useCanvasStore((s) => s.expanded);
  const grouping = useMemo(() => (project ? groupCards(project, new Set(expanded)) : null), [project, expanded]);
  const clusters = useMemo(() => (grouping ? grouping.cards.flatMap((c) => (c.cluster ? [c.cluster] : [])) : []), [grouping]);
  useEffect(() => {
    setCardMap((id) => grouping?.cardOf.get(id) ?? id);
    useCanvasStore.getState().setGroups(clusters);
  }, [grouping, clusters]);
  const views = useMemo(() => (showsPlayhead && project ? nodeViews(replayState, project.nodes) : null), [showsPlayhead, project, replayState]);
  const groupViews = useMemo(() => (views ? clusterViews(views, clusters) : null), [views, clusters]);
  const viewsRef = useRef({ views, groupViews });
  viewsRef.current = { views, groupViews };

  useEffect(() => {
    const { views: v, groupViews: g } = viewsRef.current;
    setNodes(project && grouping ? withCardViews(toFlowNodes(project, grouping).map((n) => (readOnly ? { ...n, draggable: false } : n)), v, g) : []);
  }, [project, grouping, readOnly]);
  // Another topology (an inferred one, or back to the document): show all of it. Not on mount
  // (React Flow's fitView does that) and not on edits (the view stays where the user put it).
  const shownSource = useRef(topology.source);
  useEffect(() => {
    if (shownSource.current === topology.source) return;
    shownSource.current = topology.source;
    const timer = setTimeout(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }), 60);
    return () => clearTimeout(timer);
  }, [topology.source, flow]);
  // A group expanded: bring it and its first members into view (readable); folded: all of it again.
  const lastExpanded = useRef(expanded);
  useEffect(() => {
    const before = lastExpanded.current;
    lastExpanded.current = expanded;
    const opened = expanded.find((id) => !before.includes(id));
    const closed = before.some((id) => !expanded.includes(id));
    if (!opened && !closed) return;
    const first = opened ? grouping?.cards.filter((c) => c.parent === opened).slice(0, 30).map((c) => ({ id: c.id })) ?? [] : [];
    const timer = setTimeout(() => void flow.fitView(opened ? { nodes: [{ id: opened }, ...first], duration: 300, maxZoom: 1, padding: 0.1 } : { ...FIT_VIEW, duration: 300 }), 80);
    return () => clearTimeout(timer);
  }, [expanded, grouping, flow]);
  // The playhead moved: nodes show its state (only nodes whose view changed re-render).
  useEffect(() => setNodes((ns) => withCardViews(ns, views, groupViews)), [views, groupViews]);
  // The store owns the selection (selection-sync.ts): nodes only show it; a selected member of a
  // folded group shows as its group's card.
  const shownSelection = useMemo(() => (grouping ? selection.map((id) => grouping.cardOf.get(id) ?? id) : selection), [selection, grouping]);
  const shownNodes = useMemo(() => withSelection(nodes, shownSelection), [nodes, shownSelection]);

  const baseEdges = useMemo(() => (project && grouping ? cardEdges(toFlowEdges(project), grouping.cardOf) : []), [project, grouping]);
  useEffect(() => setDrawnEdges(baseEdges), [baseEdges]);
  const cutLinks = showsPlayhead ? replayState.cutLinks : null;
  const linkLoss = showsPlayhead ? replayState.linkLoss : null;
  const edges = useMemo(() => {
    const all = withLinkState(baseEdges, cutLinks && linkLoss ? { cutLinks, linkLoss } : null);
    return all.map((e) => (selectedEdge === edgeKey(e.source, e.target) ? { ...e, selected: true, className: `${e.className ?? ''} is-selected` } : e));
  }, [baseEdges, cutLinks, linkLoss, selectedEdge]);

  const onNodesChange = useCallback(
    (changes: NodeChange<SwitchboardNode>[]) => {
      const next = selectionAfter(changes, useCanvasStore.getState().selection);
      if (next) setSelection(next);
      const rest = changes.filter((c) => c.type !== 'select');
      if (rest.length) setNodes((ns) => applyNodeChanges(rest, ns));
    },
    [setSelection],
  );

  const onDragStop = (_e: unknown, _node: SwitchboardNode, dragged: SwitchboardNode[]) => {
    if (readOnly) return;
    const moved = new Map(dragged.filter((n) => n.type !== 'cluster').map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]));
    if (moved.size === 0) return;
    void editProject((p) => ({ ...p, nodes: p.nodes.map((n) => (moved.has(n.id) ? { ...n, position: moved.get(n.id) } : n)) }));
  };

  const onDrop = (e: DragEvent) => {
    const kind = e.dataTransfer.getData(DRAG_KIND) as NodeKind;
    if (!NODE_KINDS.includes(kind) || readOnly) return;
    e.preventDefault();
    const pos = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    void addNodeAt(kind, { x: Math.round(pos.x - 80), y: Math.round(pos.y - 30) });
  };

  return (
    <div className="sb-canvas" data-testid="canvas" ref={pane} onDragOver={(e) => e.dataTransfer.types.includes(DRAG_KIND) && e.preventDefault()} onDrop={onDrop}>
      <ReactFlow<SwitchboardNode>
        nodes={shownNodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={theme}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.05}
        maxZoom={3}
        onlyRenderVisibleElements
        onNodesChange={onNodesChange}
        onNodeDragStop={onDragStop}
        onEdgeClick={(_e, edge) => selectEdge(edge.source, edge.target)}
        onPaneClick={() => useCanvasStore.getState().clearSelection()}
        multiSelectionKeyCode={['Shift', 'Control', 'Meta']}
        selectionKeyCode="Shift"
        deleteKeyCode={null}
        nodesConnectable={false}
        nodesDraggable={!readOnly}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap pannable zoomable nodeStrokeWidth={3} className="sb-minimap" style={{ width: 150, height: 96 }} />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
        <MessageOverlay />
      </ReactFlow>
      <Legend />
      <ViewModeToggle />
      <ThinnedNotice />
      <FindNode />
      {topology.source === 'inferred' ? <InferredNotice nodes={topology.project.nodes.length} missing={topology.missing} /> : null}
      {project && project.nodes.length === 0 ? <div className="sb-canvas__empty">This project has no nodes yet: drag a kind from the palette.</div> : null}
    </div>
  );
}

/** Over a trace drawn on its own inferred topology: say so, and offer the way back to the document. */
function InferredNotice(props: { nodes: number; missing: string[] }) {
  const hasSession = useSessionStore((s) => s.status !== null);
  const name = useEventsStore((s) => s.name);
  const shown = props.missing.slice(0, 3).join(', ') + (props.missing.length > 3 ? ` and ${props.missing.length - 3} more` : '');
  const close = () =>
    getBridge()
      .request('session.reset', {})
      .then((s) => useSessionStore.getState().setStatus(s))
      .catch((err: Error) => useUiStore.getState().notify('error', err.message));
  return (
    <div className="sb-topology-notice" role="status" data-testid="topology-inferred" data-nodes={props.nodes}>
      <span>
        <strong>Topology inferred from the trace</strong> {name ? `“${name}”` : ''} — {props.nodes} nodes, read-only.{' '}
        <small title={props.missing.join(', ')}>Not in the open project: {shown}.</small>
      </span>
      {hasSession ? (
        <button type="button" data-testid="btn-close-trace" title="Close the trace and go back to the open project's live session (restarts it)" onClick={() => void close()}>
          Back to the project
        </button>
      ) : null}
    </div>
  );
}

/** Add a node of `kind` (from a drop, or the palette's + button) and select it. */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}
