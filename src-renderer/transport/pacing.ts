// The pacing rule (Packet Tracer's simulation mode, on a clock): displayed virtual time advances at
// `speed` virtual ms per wall ms, except
// - while few messages are moving, it slows so that the shortest hop on screen takes at least
//   `hopMs / speed` wall ms (a 20 ms hop at 1× takes 600 ms, not one frame);
// - it never passes the next event in one frame while pacing, so no hop is skipped whole;
// - an idle stretch (nothing moving, next event far) is waited out for at most `idleMs / speed`
//   wall ms (the rest is skipped);
// - it never passes `limit` (the last time known to be complete: the newest event, or the live
//   session's clock less a margin).
// Steady dense traffic (messages sent at more than `maxPacedLegs` distinct instants moving at once)
// is shown at plain speed: overlapping, thinned, or as rates in traffic mode; a burst (many legs
// sent at a few instants: a broadcast, 500 clients saying hello at once) is still paced. Pure.

export interface PacingInput {
  /** Displayed virtual time (ms). */
  t: number;
  /** Wall ms since the previous frame. */
  wallDt: number;
  speed: number;
  /** Minimum wall ms a hop takes on screen at 1× (0 = no pacing: plain time × speed). */
  hopMs: number;
  /** Virtual durations of the hops moving at t (one per moving leg). */
  hops: readonly number[];
  /** Distinct send times among the moving legs (default: one per leg). */
  instants?: number;
  /** Time of the next event after the playhead, when known. */
  nextT?: number;
  /** Furthest time the clock may reach. */
  limit: number;
  /** Longest wall wait on an idle stretch at 1× (ms); idleMs / speed at other speeds. */
  idleMs: number;
  /** Beyond this many distinct send instants moving, traffic is dense and not paced. */
  maxPacedLegs: number;
}

export interface PacingResult {
  t: number;
  /** Virtual ms per wall ms used this frame. */
  rate: number;
  /** True when pacing slowed the clock (a hop is being drawn at its minimum on-screen time). */
  paced: boolean;
}

/** Shortest hop that still counts (a 0 ms hop must not stop the clock for ever). */
export const MIN_HOP_VIRTUAL_MS = 0.05;

export function pacingOn(inp: Pick<PacingInput, 'hopMs' | 'speed' | 'hops' | 'instants' | 'maxPacedLegs'>): boolean {
  // Below two frames per hop, pacing would not show anything more than plain time does.
  return inp.hopMs > 0 && inp.hopMs / inp.speed >= 32 && (inp.instants ?? inp.hops.length) <= inp.maxPacedLegs;
}

export function advance(inp: PacingInput): PacingResult {
  const { t, speed, limit } = inp;
  const dt = Math.max(0, inp.wallDt);
  // At (or past) the limit: wait there; the clock never runs backwards.
  if (t >= limit) return { t, rate: 0, paced: false };
  const on = pacingOn(inp);
  let rate = speed;
  let paced = false;
  if (on && inp.hops.length > 0) {
    let shortest = Infinity;
    for (const h of inp.hops) shortest = Math.min(shortest, Math.max(MIN_HOP_VIRTUAL_MS, h));
    const capped = (shortest * speed) / inp.hopMs;
    if (capped < rate) {
      rate = capped;
      paced = true;
    }
  }
  let next = t + dt * rate;
  if (inp.nextT !== undefined && inp.nextT > t) {
    // Idle: nothing moving and the next event is far — wait at most idleMs / speed wall ms for it
    // (idleMs of virtual time at the plain rate).
    const maxWait = inp.idleMs;
    if (inp.hops.length === 0 && inp.nextT - t > maxWait) next = Math.max(next, inp.nextT - maxWait + dt * speed);
    // Pacing: land on the next event, so its hop (if it is a send) is drawn from its start.
    if (on) next = Math.min(next, inp.nextT);
  }
  return { t: Math.min(next, limit), rate, paced };
}
