// Selection sync between views, as pure rules: one selected event (by seq) for every view; the
// playhead goes where a view selects, and a playhead move selects its event. The RPC in focus
// follows the selected event when that event belongs to an RPC.
import type { TraceEvent } from '../../core/trace/event';

export interface SelectionView {
  /** Playhead index (-1 = before the first event). */
  position: number;
  selectedRpc: number | null;
}

/** Where the playhead goes when a view selects `seq` (null: stay). */
export function seekForSelection(seq: number | null, view: SelectionView, indexOfSeq: (seq: number) => number, eventAt: (i: number) => TraceEvent | undefined): number | null {
  if (seq === null) return null;
  if (eventAt(view.position)?.seq === seq) return null;
  const i = indexOfSeq(seq);
  return i >= 0 ? i : null;
}

/** The RPC in focus after the playhead lands on `e`. */
export function rpcInFocus(e: TraceEvent | undefined, current: number | null): number | null {
  return e?.rpc?.id ?? current;
}

/** Nodes an event involves (to highlight on the canvas). */
export function nodesOf(e: TraceEvent | undefined): string[] {
  if (!e) return [];
  const out = new Set<string>();
  if (e.from) out.add(e.from);
  if (e.to) out.add(e.to);
  for (const t of e.targets ?? []) out.add(t);
  if (e.at) out.add(e.at);
  return [...out];
}
