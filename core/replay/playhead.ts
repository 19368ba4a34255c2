// One playhead over an indexed trace: the position every view follows. Seeking returns a fresh
// state object each time (safe to keep in a UI store); stepping forward applies one delta.
import type { TraceEvent } from '../trace/event';
import { firstHit, type Breakpoint, type BreakpointHit } from './breakpoints';
import type { NavKind } from './navigation';
import type { ReplayIndex } from './replay-index';
import type { ReplayState } from './state';

export class Playhead {
  private pos = -1;
  private st: ReplayState;

  constructor(readonly index: ReplayIndex) {
    this.st = index.stateAt(-1);
  }

  /** Index of the current event; -1 = before the first event. */
  get position(): number {
    return this.pos;
  }

  /** State after the current event. Treat as read-only. */
  get state(): ReplayState {
    return this.st;
  }

  get event(): TraceEvent | undefined {
    return this.pos >= 0 ? this.index.get(this.pos) : undefined;
  }

  /** Move to event i (clamped to [-1, length-1]); returns the new state. */
  seek(i: number): ReplayState {
    const target = Math.max(-1, Math.min(i, this.index.length - 1));
    if (target === this.pos) return this.st;
    this.st = target === this.pos + 1 ? this.index.stepFrom(this.st) : this.index.stateAt(target);
    this.pos = target;
    return this.st;
  }

  seekTime(t: number): ReplayState {
    // The last event at or before t.
    return this.seek(this.index.indexAfterTime(t) - 1);
  }

  stepForward(): ReplayState {
    return this.seek(this.pos + 1);
  }

  stepBack(): ReplayState {
    return this.seek(this.pos - 1);
  }

  /** Jump to the next event of a kind; stays (returns false) when there is none. */
  next(kind: NavKind): boolean {
    const i = this.index.next(kind, this.pos);
    if (i < 0) return false;
    this.seek(i);
    return true;
  }

  prev(kind: NavKind): boolean {
    const i = this.index.prev(kind, this.pos);
    if (i < 0) return false;
    this.seek(i);
    return true;
  }

  /** Play forward until a breakpoint hits (stopping on it) or until `limit`; null = no hit (playhead unchanged). */
  continueTo(breakpoints: readonly Breakpoint[], limit = this.index.length): BreakpointHit | null {
    const hit = firstHit(this.index.source, this.pos + 1, breakpoints);
    if (!hit || hit.index >= limit) return null;
    this.seek(hit.index);
    return hit;
  }
}
