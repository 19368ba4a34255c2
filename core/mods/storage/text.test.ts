import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, utf8Decode, utf8Encode, utf8Length } from './text';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 20 });

describe('UTF-8 helpers', () => {
  it('length is the encoded length; decode inverts encode for well-formed text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(utf8Length(s)).toBe(utf8Encode(s).length);
      }),
    );
    fc.assert(
      fc.property(wellFormed, (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
    expect(utf8Encode('é€😀')).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it('decodes a cut through a character as U+FFFD', () => {
    expect(utf8Decode([0x61, 0xe2, 0x82])).toBe('a\ufffd\ufffd');
  });

  it('orders by code point, as UTF-8 bytes order', () => {
    const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0) as number);
    fc.assert(
      fc.property(wellFormed, wellFormed, (a, b) => {
        const x = cps(a);
        const y = cps(b);
        let expected = x.length - y.length;
        for (let i = 0; i < Math.min(x.length, y.length); i++) {
          if (x[i] !== y[i]) {
            expected = x[i] - y[i];
            break;
          }
        }
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(expected));
      }),
    );
    expect(compareCodePoints('\uffff', '😀')).toBeLessThan(0);
  });
});
