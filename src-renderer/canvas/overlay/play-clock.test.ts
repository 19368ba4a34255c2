import { describe, expect, it } from 'vitest';
import { PlayClock } from './play-clock';

describe('play clock', () => {
  it('advances with wall time × speed while running and stops when paused', () => {
    const c = new PlayClock(0.0001);
    c.sync(1000, true, 0.5, 0);
    expect(c.tick(0)).toBe(1000);
    expect(c.tick(200)).toBeCloseTo(1100);
    c.sync(1100, false, 0.5, 200);
    expect(c.tick(5000)).toBeCloseTo(1100);
  });

  it('eases toward a step instead of jumping, and snaps back on a reset', () => {
    const c = new PlayClock(100);
    c.sync(0, false, 1, 0);
    c.tick(0);
    c.sync(20, false, 1, 0);
    const mid = c.tick(50);
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(20);
    expect(c.tick(2000)).toBe(20);
    c.sync(0, false, 1, 2000);
    expect(c.tick(2016)).toBe(0);
  });
});
