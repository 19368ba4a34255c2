import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEvent } from '../trace/ndjson';
import { isTraceEvent } from './load';
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

describe('TraceColumns.pushLine (the loader fast path)', () => {
  it('stores exactly what push(JSON.parse(line)) stores, for every sample event', () => {
    for (const e of [...sampleTrace(), ...generateSampleEvents(2000, { seed: 8 })]) {
      const line = encodeEvent(e);
      const a = new TraceColumns(16);
      const b = new TraceColumns(16);
      expect(a.pushLine(line, 0, line.length)).toBe(0);
      b.push(JSON.parse(line));
      expect(a.get(0)).toEqual(b.get(0));
      expect(a.getLite(0)).toEqual(b.getLite(0));
    }
  });

  it('works inside a larger buffer', () => {
    const ev = sampleTrace().slice(0, 20);
    const text = ev.map((e) => JSON.stringify(e)).join('\n');
    const c = new TraceColumns(4);
    let start = 0;
    for (const e of ev) {
      const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
      expect(c.pushLine(text, start, end)).toBeGreaterThanOrEqual(0);
      expect(c.get(c.length - 1)).toEqual(e);
      start = end + 1;
    }
  });

  it('agrees with JSON.parse on random lines: same event, or declines (property)', () => {
    const str = fc.oneof(fc.constantFrom('lobby-4000', 'a"b', 'x\\y', 'é✓', '', 'tab\there'), fc.string());
    const num = fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.1, 1e21, 1e-7, -0, 2 ** 53));
    const event = fc.record(
      {
        seq: fc.oneof(fc.nat(), num),
        t: num,
        type: fc.oneof(fc.constantFrom('send', 'deliver', 'rpc', 'lifecycle'), str),
        api: str,
        from: str,
        to: str,
        data: fc.jsonValue(),
        rpc: fc.record({ id: fc.oneof(fc.nat(), num), state: fc.constantFrom('requested', 'timedOut', 'x'), callbackId: fc.integer(), requester: fc.integer() }, { requiredKeys: ['id', 'state'] }),
        cause: fc.oneof(fc.nat(), num),
        targets: fc.array(str, { maxLength: 4 }),
        path: fc.array(str, { maxLength: 4 }),
        suc: fc.boolean(),
        arrive: num,
        detail: str,
      },
      { requiredKeys: [] },
    );
    const spacing = fc.constantFrom(0, 1, 2);
    fc.assert(
      fc.property(event, spacing, (e, sp) => {
        const line = sp === 0 ? JSON.stringify(e) : sp === 1 ? JSON.stringify(e, null, 1).replace(/\n/g, '') : JSON.stringify({ ...e, extra: 1 });
        const parsed = JSON.parse(line) as Record<string, unknown>;
        const a = new TraceColumns(16);
        const i = a.pushLine(line, 0, line.length);
        if (i < 0) {
          expect(a.length).toBe(0);
          return;
        }
        // Accepted: it must be a valid event equal to the parsed one.
        expect(isTraceEvent(parsed)).toBe(true);
        const b = new TraceColumns(16);
        b.push(parsed as never);
        expect(a.get(0)).toEqual(b.get(0));
        expect(a.get(0)).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it('declines what it cannot take, leaving nothing behind', () => {
    const c = new TraceColumns(4);
    for (const bad of ['{"seq":1,"t":0}', '{"seq":1,"t":0,"type":"send","data":{"a":}}', '{"seq":1,"t":0,"type":"send","seq":2}', '{"format":"switchboard-trace"}', '{"seq":1,"t":0,"type":"send","to":null}', '{"seq":01,"t":0,"type":"send"}', '{"seq":1,"t":0,"type":"send",}', '[1]', '{"seq":1,"t":0,"type":"send","rpc":{"id":1}}']) {
      expect(c.pushLine(bad, 0, bad.length)).toBe(-1);
      expect(c.length).toBe(0);
    }
    const ok = '{"seq":1,"t":0,"type":"send","api":"X"}';
    expect(c.pushLine(ok, 0, ok.length)).toBe(0);
    expect(c.get(0)).toEqual({ seq: 1, t: 0, type: 'send', api: 'X' });
    c.pop();
    expect(c.length).toBe(0);
    const ok2 = '{"seq":2,"t":1,"type":"misuse"}';
    c.pushLine(ok2, 0, ok2.length);
    expect(c.get(0)).toEqual({ seq: 2, t: 1, type: 'misuse' });
  });
});
