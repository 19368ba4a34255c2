// Which lifelines the sequence view draws: all nodes, the selected ones, the two ends of the RPC in
// focus, or the busiest N in the window around the playhead. "auto" is all of them for a small
// topology and the busiest ones for a large one (a 351-node project drew 351 columns). Nodes left
// out share one "(others)" lifeline. Pure.
import type { TraceEvent } from '../../core/trace/event';

export type LifelineMode = 'auto' | 'all' | 'selected' | 'rpc' | 'busiest';

/** Up to this many nodes, "auto" draws them all. */
export const AUTO_ALL_MAX = 12;
export const BUSIEST_DEFAULT = 10;
/** Never more lifelines than this (a selected group of 500 clients keeps its busiest). */
export const MAX_LIFELINES = 40;

/** Nodes by how many events of [from, to) they send, receive or are reached by, busiest first. */
export function busiest(get: (i: number) => TraceEvent, from: number, to: number, n: number): string[] {
  const count = new Map<string, number>();
  const bump = (id: string | undefined) => id !== undefined && count.set(id, (count.get(id) ?? 0) + 1);
  for (let i = from; i < to; i++) {
    const e = get(i);
    bump(e.from);
    bump(e.to);
    for (const t of e.targets ?? []) bump(t);
  }
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([id]) => id);
}

export interface LifelineContext {
  /** How many nodes the topology has. */
  nodes: number;
  selected: readonly string[];
  /** The RPC in focus: its requester and owner. */
  rpc: readonly string[];
  busiest(n: number): string[];
  n: number;
}

/** The nodes to draw (undefined: all of them). */
export function lifelines(mode: LifelineMode, ctx: LifelineContext): Set<string> | undefined {
  const cap = (ids: readonly string[]) => {
    if (ids.length <= MAX_LIFELINES) return new Set(ids);
    const set = new Set(ids);
    return new Set(ctx.busiest(ctx.nodes).filter((id) => set.has(id)).slice(0, MAX_LIFELINES));
  };
  switch (mode) {
    case 'all':
      return undefined;
    case 'auto':
      return ctx.nodes <= AUTO_ALL_MAX ? undefined : new Set(ctx.busiest(BUSIEST_DEFAULT));
    case 'selected':
      return ctx.selected.length ? cap(ctx.selected) : new Set();
    case 'rpc':
      return new Set(ctx.rpc);
    case 'busiest':
      return new Set(ctx.busiest(Math.max(1, Math.min(MAX_LIFELINES, ctx.n))));
  }
}
