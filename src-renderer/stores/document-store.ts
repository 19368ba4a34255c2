// The document as the host last reported it (the host owns it; edits go through project.edit).
import { create } from 'zustand';
import type { DocumentState, RecentEntry, RecoveryOffer } from '../../core/contract';

interface DocumentStore {
  doc: DocumentState | null;
  recent: RecentEntry[];
  recovery: RecoveryOffer[];
  setDoc(doc: DocumentState): void;
  setRecent(recent: RecentEntry[]): void;
  setRecovery(recovery: RecoveryOffer[]): void;
}

export const useDocumentStore = create<DocumentStore>((set) => ({
  doc: null,
  recent: [],
  recovery: [],
  // Replies and pushes can arrive in either order: keep the newest revision.
  setDoc: (doc) => set((s) => (s.doc && s.doc.revision > doc.revision ? s : { doc })),
  setRecent: (recent) => set({ recent }),
  setRecovery: (recovery) => set({ recovery }),
}));
