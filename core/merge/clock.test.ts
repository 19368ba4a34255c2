import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignClocks, type ClockConstraint } from './clock';

/** Messages between servers with true skews and latencies, as the clocks would have stamped them. */
function traffic(skew: number[], pairs: [from: number, to: number, latency: number][]): ClockConstraint[] {
  // sent at true time 1000 on `from` (stamp 1000 + skew[from]), handled latency later on `to`
  return pairs.map(([from, to, lat]) => ({ from, to, d: 1000 + skew[from] - (1000 + lat + skew[to]) }));
}

describe('alignClocks', () => {
  it('with traffic both ways and equal latencies, finds each skew exactly', () => {
    const skew = [0, 3000, -1500, 42];
    const r = alignClocks(4, traffic(skew, [[0, 1, 20], [1, 0, 20], [0, 2, 5], [2, 0, 5], [2, 3, 1], [3, 2, 1]]));
    expect(r.offsets).toEqual([0, -3000, 1500, -42]);
    expect(r.method).toEqual(['reference', 'two-way', 'two-way', 'two-way']);
    expect(r.violated).toBe(0);
  });

  it('with traffic one way, assumes the shortest latency seen between the others', () => {
    const skew = [0, 500, 60_000];
    const r = alignClocks(3, traffic(skew, [[0, 1, 10], [1, 0, 10], [0, 2, 10], [0, 2, 30]]));
    expect(r.offsets).toEqual([0, -500, -60_000]);
    expect(r.method[2]).toBe('one-way');
  });

  it('leaves servers without traffic alone, and handles none at all', () => {
    expect(alignClocks(0, []).offsets).toEqual([]);
    const r = alignClocks(2, []);
    expect(r.offsets).toEqual([0, 0]);
    expect(r.method).toEqual(['reference', 'none']);
  });

  it('places a group no traffic ties to the reference by its first boot, and says so', () => {
    // 0-1 linked both ways; 2-3 linked to each other only; 4 alone. Every server booted at true time 0.
    const skew = [0, 300, 2102, 2500, -700];
    const boots = skew.map((s) => 5000 + s);
    const r = alignClocks(5, traffic(skew, [[0, 1, 5], [1, 0, 5], [2, 3, 5], [3, 2, 5]]), 0, boots);
    expect(r.offsets).toEqual([0, -300, -2102, -2500, 700]);
    expect(r.method).toEqual(['reference', 'two-way', 'boot', 'boot', 'boot']);
    // Without boot times there is nothing to place them by.
    expect(alignClocks(5, traffic(skew, [[0, 1, 5], [1, 0, 5]]), 0).method[4]).toBe('none');
  });

  it('counts constraints no offsets satisfy (a clock that jumped)', () => {
    // 0 -> 1 needs off1 - off0 >= 100, 1 -> 0 needs off0 - off1 >= 100: impossible.
    const r = alignClocks(2, [{ from: 0, to: 1, d: 100 }, { from: 1, to: 0, d: 100 }]);
    expect(r.violated).toBeGreaterThan(0);
  });

  it('never leaves a feasible constraint unmet', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.integer({ min: 0, max: 500 })), { maxLength: 30 }),
        (skew, raw) => {
          const n = skew.length;
          const pairs = raw.map(([a, b, l]) => [a % n, b % n, l] as [number, number, number]).filter(([a, b]) => a !== b);
          const cs = traffic(skew, pairs);
          const r = alignClocks(n, cs);
          expect(r.violated).toBe(0); // real clocks and non-negative latencies are always feasible
          for (const c of cs) expect(r.offsets[c.to] - r.offsets[c.from]).toBeGreaterThanOrEqual(c.d - 0.002);
          expect(r.offsets[0]).toBe(0);
        },
      ),
    );
  });
});
