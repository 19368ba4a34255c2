// Keyboard for a filter box over a list (the find box, the command palette): ↑/↓ move the
// highlighted row within the list, Enter picks it, Escape closes. Other keys type as usual.
export interface ListKeyTarget {
  count: number;
  active: number;
  setActive: (next: (active: number) => number) => void;
  pick: (index: number) => void;
  close: () => void;
}

/** Handles the key and returns true (the caller then prevents the default), or false. */
export function handleListKey(key: string, t: ListKeyTarget): boolean {
  if (key === 'Escape') t.close();
  else if (key === 'ArrowDown') t.setActive((a) => Math.min(t.count - 1, a + 1));
  else if (key === 'ArrowUp') t.setActive((a) => Math.max(0, a - 1));
  else if (key === 'Enter' && t.active < t.count) t.pick(t.active);
  else return false;
  return true;
}
