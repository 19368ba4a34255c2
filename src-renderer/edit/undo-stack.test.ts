import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack';

describe('undo stack', () => {
  it('undoes and redoes in order, and a new edit clears redo', () => {
    const s = new UndoStack<number>();
    s.push(0); // 0 → 1
    s.push(1); // 1 → 2
    expect(s.undo(2)).toBe(1);
    expect(s.undo(1)).toBe(0);
    expect(s.undo(0)).toBeUndefined();
    expect(s.redo(0)).toBe(1);
    s.push(1); // 1 → 5
    expect(s.canRedo).toBe(false);
    expect(s.undo(5)).toBe(1);
  });

  it('keeps at most `limit` states and can forget a refused edit', () => {
    const s = new UndoStack<number>(2);
    [1, 2, 3].forEach((n) => s.push(n));
    expect(s.undo(4)).toBe(3);
    expect(s.undo(3)).toBe(2);
    expect(s.undo(2)).toBeUndefined();
    s.push(9);
    s.dropLast();
    expect(s.canUndo).toBe(false);
  });
});
