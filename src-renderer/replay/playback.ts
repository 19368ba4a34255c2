// Replay playback as pure steps: advance the playhead through virtual time at a speed and stop on
// the first breakpoint hit on the way. Hits are precomputed (sorted indexes), so a tick is two
// binary searches, never a scan of the trace.

/** First value > after in a sorted array, or -1. */
export function nextHitAfter(hits: ArrayLike<number>, after: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (hits[m] <= after) lo = m + 1;
    else hi = m;
  }
  return lo < hits.length ? hits[lo] : -1;
}

export interface TickInput {
  position: number;
  /** Virtual time shown before this tick. */
  t: number;
  /** Wall ms since the last tick × speed. */
  dt: number;
  length: number;
  /** i → event time. */
  timeOf(i: number): number;
  /** First index whose event time > t (so index - 1 is the last event at or before t). */
  indexAfterTime(t: number): number;
  hits: ArrayLike<number>;
}

export interface TickResult {
  position: number;
  t: number;
  /** Stopped on a breakpoint at `position`. */
  hit: boolean;
  /** Reached the last event. */
  ended: boolean;
}

export function playbackTick(inp: TickInput): TickResult {
  if (inp.length === 0) return { position: -1, t: 0, hit: false, ended: true };
  let t = inp.t + inp.dt;
  // Skip idle stretches: never wait more than ~a second of virtual time for the next event.
  const nextI = inp.position + 1;
  if (nextI < inp.length && inp.timeOf(nextI) > t + 1000) t = inp.timeOf(nextI);
  let target = Math.max(inp.position, inp.indexAfterTime(t) - 1);
  const h = nextHitAfter(inp.hits, inp.position);
  if (h >= 0 && h <= target) return { position: h, t: inp.timeOf(h), hit: true, ended: false };
  target = Math.min(target, inp.length - 1);
  return { position: target, t, hit: false, ended: target >= inp.length - 1 };
}
