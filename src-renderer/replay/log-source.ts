// The replay index reads the renderer's trace log (every streamed event of the current stream,
// live session or opened file) through this EventSource: only the contiguous prefix counts, so a
// hole the host skipped (a view that fell behind) never reaches the index.
import type { EventSource } from '../../core/replay/source';
import type { TraceEvent } from '../../core/trace/event';

export interface LogLike {
  readonly streamId: number;
  readonly events: readonly (TraceEvent | undefined)[];
}

export class LogSource implements EventSource {
  private n = 0;

  constructor(private readonly log: LogLike) {}

  /** Extend the contiguous prefix over newly arrived events; returns its length. */
  refresh(): number {
    const ev = this.log.events;
    while (this.n < ev.length && ev[this.n] !== undefined) this.n++;
    return this.n;
  }

  get length(): number {
    return this.n;
  }

  get(i: number): TraceEvent {
    return this.log.events[i] as TraceEvent;
  }
}
