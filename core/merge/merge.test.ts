// The merge against the engine: recordings made from an engine trace (as the recorder mod writes
// them, testing/synth.ts) are merged back, with skewed clocks and lost lines, and compared with
// the engine's own trace of the run.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/event';
import { readTrace } from '../trace/ndjson-reader';
import { encodeTrace } from '../trace/ndjson';
import { mergeTexts } from './merge';
import { compareWithEngine as compare, engineRun } from './testing/engine-runs';
import { synthesizeRecordings, type SynthOptions } from './testing/synth';

const QUICKSTART = 'quickstart';

describe('merge of recordings made from an engine run', () => {
  const run = engineRun(QUICKSTART);

  function merged(opts: SynthOptions = {}) {
    return mergeTexts(synthesizeRecordings(run.header, run.events, opts), 'quickstart');
  }

  it('has the same sends, deliveries, causes and RPC outcomes as the engine trace', () => {
    const m = merged();
    const { engine, merged: got } = compare(run, m);
    expect(got.sends).toEqual(engine.sends);
    expect(got.rpcs).toEqual(engine.rpcs);
    // Deliveries: client-originated ones have no send in the recordings (clients run no recorder).
    expect(got.deliveries).toEqual(engine.deliveries);
    expect(m.report.issueTotal).toBe(0);
  });

  it('is a valid trace: the codec reads it back whole, causes come first, no delivery precedes its send', () => {
    const m = merged({ skewMs: { 'lobby-4000': 7000, 'service-8000': -4000, 'game-5001': 900 } });
    const back = readTrace(encodeTrace(m.header, m.events));
    expect(back.errors).toEqual([]);
    expect(back.events).toHaveLength(m.events.length);
    const bySeq = new Map(m.events.map((e) => [e.seq, e]));
    for (const e of m.events) {
      if (e.cause === undefined) continue;
      const c = bySeq.get(e.cause) as TraceEvent;
      expect(c.seq).toBeLessThan(e.seq);
      expect(c.t).toBeLessThanOrEqual(e.t);
    }
  });

  it('matches uncorrelated payloads by event and order as well as by correlation id', () => {
    const m = merged({ correlate: false, skewMs: { 'lobby-4000': 250 } });
    const { engine, merged: got } = compare(run, m);
    expect(got.sends).toEqual(engine.sends);
    expect(got.deliveries).toEqual(engine.deliveries);
    expect(got.rpcs).toEqual(engine.rpcs);
    expect(m.report.deliveries.byOrder).toBeGreaterThan(0);
    expect(m.report.deliveries.byCorrelation).toBe(0);
  });

  it('corrects each server\'s skew and reports it', () => {
    const m = merged({ skewMs: { 'lobby-4000': 3000, 'service-8000': -1500, 'service-8001': 800 } });
    const skew = Object.fromEntries(m.report.servers.map((s) => [s.node, s.skewMs]));
    expect(skew).toMatchObject({ master: 0, 'lobby-4000': -3000, 'service-8000': 1500, 'service-8001': -800 });
    const { engine, merged: got } = compare(run, m);
    expect(got).toEqual(engine);
  });
});
