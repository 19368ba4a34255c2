// The simulation session's status (pushed ~4×/s while running, and after every control request).
import { create } from 'zustand';
import type { SessionStatus } from '../../core/contract';

interface SessionStore {
  status: SessionStatus | null;
  setStatus(status: SessionStatus | null): void;
}

export const useSessionStore = create<SessionStore>((set) => ({
  status: null,
  setStatus: (status) => set({ status }),
}));
