import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../trace/ndjson-reader';
import { TraceEventSchema } from '../trace/trace-schema';
import { TraceColumns } from './columns';
import { isTraceEvent, loadTrace, toNdjson, TraceLoader } from './load';
import { ReplayIndex } from './replay-index';
import { generateSampleEvents, sampleHeader, sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const header = sampleHeader();

describe('loading NDJSON', () => {
  it('loads header and events, in any chunking', () => {
    const text = toNdjson(ev, header);
    const whole = loadTrace(text);
    expect(whole.header).toEqual(readTrace(text).header);
    expect(whole.errors).toEqual([]);
    expect(whole.index.length).toBe(ev.length);
    for (let i = 0; i < ev.length; i++) expect(whole.index.get(i)).toEqual(ev[i]);
    for (const size of [1, 7, 100]) {
      const l = new TraceLoader();
      for (let k = 0; k < text.length; k += size) l.write(text.slice(k, k + size));
      const index = l.end();
      expect(index.length).toBe(ev.length);
      expect(index.stateAt(ev.length - 1)).toEqual(new ReplayIndex(ev).stateAt(ev.length - 1));
      expect(l.chars).toBe(text.length);
    }
  });

  it('reports a bad line with its number and loads the rest', () => {
    const lines = toNdjson(ev, header).split('\n');
    lines.splice(5, 0, '{"seq": oops');
    lines.splice(9, 0, '{"seq":1000,"t":0,"type":"teleport"}');
    lines.splice(12, 0, '');
    const { index, errors } = loadTrace(lines.join('\r\n'));
    expect(errors.map((e) => e.line)).toEqual([6, 10]);
    expect(errors[0].message).toMatch(/invalid JSON/);
    expect(errors[1].message).toMatch(/invalid event: .*type/);
    expect(index.length).toBe(ev.length);
  });

  it('a trace without a header, a cut-off last line', () => {
    const r = loadTrace(toNdjson(ev).trimEnd());
    expect(r.header).toBeNull();
    expect(r.errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/missing header/) });
    expect(r.index.length).toBe(ev.length);
    const cut = toNdjson(ev, header);
    const t = loadTrace(cut.slice(0, cut.length - 10));
    expect(t.truncated).toBe(true);
    expect(t.index.length).toBe(ev.length - 1);
  });

  it('isTraceEvent agrees with the zod schema (property)', () => {
    const field = fc.oneof(fc.constant(undefined), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.array(fc.integer()), fc.object());
    const candidate = fc.record(
      {
        seq: fc.oneof(fc.nat(), fc.integer({ min: -3, max: -1 }), fc.double(), fc.string()),
        t: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double(), fc.string()),
        type: fc.oneof(fc.constantFrom('send', 'deliver', 'rpc', 'drop'), fc.string()),
        api: field,
        from: field,
        cause: fc.oneof(fc.nat(), fc.constant(-1), fc.double(), field),
        rpc: fc.oneof(fc.record({ id: fc.oneof(fc.nat(), fc.double()), state: fc.constantFrom('requested', 'timedOut', 'bogus') }, { requiredKeys: ['id', 'state'] }), field),
        targets: field,
        path: field,
        suc: field,
        arrive: field,
        data: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(candidate, fc.anything()), (v) => {
        const json = JSON.parse(JSON.stringify(v ?? null)) as unknown;
        const ok = TraceEventSchema.safeParse(json).success;
        expect(isTraceEvent(json)).toBe(ok);
        // The loader's one-pass check-and-store gives the same verdict and stores the same event.
        if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
          const c = new TraceColumns(4);
          const i = c.pushChecked(json as Record<string, unknown>, -Infinity, -Infinity);
          expect(i >= 0).toBe(ok);
          if (ok) expect(c.get(0)).toEqual(json);
          else expect(c.length).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
    for (const e of [...ev, ...generateSampleEvents(500, { seed: 2 })]) expect(isTraceEvent(JSON.parse(JSON.stringify(e)))).toBe(true);
  });

  it('accepts and rejects exactly what core/trace readTrace does (differential, corrupted traces)', () => {
    const base = toNdjson([...generateSampleEvents(120, { seed: 4 })], header).split('\n');
    const corruption = fc.oneof(
      fc.constant('{"broken":'),
      fc.constant(''),
      fc.constant('   '),
      fc.constant(toNdjson([], header).trim()),
      fc.constant('{"seq":5,"t":0,"type":"send"}'),
      fc.constant('{"seq":99999,"t":999999,"type":"send","cause":99999}'),
      fc.constant('{"seq":99998,"t":-1,"type":"send"}'),
      fc.constant('[1,2]'),
      fc.constant('"text"'),
      fc.constant('{"seq":99997,"t":999999,"type":"drop","rpc":{"id":1,"state":"nope"}}'),
      fc.constant('{"format":"other"}'),
      fc.json(),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: base.length }), corruption), { maxLength: 6 }), fc.boolean(), fc.boolean(), fc.nat({ max: 40 }), fc.boolean(), (edits, dropHeader, cutEnd, cutAt, crlf) => {
        const lines = [...base];
        if (dropHeader) lines.shift();
        for (const [at, text] of edits) lines.splice(at, 0, text);
        let text = lines.join(crlf ? '\r\n' : '\n');
        if (cutEnd) text = text.slice(0, Math.max(0, text.length - cutAt));
        const want = readTrace(text);
        const got = loadTrace(text);
        expect(got.errors).toEqual(want.errors);
        expect(got.truncated).toBe(want.truncated);
        expect(got.header).toEqual(want.header);
        expect(got.index.length).toBe(want.events.length);
        for (let i = 0; i < want.events.length; i++) expect(got.index.get(i)).toEqual(want.events[i]);
      }),
      { numRuns: 150 },
    );
  });
});
