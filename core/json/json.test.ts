// Big-integer JSON: exact digits beyond 2^53, everything else exactly as the platform's JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldUnsafeInteger, parseJson, stringifyJson } from './index';

/** Integers a double cannot print back digit for digit (2^53 + 1, 2^64, ...). */
const unsafe = fc.oneof(fc.bigInt(2n ** 53n, 10n ** 40n), fc.bigInt(-(10n ** 40n), -(2n ** 53n))).filter((b) => String(Number(b)) !== b.toString());
/** JSON values with bigints beyond 2^53 mixed in. */
const withBig = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown), unsafe, tie('arr'), tie('obj')),
  arr: fc.array(tie('value'), { maxLength: 4 }),
  obj: fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
})).value;

/** The same value with each bigint as a marker string, for comparing against JSON.stringify. */
function marked(v: unknown): unknown {
  if (typeof v === 'bigint') return `@@${v}@@`;
  if (Array.isArray(v)) return v.map(marked);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, marked(x)]));
  return v;
}

function hasBigint(v: unknown): boolean {
  if (typeof v === 'bigint') return true;
  if (v && typeof v === 'object') return Object.values(v).some(hasBigint);
  return false;
}

describe('parseJson', () => {
  it('equals JSON.parse on any JSON text without unsafe integers', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const text = JSON.stringify(v);
      expect(parseJson(text)).toEqual(JSON.parse(text));
    }), { numRuns: 500 });
  });

  it('keeps every digit of integers beyond 2^53, anywhere, and round-trips through stringifyJson', () => {
    fc.assert(fc.property(withBig, fc.constantFrom(undefined, 2, '\t'), (v, indent) => {
      const text = stringifyJson(v, indent);
      expect(parseJson(text)).toEqual(v);
      expect(stringifyJson(parseJson(text), indent)).toBe(text);
    }), { numRuns: 500 });
  });

  it('reads a 19-digit uid exactly and leaves safe integers and long fractions as numbers', () => {
    const v = parseJson('{"uid": 1234567890123456789, "n": -9223372036854775808, "safe": 9007199254740991, "f": 0.12345678901234567, "e": 12345678901234567e2, "s": "12345678901234567890"}') as Record<string, unknown>;
    expect(v).toEqual({ uid: 1234567890123456789n, n: -9223372036854775808n, safe: 9007199254740991, f: Number("0.12345678901234567"), e: Number("12345678901234567e2"), s: '12345678901234567890' });
  });

  it('keeps "__proto__" as data and decodes escapes on the exact path', () => {
    const v = parseJson('{"__proto__": {"x": 1}, "big": 99999999999999999999, "s": "a\\"b\\u00e9\\n"}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'big', 's']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v.s).toBe('a"bé\n');
  });

  it('fails with JSON.parse\'s own message', () => {
    for (const bad of ['{', '[1,]', '{"a": 12345678901234567890', 'nul']) {
      let expected = '';
      try {
        JSON.parse(bad);
      } catch (e) {
        expected = (e as Error).message;
      }
      expect(() => parseJson(bad)).toThrow(expected);
    }
  });

  it('the fast check never misses an unsafe integer literal', () => {
    fc.assert(fc.property(withBig, (v) => {
      const text = stringifyJson(v);
      if (!mayHoldUnsafeInteger(text)) expect(parseJson(text)).toEqual(JSON.parse(text));
      if (hasBigint(v)) expect(mayHoldUnsafeInteger(text)).toBe(true);
    }), { numRuns: 300 });
    expect(mayHoldUnsafeInteger('{"t":12.345678901234567,"x":1e-1234567890123456}')).toBe(false);
    expect(mayHoldUnsafeInteger('[12345678901234567]')).toBe(true);
  });
});

describe('stringifyJson', () => {
  it('equals JSON.stringify on values without bigints (any indent)', () => {
    fc.assert(fc.property(fc.anything(), fc.constantFrom(undefined, 0, 2, '  '), (v, indent) => {
      let expected: string | undefined;
      try {
        expected = JSON.stringify(v, undefined, indent);
      } catch {
        return; // bigint inside fc.anything(): covered below
      }
      expect(stringifyJson(v, indent)).toBe(expected);
    }), { numRuns: 300 });
  });

  it('writes bigints as plain digits with JSON.stringify\'s layout around them', () => {
    fc.assert(fc.property(withBig, fc.constantFrom(undefined, 2), (v, indent) => {
      const expected = JSON.stringify(marked(v), undefined, indent).replace(/"@@(-?\d+)@@"/g, '$1');
      expect(stringifyJson(v, indent)).toBe(expected);
    }), { numRuns: 300 });
    expect(stringifyJson({ a: [1n, undefined, () => 1], b: undefined, c: 2n ** 64n })).toBe('{"a":[1,null,null],"c":18446744073709551616}');
  });
});
