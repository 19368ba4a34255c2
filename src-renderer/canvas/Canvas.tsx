// The topology canvas: React Flow draws structure (nodes, implied edges, links); moving messages
// are one overlay on top (overlay/MessageOverlay). Dragging, dropping from the palette, deleting
// and pasting are document edits (undoable); selection is UI state.
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, type NodeChange, type OnSelectionChangeParams } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '../../core/model/schema';
import { editProject } from '../edit/project-edits';
import { addNode, newNode } from '../edit/topology';
import { edgeKey, useCanvasStore } from '../stores/canvas-store';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';
import { FindNode } from './FindNode';
import { toFlowEdges, toFlowNodes, type SwitchboardNode } from './layout';
import { NODE_TYPES } from './node-types';
import { MessageOverlay } from './overlay/MessageOverlay';
import { ThinnedNotice } from './overlay/ThinnedNotice';
import { useCanvasActions } from './use-canvas-actions';

export const DRAG_KIND = 'application/x-switchboard-kind';

function Flow() {
  const project = useDocumentStore((s) => s.doc?.project);
  const theme = useUiStore((s) => s.theme);
  const selection = useCanvasStore((s) => s.selection);
  const selectedEdge = useCanvasStore((s) => s.edge);
  const setSelection = useCanvasStore((s) => s.setSelection);
  const selectEdge = useCanvasStore((s) => s.selectEdge);
  const flow = useReactFlow<SwitchboardNode>();
  const [nodes, setNodes] = useState<SwitchboardNode[]>([]);
  useCanvasActions();

  useEffect(() => {
    const sel = new Set(useCanvasStore.getState().selection);
    setNodes(project ? toFlowNodes(project).map((n) => ({ ...n, selected: sel.has(n.id) })) : []);
  }, [project]);
  // Selection made elsewhere (palette, find, event log) shows on the canvas.
  useEffect(() => {
    const sel = new Set(selection);
    setNodes((ns) => (ns.some((n) => !!n.selected !== sel.has(n.id)) ? ns.map((n) => ({ ...n, selected: sel.has(n.id) })) : ns));
  }, [selection]);

  const edges = useMemo(() => {
    const all = project ? toFlowEdges(project) : [];
    return all.map((e) => (selectedEdge === edgeKey(e.source, e.target) ? { ...e, selected: true, className: `${e.className ?? ''} is-selected` } : e));
  }, [project, selectedEdge]);

  const onSelectionChange = useCallback(
    ({ nodes: sel }: OnSelectionChangeParams<SwitchboardNode>) => {
      const ids = sel.map((n) => n.id);
      if (ids.length || useCanvasStore.getState().selection.length) setSelection(ids);
    },
    [setSelection],
  );

  const onDragStop = (_e: unknown, _node: SwitchboardNode, dragged: SwitchboardNode[]) => {
    const moved = new Map(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]));
    void editProject((p) => ({ ...p, nodes: p.nodes.map((n) => (moved.has(n.id) ? { ...n, position: moved.get(n.id) } : n)) }));
  };

  const onDrop = (e: DragEvent) => {
    const kind = e.dataTransfer.getData(DRAG_KIND) as NodeKind;
    if (!NODE_KINDS.includes(kind)) return;
    e.preventDefault();
    const pos = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    void addNodeAt(kind, { x: Math.round(pos.x - 80), y: Math.round(pos.y - 30) });
  };

  return (
    <div className="sb-canvas" data-testid="canvas" onDragOver={(e) => e.dataTransfer.types.includes(DRAG_KIND) && e.preventDefault()} onDrop={onDrop}>
      <ReactFlow<SwitchboardNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={theme}
        fitView
        minZoom={0.05}
        maxZoom={3}
        onlyRenderVisibleElements
        onNodesChange={(changes: NodeChange<SwitchboardNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns))}
        onNodeDragStop={onDragStop}
        onSelectionChange={onSelectionChange}
        onEdgeClick={(_e, edge) => selectEdge(edge.source, edge.target)}
        onPaneClick={() => setSelection([])}
        multiSelectionKeyCode={['Shift', 'Control', 'Meta']}
        selectionKeyCode="Shift"
        deleteKeyCode={null}
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap pannable zoomable nodeStrokeWidth={3} className="sb-minimap" style={{ width: 150, height: 96 }} />
        <Controls showInteractive={false} />
        <MessageOverlay />
      </ReactFlow>
      <ThinnedNotice />
      <FindNode />
      {project && project.nodes.length === 0 ? <div className="sb-canvas__empty">This project has no nodes yet: drag a kind from the palette.</div> : null}
    </div>
  );
}

/** Add a node of `kind` (from a drop, or the palette's + button) and select it. */
export async function addNodeAt(kind: NodeKind, position?: { x: number; y: number }): Promise<void> {
  const project = useDocumentStore.getState().doc?.project;
  if (!project) return;
  const node = newNode(project, kind, position);
  if (await editProject((p) => addNode(p, node))) useCanvasStore.getState().setSelection([node.id]);
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}
