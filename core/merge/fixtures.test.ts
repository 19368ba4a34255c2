// Every reference fixture (one per example of the reference) and the quickstart, recorded and
// merged back: the same messages, causes and RPC outcomes as the engine's trace, no issues.
import { describe, expect, it } from 'vitest';
import { mergeTexts } from './merge';
import { compareWithEngine, engineRun, FIXTURES } from './testing/engine-runs';
import { synthesizeRecordings } from './testing/synth';

describe('every fixture merges back to what the engine did', () => {
  for (const name of [...FIXTURES.keys()].sort()) {
    it(name, () => {
      const run = engineRun(name, 3);
      const skewMs = Object.fromEntries((run.header.nodes ?? []).map((n, i) => [n.id, ((i * 7919) % 5000) - 2500]));
      const m = mergeTexts(synthesizeRecordings(run.header, run.events, { skewMs }), name);
      const { engine, merged } = compareWithEngine(run, m);
      expect(merged).toEqual(engine);
      expect(m.report.issues).toEqual([]);
    });
  }
});
