// Keyboard shortcuts: a key event → the registered action whose shortcut it matches.
import { listActions, runCommand, type Action } from './registry';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const KEY_NAMES: Record<string, string> = { ' ': 'Space', Spacebar: 'Space', Del: 'Delete', Esc: 'Escape' };

/** Canonical text of a key event: "Ctrl+Shift+P", "Space", "ArrowRight" (⌘ counts as Ctrl). */
export function shortcutOf(e: KeyLike): string {
  let key = KEY_NAMES[e.key] ?? e.key;
  if (key.length === 1) key = key.toUpperCase();
  const mods = [e.ctrlKey || e.metaKey ? 'Ctrl' : '', e.altKey ? 'Alt' : '', e.shiftKey && key.length > 1 ? 'Shift' : '', e.shiftKey && key.length === 1 && /[A-Z]/.test(key) ? 'Shift' : ''];
  return [...mods.filter(Boolean), key].join('+');
}

export function findAction(e: KeyLike, inField: boolean, actions: readonly Action[] = listActions()): Action | undefined {
  const s = shortcutOf(e);
  return actions.find((a) => a.shortcuts?.includes(s) && (!inField || a.inFields === true));
}

function isField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function installShortcuts(target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.repeat) return;
    const action = findAction(e, isField(e.target));
    if (!action) return;
    e.preventDefault();
    runCommand(action.id);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
