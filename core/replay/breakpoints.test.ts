import { describe, expect, it } from 'vitest';
import { allHits, Breakpoint, Breakpoints, firstHit, jsonEqual, parseBreakpoint, valueAt } from './breakpoints';
import { TraceColumns } from './columns';
import { nextIndexOf, prevIndexOf } from './navigation';
import { sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const bp = (input: unknown) => parseBreakpoint(input);

describe('breakpoints', () => {
  it('validates with zod', () => {
    expect(bp({ id: 'a', match: { kind: 'timeout' } })).toEqual({ id: 'a', enabled: true, match: { kind: 'timeout' } });
    expect(() => bp({ id: 'a', match: {} })).toThrow(/at least one/);
    expect(() => bp({ id: 'a', match: { kind: 'nope' } })).toThrow();
    expect(() => bp({ id: '', match: { api: 'X' } })).toThrow();
    expect(() => bp({ id: 'a', match: { type: 'sned' } })).toThrow();
    expect(() => bp({ id: 'a', match: { field: { path: 'data..x', equals: 1 } } })).toThrow(/path/);
    expect(() => bp({ id: 'a', match: { api: 'X', extra: 1 } })).toThrow();
    expect(Breakpoints.safeParse([{ id: 'a', match: { kind: 'drop' } }, { id: 'a', match: { kind: 'misuse' } }]).success).toBe(false);
    expect(Breakpoint.safeParse({ id: 'x', enabled: false, match: { node: 'lobby-4000', field: { path: 'data.items[2].id', equals: { a: [1] } } } }).success).toBe(true);
  });

  it('kind breakpoints: timeout, drop, misuse', () => {
    const to = firstHit(ev, 0, [bp({ id: 't', match: { kind: 'timeout' } })])!;
    expect(ev[to.index]).toMatchObject({ type: 'rpc', rpc: { state: 'timedOut' } });
    expect(to).toMatchObject({ seq: ev[to.index].seq, t: ev[to.index].t, ids: ['t'] });
    expect(allHits(ev, [bp({ id: 'd', match: { kind: 'drop' } })]).map((h) => h.index)).toEqual(ev.flatMap((e, i) => (e.type === 'drop' ? [i] : [])));
    expect(allHits(ev, [bp({ id: 'm', match: { kind: 'misuse' } })]).length).toBe(1);
  });

  it('event breakpoints AND their fields; node matches from, to, targets', () => {
    const h = allHits(ev, [bp({ id: 'x', match: { api: 'NotifyToServer', type: 'deliver' } })]);
    expect(h.map((x) => ev[x.index].event)).toEqual(['Hello']);
    const n = allHits(ev, [bp({ id: 'n', match: { node: 'service-8001', type: 'send' } })]);
    expect(n.map((x) => ev[x.index].api)).toContain('BroadcastToService');
    const f = allHits(ev, [bp({ id: 'f', match: { field: { path: 'data.rank', equals: 3 } } })]);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect((ev[x.index].data as { rank: number }).rank).toBe(3);
    const deep = allHits(ev, [bp({ id: 'g', match: { field: { path: 'data.top', equals: [1001] } } })]);
    expect(deep.length).toBeGreaterThan(0);
    expect(allHits(ev, [bp({ id: 'r', match: { field: { path: 'rpc.state', equals: 'noRoute' } } })]).length).toBe(1);
    expect(allHits(ev, [bp({ id: 'z', match: { event: 'Hello', api: 'NotifyToClient' } })])).toEqual([]);
  });

  it('skips disabled breakpoints, reports all matching ids, starts at fromIndex', () => {
    const list = [bp({ id: 'a', match: { kind: 'drop' } }), bp({ id: 'b', match: { type: 'drop' } }), bp({ id: 'c', enabled: false, match: { type: 'drop' } })];
    const first = firstHit(ev, 0, list)!;
    expect(first.ids).toEqual(['a', 'b']);
    const second = firstHit(ev, first.index + 1, list)!;
    expect(second.index).toBeGreaterThan(first.index);
    expect(firstHit(ev, first.index, list)!.index).toBe(first.index);
    expect(firstHit(ev, ev.length, list)).toBeNull();
    expect(firstHit(TraceColumns.from(ev), 0, list)).toEqual(first);
    expect(allHits(ev, list, { from: first.index + 1, to: second.index + 1 }).map((h) => h.index)).toEqual([second.index]);
  });

  it('gives the same hits over columns (payloads decoded only when a breakpoint reads them)', () => {
    const cols = TraceColumns.from(ev);
    for (const list of [
      [bp({ id: 'f', match: { field: { path: 'data.rank', equals: 3 } } })],
      [bp({ id: 'g', match: { field: { path: 'data', equals: null } } })],
      [bp({ id: 'r', match: { field: { path: 'rpc.state', equals: 'completed' } } }), bp({ id: 'n', match: { node: 'client-1' } })],
      [bp({ id: 'l', match: { field: { path: 'data.playerId', equals: 'p3' } } })],
    ]) {
      const want = allHits(ev, list);
      expect(want.length).toBeGreaterThan(0);
      expect(allHits(cols, list)).toEqual(want);
      expect(firstHit(cols, 0, list)).toEqual(want[0]);
    }
  });

  it('helpers', () => {
    expect(valueAt({ a: { b: [0, { c: 5 }] } }, 'a.b[1].c')).toBe(5);
    expect(valueAt({ a: 1 }, 'a.b.c')).toBeUndefined();
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
  });
});

describe('navigation over plain events', () => {
  it('next/previous by kind', () => {
    const drops = ev.flatMap((e, i) => (e.type === 'drop' ? [i] : []));
    expect(nextIndexOf(ev, 'drop', -1)).toBe(drops[0]);
    expect(nextIndexOf(ev, 'drop', drops[0])).toBe(drops[1]);
    expect(prevIndexOf(ev, 'drop', drops[1])).toBe(drops[0]);
    expect(prevIndexOf(ev, 'drop', drops[0])).toBe(-1);
    expect(nextIndexOf(ev, 'drop', drops[drops.length - 1])).toBe(-1);
    const t = nextIndexOf(ev, 'timeout', -1);
    expect(ev[t].rpc?.state).toBe('timedOut');
    const r = nextIndexOf(ev, 'rpc', -1);
    expect(ev[r]).toMatchObject({ type: 'send', rpc: { state: 'requested', id: 1 } });
    expect(ev[nextIndexOf(ev, 'misuse', -1)].type).toBe('misuse');
  });
});
