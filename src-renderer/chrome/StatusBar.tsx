// Bottom line: project (● when unsaved), virtual time, event count, events/s, connection.
import { useDocumentStore } from '../stores/document-store';
import { useEventsStore } from '../stores/events-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export function StatusBar() {
  const doc = useDocumentStore((s) => s.doc);
  const status = useSessionStore((s) => s.status);
  const streamKind = useEventsStore((s) => s.kind);
  const streamName = useEventsStore((s) => s.name);
  const skipped = useEventsStore((s) => s.skipped);
  const connected = useUiStore((s) => s.connected);
  const mode = useUiStore((s) => s.app?.mode);
  const progress = useUiStore((s) => s.progress);
  return (
    <footer className="sb-status" data-testid="status-bar">
      <span data-testid="status-project" title={doc?.path ?? undefined}>
        {doc ? `${doc.name}${doc.dirty ? ' ●' : ''}` : '—'}
      </span>
      <span>t = <b data-testid="status-time">{formatSimTime(status?.now ?? 0)}</b></span>
      <span><b data-testid="status-events">{status?.events ?? 0}</b> events</span>
      <span><b data-testid="status-rate">{Math.round(status?.eventsPerSec ?? 0)}</b> events/s</span>
      {status?.running ? <span className="sb-status__running">running{status.behind ? ' (behind)' : ''}</span> : <span>paused</span>}
      {streamKind === 'trace' ? <span>trace: {streamName}</span> : null}
      {skipped > 0 ? <span title="The view fell behind; these events were not shown">{skipped} skipped</span> : null}
      {progress ? <span>loading {progress.name}: {Math.round((100 * progress.loaded) / Math.max(1, progress.total))}%</span> : null}
      <span className="sb-status__spacer" />
      <span>{mode ?? ''}</span>
      <span data-testid="status-connection" className={connected ? '' : 'sb-status__error'}>{connected ? 'connected' : 'disconnected'}</span>
    </footer>
  );
}
