// The one transport: play / pause / step / speed for live runs and replays alike. It owns the
// displayed virtual time `t` and the playhead position (the last event at or before `t`), and
// advances them frame by frame under the pacing rule (pacing.ts). A live session's host runs
// ahead in real time; the transport plays the events it has streamed, so the picture may trail
// the host: it holds the host (pause) when the host gets more than `leadMs` of virtual time ahead
// and lets it run again when the picture has caught up half way. A host that stops on its own
// (scenario end, another window) is left stopped: the picture plays to its last event and stops.
// Everything it needs comes in through `TransportDeps`, so it is tested without a browser.
import { advance } from './pacing';

export interface Timeline {
  /** Events indexed (a contiguous prefix of the stream). */
  readonly length: number;
  timeOf(i: number): number;
  /** First index whose time is > t. */
  indexAfterTime(t: number): number;
}

export interface HostStatusView {
  now: number;
  running: boolean;
  speed: number;
  /** Events the host has recorded. */
  events: number;
  /** Wall time (performance.now()) when this status arrived. */
  at: number;
}

/** The live session behind the stream; `status()` is null when there is none (an opened trace). */
export interface HostPort {
  status(): HostStatusView | null;
  run(): Promise<unknown>;
  pause(): Promise<unknown>;
  step(): Promise<unknown>;
  setSpeed(speed: number): Promise<unknown>;
}

export interface TransportDeps {
  timeline(): Timeline;
  host: HostPort;
  /** The hops moving at t among events up to index `upTo`: their virtual durations (one per leg)
   * and how many distinct send times they have. */
  moving(t: number, upTo: number): { hops: readonly number[]; instants: number };
  /** Sorted playhead indexes where enabled breakpoints hit. */
  hits(): ArrayLike<number>;
  /**
   * The playhead moved by time ('position'), or landed where the user sent it — a seek, a step, a
   * breakpoint — so its event should be selected ('select'), or play state changed ('state').
   */
  changed(reason: 'position' | 'select' | 'state'): void;
}

export interface TransportOptions {
  /** Longest wall wait on an idle stretch at 1×. */
  idleMs: number;
  /** Beyond this many legs moving, traffic is dense: plain speed. */
  maxPacedLegs: number;
  /** Hold the host when it is this many virtual ms (× speed, at least) ahead of the picture. */
  leadMs: number;
  /** Trail a running host by this many wall ms (× speed), so events stream in before they are shown. */
  marginMs: number;
}

export const DEFAULT_HOP_MS = 600;
export const HOP_CHOICES = [0, 300, 600, 1200] as const;
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 10, 16, 100] as const;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
export const clampSpeed = (s: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, Number.isFinite(s) ? s : 1));

export function neighbourSpeed(speed: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed - 1e-9);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + dir))];
}

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

const DEFAULTS: TransportOptions = { idleMs: 150, maxPacedLegs: 40, leadMs: 1500, marginMs: 150 };

export class Transport {
  /** Displayed virtual time (ms). */
  t = 0;
  /** Playhead: index of the last event shown; -1 before the first. */
  position = -1;
  playing = false;
  speed = 1;
  hopMs = DEFAULT_HOP_MS;
  /** At the head: new events at or before `t` join the picture (a call fired while paused shows). */
  follow = true;
  /** The breakpoint hit playback last stopped on (a playhead index), else null. */
  stoppedOnHit: number | null = null;
  private stepTo: number | null = null;
  private lastWall: number | null = null;
  /** What the transport last asked of the host. */
  private wantHost: 'run' | 'pause' = 'pause';
  /** The host was paused by the transport to keep it near the picture (it may run it again). */
  private held = false;
  private hostBusy = 0;
  /** Wall time the last run request was answered: a status after it saying "paused" means the host stopped on its own. */
  private runAckAt = -Infinity;
  /** The host's event count as of its last answer to the transport: events beyond it, recorded while
   * the host is paused, were caused by the user (a fired call, a fault), so the picture jumps to them. */
  private hostEventsKnown: number | null = null;
  private readonly opts: TransportOptions;

  constructor(
    private readonly deps: TransportDeps,
    opts: Partial<TransportOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** Playing, or animating a step. */
  get moving(): boolean {
    return this.playing || this.stepTo !== null;
  }

  /** A new stream: a live session starts at its head (time 0 events shown), an opened trace before its first event. */
  reset(kind: 'session' | 'trace'): void {
    this.t = 0;
    this.position = -1;
    this.playing = false;
    this.stepTo = null;
    this.stoppedOnHit = null;
    this.follow = kind === 'session';
    this.wantHost = 'pause';
    this.held = false;
    this.hostEventsKnown = null;
    this.deps.changed('state');
  }

  play(wall?: number): void {
    const tl = this.deps.timeline();
    const live = this.deps.host.status() !== null;
    // A finished replay starts again from the beginning.
    if (!live && tl.length > 0 && this.position >= tl.length - 1) this.seek(-1);
    this.playing = true;
    this.stepTo = null;
    this.stoppedOnHit = null;
    if (wall !== undefined) this.lastWall = wall;
    if (live) {
      const st = this.deps.host.status();
      if (st && st.speed !== this.speed) this.hostCall(() => this.deps.host.setSpeed(this.speed));
      this.runHost();
    }
    this.deps.changed('state');
  }

  pause(): void {
    const was = this.moving;
    this.playing = false;
    this.stepTo = null;
    this.held = false;
    if (this.deps.host.status() !== null && this.wantHost === 'run') this.pauseHost();
    if (was) this.deps.changed('state');
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Animate to the next event (asking a live host for one when the picture is at its head). */
  step(): void {
    if (this.playing) this.pause();
    const tl = this.deps.timeline();
    this.stoppedOnHit = null;
    // Stepping again before the last step finished: finish it at once, then take the next.
    if (this.stepTo !== null && this.stepTo < tl.length) this.seek(this.stepTo);
    if (this.position < tl.length - 1) {
      this.stepTo = this.position + 1;
    } else if (this.deps.host.status() !== null) {
      this.stepTo = tl.length;
      this.wantHost = 'pause';
      this.hostCall(() => this.deps.host.step());
    }
    this.deps.changed('state');
  }

  /** Jump the playhead to event i (-1: before the first). Playing goes on from there. */
  seek(i: number): void {
    const tl = this.deps.timeline();
    const p = Math.max(-1, Math.min(i, tl.length - 1));
    this.position = p;
    this.t = p >= 0 ? tl.timeOf(p) : tl.length > 0 ? Math.min(0, tl.timeOf(0)) : 0;
    this.stepTo = null;
    this.stoppedOnHit = null;
    this.follow = p >= tl.length - 1;
    this.deps.changed('select');
  }

  /** Show event `from`, then animate (paced) up to event `to` and stop there: a tour step's own hop. */
  playThrough(from: number, to: number): void {
    this.pause();
    this.seek(from);
    const tl = this.deps.timeline();
    if (to > from && to < tl.length) this.stepTo = to;
    this.deps.changed('state');
  }

  /** Back to the head of the stream (and the live host's clock). */
  goLive(): void {
    const tl = this.deps.timeline();
    this.seek(tl.length - 1);
    const st = this.deps.host.status();
    if (st && !st.running) this.t = Math.max(this.t, st.now);
    this.follow = true;
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    if (this.deps.host.status() !== null) this.hostCall(() => this.deps.host.setSpeed(this.speed));
    this.deps.changed('state');
  }

  setHopMs(ms: number): void {
    this.hopMs = Math.max(0, Math.min(5000, Number.isFinite(ms) ? ms : DEFAULT_HOP_MS));
    this.deps.changed('state');
  }

  /** The furthest time the picture may show now. */
  limit(wall: number): number {
    const tl = this.deps.timeline();
    const lastT = tl.length > 0 ? tl.timeOf(tl.length - 1) : 0;
    const st = this.deps.host.status();
    if (!st) return lastT;
    if (!st.running) return Math.max(lastT, st.now);
    // The host's clock now (statuses come ~4×/s), less a margin for events still streaming in.
    const est = st.now + Math.min(Math.max(0, wall - st.at), 500) * st.speed;
    return Math.max(lastT, est - this.opts.marginMs * st.speed);
  }

  /** Advance one animation frame at wall time `wall` (ms). */
  tick(wall: number): void {
    const dt = this.lastWall === null ? 0 : Math.min(250, Math.max(0, wall - this.lastWall));
    this.lastWall = wall;
    const tl = this.deps.timeline();
    const st = this.deps.host.status();
    if (this.position > tl.length - 1) this.position = tl.length - 1;
    if (!this.moving) {
      this.absorb(tl, st);
      return;
    }
    if (this.stepTo !== null && this.stepTo >= tl.length) {
      // Waiting for the host's step: give up when it has answered and recorded nothing new.
      if (!st || (this.hostBusy === 0 && st.events <= tl.length)) {
        this.stepTo = null;
        this.absorb(tl, st);
        this.deps.changed('state');
      }
      return;
    }
    const limit = this.limit(wall);
    const next = this.position + 1 < tl.length ? tl.timeOf(this.position + 1) : undefined;
    const { hops, instants } = this.deps.moving(this.t, this.position);
    let t = advance({ t: this.t, wallDt: dt, speed: this.speed, hopMs: this.hopMs, hops, instants, nextT: next, limit, idleMs: this.opts.idleMs, maxPacedLegs: this.opts.maxPacedLegs }).t;
    let p = Math.max(this.position, Math.min(tl.length - 1, tl.indexAfterTime(t) - 1));
    let stateChanged = false;
    let landed = false;
    if (this.stepTo !== null && p >= this.stepTo) {
      p = this.stepTo;
      t = tl.timeOf(p);
      this.stepTo = null;
      stateChanged = true;
      landed = true;
    }
    const hit = nextHitAfter(this.deps.hits(), this.position);
    if (hit >= 0 && hit <= p) {
      p = hit;
      t = tl.timeOf(hit);
      this.playing = false;
      this.stepTo = null;
      this.stoppedOnHit = hit;
      stateChanged = true;
      landed = true;
    }
    const moved = p !== this.position;
    this.position = p;
    this.t = Math.max(this.t, t);
    this.follow = p >= tl.length - 1;
    if (st) this.manageHost(st, wall);
    // The end: every event shown, the clock at the limit, and no host that will produce more.
    if (this.playing && p >= tl.length - 1 && this.t >= limit && this.hostIdle(st)) {
      this.playing = false;
      if (st) this.t = Math.max(this.t, st.now);
      stateChanged = true;
    }
    if (moved) this.deps.changed(landed ? 'select' : 'position');
    else if (landed) this.deps.changed('select');
    if (stateChanged) this.deps.changed('state');
  }

  /** Stopped: what the user did to a paused host shows at once; following the head, events at or
   * before the clock join the picture. */
  private absorb(tl: Timeline, st: HostStatusView | null): void {
    if (st && !st.running && this.hostBusy === 0) {
      if (this.hostEventsKnown === null) this.hostEventsKnown = st.events;
      else if (tl.length > this.hostEventsKnown) {
        // Recorded after the paused host last answered (the host pushes no status for a fired
        // call; the events themselves say it).
        this.hostEventsKnown = tl.length;
        this.position = tl.length - 1;
        this.t = Math.max(this.t, tl.timeOf(tl.length - 1), st.now);
        this.follow = true;
        this.deps.changed('position');
        return;
      }
    }
    if (!this.follow) return;
    if (st && !st.running && st.now > this.t && this.position >= tl.length - 1) this.t = st.now;
    if (tl.length - 1 > this.position) {
      const p = Math.min(tl.length - 1, tl.indexAfterTime(this.t) - 1);
      if (p > this.position) {
        this.position = p;
        this.deps.changed('position');
      }
    }
  }

  private hostIdle(st: HostStatusView | null): boolean {
    if (!st) return true;
    if (this.held || this.hostBusy > 0) return false;
    // Asked to run, and the host says it stopped after that answer: it stopped on its own.
    return this.wantHost === 'pause' || (!st.running && st.at > this.runAckAt);
  }

  private manageHost(st: HostStatusView, wall: number): void {
    if (this.hostBusy > 0) return;
    const est = st.running ? st.now + Math.min(Math.max(0, wall - st.at), 500) * st.speed : st.now;
    const lead = est - this.t;
    const max = this.opts.leadMs * Math.max(1, this.speed);
    if (this.playing && this.wantHost === 'run' && st.running && lead > max) {
      this.held = true;
      this.pauseHost();
    } else if (this.playing && this.held && lead < max / 2) {
      this.runHost();
    }
  }

  private runHost(): void {
    this.wantHost = 'run';
    this.held = false;
    this.hostCall(() => this.deps.host.run(), () => (this.runAckAt = this.deps.host.status()?.at ?? this.runAckAt));
  }

  private pauseHost(): void {
    this.wantHost = 'pause';
    this.hostCall(() => this.deps.host.pause());
  }

  private hostCall(call: () => Promise<unknown>, after?: () => void): void {
    this.hostBusy++;
    void call()
      .catch(() => {})
      .finally(() => {
        this.hostBusy--;
        const st = this.deps.host.status();
        if (st) this.hostEventsKnown = st.events;
        after?.();
      });
  }
}
