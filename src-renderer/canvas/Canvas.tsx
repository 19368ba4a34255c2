// The topology canvas (structure only; moving messages will be one overlay on top, see CONTEXT.md).
// Dragging a node is a document edit: its position is saved into the project.
import { Background, Controls, ReactFlow, applyNodeChanges, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { getBridge } from '../bridge';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';
import { NODE_TYPES } from './node-types';
import { toFlowEdges, toFlowNodes, type SwitchboardNode } from './layout';

export function Canvas() {
  const doc = useDocumentStore((s) => s.doc);
  const theme = useUiStore((s) => s.theme);
  const select = useUiStore((s) => s.select);
  const project = doc?.project;
  const [nodes, setNodes] = useState<SwitchboardNode[]>([]);
  const edges = useMemo(() => (project ? toFlowEdges(project) : []), [project]);
  useEffect(() => setNodes(project ? toFlowNodes(project) : []), [project]);

  const onDragStop = (_e: unknown, node: SwitchboardNode) => {
    if (!project) return;
    const position = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
    const next = { ...project, nodes: project.nodes.map((n) => (n.id === node.id ? { ...n, position } : n)) };
    getBridge()
      .request('project.edit', { project: next })
      .then((d) => useDocumentStore.getState().setDoc(d))
      .catch((err: Error) => useUiStore.getState().notify('error', err.message));
  };

  return (
    <div className="sb-canvas" data-testid="canvas">
      <ReactFlow<SwitchboardNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={theme}
        fitView
        minZoom={0.2}
        onNodesChange={(changes: NodeChange<SwitchboardNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns))}
        onNodeDragStop={onDragStop}
        onNodeClick={(_e, n) => select(n.id)}
        onPaneClick={() => select(null)}
        nodesConnectable={false}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
      {project && project.nodes.length === 0 ? <div className="sb-canvas__empty">This project has no nodes yet.</div> : null}
    </div>
  );
}
