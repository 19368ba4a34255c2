// Read access to a trace, whatever holds it: a plain array, the engine's columnar TraceStore
// (core/engine/types.ts) or our own TraceColumns. Everything in core/replay reads through this.
import type { TraceEvent } from '../trace/event';

/** Events in order (seq ascending, t non-decreasing). Structurally matches the engine's TraceStore. */
export interface EventSource {
  readonly length: number;
  /** Event at index i, 0 <= i < length. */
  get(i: number): TraceEvent;
  /**
   * Optional, for stores that keep payloads apart (TraceColumns): event i without `data`, except
   * on lifecycle and fault events (which replay state reads). Cheaper than get.
   */
  getLite?(i: number): TraceEvent;
}

/** Anything the replay functions accept. */
export type Events = readonly TraceEvent[] | EventSource;

class ArraySource implements EventSource {
  constructor(private readonly a: readonly TraceEvent[]) {}
  get length(): number {
    return this.a.length;
  }
  get(i: number): TraceEvent {
    return this.a[i];
  }
}

export function asSource(events: Events): EventSource {
  return Array.isArray(events) ? new ArraySource(events as readonly TraceEvent[]) : (events as EventSource);
}

/** A view whose get(i) skips payloads where the store can (for scans that never read `data`). */
export function liteSource(events: Events): EventSource {
  const src = asSource(events);
  if (typeof src.getLite !== 'function') return src;
  const lite = src.getLite.bind(src);
  return {
    get length() {
      return src.length;
    },
    get: lite,
  };
}

/**
 * seq -> index. Engine traces have seq = index + 1; this checks that cheaply (first and last) and
 * falls back to a map when it does not hold (a filtered or partial trace).
 */
export function seqIndexer(src: EventSource): (seq: number) => number {
  const n = src.length;
  if (n === 0) return () => -1;
  if (src.get(0).seq === 1 && src.get(n - 1).seq === n) return (seq) => (seq >= 1 && seq <= n ? seq - 1 : -1);
  const m = new Map<number, number>();
  for (let i = 0; i < n; i++) m.set(src.get(i).seq, i);
  return (seq) => m.get(seq) ?? -1;
}

/** First index whose event has t >= time (length when none). Events must be in time order. */
export function lowerBoundTime(src: EventSource, time: number, tOf?: (i: number) => number): number {
  const at = tOf ?? ((i: number) => src.get(i).t);
  let lo = 0;
  let hi = src.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index range [from, to) of the events with fromT <= t <= toT. */
export function indexRangeForTime(src: EventSource, fromT: number, toT: number): { from: number; to: number } {
  const from = lowerBoundTime(src, fromT);
  let lo = from;
  let hi = src.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (src.get(mid).t <= toT) lo = mid + 1;
    else hi = mid;
  }
  return { from, to: lo };
}
