import { describe, expect, it } from 'vitest';
import { useRecorderStore } from './recorder-store';

describe('fire panel recorder', () => {
  it('keeps steps only while recording and hands them back on stop', () => {
    const r = useRecorderStore.getState();
    r.record({ at: 1, do: 'stop', node: 'x' });
    expect(useRecorderStore.getState().steps).toEqual([]);
    r.start('s');
    r.record({ at: 5, do: 'stop', node: 'x' });
    r.record({ at: 9, do: 'start', node: 'x' });
    expect(useRecorderStore.getState().stop()).toEqual({ target: 's', steps: [{ at: 5, do: 'stop', node: 'x' }, { at: 9, do: 'start', node: 'x' }] });
    expect(useRecorderStore.getState()).toMatchObject({ target: null, steps: [] });
  });
});
