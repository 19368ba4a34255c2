// Trace events streamed from the host. Only a bounded tail is kept here; the full trace stays in
// the host (fetch ranges with stream.slice). Views that need more keep their own indexes.
import { create } from 'zustand';
import type { TraceEvent, TraceHeader } from '../../core/trace/event';

export const TAIL_LIMIT = 1000;

interface EventsStore {
  streamId: number;
  kind: 'session' | 'trace' | null;
  name: string;
  header: TraceHeader | null;
  /** Index one past the last event received. */
  received: number;
  /** Events the host announced as skipped because this view fell behind. */
  skipped: number;
  tail: TraceEvent[];
  reset(p: { streamId: number; kind: 'session' | 'trace'; name: string; header: TraceHeader | null }): void;
  append(streamId: number, from: number, events: TraceEvent[]): void;
  skip(streamId: number, from: number, to: number): void;
}

export const useEventsStore = create<EventsStore>((set) => ({
  streamId: 0,
  kind: null,
  name: '',
  header: null,
  received: 0,
  skipped: 0,
  tail: [],
  reset: (p) => set({ ...p, received: 0, skipped: 0, tail: [] }),
  append: (streamId, from, events) =>
    set((s) => {
      if (streamId !== s.streamId) return s;
      const tail = events.length >= TAIL_LIMIT ? events.slice(-TAIL_LIMIT) : [...s.tail, ...events].slice(-TAIL_LIMIT);
      return { tail, received: from + events.length };
    }),
  skip: (streamId, from, to) => set((s) => (streamId !== s.streamId ? s : { skipped: s.skipped + (to - from), received: to })),
}));
