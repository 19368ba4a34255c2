import { describe, expect, it } from 'vitest';
import { rowAtPosition, sequenceWindow } from './sequence-window';

describe('sequence window', () => {
  it('centres a bounded window on the playhead and uses spare room near the ends', () => {
    expect(sequenceWindow(5000, 1_000_000, 10, 10)).toEqual({ from: 4990, to: 5011 });
    expect(sequenceWindow(-1, 1_000_000, 10, 10)).toEqual({ from: 0, to: 21 });
    expect(sequenceWindow(999_999, 1_000_000, 10, 10)).toEqual({ from: 999_979, to: 1_000_000 });
    expect(sequenceWindow(3, 5, 10, 10)).toEqual({ from: 0, to: 5 });
  });

  it('finds the row at or before the playhead', () => {
    expect(rowAtPosition([2, 5, 9], 6)).toBe(1);
    expect(rowAtPosition([2, 5, 9], 1)).toBe(-1);
    expect(rowAtPosition([2, 5, 9], 9)).toBe(2);
  });
});
