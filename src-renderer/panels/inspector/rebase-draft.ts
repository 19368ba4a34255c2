// A form's uncommitted changes survive an update of what it edits. Committing one field (Enter)
// sends an edit; its echo from the host re-renders the form while the user may already be typing in
// the next field (a big project's edit is validated off the host's loop and can take a second).
// The new value is the base; the fields the user changed since the last base are laid over it.
import { stringifyJson } from '../../../core/json';

export function rebaseDraft<T extends object>(before: T, draft: T, after: T): T {
  const b = before as Record<string, unknown>;
  const d = draft as Record<string, unknown>;
  const next: Record<string, unknown> = { ...(after as Record<string, unknown>) };
  for (const k of new Set([...Object.keys(b), ...Object.keys(d)])) {
    if (stringifyJson(d[k]) === stringifyJson(b[k])) continue;
    if (d[k] === undefined) delete next[k];
    else next[k] = d[k];
  }
  return next as T;
}
