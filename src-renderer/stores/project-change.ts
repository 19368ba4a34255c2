// Whether a new document state is another project (new, opened, uploaded, imported, recovered) or
// the same one edited or saved. Notices about the old project are dismissed on another one.
// Edits are always dirty and keep the path and source; a save or Save As keeps the content. So:
// another project = different content that arrived clean, or with a different path or source. A
// reopened, unchanged file is the same project (its notices stay). Pure.
import type { DocumentState } from '../../core/contract';

export function isOtherProject(prev: DocumentState | null, next: DocumentState): boolean {
  if (!prev || next.revision <= prev.revision) return false;
  const moved = next.path !== prev.path || next.source !== prev.source;
  if (next.dirty && !moved) return false;
  // Only now compare contents (not on every edit of a large project).
  return JSON.stringify(next.project) !== JSON.stringify(prev.project);
}
