// How long a marker (drop ✕, unhandled ?, callback ✓, timeout !, error E) stays on the overlay, in wall
// time: it appears when the clock passes its event and goes after `lifeMs` wall ms, whatever the
// speed (a virtual-time window scaled by speed kept them ~24 virtual s at 16×, and for ever while
// paused at that speed). Only markers just behind where the clock is going are admitted (pass
// them from the clock's target, not its eased value), so a seek or a jump does not pop up every
// marker it passes; an admitted marker shows once the eased clock reaches it. The marker of the pinned event (the playhead's, or the
// one selected) stays while it is pinned. Pure (wall time is passed in).
import type { Marker } from './flights';

export interface MarkerLifeOptions {
  /** Wall ms a marker stays. */
  lifeMs?: number;
  /** Admit markers at most this many wall ms (× speed in virtual ms) behind the clock... */
  admitWallMs?: number;
  /** ...and never fewer than this many virtual ms (frames at low speed). */
  minAdmitMs?: number;
}

export class MarkerLife {
  private readonly seen = new Map<number, { m: Marker; since: number }>();
  readonly lifeMs: number;
  private readonly admitWallMs: number;
  private readonly minAdmitMs: number;

  constructor(opts: MarkerLifeOptions = {}) {
    this.lifeMs = opts.lifeMs ?? 1500;
    this.admitWallMs = opts.admitWallMs ?? 250;
    this.minAdmitMs = opts.minAdmitMs ?? 250;
  }

  /** Virtual ms behind the clock to look for new markers at `rate` (virtual ms per wall ms). */
  admitWindow(rate: number): number {
    return Math.max(this.minAdmitMs, this.admitWallMs * Math.max(rate, 0));
  }

  /**
   * Markers to draw at virtual time `t`, wall time `wall`. `fresh`: markers of events in
   * (target - admitWindow, target] where target is where the clock is heading (t itself when it
   * is not easing); `pinned`: the marker that stays regardless of age.
   */
  update(fresh: readonly Marker[], t: number, wall: number, pinned?: Marker | null): Marker[] {
    const admitted = new Set<number>();
    for (const m of fresh) {
      admitted.add(m.seq);
      if (!this.seen.has(m.seq)) this.seen.set(m.seq, { m, since: wall });
    }
    const out: Marker[] = [];
    for (const [seq, s] of this.seen) {
      // The clock went back before it (a seek backwards): forget it, it shows again when passed.
      if (s.m.t > t) {
        this.seen.delete(seq);
        continue;
      }
      const alive = wall - s.since < this.lifeMs;
      // An expired marker is remembered while it is still admissible, so it does not come back.
      if (!alive && !admitted.has(seq)) this.seen.delete(seq);
      else if (alive && seq !== pinned?.seq) out.push(s.m);
    }
    if (pinned && pinned.t <= t) out.push(pinned);
    return out.sort((a, b) => a.t - b.t || a.seq - b.seq);
  }

  clear(): void {
    this.seen.clear();
  }
}
