// eventData copies: exact for every JSON value, refusals name the path of the bad value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnsendableValueError, copyDict, copyJson } from './json-copy';

describe('copyJson', () => {
  it('copies any JSON value exactly and shares nothing with the original', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => {
      const v = JSON.parse(JSON.stringify(raw)) as unknown;
      const c = copyJson(v);
      expect(JSON.stringify(c)).toBe(JSON.stringify(v));
      if (v !== null && typeof v === 'object') expect(c).not.toBe(v);
    }), { numRuns: 300 });
  });

  it('keeps a "__proto__" key as data', () => {
    const v = JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as Record<string, unknown>;
    const c = copyJson(v);
    expect(Object.keys(c)).toEqual(['__proto__', 'b']);
    expect(JSON.stringify(c)).toBe('{"__proto__":{"a":1},"b":2}');
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  });

  it('refuses what JSON cannot carry, naming where it is', () => {
    expect(() => copyJson({ a: [1, { b: undefined }] })).toThrowError(/data\.a\[1\]\.b: undefined/);
    expect(() => copyJson({ m: new Map() })).toThrowError(UnsendableValueError);
    expect(() => copyDict([1, 2], 'eventData')).toThrowError(/eventData: an array/);
  });
});
