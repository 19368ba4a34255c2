// Canvas-side UI state: the node selection (several), the selected edge and event, and which
// pop-ups are open. ui-store's `selected` mirrors the primary node for panels that show one.
import { create } from 'zustand';
import type { Cluster } from '../canvas/grouping';
import { useUiStore } from './ui-store';

export type RightTab = 'inspect' | 'behaviours' | 'fire';
export type ViewMode = 'auto' | 'messages' | 'traffic';

interface CanvasStore {
  selection: string[];
  /** Edge between two nodes, as "a|b" (sorted). */
  edge: string | null;
  /** seq of the selected trace event. */
  event: number | null;
  paletteOpen: boolean;
  findOpen: boolean;
  rightTab: RightTab;
  /** "showing 200 of 1,534 messages" when the overlay thins out, else ''. */
  thinned: string;
  /** How moving messages are drawn: one by one, as rates per edge, or traffic when dense (auto). */
  viewMode: ViewMode;
  setViewMode(mode: ViewMode): void;
  /** What auto chose last (the overlay sets it). */
  autoTraffic: boolean;
  /** Folded groups the user expanded (card ids). */
  expanded: string[];
  toggleExpanded(id: string): void;
  /** The folded groups the canvas draws, by card id (the inspector lists a selected group's members). */
  groups: Readonly<Record<string, Cluster>>;
  setGroups(list: readonly Cluster[]): void;
  setSelection(ids: string[]): void;
  /** A click on the empty canvas: no node, no connection (the inspector shows the project). */
  clearSelection(): void;
  selectEdge(a: string, b: string): void;
  selectEvent(seq: number | null): void;
  setPaletteOpen(open: boolean): void;
  setFindOpen(open: boolean): void;
  setRightTab(tab: RightTab): void;
}

export const edgeKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export const useCanvasStore = create<CanvasStore>((set) => ({
  selection: [],
  edge: null,
  event: null,
  paletteOpen: false,
  findOpen: false,
  rightTab: 'inspect',
  thinned: '',
  viewMode: 'auto',
  setViewMode: (viewMode) => set({ viewMode }),
  autoTraffic: false,
  expanded: [],
  groups: {},
  setGroups: (list) => set({ groups: Object.fromEntries(list.map((c) => [c.id, c])) }),
  toggleExpanded: (id) => set((s) => ({ expanded: s.expanded.includes(id) ? s.expanded.filter((x) => x !== id) : [...s.expanded, id] })),
  setSelection: (ids) => {
    useUiStore.getState().select(ids[0] ?? null);
    set((s) => (sameIds(s.selection, ids) ? { edge: ids.length ? null : s.edge } : { selection: ids, edge: ids.length ? null : s.edge }));
  },
  clearSelection: () => {
    useUiStore.getState().select(null);
    set((s) => (s.selection.length === 0 && s.edge === null ? s : { selection: [], edge: null }));
  },
  selectEdge: (a, b) => {
    useUiStore.getState().select(null);
    set({ edge: edgeKey(a, b), selection: [] });
  },
  selectEvent: (event) => set({ event }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setFindOpen: (findOpen) => set({ findOpen }),
  setRightTab: (rightTab) => set({ rightTab }),
}));

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
