// Streams a growing event source to one UI client in batches. The source is read by index, so
// nothing is queued here: memory is bounded by the batches in flight. Flow control is by acks:
// at most `maxInFlight` unacknowledged batches, at most one batch per `minIntervalMs` (60/s),
// each batch carrying everything new up to `maxBatch` (coalescing). A client further behind than
// `maxLag` gets a `skipped` marker and resumes near the head instead of replaying the backlog.
import type { TraceEvent, TraceHeader } from '../../../core/trace/event';
import type { PushMessage } from '../../../core/contract';

export interface EventSource {
  readonly kind: 'session' | 'trace';
  readonly name: string;
  readonly header: TraceHeader | null;
  length(): number;
  /** Index of the oldest event still available (a live run drops its oldest beyond its cap). */
  first?(): number;
  slice(from: number, to: number): TraceEvent[];
}

export interface StreamerOptions {
  maxBatch?: number;
  maxInFlight?: number;
  maxLag?: number;
  minIntervalMs?: number;
}

export class EventStreamer {
  private source: EventSource | undefined;
  private streamId = 0;
  private cursor = 0;
  private inFlight: number[] = [];
  private lastSent = -Infinity;
  readonly maxBatch: number;
  readonly maxInFlight: number;
  readonly maxLag: number;
  readonly minIntervalMs: number;
  batchesSent = 0;
  skippedTotal = 0;

  constructor(
    private readonly send: (m: PushMessage) => void,
    opts: StreamerOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 2000;
    this.maxInFlight = opts.maxInFlight ?? 2;
    this.maxLag = opts.maxLag ?? 20000;
    this.minIntervalMs = opts.minIntervalMs ?? 1000 / 60;
  }

  get currentStreamId(): number {
    return this.streamId;
  }

  setSource(source: EventSource, streamId: number): void {
    this.source = source;
    this.streamId = streamId;
    this.cursor = 0;
    this.inFlight = [];
    this.lastSent = -Infinity;
    this.send({ event: 'stream.reset', payload: { streamId, kind: source.kind, name: source.name, header: source.header } });
  }

  ack(streamId: number, upTo: number): void {
    if (streamId !== this.streamId) return;
    this.inFlight = this.inFlight.filter((end) => end > upTo);
  }

  /** Called on every host tick; sends at most one batch. */
  pump(now: number): void {
    const src = this.source;
    if (!src || now - this.lastSent < this.minIntervalMs || this.inFlight.length >= this.maxInFlight) return;
    const length = src.length();
    if (length <= this.cursor) return;
    const first = src.first?.() ?? 0;
    if (this.cursor < first) {
      // The live-run cap dropped events this client had not been sent: announced, not sent.
      this.send({ event: 'stream.skipped', payload: { streamId: this.streamId, from: this.cursor, to: first } });
      this.skippedTotal += first - this.cursor;
      this.cursor = first;
    }
    // An opened trace is replayed whole (the playhead needs every event): never skip its events.
    if (src.kind === 'session' && length - this.cursor > this.maxLag) {
      // Keep the newest maxBatch events; what lies between is announced, not sent.
      const resume = length - this.maxBatch;
      this.send({ event: 'stream.skipped', payload: { streamId: this.streamId, from: this.cursor, to: resume } });
      this.skippedTotal += resume - this.cursor;
      this.cursor = resume;
    }
    const to = Math.min(length, this.cursor + this.maxBatch);
    const from = this.cursor;
    // Past this batch whatever happens: a batch that cannot be sent (an event that cannot be
    // serialized) is announced as skipped instead of being retried on every tick.
    this.cursor = to;
    this.lastSent = now;
    try {
      this.send({ event: 'stream.events', payload: { streamId: this.streamId, from, events: src.slice(from, to) } });
    } catch (err) {
      this.skippedTotal += to - from;
      this.send({ event: 'stream.skipped', payload: { streamId: this.streamId, from, to } });
      throw err;
    }
    this.inFlight.push(to);
    this.batchesSent++;
  }

  slice(streamId: number, from: number, to: number): { from: number; events: TraceEvent[] } {
    if (!this.source || streamId !== this.streamId) return { from, events: [] };
    const end = Math.min(to, this.source.length());
    return { from, events: from < end ? this.source.slice(from, end) : [] };
  }
}
