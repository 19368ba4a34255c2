// Live activity per card, for folded groups: how many messages are moving to or from each card's
// members right now. The overlay writes it a few times a second (only when a count changed); a
// group card reads its own number.
import { create } from 'zustand';

export const useActivityStore = create<{ moving: Readonly<Record<string, number>> }>(() => ({ moving: {} }));

/** Replace the counts when they differ from the stored ones. */
export function publishActivity(counts: ReadonlyMap<string, number>): void {
  const cur = useActivityStore.getState().moving;
  const keys = Object.keys(cur);
  let same = keys.length === counts.size;
  if (same) for (const k of keys) if (counts.get(k) !== cur[k]) same = false;
  if (!same) useActivityStore.setState({ moving: Object.fromEntries(counts) });
}
