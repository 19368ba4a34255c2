// From a project to React Flow nodes and edges. Nodes without a saved position are laid out in
// role columns, left to right: clients | proxies | lobby/game | master | services.
import type { Edge, Node } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { NodeKind, NodeSpec, Project } from '../../core/model/schema';
import type { NodeReplayView } from './replay-view';

export const ROLE_COLUMN: Record<NodeKind, number> = { client: 0, proxy: 1, lobby: 2, game: 2, master: 3, service: 4 };
export const COLUMN_WIDTH = 300;
export const ROW_HEIGHT = 110;

/** `replay`: the playhead's state of the node, while the playhead (not the live session) is shown. */
export type SwitchboardNodeData = { spec: NodeSpec; replay?: NodeReplayView };
export type SwitchboardNode = Node<SwitchboardNodeData, NodeKind>;

export function layoutPositions(nodes: readonly NodeSpec[]): Map<string, { x: number; y: number }> {
  const columns = new Map<number, NodeSpec[]>();
  for (const n of nodes) {
    const col = ROLE_COLUMN[n.kind];
    columns.set(col, [...(columns.get(col) ?? []), n]);
  }
  const tallest = Math.max(0, ...[...columns.values()].map((c) => c.length));
  const out = new Map<string, { x: number; y: number }>();
  for (const [col, list] of columns) {
    // Center each column against the tallest one.
    const offset = ((tallest - list.length) * ROW_HEIGHT) / 2;
    list.forEach((n, row) => out.set(n.id, n.position ?? { x: col * COLUMN_WIDTH, y: offset + row * ROW_HEIGHT }));
  }
  return out;
}

export function toFlowNodes(project: Project): SwitchboardNode[] {
  const pos = layoutPositions(project.nodes);
  return project.nodes.map((spec) => ({
    id: spec.id,
    type: spec.kind,
    position: pos.get(spec.id) ?? { x: 0, y: 0 },
    data: { spec },
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
  }));
}

/**
 * Edges: the connections Apollo implies (client–proxy, proxy–lobby/game, proxy–service (a client's
 * NotifyToServiceNode and a service's RemoteNotifyToClient go through the proxy), every
 * server–master, lobby/game–service, service–service), dashed, plus the project's explicit links, solid, labelled
 * with their latency/loss; a link replaces the implied edge between the same pair.
 */
export function toFlowEdges(project: Project): Edge[] {
  const byServerId = new Map(project.nodes.filter((n) => n.serverId !== undefined).map((n) => [n.serverId as number, n]));
  const kind = new Map(project.nodes.map((n) => [n.id, n.kind]));
  const edges = new Map<string, Edge>();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const implied = (s: string, t: string) => {
    if (s !== t && !edges.has(key(s, t))) edges.set(key(s, t), { id: `implied:${s}->${t}`, source: s, target: t, className: 'implied' });
  };
  const of = (...kinds: NodeKind[]) => project.nodes.filter((n) => kinds.includes(n.kind));
  for (const c of of('client')) {
    const proxy = c.proxy !== undefined ? byServerId.get(c.proxy) : undefined;
    if (proxy) implied(c.id, proxy.id);
  }
  const services = of('service');
  for (const p of of('proxy')) for (const s of of('lobby', 'game')) implied(p.id, s.id);
  for (const p of of('proxy')) for (const svc of services) implied(p.id, svc.id);
  for (const m of of('master')) {
    for (const s of of('proxy', 'lobby', 'game')) implied(s.id, m.id);
    for (const svc of services) implied(m.id, svc.id);
  }
  for (const s of of('lobby', 'game')) for (const svc of services) implied(s.id, svc.id);
  for (let i = 0; i < services.length; i++) for (let j = i + 1; j < services.length; j++) implied(services[i].id, services[j].id);
  for (const l of project.links) {
    const ka = kind.get(l.a);
    const kb = kind.get(l.b);
    if (!ka || !kb) continue;
    const [s, t] = ROLE_COLUMN[ka] <= ROLE_COLUMN[kb] ? [l.a, l.b] : [l.b, l.a];
    edges.set(key(s, t), { id: `link:${s}->${t}`, source: s, target: t, label: linkLabel(l) });
  }
  return [...edges.values()];
}

function linkLabel(l: Project['links'][number]): string | undefined {
  const parts = [l.latencyMs !== undefined ? `${l.latencyMs} ms` : '', l.jitterMs ? `±${l.jitterMs}` : '', l.loss ? `${Math.round(l.loss * 100)}% loss` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}
