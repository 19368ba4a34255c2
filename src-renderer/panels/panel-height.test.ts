import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampPanelHeight, DEFAULT_PANEL_PX, MIN_PANEL_PX } from './panel-height';

describe('clampPanelHeight', () => {
  it('keeps the panel between its minimum and what leaves the canvas room', () => {
    expect(clampPanelHeight(50, 900)).toBe(MIN_PANEL_PX);
    expect(clampPanelHeight(5000, 900)).toBe(640);
    expect(clampPanelHeight(400.4, 900)).toBe(400);
    expect(clampPanelHeight(Number.NaN, 900)).toBe(DEFAULT_PANEL_PX);
    expect(DEFAULT_PANEL_PX).toBe(240);
  });

  it('never returns less than the minimum or more than the window allows (a tiny window keeps the minimum)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.integer({ min: 0, max: 5000 }), (px, h) => {
        const v = clampPanelHeight(px, h);
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(MIN_PANEL_PX);
        expect(v).toBeLessThanOrEqual(Math.max(MIN_PANEL_PX, h - 260));
      }),
    );
  });
});
