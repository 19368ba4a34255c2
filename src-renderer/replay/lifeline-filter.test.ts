import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/trace/event';
import { busiest, lifelines, MAX_LIFELINES } from './lifeline-filter';

const ev: TraceEvent[] = [
  { seq: 1, t: 0, type: 'send', from: 'a', to: 'b' },
  { seq: 2, t: 0, type: 'deliver', from: 'a', to: 'b' },
  { seq: 3, t: 1, type: 'send', from: 'c', targets: ['a', 'b', 'd'] },
];

describe('sequence lifelines', () => {
  it('ranks nodes by how busy they are in the window', () => {
    expect(busiest((i) => ev[i], 0, 3, 2)).toEqual(['a', 'b']);
    expect(busiest((i) => ev[i], 2, 3, 10)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('auto draws all of a small topology and the busiest of a large one', () => {
    const ctx = { nodes: 5, selected: [], rpc: [], busiest: (n: number) => ['a', 'b', 'c'].slice(0, n), n: 3 };
    expect(lifelines('auto', ctx)).toBeUndefined();
    expect(lifelines('auto', { ...ctx, nodes: 351 })).toEqual(new Set(['a', 'b', 'c']));
    expect(lifelines('busiest', { ...ctx, n: 2 })).toEqual(new Set(['a', 'b']));
    expect(lifelines('rpc', { ...ctx, rpc: ['lobby', 'svc'] })).toEqual(new Set(['lobby', 'svc']));
    expect(lifelines('selected', { ...ctx, selected: ['x'] })).toEqual(new Set(['x']));
    const many = Array.from({ length: 100 }, (_, i) => `n${i}`);
    expect(lifelines('selected', { ...ctx, selected: many, busiest: () => many })?.size).toBe(MAX_LIFELINES);
  });
});
