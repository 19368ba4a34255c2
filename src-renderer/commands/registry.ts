// ONE action registry: native menus (menu.command pushes), toolbar buttons, keyboard shortcuts
// and the command palette all run actions from here, so a shortcut shown is a shortcut that works.
import { useUiStore } from '../stores/ui-store';

type Command = () => void | Promise<void>;

export interface Action {
  id: string;
  title: string;
  /** e.g. "Ctrl+Z", "Space", "ArrowRight"; Ctrl also matches ⌘ on macOS. */
  shortcuts?: readonly string[];
  category?: string;
  /** Runs while focus is in a text field (default: only shortcuts with Ctrl/Alt, never plain keys). */
  inFields?: boolean;
  run: Command;
}

const actions = new Map<string, Action>();
const listeners = new Set<() => void>();

export function registerAction(action: Action): () => void {
  actions.set(action.id, action);
  listeners.forEach((l) => l());
  return () => {
    if (actions.get(action.id) === action) actions.delete(action.id);
    listeners.forEach((l) => l());
  };
}

/** Older call sites register a bare command; it keeps its id as a title until someone names it. */
export function registerCommand(id: string, run: Command, meta: Partial<Omit<Action, 'id' | 'run'>> = {}): () => void {
  return registerAction({ id, title: meta.title ?? TITLES[id] ?? id, ...meta, shortcuts: meta.shortcuts ?? SHORTCUTS[id], run });
}

/** Names and shortcuts for commands registered elsewhere without them (file commands). */
const TITLES: Record<string, string> = {
  'file.new': 'New project',
  'file.open': 'Open project…',
  'file.openApollo': 'Open Apollo project… (its mods run with your rights)',
  'file.save': 'Save',
  'file.saveAs': 'Save as… / Download',
  'file.openTrace': 'Open trace…',
  'file.openRecording': 'Open recording… (merge recorder files of real servers)',
  'file.export': 'Export trace',
  'view.toggleTheme': 'Toggle light/dark theme',
};
const SHORTCUTS: Record<string, string[]> = { 'file.save': ['Ctrl+S'], 'file.open': ['Ctrl+O'] };

export function listActions(): Action[] {
  return [...actions.values()].sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '') || a.title.localeCompare(b.title));
}

export function getAction(id: string): Action | undefined {
  return actions.get(id);
}

export function onActionsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function runCommand(id: string): void {
  const action = actions.get(id);
  if (!action) {
    useUiStore.getState().notify('info', `"${id}" is not available yet.`);
    return;
  }
  void Promise.resolve()
    .then(() => action.run())
    .catch((err: unknown) => useUiStore.getState().notify('error', err instanceof Error ? err.message : String(err)));
}
