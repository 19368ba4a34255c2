import { describe, expect, it } from 'vitest';
import { TraceColumns } from './columns';
import { generateSampleEvents, sampleTrace } from './testing/sample-trace';

describe('TraceColumns', () => {
  it('round-trips every event of the sample and a generated trace', () => {
    for (const ev of [sampleTrace(), [...generateSampleEvents(3000, { seed: 3 })]]) {
      const c = TraceColumns.from(ev);
      expect(c.length).toBe(ev.length);
      for (let i = 0; i < ev.length; i++) expect(c.get(i)).toEqual(ev[i]);
      expect(c.slice(5, 8)).toEqual(ev.slice(5, 8));
    }
  });

  it('keeps fields it does not know, empty lists, master ids 0 and rpc extras', () => {
    const c = new TraceColumns(16);
    const e1 = { seq: 1, t: 0, type: 'send' as const, api: 'X', targets: [], rpc: { id: 0, state: 'requested' as const, requester: 0, callbackId: 0 }, future: { a: 1 } };
    const e2 = { seq: 2, t: 1.5, type: 'callback' as const, suc: false, data: null, cause: 1, rpc: { id: 0, state: 'timedOut' as const, timeoutMs: 2000 } };
    c.push(e1 as never);
    c.push(e2 as never);
    expect(c.get(0)).toEqual(e1);
    expect(c.get(1)).toEqual(e2);
  });

  it('grows past its capacity and trims', () => {
    const ev = [...generateSampleEvents(100, { seed: 1 })];
    const c = new TraceColumns(16);
    ev.forEach((e) => c.push(e));
    c.trim();
    expect(c.t.length).toBe(100);
    expect(c.get(99)).toEqual(ev[99]);
  });

  it('refuses an unknown event type', () => {
    expect(() => new TraceColumns().push({ seq: 1, t: 0, type: 'nope' } as never)).toThrow(/unknown event type/);
  });
});

