import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSpot, NEW_CARD, type DrawnBox } from './free-spot';
import { COLUMN_WIDTH } from './layout';

const card = (column: number, y: number, x = column * COLUMN_WIDTH): DrawnBox => ({ x, y, w: 180, h: 90, column });
const clear = (p: { x: number; y: number }, b: DrawnBox) => p.x >= b.x + b.w || b.x >= p.x + NEW_CARD.w || p.y >= b.y + b.h || b.y >= p.y + NEW_CARD.h;

describe('where "+" puts a new node', () => {
  it('at the foot of its role column', () => {
    const drawn = [card(2, 0), card(2, 110), card(1, 50), card(4, 0)];
    expect(freeSpot(2, drawn)).toEqual({ x: 2 * COLUMN_WIDTH, y: 220 });
  });

  it('in an empty column, a column width from its nearest one, level with the top', () => {
    expect(freeSpot(3, [card(2, 40), card(2, 150), card(4, 10)])).toEqual({ x: 3 * COLUMN_WIDTH, y: 10 });
    expect(freeSpot(0, [card(1, 40, 500)])).toEqual({ x: 500 - COLUMN_WIDTH, y: 40 });
    expect(freeSpot(1, [])).toEqual({ x: COLUMN_WIDTH, y: 0 });
  });

  it('steps past a card dragged into the way', () => {
    const drawn = [card(2, 0), card(2, 110), { x: 2 * COLUMN_WIDTH + 30, y: 230, w: 180, h: 90, column: 4 }];
    const p = freeSpot(2, drawn);
    expect(p.x).toBe(2 * COLUMN_WIDTH);
    expect(p.y).toBeGreaterThanOrEqual(320);
  });

  it('never lands on a drawn card', () => {
    const box = fc.record({ x: fc.integer({ min: -500, max: 1500 }), y: fc.integer({ min: -500, max: 1500 }), w: fc.integer({ min: 20, max: 400 }), h: fc.integer({ min: 20, max: 300 }), column: fc.integer({ min: 0, max: 4 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 30 }), fc.integer({ min: 0, max: 4 }), (drawn, column) => {
        const p = freeSpot(column, drawn);
        for (const b of drawn) expect(clear(p, b)).toBe(true);
      }),
    );
  });
});
