// A zoomable, pannable window of virtual time (the RPC timeline's x axis): zoom keeps the time
// under the cursor in place, pan moves by a fraction of the window, both stay inside the trace's
// range (a little margin allowed); ticks fall on round values. Pure.
export interface TimeView {
  start: number;
  end: number;
}

/** Smallest window (virtual ms) a zoom reaches. */
export const MIN_SPAN = 0.05;

function clampView(v: TimeView, bounds: TimeView): TimeView {
  const full = Math.max(MIN_SPAN, bounds.end - bounds.start);
  const span = Math.min(full, Math.max(MIN_SPAN, v.end - v.start));
  let start = Math.max(bounds.start, Math.min(v.start, bounds.start + full - span));
  if (!Number.isFinite(start)) start = bounds.start;
  return { start, end: start + span };
}

/** Zoom by `factor` (< 1 zooms in) keeping the time at `anchor` (0..1 across the window) in place. */
export function zoomView(v: TimeView, factor: number, anchor: number, bounds: TimeView): TimeView {
  const span = v.end - v.start;
  const at = v.start + span * Math.min(1, Math.max(0, anchor));
  const next = Math.max(MIN_SPAN, span * factor);
  return clampView({ start: at - next * anchor, end: at - next * anchor + next }, bounds);
}

/** Move by `delta` windows (0.1 = a tenth of the window to the right). */
export function panView(v: TimeView, delta: number, bounds: TimeView): TimeView {
  const span = v.end - v.start;
  return clampView({ start: v.start + span * delta, end: v.end + span * delta }, bounds);
}

/** The window centred on t (same span), inside the bounds. */
export function centreOn(v: TimeView, t: number, bounds: TimeView): TimeView {
  const span = v.end - v.start;
  return clampView({ start: t - span / 2, end: t + span / 2 }, bounds);
}

/** 0 at the window's start, 1 at its end (outside: below 0 or above 1). */
export function fracOf(v: TimeView, t: number): number {
  return (t - v.start) / Math.max(MIN_SPAN, v.end - v.start);
}

/** Round tick values (1, 2 or 5 × 10^k apart), about `count` of them, inside the window. */
export function ticks(v: TimeView, count = 6): number[] {
  const span = Math.max(MIN_SPAN, v.end - v.start);
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let t = Math.ceil(v.start / step) * step; t <= v.end + 1e-9 && out.length < 100; t += step) out.push(Math.round(t / step) * step);
  return out;
}
