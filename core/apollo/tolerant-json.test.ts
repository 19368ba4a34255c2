import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApolloFindings } from './findings';
import { readTolerantJson } from './tolerant-json';

function read(text: string) {
  const f = new ApolloFindings();
  const r = readTolerantJson(text, 'x.json', f);
  return { ...r, findings: f.list };
}

describe('readTolerantJson', () => {
  it('reads strict JSON with no findings', () => {
    const r = read('{ "a": [1, "two", null, true], "b": { "c": 1.5 } }');
    expect(r.value).toEqual({ a: [1, 'two', null, true], b: { c: 1.5 } });
    expect(r.findings).toEqual([]);
  });

  it('accepts comments and trailing commas, one warning of each kind with the line of the first', () => {
    const r = read('{\n  // one\n  "a": [1, 2,],\n  /* two */ "b": 3,\n}\n');
    expect(r.value).toEqual({ a: [1, 2], b: 3 });
    expect(r.findings.map((x) => [x.code, x.line, x.severity])).toEqual([
      ['json.comment', 2, 'warning'],
      ['json.trailing-comma', 3, 'warning'],
    ]);
    expect(r.findings[0].message).toContain('2 in this file');
    expect(r.findings[1].message).toContain('2 in this file');
  });

  it('keeps the last of duplicate keys and names the line, but says nothing of repeated "_comment"', () => {
    const r = read('{\n "_comment": "a",\n "x": 1,\n "_comment": "b",\n "x": 2\n}');
    expect(r.value).toEqual({ _comment: 'b', x: 2 });
    expect(r.findings).toEqual([{ severity: 'warning', code: 'json.duplicate-key', file: 'x.json', line: 5, column: 2, message: '"x" is written twice in the top-level object; the last one counts' }]);
  });

  it('names nested duplicates by their path', () => {
    const r = read('{ "list": [ { "type": "a", "type": "b" } ] }');
    expect(r.findings[0].message).toContain('in list[0]');
  });

  it('locates members and items, the latest of duplicates', () => {
    const r = read('{\n "a": 1,\n "b": [\n  10,\n  20\n ],\n "a": 3\n}');
    expect(r.at(['b', 1])).toEqual({ line: 5, column: 3 });
    expect(r.at(['a'])).toEqual({ line: 7, column: 2 });
    // A path not written falls back to its nearest written ancestor.
    expect(r.at(['b', 7, 'x'])).toEqual({ line: 3, column: 2 });
  });

  it('reports a syntax error with its line and still uses what was read', () => {
    const r = read('{\n "a": 1,\n "b": \n}');
    expect(r.findings[0]).toMatchObject({ severity: 'error', code: 'json.syntax', line: 4 });
    expect((r.value as Record<string, unknown>).a).toBe(1);
  });

  it('ignores a byte-order mark without moving positions', () => {
    const r = read('\ufeff{\n "a": 1\n}');
    expect(r.value).toEqual({ a: 1 });
    expect(r.findings).toEqual([]);
    expect(r.at(['a'])).toEqual({ line: 2, column: 2 });
  });

  it('keeps "__proto__" as a key, not a prototype', () => {
    const r = read('{ "__proto__": { "polluted": 1 } }');
    expect(Object.keys(r.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses empty and absurdly deep text with an error', () => {
    expect(read('   ').findings[0].code).toBe('json.empty');
    const deep = read('['.repeat(500) + ']'.repeat(500));
    expect(deep.value).toBeUndefined();
    expect(deep.findings[0].code).toBe('json.too-deep');
  });

  it('round-trips any JSON value, with no findings', () => {
    const noProtoKey = fc.string().filter((k) => k !== '__proto__');
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)), fc.string(), tie('arr'), tie('obj')),
      arr: fc.array(tie('value'), { maxLength: 4 }),
      obj: fc.dictionary(noProtoKey, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, fc.boolean(), (v, pretty) => {
        const r = read(JSON.stringify(v, null, pretty ? 2 : undefined));
        expect(r.value).toEqual(v);
        expect(r.findings).toEqual([]);
      }),
    );
  });

  it('never throws, whatever the text, and every finding has a line within the text', () => {
    const chars = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', 'a', '1', ' ', '\n', '/', '*', '\\', 'null', 'true', '-', '.', 'e');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(chars, { maxLength: 60 }).map((a) => a.join(''))), (text) => {
        const r = read(text);
        const lines = text.split('\n').length;
        for (const x of r.findings) if (x.line !== undefined) expect(x.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: 500 },
    );
  });
});
