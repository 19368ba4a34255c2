import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, type PacingInput } from './pacing';

const base: PacingInput = { t: 0, wallDt: 16, speed: 1, hopMs: 600, hops: [], limit: Infinity, idleMs: 150, maxPacedLegs: 40 };

/** Wall ms until the clock reaches `until`, frame by frame, with a hop [t0, t1] moving. */
function wallFor(inp: Partial<PacingInput>, t0: number, t1: number, until = t1): number {
  let t = t0;
  let wall = 0;
  for (let k = 0; k < 100000 && t < until; k++) {
    t = advance({ ...base, ...inp, t, hops: t < t1 ? [t1 - t0] : [] }).t;
    wall += inp.wallDt ?? base.wallDt;
  }
  return wall;
}

describe('pacing: every hop visible', () => {
  it('a 20 ms hop takes ~600 ms of wall time at 1×, ~60 ms at 10×, and plain time when off', () => {
    expect(wallFor({}, 0, 20)).toBeGreaterThanOrEqual(592);
    expect(wallFor({}, 0, 20)).toBeLessThanOrEqual(624);
    expect(wallFor({ speed: 10 }, 0, 20)).toBeLessThanOrEqual(80);
    expect(wallFor({ speed: 10 }, 0, 20)).toBeGreaterThanOrEqual(48);
    expect(wallFor({ hopMs: 0 }, 0, 20)).toBeLessThanOrEqual(32);
  });

  it('a long hop (latency above the minimum) runs at plain speed', () => {
    const r = advance({ ...base, hops: [2000] });
    expect(r.paced).toBe(false);
    expect(r.t).toBe(16);
  });

  it('does not pace steady dense traffic, but paces a burst sent at a few instants', () => {
    const many = Array.from({ length: 600 }, () => 20);
    expect(advance({ ...base, hops: many })).toMatchObject({ paced: false, t: 16 });
    expect(advance({ ...base, hops: many, instants: 41 })).toMatchObject({ paced: false, t: 16 });
    expect(advance({ ...base, hops: many, instants: 2 }).paced).toBe(true);
  });

  it('lands on the next event instead of jumping past it while pacing', () => {
    expect(advance({ ...base, t: 0, wallDt: 100, nextT: 5 }).t).toBe(5);
    // Not pacing (off): plain time, may pass several events in a frame.
    expect(advance({ ...base, hopMs: 0, t: 0, wallDt: 100, nextT: 5 }).t).toBe(100);
  });

  it('waits out an idle stretch for at most idleMs / speed of wall time', () => {
    // Nothing moving, next event 10 s away: the clock jumps to 150 ms before it, then ticks on.
    const r = advance({ ...base, t: 0, nextT: 10000 });
    expect(r.t).toBeCloseTo(10000 - 150 + 16, 6);
    expect(wallFor({ nextT: 10000 }, 0, 0, 10000)).toBeLessThanOrEqual(150 + 32);
  });

  it('never passes the limit and never runs backwards', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 50 }), (t, limit, dt, hops) => {
        const r = advance({ ...base, t, limit, wallDt: dt, hops, nextT: t + 7 });
        expect(r.t).toBeGreaterThanOrEqual(t);
        if (t <= limit) expect(r.t).toBeLessThanOrEqual(limit);
      }),
    );
  });
});
