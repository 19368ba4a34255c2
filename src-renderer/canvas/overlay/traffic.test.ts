import { describe, expect, it } from 'vitest';
import { overlayMode } from './traffic';

describe('overlayMode', () => {
  it('Auto shows rates when too many messages fly and the window holds sends', () => {
    expect(overlayMode('auto', true, 12)).toBe('traffic');
    expect(overlayMode('auto', false, 12)).toBe('messages');
  });

  it('Auto keeps drawing messages when everything is in flight but nothing was sent lately (long latencies: no lanes to draw)', () => {
    expect(overlayMode('auto', true, 0)).toBe('messages');
  });

  it('an explicit choice is kept', () => {
    expect(overlayMode('traffic', false, 0)).toBe('traffic');
    expect(overlayMode('messages', true, 40)).toBe('messages');
  });
});
