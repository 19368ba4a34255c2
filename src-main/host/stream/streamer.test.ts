import { describe, expect, it } from 'vitest';
import type { PushMessage } from '../../../core/contract';
import type { TraceEvent } from '../../../core/trace/event';
import { EventStreamer, type EventSource } from './streamer';

function growing() {
  const events: TraceEvent[] = [];
  const source: EventSource = { kind: 'session', name: 't', header: null, length: () => events.length, slice: (a, b) => events.slice(a, b) };
  const add = (n: number) => {
    for (let i = 0; i < n; i++) events.push({ seq: events.length + 1, t: events.length, type: 'send' });
  };
  return { source, add };
}

function sink() {
  const sent: PushMessage[] = [];
  return { sent, send: (m: PushMessage) => sent.push(m), batches: () => sent.filter((m) => m.event === 'stream.events') };
}

describe('EventStreamer', () => {
  it('sends at most ~60 batches per second however often it is pumped', () => {
    const { source, add } = growing();
    const out = sink();
    const s = new EventStreamer(out.send);
    s.setSource(source, 1);
    for (let t = 0; t < 1000; t++) {
      add(3);
      s.pump(t);
      const last = out.batches().at(-1);
      if (last?.event === 'stream.events') s.ack(1, last.payload.from + last.payload.events.length);
    }
    expect(out.batches().length).toBeLessThanOrEqual(61);
    expect(out.batches().length).toBeGreaterThan(50);
    // Nothing lost: the batches are contiguous and cover everything but the last interval.
    let next = 0;
    for (const b of out.batches()) {
      if (b.event !== 'stream.events') continue;
      expect(b.payload.from).toBe(next);
      next += b.payload.events.length;
    }
    expect(next).toBeGreaterThan(2900);
  });

  it('coalesces while the UI has not acknowledged, and never queues beyond maxInFlight batches', () => {
    const { source, add } = growing();
    const out = sink();
    const s = new EventStreamer(out.send, { maxInFlight: 2 });
    s.setSource(source, 1);
    for (let t = 0; t < 5000; t += 20) {
      add(10);
      s.pump(t);
    }
    expect(out.batches().length).toBe(2);
    s.ack(1, 20);
    add(10);
    s.pump(10_000);
    const third = out.batches()[2];
    expect(third.event === 'stream.events' && third.payload.events.length).toBe(2000);
  });

  it('skips (with a marker) instead of replaying a backlog larger than maxLag', () => {
    const { source, add } = growing();
    const out = sink();
    const s = new EventStreamer(out.send, { maxLag: 10_000, maxBatch: 1000 });
    s.setSource(source, 7);
    add(50_000);
    s.pump(0);
    const skipped = out.sent.find((m) => m.event === 'stream.skipped');
    expect(skipped?.payload).toEqual({ streamId: 7, from: 0, to: 49_000 });
    const b = out.batches()[0];
    expect(b.event === 'stream.events' && [b.payload.from, b.payload.events.length]).toEqual([49_000, 1000]);
    expect(s.skippedTotal).toBe(49_000);
  });

  it('ignores acks for an old stream and serves slices for resync', () => {
    const { source, add } = growing();
    const out = sink();
    const s = new EventStreamer(out.send, { maxInFlight: 1 });
    s.setSource(source, 1);
    add(5);
    s.pump(0);
    s.setSource(source, 2);
    s.ack(1, 5);
    s.pump(100);
    expect(out.batches().length).toBe(2);
    expect(s.slice(2, 1, 3).events.map((e) => e.seq)).toEqual([2, 3]);
    expect(s.slice(1, 1, 3).events).toEqual([]);
  });
  it('never skips the events of an opened trace, however far behind the view is', () => {
    const events: TraceEvent[] = Array.from({ length: 50_000 }, (_, i) => ({ seq: i + 1, t: i, type: 'send' as const }));
    const out = sink();
    const s = new EventStreamer(out.send, { maxLag: 1000, maxBatch: 5000 });
    s.setSource({ kind: 'trace', name: 'f', header: null, length: () => events.length, slice: (a, b) => events.slice(a, b) }, 1);
    for (let t = 0; t < 400; t += 20) {
      s.pump(t);
      const last = out.batches().at(-1);
      if (last?.event === 'stream.events') s.ack(1, last.payload.from + last.payload.events.length);
    }
    expect(out.sent.some((m) => m.event === 'stream.skipped')).toBe(false);
    expect(out.batches().reduce((n, b) => n + (b.event === 'stream.events' ? b.payload.events.length : 0), 0)).toBe(50_000);
  });
});
