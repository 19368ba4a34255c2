import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceColumns } from './columns';
import { ReplayIndex } from './replay-index';
import { rpcCalls } from './rpc-calls';
import { replayFromStart } from './state';
import { generateSampleEvents, sampleTrace } from './testing/sample-trace';

const gen = [...generateSampleEvents(4000, { seed: 11, maxGapMs: 20 })];

function reference(events: typeof gen, n: number) {
  const calls = new Map(rpcCalls(events).map((c) => [c.id, c]));
  return replayFromStart(events, n, { timeoutAt: (id) => (calls.get(id)?.callbackSuc === false ? calls.get(id)!.callbackT : undefined) });
}

describe('ReplayIndex', () => {
  it('stateAt(i) equals a replay from the start, for any keyframe spacing and index (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.integer({ min: -1, max: gen.length - 1 }), { minLength: 1, maxLength: 8 }), (k, is) => {
        const index = new ReplayIndex(gen, { keyframeEvery: k });
        for (const i of is) expect(index.stateAt(i)).toEqual(reference(gen, i + 1));
      }),
      { numRuns: 25 },
    );
  });

  it('works the same over columns, and stepFrom equals stateAt of the next index', () => {
    const a = new ReplayIndex(TraceColumns.from(gen), { keyframeEvery: 64 });
    const b = new ReplayIndex(gen, { keyframeEvery: 1000 });
    let s = a.stateAt(-1);
    for (let i = 0; i < 700; i++) {
      s = a.stepFrom(s);
      expect(s).toEqual(b.stateAt(i));
    }
  });

  it('pending RPCs carry the deadline the trace shows', () => {
    const ev = sampleTrace();
    const index = new ReplayIndex(ev, { keyframeEvery: 4 });
    const send = ev.findIndex((e) => e.type === 'send' && e.rpc?.id === 2);
    const p = index.stateAt(send).pendingRpcs.get(2)!;
    expect(p.timeoutAt).toBe(p.startT + 2000);
    expect(index.stateAt(ev.findIndex((e) => e.type === 'send' && e.rpc?.id === 1)).pendingRpcs.get(1)?.timeoutAt).toBeUndefined();
  });

  it('stepping back over a completed RPC shows it pending again', () => {
    const ev = sampleTrace();
    const index = new ReplayIndex(ev, { keyframeEvery: 3 });
    const completed = ev.findIndex((e) => e.type === 'rpc' && e.rpc?.state === 'completed');
    expect(index.stateAt(completed).pendingRpcs.has(1)).toBe(false);
    expect(index.stateAt(completed - 1).pendingRpcs.get(1)?.state).toBe('responded');
    const response = ev.findIndex((e) => e.type === 'send' && e.api === 'ResponseToServer');
    expect(index.stateAt(response - 1).pendingRpcs.get(1)?.state).toBe('handling');
  });

  it('push (own store) and sync (live source) index incrementally', () => {
    const own = new ReplayIndex(undefined, { keyframeEvery: 50 });
    gen.slice(0, 500).forEach((e) => own.push(e));
    const live: typeof gen = gen.slice(0, 200);
    const li = new ReplayIndex(live, { keyframeEvery: 50 });
    expect(li.length).toBe(200);
    live.push(...gen.slice(200, 500));
    expect(li.sync()).toBe(500);
    for (const i of [0, 49, 50, 199, 200, 201, 499]) {
      expect(own.stateAt(i)).toEqual(reference(gen.slice(0, 500), i + 1));
      expect(li.stateAt(i)).toEqual(own.stateAt(i));
    }
    expect(li.rpcCalls()).toEqual(rpcCalls(gen.slice(0, 500)));
    expect(() => li.push(gen[0])).toThrow();
  });

  it('navigates by kind with the same answers as a scan', () => {
    const index = new ReplayIndex(gen);
    for (const kind of ['rpc', 'drop', 'timeout', 'misuse'] as const) {
      const all = gen.map((e, i) => [e, i] as const).filter(([e]) => (kind === 'rpc' ? e.type === 'send' && e.rpc?.state === 'requested' : kind === 'timeout' ? e.type === 'rpc' && e.rpc?.state === 'timedOut' : e.type === kind)).map(([, i]) => i);
      expect(all.length).toBeGreaterThan(0);
      expect(Array.from(index.indexesOf(kind))).toEqual(all);
      expect(index.next(kind, -1)).toBe(all[0]);
      expect(index.next(kind, all[0])).toBe(all[1] ?? -1);
      expect(index.prev(kind, all[0])).toBe(-1);
      expect(index.prev(kind, gen.length)).toBe(all[all.length - 1]);
      expect(index.next(kind, all[all.length - 1])).toBe(-1);
    }
  });

  it('finds indexes by time and by seq', () => {
    const index = new ReplayIndex(TraceColumns.from(gen));
    const t = gen[1234].t;
    const i = index.indexAtTime(t);
    expect(gen[i].t).toBe(t);
    expect(i === 0 || gen[i - 1].t < t).toBe(true);
    const j = index.indexAfterTime(t);
    expect(gen[j - 1].t).toBe(t);
    expect(gen[j].t).toBeGreaterThan(t);
    expect(index.indexOfSeq(gen[77].seq)).toBe(77);
    expect(index.indexOfSeq(0)).toBe(-1);
    const sparse = gen.filter((_, k) => k % 2 === 0);
    const si = new ReplayIndex(sparse);
    expect(si.indexOfSeq(sparse[10].seq)).toBe(10);
    expect(si.indexOfSeq(sparse[10].seq + 1)).toBe(-1);
  });
});

describe('ReplayIndex marks', () => {
  it('every navigation kind agrees with navMatches', async () => {
    const { NAV_KINDS, navMatches } = await import('./navigation');
    const ev = [...sampleTrace(), ...[]];
    const index = new ReplayIndex(ev);
    for (const k of NAV_KINDS) expect(Array.from(index.indexesOf(k))).toEqual(ev.flatMap((e, i) => (navMatches(e, k) ? [i] : [])));
  });
});
