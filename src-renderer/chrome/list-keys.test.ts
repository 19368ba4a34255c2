import { describe, expect, it } from 'vitest';
import { handleListKey, type ListKeyTarget } from './list-keys';

function target(count: number, active = 0) {
  const log: string[] = [];
  const t: ListKeyTarget & { active: number } = {
    count,
    active,
    setActive: (f) => (t.active = f(t.active)),
    pick: (i) => log.push(`pick ${i}`),
    close: () => log.push('close'),
  };
  return { t, log };
}

describe('handleListKey', () => {
  it('moves within the list and stops at its ends', () => {
    const { t } = target(3);
    for (const k of ['ArrowDown', 'ArrowDown', 'ArrowDown']) expect(handleListKey(k, t)).toBe(true);
    expect(t.active).toBe(2);
    for (const k of ['ArrowUp', 'ArrowUp', 'ArrowUp']) handleListKey(k, t);
    expect(t.active).toBe(0);
  });

  it('Enter picks the highlighted row, Escape closes, other keys are left alone', () => {
    const { t, log } = target(2, 1);
    handleListKey('Enter', t);
    handleListKey('Escape', t);
    expect(handleListKey('a', t)).toBe(false);
    expect(log).toEqual(['pick 1', 'close']);
  });

  it('Enter on an empty list does nothing and is not handled', () => {
    const { t, log } = target(0);
    expect(handleListKey('Enter', t)).toBe(false);
    expect(log).toEqual([]);
  });
});
