// Every trace reader refuses the same hostile lines with the same words: nested deeper than the
// limit (a 6,000-deep payload loaded, then overflowed the stack of the UI stream) or longer than
// the limit (a line without end was kept whole, and copied again at every read).
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { readTrace } from '../trace/ndjson-reader';
import { encodeUtf8 } from '../trace/utf8';
import { loadTrace, toNdjson, TraceFileLoader } from './load';
import { sampleHeader, sampleTrace } from './testing/sample-trace';

function deepLine(seq: number, t: number, depth: number): string {
  return `{"seq":${seq},"t":${t},"type":"log","data":${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}}`;
}

describe('trace line limits, the same in both readers', () => {
  const events = sampleTrace();
  const last = events[events.length - 1];
  const lines = toNdjson(events, sampleHeader()).trimEnd().split('\n');

  it('a line nested deeper than the limit is a bad line naming it; one just within loads', () => {
    const within = LIMITS.traceLineDepth - 2; // the line object and `data` add two levels
    const text = [...lines, deepLine(last.seq + 1, last.t, within), deepLine(last.seq + 2, last.t, 150), deepLine(last.seq + 3, last.t, 6000)].join('\n') + '\n';
    const a = readTrace(text);
    const b = loadTrace(text);
    expect(a.errors.map((e) => e.line)).toEqual([lines.length + 2, lines.length + 3]);
    expect(a.errors[0].message).toMatch(new RegExp(`^the line is nested deeper than ${LIMITS.traceLineDepth} levels \\(the limit\\), or is circular, at \\$\\.data\\.a\\.a.*; skipped$`));
    expect(b.errors).toEqual(a.errors);
    expect(b.index.length).toBe(a.events.length);
    expect(a.events.at(-1)?.seq).toBe(last.seq + 1);
  });

  it('a line longer than the limit is a bad line naming it, read in bounded memory', () => {
    const long = `{"seq":${last.seq + 1},"t":${last.t},"type":"log","data":"${'x'.repeat(LIMITS.traceLineChars)}"}`;
    const text = [...lines, long, JSON.stringify({ ...last, seq: last.seq + 2 })].join('\n') + '\n';
    const a = readTrace(text);
    expect(a.errors).toEqual([{ line: lines.length + 1, message: `line longer than ${LIMITS.traceLineChars} characters (the limit for one trace line); skipped` }]);
    // Fed in small pieces, as a file is read (the pieces are joined once: linear), the same verdict.
    const loader = new TraceFileLoader();
    const bytes = encodeUtf8(text);
    for (let i = 0; i < bytes.length; i += 1 << 16) loader.write(bytes.subarray(i, Math.min(bytes.length, i + (1 << 16))));
    loader.end();
    expect(loader.errors).toEqual(a.errors);
    expect(loader.index.length).toBe(a.events.length);
  }, 30_000);
});
