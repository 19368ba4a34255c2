// One direction for node selection: the canvas store owns it, nodes get `selected` from it, and
// React Flow's "select" changes (a click, Shift+click, a selection box) are turned into a new
// store selection. React Flow never hands the selection back on its own, so the two cannot chase
// each other (React error #185 when a node was added with a connection selected).
import type { NodeChange } from '@xyflow/react';

/** The selection after React Flow's changes, or null when they select nothing new. */
export function selectionAfter(changes: readonly NodeChange[], current: readonly string[]): string[] | null {
  const picks = changes.filter((c): c is Extract<NodeChange, { type: 'select' }> => c.type === 'select');
  if (picks.length === 0) return null;
  const next = new Set(current);
  for (const c of picks) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  const out = [...current.filter((id) => next.has(id)), ...[...next].filter((id) => !current.includes(id))];
  return out.length === current.length && out.every((id, i) => id === current[i]) ? null : out;
}

/** Nodes with `selected` as the store says; unchanged nodes keep their object. */
export function withSelection<N extends { id: string; selected?: boolean }>(nodes: N[], selection: readonly string[]): N[] {
  const sel = new Set(selection);
  let changed = false;
  const out = nodes.map((n) => {
    if (!!n.selected === sel.has(n.id)) return n;
    changed = true;
    return { ...n, selected: sel.has(n.id) };
  });
  return changed ? out : nodes;
}
