import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFolderName, join, normalize } from './paths';

describe('paths', () => {
  it('normalizes POSIX relative paths', () => {
    expect(normalize('')).toBe('.');
    expect(normalize('./a//b/./c/')).toBe('a/b/c');
    expect(normalize('a/../../b')).toBe('../b');
    expect(join('..', 'apollo', 'modA')).toBe('../apollo/modA');
    expect(join('.', 'modA')).toBe('modA');
  });

  it('normalize is idempotent and never leaves "." or empty segments', () => {
    const seg = fc.constantFrom('a', 'b', '.', '..', '', 'c d');
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 8 }).map((s) => s.join('/')), (p) => {
        const n = normalize(p);
        expect(normalize(n)).toBe(n);
        if (n !== '.') expect(n.split('/').every((s) => s !== '' && s !== '.')).toBe(true);
      }),
    );
  });

  it('accepts plain folder names only', () => {
    for (const ok of ['neteaseAnnounce', 'my mod', 'a.b']) expect(isFolderName(ok)).toBe(true);
    for (const bad of ['', '.', '..', 'a/b', 'a\\b', 'C:x', 'x\0']) expect(isFolderName(bad)).toBe(false);
  });
});
