import { describe, expect, it } from 'vitest';
import { encodeEvent, encodeHeader, encodeTrace } from './ndjson';
import { readTrace, TraceLineReader } from './ndjson-reader';
import { sampleHeader } from './testing/arbitraries';

const H = encodeHeader(sampleHeader());
const ev = (seq: number, t: number, extra = ''): string => `{"seq":${seq},"t":${t},"type":"send"${extra}}`;

describe('readTrace', () => {
  it('reads what encodeTrace writes', () => {
    const events = [{ seq: 1, t: 0, type: 'send' as const, data: { a: [1] } }, { seq: 2, t: 3, type: 'deliver' as const, cause: 1 }];
    expect(readTrace(encodeTrace(sampleHeader(), events))).toEqual({ header: sampleHeader(), events, errors: [], truncated: false });
  });

  it('accepts a truncated last line as truncated, not as an error', () => {
    const r = readTrace(`${H}\n${ev(1, 0)}\n{"seq":2,"t":1,"ty`);
    expect(r).toMatchObject({ truncated: true, errors: [] });
    expect(r.events).toHaveLength(1);
  });

  it('reads a complete last line without a newline', () => {
    const r = readTrace(`${H}\n${ev(1, 0)}\r\n${ev(2, 1)}`);
    expect(r).toMatchObject({ truncated: false, errors: [] });
    expect(r.events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('reports each bad line by number and keeps going', () => {
    const text = [
      H,
      ev(1, 1),
      'not json',
      '{"seq":2,"t":1,"type":"teleport"}',
      ev(1, 2), // seq goes back
      ev(3, 0.5), // t goes back
      ev(4, 2, ',"cause":4'),
      '',
      '[1,2]',
      ev(5, 3),
      H,
      ev(6, 3),
      '',
    ].join('\n');
    const r = readTrace(text);
    expect(r.events.map((e) => e.seq)).toEqual([1, 5, 6]);
    expect(r.truncated).toBe(false);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 9, 11]);
    expect(r.errors[0].message).toMatch(/^invalid JSON: /);
    expect(r.errors[1].message).toContain('$.type');
    expect(r.errors[2].message).toBe("seq 1 is not greater than the previous event's seq 1");
    expect(r.errors[3].message).toContain('t 0.5 is earlier than');
    expect(r.errors[4].message).toBe('cause 4 must be an earlier seq than 4');
    expect(r.errors[5].message).toContain('expected object');
    expect(r.errors[6].message).toContain('second header');
  });

  it('reports a missing, foreign, newer or invalid header on line 1', () => {
    const noHeader = readTrace(`${ev(1, 0)}\n`);
    expect(noHeader.header).toBeNull();
    expect(noHeader.errors).toEqual([{ line: 1, message: expect.stringContaining('missing header') }]);
    expect(noHeader.events).toHaveLength(1);
    expect(readTrace('{"format":"other"}\n').errors[0].message).toContain('not a Switchboard trace');
    expect(readTrace('{"format":"switchboard-trace","version":2}\n').errors[0].message).toContain('newer Switchboard');
    expect(readTrace('{"format":"switchboard-trace","version":1,"project":"p"}\n').errors[0].message).toContain('$.seed');
  });

  it('calls an empty text an error, a cut-off first line truncated', () => {
    expect(readTrace('')).toMatchObject({ header: null, truncated: false, errors: [{ line: 1 }] });
    expect(readTrace('\n\n')).toMatchObject({ errors: [{ line: 1 }] });
    expect(readTrace('{"format":"switch')).toMatchObject({ header: null, truncated: true, errors: [] });
  });
});

describe('TraceLineReader', () => {
  it('gives the same result whatever the chunking', () => {
    const text = `${H}\n${ev(1, 0)}\nbad\n${ev(2, 1)}\n{"seq":3`;
    const whole = readTrace(text);
    for (const size of [1, 2, 7, 64]) {
      const reader = new TraceLineReader();
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
      expect(reader.end()).toEqual(whole);
      expect(reader.chars).toBe(text.length);
    }
  });

  it('streams events to a callback with their line numbers, and counts progress', () => {
    const seen: [number, number][] = [];
    const reader = new TraceLineReader({ onEvent: (e, line) => seen.push([e.seq, line]) });
    reader.push(`${H}\n${ev(1, 0)}\n`);
    expect(reader.lines).toBe(2);
    reader.push(`\n${encodeEvent({ seq: 2, t: 1, type: 'drop', reason: 'down' })}\n`);
    const r = reader.end();
    expect(seen).toEqual([[1, 2], [2, 4]]);
    expect(r.events).toEqual([]);
    expect(r.header?.project).toBe('sample');
  });

  it('keeps at most maxErrors errors but counts them all', () => {
    const reader = new TraceLineReader({ maxErrors: 2 });
    reader.push(`${H}\nx\ny\nz\n`);
    expect(reader.end().errors).toHaveLength(2);
    expect(reader.errorCount).toBe(3);
  });
});
