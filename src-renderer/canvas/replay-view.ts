// What the canvas shows of the replay state at the playhead (core/replay `ReplayState`), per node
// and per edge, as plain data: which server a client is on (or moving to), which players a
// lobby/game holds, whether a node is down, the RPCs a requester is waiting on, and cut or lossy
// links. Pure; the node components only render it. Views are reused when unchanged so a playhead
// step re-renders only the nodes whose view changed.
import type { Edge } from '@xyflow/react';
import type { NodeSpec } from '../../core/model/schema';
import type { Cluster } from './grouping';
import type { SwitchboardNode } from './layout';
import { linkKey, type ReplayState } from '../../core/replay/state';
import type { RpcState } from '../../core/trace/event';

export interface PendingView {
  count: number;
  /** Distinct states in lifecycle order, e.g. "requested, handling". */
  states: string;
  /** One line per call, for the title. */
  detail: string;
}

export interface NodeReplayView {
  down: boolean;
  /** client: the server it is on ("4000"), "offline" when not logged in. */
  on?: string;
  /** client: the server it is transferring to. */
  transferTo?: string;
  /** lobby/game: the clients on it (names), in id order. */
  players?: string[];
  /** RPCs this node requested and is still waiting on. */
  pending?: PendingView;
}

const STATE_ORDER: RpcState[] = ['requested', 'delivered', 'handling', 'responded', 'noRoute', 'noHandler', 'completed', 'timedOut'];

function serverLabel(id: string, byId: ReadonlyMap<string, NodeSpec>): string {
  const s = byId.get(id);
  return s?.serverId !== undefined ? String(s.serverId) : id;
}

/** Per-node view of `state` for the nodes in `specs`. */
export function nodeViews(state: ReplayState, specs: readonly NodeSpec[]): Map<string, NodeReplayView> {
  const byId = new Map(specs.map((s) => [s.id, s]));
  const players = new Map<string, string[]>();
  const clientIds = [...state.clients.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const id of clientIds) {
    const c = state.clients.get(id);
    if (!c?.server) continue;
    const list = players.get(c.server) ?? [];
    list.push(byId.get(id)?.name ?? id);
    players.set(c.server, list);
  }
  const pending = new Map<string, { count: number; states: Set<RpcState>; lines: string[] }>();
  for (const p of state.pendingRpcs.values()) {
    if (!p.requester) continue;
    const v = pending.get(p.requester) ?? { count: 0, states: new Set<RpcState>(), lines: [] };
    v.count++;
    v.states.add(p.state);
    v.lines.push(`#${p.id} ${p.event || p.api}: ${p.state}`);
    pending.set(p.requester, v);
  }
  const out = new Map<string, NodeReplayView>();
  for (const spec of specs) {
    const view: NodeReplayView = { down: state.down.has(spec.id) };
    if (spec.kind === 'client') {
      const c = state.clients.get(spec.id);
      view.on = c?.server ? serverLabel(c.server, byId) : 'offline';
      if (c?.inTransfer && c.transferTo) view.transferTo = serverLabel(c.transferTo, byId);
    }
    if (spec.kind === 'lobby' || spec.kind === 'game') view.players = players.get(spec.id) ?? [];
    const p = pending.get(spec.id);
    if (p) view.pending = { count: p.count, states: STATE_ORDER.filter((s) => p.states.has(s)).join(', '), detail: p.lines.join('\n') };
    out.set(spec.id, view);
  }
  return out;
}

export function sameView(a: NodeReplayView | undefined, b: NodeReplayView | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.down === b.down &&
    a.on === b.on &&
    a.transferTo === b.transferTo &&
    (a.players === undefined) === (b.players === undefined) &&
    (a.players ?? []).join('\n') === (b.players ?? []).join('\n') &&
    a.pending?.count === b.pending?.count &&
    a.pending?.states === b.pending?.states &&
    a.pending?.detail === b.pending?.detail
  );
}

/**
 * Nodes with `views` put in their data (`data.replay`); `null` removes them (following live). A
 * node whose view did not change keeps its object, so React Flow re-renders only what changed.
 */
export function withViews<N extends { id: string; data: { replay?: NodeReplayView } }>(nodes: N[], views: ReadonlyMap<string, NodeReplayView> | null): N[] {
  let changed = false;
  const out = nodes.map((n) => {
    const m = withView(n, views?.get(n.id));
    if (m !== n) changed = true;
    return m;
  });
  return changed ? out : nodes;
}

/** The node itself when its view is unchanged, else a copy carrying `next` (none: no view). */
function withView<N extends { data: { replay?: NodeReplayView } }>(n: N, next: NodeReplayView | undefined): N {
  if (sameView(n.data.replay, next)) return n;
  const data = { ...n.data };
  if (next) data.replay = next;
  else delete data.replay;
  return { ...n, data };
}

/** A folded group's state at the playhead: how many members are down, online (clients), hold
 * players (servers), and RPCs they wait on. */
export interface ClusterView {
  down: number;
  online?: number;
  players?: number;
  pending: number;
}

export function clusterViews(views: ReadonlyMap<string, NodeReplayView>, clusters: readonly Cluster[]): Map<string, ClusterView> {
  const out = new Map<string, ClusterView>();
  for (const c of clusters) {
    const v: ClusterView = { down: 0, pending: 0 };
    if (c.kind === 'client') v.online = 0;
    if (c.kind === 'lobby' || c.kind === 'game') v.players = 0;
    for (const id of c.members) {
      const m = views.get(id);
      if (!m) continue;
      if (m.down) v.down++;
      if (v.online !== undefined && m.on !== undefined && m.on !== 'offline') v.online++;
      if (v.players !== undefined) v.players += m.players?.length ?? 0;
      v.pending += m.pending?.count ?? 0;
    }
    out.set(c.id, v);
  }
  return out;
}

export function sameClusterView(a: ClusterView | undefined, b: ClusterView | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.down === b.down && a.online === b.online && a.players === b.players && a.pending === b.pending;
}

/** Cards with views put in their data: `replay` on a node's card, `view` on a folded group's. */
export function withCardViews(nodes: SwitchboardNode[], views: ReadonlyMap<string, NodeReplayView> | null, groups: ReadonlyMap<string, ClusterView> | null): SwitchboardNode[] {
  let changed = false;
  const out = nodes.map((n): SwitchboardNode => {
    if (n.type === 'cluster') {
      const next = groups?.get(n.id);
      if (sameClusterView(n.data.view, next)) return n;
      changed = true;
      const data = { ...n.data };
      if (next) data.view = next;
      else delete data.view;
      return { ...n, data };
    }
    const m = withView(n, views?.get(n.id));
    if (m !== n) changed = true;
    return m;
  });
  return changed ? out : nodes;
}

/** Edges styled by the state: a cut link red and dashed ("cut"), a lossy one labelled with its loss. */
export function withLinkState(edges: readonly Edge[], state: Pick<ReplayState, 'cutLinks' | 'linkLoss'> | null): Edge[] {
  if (!state || (state.cutLinks.size === 0 && state.linkLoss.size === 0)) return [...edges];
  return edges.map((e) => {
    const k = linkKey(e.source, e.target);
    if (state.cutLinks.has(k)) return { ...e, className: `${e.className ?? ''} is-cut`.trim(), label: 'cut', data: { ...e.data, cut: true } };
    const loss = state.linkLoss.get(k);
    if (loss !== undefined) return { ...e, className: `${e.className ?? ''} is-lossy`.trim(), label: `${Math.round(loss * 100)}% loss` };
    return e;
  });
}
