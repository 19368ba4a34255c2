import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreOn, fracOf, MIN_SPAN, panView, ticks, zoomView } from './time-view';

const all = { start: 0, end: 4000 };

describe('the RPC timeline window', () => {
  it('zooms around the cursor: the time under it stays put', () => {
    const v = zoomView(all, 0.5, 0.25, all);
    expect(v).toEqual({ start: 500, end: 2500 });
    expect(fracOf(v, 1000)).toBeCloseTo(0.25);
    expect(zoomView(v, 4, 0.5, all)).toEqual(all);
  });

  it('pans by a fraction of the window and stops at the ends', () => {
    const v = { start: 1000, end: 2000 };
    expect(panView(v, 0.5, all)).toEqual({ start: 1500, end: 2500 });
    expect(panView(v, -5, all)).toEqual({ start: 0, end: 1000 });
    expect(panView(v, 50, all)).toEqual({ start: 3000, end: 4000 });
    expect(centreOn(v, 3900, all)).toEqual({ start: 3000, end: 4000 });
  });

  it('puts ticks on round values', () => {
    expect(ticks(all, 4)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(ticks({ start: 13, end: 27 }, 5)).toEqual([15, 20, 25]);
    expect(ticks({ start: 13, end: 27 }, 7)).toEqual([14, 16, 18, 20, 22, 24, 26]);
  });

  it('always stays inside the trace and at least MIN_SPAN wide', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (factor, anchor, delta) => {
        const v = panView(zoomView(all, factor, anchor, all), delta, all);
        expect(v.start).toBeGreaterThanOrEqual(0);
        expect(v.end).toBeLessThanOrEqual(4000 + 1e-9);
        expect(v.end - v.start).toBeGreaterThanOrEqual(MIN_SPAN - 1e-9);
      }),
    );
  });
});
