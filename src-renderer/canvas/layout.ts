// From a project to React Flow nodes and edges. Cards (grouping.ts: a node, or a folded group of
// them) without a saved position are laid out in role columns, left to right: clients | proxies |
// lobby/game | master | services; a column with many cards draws them compact (name only).
import type { Edge, Node } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { NodeKind, NodeSpec, Project } from '../../core/model/schema';
import { groupCards, type Card, type Cluster, type Grouping } from './grouping';
import type { ClusterView, NodeReplayView } from './replay-view';
import { ROLE_COLUMN } from './roles';

export { ROLE_COLUMN };
export const COLUMN_WIDTH = 280;
export const ROW_HEIGHT = 110;
export const COMPACT_ROW_HEIGHT = 54;

/** `replay`: the node's state at the playhead; `compact`: drawn with its name only. */
export type SwitchboardNodeData = { spec: NodeSpec; replay?: NodeReplayView; compact?: boolean };
export type SpecNode = Node<SwitchboardNodeData, NodeKind>;
/** A folded group of nodes: count, live state at the playhead, expandable. */
export type ClusterNodeData = { cluster: Cluster; view?: ClusterView };
export type ClusterNode = Node<ClusterNodeData, 'cluster'>;
export type SwitchboardNode = SpecNode | ClusterNode;

export function isClusterNode(n: SwitchboardNode): n is ClusterNode {
  return n.type === 'cluster';
}

/** Saved positions of all members (a folded group sits at their top-left), else undefined. */
function savedPosition(card: Card, byId: ReadonlyMap<string, NodeSpec>): { x: number; y: number } | undefined {
  if (card.node) return card.node.position;
  const ps = card.cluster.members.map((m) => byId.get(m)?.position);
  if (ps.length === 0 || ps.some((p) => !p)) return undefined;
  return { x: Math.min(...ps.map((p) => p!.x)), y: Math.min(...ps.map((p) => p!.y)) };
}

/** Members of an expanded group: a grid of compact cards, MEMBER_ROWS high. */
export const MEMBER_ROWS = 10;
export const MEMBER_COLUMN_WIDTH = 190;

export function layoutCards(g: Grouping, byId: ReadonlyMap<string, NodeSpec> = new Map()): Map<string, { x: number; y: number }> {
  const columns = new Map<number, Card[]>();
  const members = new Map<string, Card[]>();
  for (const c of g.cards) {
    if (c.parent) {
      members.set(c.parent, [...(members.get(c.parent) ?? []), c]);
      continue;
    }
    const col = ROLE_COLUMN[c.kind];
    columns.set(col, [...(columns.get(col) ?? []), c]);
  }
  // Group cards keep a full slot in a compact column (they show a count and state).
  const slot = (c: Card, col: number) => (g.compact.has(col) && !c.cluster ? COMPACT_ROW_HEIGHT : ROW_HEIGHT);
  const heights = new Map([...columns].map(([col, list]) => [col, list.reduce((h, c) => h + slot(c, col), 0)]));
  const tallest = Math.max(0, ...heights.values());
  const out = new Map<string, { x: number; y: number }>();
  for (const [col, list] of columns) {
    // Center each column against the tallest one.
    let y = (tallest - (heights.get(col) ?? 0)) / 2;
    for (const c of list) {
      out.set(c.id, savedPosition(c, byId) ?? { x: col * COLUMN_WIDTH, y });
      y += slot(c, col);
    }
  }
  // An expanded group's members, beside it without moving any column: clients to the left of
  // theirs, services to the right, the others in a drawer under the columns.
  const last = Math.max(0, ...columns.keys());
  let drawer = tallest + 40;
  for (const [parent, list] of members) {
    const at = out.get(parent) ?? { x: 0, y: 0 };
    const col = ROLE_COLUMN[list[0].kind];
    list.forEach((c, k) => {
      const sub = Math.floor(k / MEMBER_ROWS);
      const row = k % MEMBER_ROWS;
      const p =
        col === 0
          ? { x: at.x - (sub + 1) * MEMBER_COLUMN_WIDTH, y: at.y + row * COMPACT_ROW_HEIGHT }
          : col === last
            ? { x: at.x + 40 + (sub + 1) * MEMBER_COLUMN_WIDTH, y: at.y + row * COMPACT_ROW_HEIGHT }
            : { x: at.x + sub * MEMBER_COLUMN_WIDTH, y: drawer + row * COMPACT_ROW_HEIGHT };
      out.set(c.id, savedPosition(c, byId) ?? p);
    });
    if (col !== 0 && col !== last) drawer += MEMBER_ROWS * COMPACT_ROW_HEIGHT + 40;
  }
  return out;
}

/** Positions of nodes laid out one card each (no grouping). */
export function layoutPositions(nodes: readonly NodeSpec[]): Map<string, { x: number; y: number }> {
  return layoutCards({ cards: nodes.map((n) => ({ id: n.id, kind: n.kind, node: n })), cardOf: new Map(), compact: new Set() });
}

export function toFlowNodes(project: Project, g: Grouping = groupCards(project)): SwitchboardNode[] {
  const byId = new Map(project.nodes.map((n) => [n.id, n]));
  const pos = layoutCards(g, byId);
  return g.cards.map((c): SwitchboardNode => {
    const common = { id: c.id, position: pos.get(c.id) ?? { x: 0, y: 0 }, sourcePosition: Position.Right, targetPosition: Position.Left };
    if (c.cluster) return { ...common, type: 'cluster', data: { cluster: c.cluster }, draggable: false };
    const compact = g.compact.has(ROLE_COLUMN[c.kind]) || c.parent !== undefined;
    return { ...common, type: c.kind, data: compact ? { spec: c.node, compact } : { spec: c.node } };
  });
}

/** Member-level edges drawn between the cards that show their ends (one per pair of cards). */
export function cardEdges(edges: readonly Edge[], cardOf: ReadonlyMap<string, string>): Edge[] {
  const out = new Map<string, Edge>();
  for (const e of edges) {
    const s = cardOf.get(e.source) ?? e.source;
    const t = cardOf.get(e.target) ?? e.target;
    if (s === t) continue;
    if (s === e.source && t === e.target) {
      out.set(`${s}|${t}`, e);
      continue;
    }
    const key = `${s}|${t}`;
    if (!out.has(key) && !out.has(`${t}|${s}`)) out.set(key, { id: `cards:${s}->${t}`, source: s, target: t, className: 'implied' });
  }
  return [...out.values()];
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
