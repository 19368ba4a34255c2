import { describe, expect, it } from 'vitest';
import { nextHitAfter, playbackTick } from './playback';

const times = [0, 10, 20, 30, 5000];
const base = {
  length: times.length,
  timeOf: (i: number) => times[i],
  indexAfterTime: (t: number) => times.filter((x) => x <= t).length,
  hits: [] as number[],
};

describe('playback', () => {
  it('finds the next hit after a position', () => {
    expect(nextHitAfter([2, 5, 9], -1)).toBe(2);
    expect(nextHitAfter([2, 5, 9], 5)).toBe(9);
    expect(nextHitAfter([2, 5, 9], 9)).toBe(-1);
  });

  it('advances through time and stops on the first breakpoint hit on the way', () => {
    expect(playbackTick({ ...base, position: 0, t: 0, dt: 25 })).toEqual({ position: 2, t: 25, hit: false, ended: false });
    expect(playbackTick({ ...base, position: 0, t: 0, dt: 25, hits: [1, 2] })).toEqual({ position: 1, t: 10, hit: true, ended: false });
  });

  it('skips long idle gaps and ends on the last event', () => {
    const r = playbackTick({ ...base, position: 3, t: 30, dt: 5 });
    expect(r).toEqual({ position: 4, t: 5000, hit: false, ended: true });
  });
});
