import { describe, expect, it } from 'vitest';
import { useCanvasStore } from './canvas-store';
import { useUiStore } from './ui-store';

describe('canvas selection', () => {
  it('keeps a selected connection when the node selection empties, clears both on a pane click', () => {
    const c = useCanvasStore.getState();
    c.selectEdge('b', 'a');
    expect(useCanvasStore.getState().edge).toBe('a|b');
    c.setSelection([]);
    expect(useCanvasStore.getState().edge).toBe('a|b');
    c.setSelection(['x']);
    expect(useUiStore.getState().selected).toBe('x');
    c.selectEdge('a', 'b');
    c.clearSelection();
    expect(useCanvasStore.getState()).toMatchObject({ selection: [], edge: null });
    expect(useUiStore.getState().selected).toBeNull();
  });
});
