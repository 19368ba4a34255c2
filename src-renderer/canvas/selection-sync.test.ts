import { describe, expect, it } from 'vitest';
import { selectionAfter, withSelection } from './selection-sync';

describe('node selection flows one way (store → nodes, React Flow changes → store)', () => {
  it('turns select changes into the next selection, keeping order; null when nothing changes', () => {
    expect(selectionAfter([{ type: 'select', id: 'b', selected: true }, { type: 'select', id: 'a', selected: false }], ['a'])).toEqual(['b']);
    expect(selectionAfter([{ type: 'select', id: 'c', selected: true }], ['a', 'b'])).toEqual(['a', 'b', 'c']);
    expect(selectionAfter([{ type: 'select', id: 'a', selected: true }], ['a'])).toBeNull();
    expect(selectionAfter([{ type: 'position', id: 'a' }], ['a'])).toBeNull();
  });

  it('marks nodes from the selection and keeps the same array when nothing differs', () => {
    const nodes = [{ id: 'a' }, { id: 'b', selected: true }];
    const one = withSelection(nodes, ['a']);
    expect(one.map((n) => !!n.selected)).toEqual([true, false]);
    expect(withSelection(one, ['a'])).toBe(one);
  });
});
