// Auto-layout with elkjs: a layered left-to-right layout whose layers are the role columns
// (clients | proxies | lobby/game | master | services), ordered inside a column to cut crossings.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Project } from '../../core/model/schema';
import { ROLE_COLUMN, toFlowEdges } from './layout';

const NODE_W = 180;
const NODE_H = 72;

let elk: InstanceType<typeof ELK> | undefined;

export async function autoLayout(project: Project): Promise<Map<string, { x: number; y: number }>> {
  elk ??= new ELK();
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '28',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: project.nodes.map((n) => ({
      id: n.id,
      width: NODE_W,
      height: NODE_H,
      layoutOptions: { 'elk.partitioning.partition': String(ROLE_COLUMN[n.kind]) },
    })),
    // Only edges between columns shape the layers; service–service edges would fold the column.
    edges: toFlowEdges(project)
      .filter((e) => {
        const a = project.nodes.find((n) => n.id === e.source);
        const b = project.nodes.find((n) => n.id === e.target);
        return a && b && ROLE_COLUMN[a.kind] !== ROLE_COLUMN[b.kind];
      })
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await elk.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const c of out.children ?? []) positions.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return positions;
}
