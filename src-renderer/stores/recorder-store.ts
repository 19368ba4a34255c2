// Recording the fire panel: while on, every call or step sent from it is kept as a scenario step
// at the session's virtual time; stopping adds them to the target scenario as one undoable edit.
import { create } from 'zustand';
import type { ScenarioStep } from '../../core/model/schema';

interface RecorderStore {
  /** The scenario steps go into, or null when not recording. */
  target: string | null;
  steps: ScenarioStep[];
  start(target: string): void;
  record(step: ScenarioStep): void;
  /** Stop and hand back what was recorded. */
  stop(): { target: string | null; steps: ScenarioStep[] };
}

export const useRecorderStore = create<RecorderStore>((set, get) => ({
  target: null,
  steps: [],
  start: (target) => set({ target, steps: [] }),
  record: (step) => {
    if (get().target !== null) set((s) => ({ steps: [...s.steps, step] }));
  },
  stop: () => {
    const { target, steps } = get();
    set({ target: null, steps: [] });
    return { target, steps };
  },
}));
