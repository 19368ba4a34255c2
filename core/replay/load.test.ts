import { describe, expect, it } from 'vitest';
import { loadTrace, toNdjson, TraceLoader } from './load';
import { ReplayIndex } from './replay-index';
import { sampleHeader, sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const header = sampleHeader();

describe('loading NDJSON', () => {
  it('loads header and events, in any chunking', () => {
    const text = toNdjson(ev, header);
    const whole = loadTrace(text);
    expect(whole.header).toEqual(header);
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
    lines.splice(9, 0, '{"seq":1,"t":0,"type":"teleport"}');
    lines.splice(12, 0, '');
    const { index, errors } = loadTrace(lines.join('\r\n'));
    expect(errors.map((e) => e.line)).toEqual([6, 10]);
    expect(errors[0].message).toMatch(/bad JSON/);
    expect(errors[1].message).toMatch(/unknown type "teleport"/);
    expect(index.length).toBe(ev.length);
  });

  it('loads a trace without a header and one without a trailing newline', () => {
    const text = toNdjson(ev).trimEnd();
    const r = loadTrace(text);
    expect(r.header).toBeNull();
    expect(r.index.length).toBe(ev.length);
    expect(r.index.get(ev.length - 1)).toEqual(ev[ev.length - 1]);
  });

  it('refuses events that go back in time', () => {
    const bad = [...ev.slice(0, 3), { ...ev[3], t: -1 }, ...ev.slice(4)];
    const r = loadTrace(toNdjson(bad));
    expect(r.errors).toEqual([{ line: 4, message: expect.stringMatching(/time goes back/) }]);
  });
});
