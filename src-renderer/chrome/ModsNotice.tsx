// Where the user starts an Apollo project, the app says what that means: its mods are the user's
// own Python code and run on this computer with the user's rights, like their test suite. Shown
// for every document that runs mods (imported or reopened), until dismissed for that document.
import { useState } from 'react';
import { useDocumentStore } from '../stores/document-store';

export function ModsNotice() {
  const doc = useDocumentStore((s) => s.doc);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const runsMods = !!doc && (doc.project.apollo !== undefined || doc.project.nodes.some((n) => (n.mods?.length ?? 0) > 0));
  const key = doc ? `${doc.path ?? ''}|${doc.name}` : '';
  if (!runsMods || dismissed === key) return null;
  const where = doc.apolloImport?.dir ?? doc.path ?? doc.name;
  return (
    <div className="sb-notice sb-notice--info" role="note" data-testid="mods-notice" title={where}>
      <span>Its mods are your own code: they run on this computer with your rights, like your test suite.</span>
      <button type="button" aria-label="Dismiss" onClick={() => setDismissed(key)}>×</button>
    </div>
  );
}
