// Errors and notes from the host or from failed actions; recovery offers from autosave.
import { getBridge } from '../bridge';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';
import { ModsNotice } from './ModsNotice';

export function Notices() {
  const notices = useUiStore((s) => s.notices);
  const dismiss = useUiStore((s) => s.dismiss);
  const recovery = useDocumentStore((s) => s.recovery);
  const drop = (id: string) => useDocumentStore.getState().setRecovery(useDocumentStore.getState().recovery.filter((r) => r.id !== id));
  const act = (method: 'recovery.restore' | 'recovery.discard', id: string) =>
    getBridge()
      .request(method, { id })
      .then(() => drop(id))
      .catch((err: Error) => useUiStore.getState().notify('error', err.message));
  return (
    <div className="sb-notices" aria-live="polite">
      <ModsNotice />
      {recovery.map((r) => (
        <div key={r.id} className="sb-notice sb-notice--info" data-testid="recovery-offer">
          Unsaved changes to “{r.name}” from {new Date(r.savedAt).toLocaleString()} were recovered.
          <button type="button" onClick={() => void act('recovery.restore', r.id)}>Restore</button>
          <button type="button" onClick={() => void act('recovery.discard', r.id)}>Discard</button>
        </div>
      ))}
      {notices.map((n) => (
        <div key={n.id} className={`sb-notice sb-notice--${n.level}`} role={n.level === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{n.message}</span>
          {n.details?.length ? (
            <ul>
              {n.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
          {n.actions?.map((a) => (
            <button
              key={a.label}
              type="button"
              data-testid={a.testId}
              onClick={() => {
                dismiss(n.id);
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
