// Properties of the merge over random runs: any fixture and seed, any clock skews, lost lines,
// duplicated files, bad and cut lines, files in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/event';
import { encodeTrace } from '../trace/ndjson';
import { readTrace } from '../trace/ndjson-reader';
import { mergeTexts } from './merge';
import { compareWithEngine, engineRun, FIXTURES, type Run } from './testing/engine-runs';
import { synthesizeRecordings, type SynthFile } from './testing/synth';

const names = [...FIXTURES.keys()].sort();
const runs = new Map<string, Run>();
const runOf = (name: string, seed: number) => {
  const key = `${name}#${seed}`;
  if (!runs.has(key)) runs.set(key, engineRun(name, seed));
  return runs.get(key) as Run;
};

const skews = fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: 12, maxLength: 12 });

interface Damage {
  loseEvery: number; // 0: no loss; else every k-th line of some servers
  duplicate: boolean;
  garbage: boolean;
  cut: boolean;
}
const damage: fc.Arbitrary<Damage> = fc.record({ loseEvery: fc.constantFrom(0, 0, 3, 5, 11), duplicate: fc.boolean(), garbage: fc.boolean(), cut: fc.boolean() });

function recordings(run: Run, skew: number[], d: Damage, correlate: boolean): SynthFile[] {
  const ids = (run.header.nodes ?? []).map((n) => n.id);
  const skewMs = Object.fromEntries(ids.map((id, i) => [id, skew[i % skew.length]]));
  const files = synthesizeRecordings(run.header, run.events, {
    skewMs, correlate,
    lose: d.loseEvery ? (node, seq) => node.length % 2 === 0 && seq % d.loseEvery === 0 : undefined,
  });
  const out = [...files];
  if (d.duplicate && files.length) out.push({ ...files[0], name: `copy-of-${files[0].name}` });
  if (d.garbage && files.length) out[0] = { ...out[0], text: `${out[0].text}{"seq": nope\n[1,2]\n\n` };
  if (d.cut && files.length > 1) out[1] = { ...out[1], text: out[1].text.slice(0, -7) };
  return out;
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const input = fc.record({
  name: fc.constantFrom(...names),
  seed: fc.integer({ min: 1, max: 30 }),
  skew: skews,
  damage,
  correlate: fc.boolean(),
  order: fc.integer({ min: 1, max: 2 ** 31 }),
});

describe('merge properties', () => {
  it('never drops a line silently: every line read is a header, written, or skipped and reported', () => {
    fc.assert(
      fc.property(input, ({ name, seed, skew, damage: d, correlate }) => {
        const m = mergeTexts(recordings(runOf(name, seed), skew, d, correlate), name);
        const a = m.report.accounting;
        expect(a.read).toBe(a.headers + a.written + a.skipped);
        expect(a.silent).toBe(0);
        expect(a.skipped).toBeLessThanOrEqual(m.report.issueTotal);
      }),
      { numRuns: 60 },
    );
  });

  it('writes a valid trace where no delivery precedes its send, whatever the clocks', () => {
    fc.assert(
      fc.property(input, ({ name, seed, skew, damage: d, correlate }) => {
        const m = mergeTexts(recordings(runOf(name, seed), skew, d, correlate), name);
        expect(readTrace(encodeTrace(m.header, m.events)).errors).toEqual([]);
        const bySeq = new Map<number, TraceEvent>(m.events.map((e) => [e.seq, e]));
        for (const e of m.events) {
          if (e.cause === undefined) continue;
          const c = bySeq.get(e.cause) as TraceEvent;
          expect(c.seq).toBeLessThan(e.seq);
          expect(c.t).toBeLessThanOrEqual(e.t);
          if (e.type === 'deliver' && c.type === 'send') expect(c.t).toBeLessThanOrEqual(e.t);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same trace and report for the files in any order', () => {
    fc.assert(
      fc.property(input, ({ name, seed, skew, damage: d, correlate, order }) => {
        const files = recordings(runOf(name, seed), skew, d, correlate);
        const a = mergeTexts(files, name);
        const b = mergeTexts(shuffle(files, order), name);
        expect(encodeTrace(b.header, b.events)).toBe(encodeTrace(a.header, a.events));
        expect(b.report).toEqual(a.report);
      }),
      { numRuns: 40 },
    );
  });

  it('restores what the engine did, for any skew, with or without correlation ids', () => {
    // Without correlation ids, two senders' identical messages to one receiver at the same moment
    // cannot be told apart: which send a delivery came from is then compared only with ids.
    const senderless = (d: Record<string, string[]>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.map((x) => x.replace(/\|s\d+#\d+\|/, '|?|'))]));
    fc.assert(
      fc.property(input, ({ name, seed, skew, correlate }) => {
        const run = runOf(name, seed);
        const m = mergeTexts(recordings(run, skew, { loseEvery: 0, duplicate: false, garbage: false, cut: false }, correlate), name);
        const { engine, merged } = compareWithEngine(run, m);
        expect(merged.sends).toEqual(engine.sends);
        expect(merged.rpcs).toEqual(engine.rpcs);
        if (correlate) expect(merged.deliveries).toEqual(engine.deliveries);
        else expect(senderless(merged.deliveries)).toEqual(senderless(engine.deliveries));
      }),
      { numRuns: 60 },
    );
  });
});
