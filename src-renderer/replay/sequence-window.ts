// Which slice of the trace the sequence view draws: a window of events around the playhead, so a
// long trace never renders more than a few hundred rows.
export const WINDOW_BEFORE = 150;
export const WINDOW_AFTER = 150;

export function sequenceWindow(position: number, length: number, before = WINDOW_BEFORE, after = WINDOW_AFTER): { from: number; to: number } {
  const at = Math.max(0, Math.min(position, length - 1));
  let from = Math.max(0, at - before);
  let to = Math.min(length, at + after + 1);
  // Near an end, use the spare room on the other side.
  if (to - from < before + after + 1) {
    if (from === 0) to = Math.min(length, before + after + 1);
    else if (to === length) from = Math.max(0, length - before - after - 1);
  }
  return { from, to };
}

/** Row to highlight: the last row at or before the playhead (rows are in index order). */
export function rowAtPosition(rowIndexes: readonly number[], position: number): number {
  let lo = 0;
  let hi = rowIndexes.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (rowIndexes[m] <= position) lo = m + 1;
    else hi = m;
  }
  return lo - 1;
}
