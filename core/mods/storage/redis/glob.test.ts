import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch } from './glob';

/** Reference: the pattern as a regular expression (fine for the small well-formed patterns generated). */
function viaRegex(pattern: string, text: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      let body = pattern.slice(i + 1, end);
      const not = body.startsWith('^');
      if (not) body = body.slice(1);
      re += `[${not ? '^' : ''}${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(text);
}

const token = fc.oneof(
  fc.constantFrom('a', 'b', 'c', ':', '*', '?', '[ab]', '[^a]', '[a-b]'),
);

describe('globMatch', () => {
  it('agrees with a regular-expression reference', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), fc.stringMatching(/^[abc:]{0,10}$/), (parts, text) => {
        const pattern = parts.join('');
        expect(globMatch(pattern, text)).toBe(viaRegex(pattern, text));
      }),
      { numRuns: 2000 },
    );
  });

  // A naive recursive matcher would take exponential time on the last pattern; this one cannot.
  it('handles escapes and hostile patterns', () => {
    expect(globMatch('a\\*b', 'a*b')).toBe(true);
    expect(globMatch('a\\*b', 'axb')).toBe(false);
    expect(globMatch('user:*', 'user:')).toBe(true);
    expect(globMatch('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
  });
});
