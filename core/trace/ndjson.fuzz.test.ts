// Issue item 10: the trace reader takes any input without throwing; encode → read round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTrace } from './ndjson';
import { readTrace, TraceLineReader } from './ndjson-reader';
import { sampleHeader, traceEvents } from './testing/arbitraries';

describe('trace reader fuzz', () => {
  it('any string → a result, never an exception; error lines are real line numbers', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const r = readTrace(text);
      const lineCount = text.split('\n').length;
      for (const e of r.errors) {
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(e.line).toBeLessThanOrEqual(lineCount);
      }
    }), { numRuns: 500 });
  });

  it('lines of near-miss JSON → a result, never an exception', () => {
    const line = fc.oneof(fc.json({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify({ seq: 1, t: 0, type: 'send', data: v })), fc.string());
    fc.assert(fc.property(fc.array(line, { maxLength: 10 }), fc.boolean(), (lines, newline) => {
      const r = readTrace(lines.join('\n') + (newline ? '\n' : ''));
      expect(Array.isArray(r.events)).toBe(true);
    }), { numRuns: 300 });
  });

  it('encode → read gives back the header and the events, with no errors', () => {
    fc.assert(fc.property(traceEvents, (events) => {
      const r = readTrace(encodeTrace(sampleHeader(), events));
      expect(r.errors).toEqual([]);
      expect(r.truncated).toBe(false);
      expect(r.header).toEqual(sampleHeader());
      expect(r.events).toEqual(events);
    }), { numRuns: 200 });
  });

  it('a trace cut anywhere loses at most its last event and is never an error', () => {
    fc.assert(fc.property(traceEvents.filter((es) => es.length > 0), fc.nat(), (events, at) => {
      const text = encodeTrace(sampleHeader(), events);
      const cut = text.slice(0, text.indexOf('\n') + 1 + (at % (text.length - text.indexOf('\n'))));
      const r = readTrace(cut);
      expect(r.errors).toEqual([]);
      expect(events.slice(0, r.events.length)).toEqual(r.events);
      expect(r.events.length).toBeGreaterThanOrEqual(cut.split('\n').length - 3);
    }), { numRuns: 200 });
  });

  it('chunking never changes the result', () => {
    fc.assert(fc.property(traceEvents, fc.array(fc.nat({ max: 40 }), { maxLength: 20 }), (events, cuts) => {
      const text = encodeTrace(sampleHeader(), events);
      const reader = new TraceLineReader({ maxErrors: Infinity });
      let pos = 0;
      for (const c of cuts) {
        reader.push(text.slice(pos, pos + c));
        pos = Math.min(text.length, pos + c);
      }
      reader.push(text.slice(pos));
      expect(reader.end()).toEqual(readTrace(text));
    }), { numRuns: 200 });
  });
});
