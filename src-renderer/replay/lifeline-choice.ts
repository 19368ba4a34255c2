// Which lifelines the sequence view draws (lifeline-filter.ts), kept outside the panel so the
// choice survives switching bottom tabs (the panel unmounts; picking an RPC in the RPC timeline
// for "the selected RPC" goes through another tab).
import { create } from 'zustand';
import { BUSIEST_DEFAULT, MAX_LIFELINES, type LifelineMode } from './lifeline-filter';

interface LifelineChoice {
  mode: LifelineMode;
  /** N of "the busiest N". */
  n: number;
  setMode(mode: LifelineMode): void;
  setN(n: number): void;
}

export const useLifelineChoice = create<LifelineChoice>((set) => ({
  mode: 'auto',
  n: BUSIEST_DEFAULT,
  setMode: (mode) => set({ mode }),
  setN: (n) => set({ n: Math.max(1, Math.min(MAX_LIFELINES, Math.round(n) || 1)) }),
}));
