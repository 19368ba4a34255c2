// Every document edit from the UI goes through here: it enters undo, then replaces the host's
// document (which restarts the session when the topology changed). Playback never calls this.
import type { Project } from '../../core/model/schema';
import { getBridge, BridgeError } from '../bridge';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';
import { UndoStack } from './undo-stack';

export const history = new UndoStack<Project>();
let lastPath: string | null | undefined;
let lastName: string | undefined;

/** A different document was opened: its history starts empty. */
export function trackDocument(path: string | null, name: string, source: string): void {
  if (source !== 'new' && path === lastPath && name === lastName) return;
  if (path !== lastPath) history.clear();
  lastPath = path;
  lastName = name;
}

function current(): Project | null {
  return useDocumentStore.getState().doc?.project ?? null;
}

async function send(project: Project, scenario?: string | null): Promise<boolean> {
  try {
    useDocumentStore.getState().setDoc(await getBridge().request('project.edit', scenario === undefined ? { project } : { project, scenario }));
    return true;
  } catch (err) {
    const details = err instanceof BridgeError ? err.issues?.slice(0, 3).map((i) => `${i.path} ${i.message}`) : undefined;
    useUiStore.getState().notify('error', err instanceof Error ? err.message : String(err), details);
    return false;
  }
}

/**
 * Apply `change` to the current project as one undoable edit. Resolves false if refused.
 * `scenario`: the scenario the session runs after it (e.g. the new name of a renamed one).
 */
export async function editProject(change: (p: Project) => Project, scenario?: string | null): Promise<boolean> {
  const before = current();
  if (!before) return false;
  const after = change(before);
  if (after === before) return true;
  history.push(before);
  const ok = await send(after, scenario);
  if (!ok) history.dropLast();
  return ok;
}

export async function undo(): Promise<void> {
  const cur = current();
  const prev = cur && history.undo(cur);
  if (prev) await send(prev);
}

export async function redo(): Promise<void> {
  const cur = current();
  const next = cur && history.redo(cur);
  if (next) await send(next);
}
