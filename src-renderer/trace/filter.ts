// Event-log filters: by node (sender, receiver, path, targets, drop place), interface, event name, type.
import type { EventType, TraceEvent } from '../../core/trace/event';

export interface LogFilter {
  node: string;
  api: string;
  event: string;
  type: EventType | '';
  /** Hide registrations (there are many at t=0 and they rarely matter while debugging). */
  hideRegister?: boolean;
}

export const NO_FILTER: LogFilter = { node: '', api: '', event: '', type: '' };

export function touchesNode(e: TraceEvent, node: string): boolean {
  return e.from === node || e.to === node || e.at === node || (e.targets?.includes(node) ?? false) || (e.path?.includes(node) ?? false);
}

export function matches(e: TraceEvent, f: LogFilter): boolean {
  if (f.type && e.type !== f.type) return false;
  if (f.hideRegister && e.type === 'register') return false;
  if (f.api && e.api !== f.api) return false;
  if (f.event && !(e.event ?? '').toLowerCase().includes(f.event.toLowerCase())) return false;
  if (f.node && !touchesNode(e, f.node)) return false;
  return true;
}

export function isEmpty(f: LogFilter): boolean {
  return !f.node && !f.api && !f.event && !f.type && !f.hideRegister;
}

/**
 * Incremental filtering: indices (into `events`) of matching events from `from` on, appended to
 * `out`. Holes (skipped events) are left out.
 */
export function filterFrom(events: readonly (TraceEvent | undefined)[], f: LogFilter, from: number, out: number[]): number[] {
  const all = isEmpty(f);
  for (let i = from; i < events.length; i++) {
    const e = events[i];
    if (e && (all || matches(e, f))) out.push(i);
  }
  return out;
}

/** How many of the sorted row indexes are at or before the playhead `position`. */
export function rowsUpTo(rows: readonly number[], position: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (rows[m] <= position) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** Rows [first, last) of a fixed-height list that a viewport shows, with some overscan. */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
