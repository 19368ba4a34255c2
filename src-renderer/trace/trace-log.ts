// Every event of the current stream (session or opened trace), indexed for the event log and the
// overlay: the events store keeps only a tail, views here need all of them (100k+ rows).
import { create } from 'zustand';
import type { TraceEvent } from '../../core/trace/event';

export class TraceLog {
  streamId = 0;
  /** Stream index → event (holes where the host skipped events). */
  events: TraceEvent[] = [];
  /** Stream indices of sends, in order (their times never decrease). */
  sends: number[] = [];
  /** Longest time a send was in flight so far (bounds the overlay's backward scan). */
  maxFlight = 0;
  /** Node stop/start events, in order (few; the overlay greys out nodes that are down). */
  upDown: TraceEvent[] = [];
  private readonly bySeq = new Map<number, number>();
  private readonly effects = new Map<number, number[]>();

  reset(streamId: number): void {
    this.streamId = streamId;
    this.events = [];
    this.sends = [];
    this.maxFlight = 0;
    this.upDown = [];
    this.bySeq.clear();
    this.effects.clear();
  }

  append(streamId: number, from: number, batch: readonly TraceEvent[]): boolean {
    if (streamId !== this.streamId) return false;
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i];
      const at = from + i;
      this.events[at] = e;
      this.bySeq.set(e.seq, at);
      if (e.type === 'send') {
        this.sends.push(at);
        if (e.arrive !== undefined) this.maxFlight = Math.max(this.maxFlight, e.arrive - e.t);
      }
      if (e.type === 'lifecycle' && (e.detail === 'stop' || e.detail === 'start')) this.upDown.push(e);
      if (e.cause !== undefined) {
        const list = this.effects.get(e.cause);
        if (list) list.push(e.seq);
        else this.effects.set(e.cause, [e.seq]);
      }
    }
    return true;
  }

  get length(): number {
    return this.events.length;
  }

  bySeqNo(seq: number): TraceEvent | undefined {
    const i = this.bySeq.get(seq);
    return i === undefined ? undefined : this.events[i];
  }

  indexOfSeq(seq: number): number | undefined {
    return this.bySeq.get(seq);
  }

  /** Events whose cause is `seq`. */
  effectsOf(seq: number): TraceEvent[] {
    return (this.effects.get(seq) ?? []).flatMap((s) => this.bySeqNo(s) ?? []);
  }

  /** Nodes stopped at virtual time t. */
  downAt(t: number): Set<string> {
    const down = new Set<string>();
    for (const e of this.upDown) {
      if (e.t > t) break;
      if (!e.to) continue;
      if (e.detail === 'stop') down.add(e.to);
      else down.delete(e.to);
    }
    return down;
  }

  /** Time of the newest event (where a loaded trace ends). */
  lastTime(): number {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i]) return this.events[i].t;
    return 0;
  }
}

export const traceLog = new TraceLog();

/** Bumped when the log changes, so React views re-render (at most once per batch). */
export const useTraceLogVersion = create<{ version: number; bump(): void }>((set) => ({
  version: 0,
  bump: () => set((s) => ({ version: s.version + 1 })),
}));

export function resetTraceLog(streamId: number): void {
  traceLog.reset(streamId);
  useTraceLogVersion.getState().bump();
}

export function appendTraceLog(streamId: number, from: number, events: readonly TraceEvent[]): void {
  if (traceLog.append(streamId, from, events)) useTraceLogVersion.getState().bump();
}
