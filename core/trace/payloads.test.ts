// The payload tape: exact copies of every JSON value (and bigints), refusals like copyJson's with
// nothing kept, the engine's injected keys placed as an assignment on a copy would place them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnsendableValueError, copyJson } from '../engine/json-copy';
import { PayloadTape } from './payloads';

const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('PayloadTape', () => {
  it('gives back an exact, fresh copy of any JSON value, however many are stored around it', () => {
    const tape = new PayloadTape();
    fc.assert(fc.property(fc.array(json, { minLength: 1, maxLength: 20 }), (values) => {
      const handles = values.map((v) => tape.put(v));
      values.forEach((v, i) => {
        const c = tape.get(handles[i]);
        expect(JSON.stringify(c)).toBe(JSON.stringify(v));
        if (v !== null && typeof v === 'object') expect(c).not.toBe(v);
      });
    }), { numRuns: 200 });
  });

  it('spans chunk boundaries (65,536 entries a chunk)', () => {
    const tape = new PayloadTape();
    const values = Array.from({ length: 40_000 }, (_, i) => ({ i, s: `v${i}`, a: [i, true, null] }));
    const handles = values.map((v) => tape.put(v));
    expect(tape.entries).toBeGreaterThan(3 * 65_536);
    for (const i of [0, 1, 9_361, 9_362, 13_107, 26_214, 39_999]) expect(tape.get(handles[i])).toEqual(values[i]);
  });

  it('keeps bigints (integers beyond 2^53) exactly', () => {
    const tape = new PayloadTape();
    const big = 2n ** 64n + 1n;
    expect(tape.get(tape.put({ id: big, l: [big] }))).toEqual({ id: big, l: [big] });
  });

  it('keeps a "__proto__" key as data', () => {
    const tape = new PayloadTape();
    const c = tape.get(tape.put(JSON.parse('{"__proto__": {"a": 1}, "b": 2}'))) as Record<string, unknown>;
    expect(Object.keys(c)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  });

  it('refuses what JSON cannot carry with copyJson\'s message, and keeps nothing of it', () => {
    const tape = new PayloadTape();
    const ok = tape.put({ before: 1 });
    const entries = tape.entries;
    const bad: unknown[] = [{ a: [1, { b: undefined }] }, { m: new Map() }, { f: () => 1 }, { n: NaN }, [Infinity], { s: Symbol('x') }];
    for (const v of bad) {
      let expected = '';
      try {
        copyJson(v, 'eventData');
      } catch (e) {
        expected = (e as Error).message;
      }
      expect(() => tape.put(v, 'eventData')).toThrowError(UnsendableValueError);
      expect(() => tape.put(v, 'eventData')).toThrowError(expected);
      expect(tape.entries).toBe(entries);
    }
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 70; i++) cur = (cur.x = {}) as Record<string, unknown>;
    expect(() => tape.put(deep)).toThrowError(/deeper than 64/);
    expect(tape.get(ok)).toEqual({ before: 1 });
    expect(tape.get(tape.put({ after: 2 }))).toEqual({ after: 2 });
  });

  it('injected keys land where an assignment on a copy puts them', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('a', 'b', '__id__', '__uid__', 'z'), json), json, json, (d, v1, v2) => {
      const tape = new PayloadTape();
      const expected = copyJson(d);
      expected.__uid__ = v1;
      expected.__id__ = v2;
      const got = tape.get(tape.put(d, 'eventData', '__uid__', v1, '__id__', v2));
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
      const one = copyJson(d);
      one.__id__ = v2;
      expect(JSON.stringify(tape.get(tape.put(d, 'eventData', '__id__', v2)))).toBe(JSON.stringify(one));
    }), { numRuns: 300 });
  });
});
