import { describe, expect, it } from 'vitest';
import { inView } from './view';

describe('a card on screen', () => {
  const card = { x: 100, y: 50, w: 180, h: 90 };
  it('is in view when all of it is inside the pane at the viewport', () => {
    expect(inView(card, { x: 0, y: 0, zoom: 1 }, 800, 600)).toBe(true);
    expect(inView(card, { x: -150, y: 0, zoom: 1 }, 800, 600)).toBe(false);
    expect(inView(card, { x: 0, y: 0, zoom: 4 }, 800, 600)).toBe(false);
    expect(inView(card, { x: 0, y: 0, zoom: 0.5 }, 800, 600)).toBe(true);
    expect(inView(card, { x: 700, y: 0, zoom: 1 }, 800, 600)).toBe(false);
  });
});
