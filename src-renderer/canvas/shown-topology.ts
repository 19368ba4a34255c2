// The topology the app is showing: the open document, or — for an opened trace whose project is
// not the open one — the topology inferred from the trace (read-only). The canvas publishes it;
// the node list, the inspector, the breakpoints and the tours read it, so every panel follows the
// trace instead of listing the open project's nodes.
import { create } from 'zustand';
import type { NodeSpec, Project } from '../../core/model/schema';
import { useDocumentStore } from '../stores/document-store';

interface Shown {
  /** Set while an inferred topology is shown (a trace of another project); null: the document. */
  inferred: Project | null;
}

export const useShownTopology = create<Shown>(() => ({ inferred: null }));

export function setShownTopology(inferred: Project | null): void {
  if (useShownTopology.getState().inferred !== inferred) useShownTopology.setState({ inferred });
}

const NO_NODES: NodeSpec[] = [];

/** The project whose nodes the panels list: the inferred one while shown, else the document's. */
export function useShownProject(): { project: Project | undefined; readOnly: boolean } {
  const inferred = useShownTopology((s) => s.inferred);
  const doc = useDocumentStore((s) => s.doc?.project);
  return inferred ? { project: inferred, readOnly: true } : { project: doc, readOnly: false };
}

export function useShownNodes(): NodeSpec[] {
  const inferred = useShownTopology((s) => s.inferred?.nodes);
  const doc = useDocumentStore((s) => s.doc?.project.nodes);
  return inferred ?? doc ?? NO_NODES;
}

/** The same, outside React. */
export function shownNodes(): readonly NodeSpec[] {
  return useShownTopology.getState().inferred?.nodes ?? useDocumentStore.getState().doc?.project.nodes ?? NO_NODES;
}
