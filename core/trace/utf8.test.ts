// core's UTF-8 must decode and encode exactly as the platform's TextDecoder / TextEncoder do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './utf8';

type Codec = { decode(b: Uint8Array): string; encode(s: string): Uint8Array };
const g = globalThis as unknown as { TextDecoder: new (l: string, o: { ignoreBOM: boolean }) => Codec; TextEncoder: new () => Codec };
const decoder = new g.TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new g.TextEncoder();

describe('utf8', () => {
  it('decodes any bytes as TextDecoder does (invalid sequences become U+FFFD the same way)', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0x80, 0xbf, 0x9f, 0xa0, 0x8f, 0x90));
    fc.assert(fc.property(fc.array(byte, { maxLength: 40 }), (a) => {
      const b = Uint8Array.from(a);
      expect(decodeUtf8(b)).toBe(decoder.decode(b));
    }), { numRuns: 3000 });
    const long = encoder.encode('é'.repeat(5000) + 'x'.repeat(9000));
    expect(decodeUtf8(long)).toBe(decoder.decode(long));
  });

  it('encodes any string as TextEncoder does (lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.oneof(fc.constant('\ud800'), fc.constant('\udc00'), fc.constant('😀'), fc.constant('é'), fc.constant('ロ'), fc.string({ maxLength: 1 })) }), (s) => {
      expect([...encodeUtf8(s)]).toEqual([...encoder.encode(s)]);
      expect(decodeUtf8(encodeUtf8(s))).toBe(decoder.decode(encoder.encode(s)));
    }), { numRuns: 2000 });
  });
});
