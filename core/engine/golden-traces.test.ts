/// <reference types="vite/types/import-meta.d.ts" />
// Same project + scenario + seed ⇒ byte-identical trace, pinned: every run of
// testing/golden-cases.ts (fixtures × scenarios × seeds, random projects, the bench workloads) must
// give the NDJSON event lines whose digest testing/golden-traces.json holds. The digests were first
// written by the engine before its hot-path rewrite (issue 12), so a faster engine proves it changed
// no byte. A change of bytes that is intended is re-pinned with `npm run golden` (say so in the commit).
import { describe, expect, it } from 'vitest';
import golden from './testing/golden-traces.json';
import { goldenCases, traceDigest } from './testing/golden-cases';

const FIXTURES = import.meta.glob<unknown>(['../../fixtures/reference/*.switchboard.json', '../../fixtures/projects/*.switchboard.json', '../../fixtures/problems/*.switchboard.json'], { eager: true, import: 'default' });
const fixtures = Object.entries(FIXTURES).map(([p, json]): [string, unknown] => {
  const parts = p.split('/');
  return [`${parts[parts.length - 2]}/${parts[parts.length - 1].replace(/\.switchboard\.json$/, '')}`, json];
});
const pinned = golden as Record<string, { events: number; hash: string }>;

describe('golden traces (same seed ⇒ same bytes)', () => {
  const cases = goldenCases(fixtures);

  it('pins every case and no other', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(pinned).sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(traceDigest(c.run())).toEqual(pinned[c.name]);
  });
});
