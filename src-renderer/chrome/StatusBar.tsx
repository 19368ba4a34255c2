// Bottom line: project (● when unsaved), the picture's virtual time (the transport's, as in the
// replay bar) and how far the live session runs ahead of it, events, events/s, connection.
import { useDocumentStore } from '../stores/document-store';
import { useEventsStore } from '../stores/events-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useReplayStore } from '../replay/replay-store';
import { useTransportStore } from '../transport/instance';

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
  const opening = useUiStore((s) => s.projectProgress);
  const t = useTransportStore((s) => s.t);
  const playing = useTransportStore((s) => s.playing);
  const ahead = useTransportStore((s) => s.ahead);
  const length = useReplayStore((s) => s.length);
  const position = useReplayStore((s) => s.position);
  const live = streamKind !== 'trace';
  const total = live ? Math.max(length, status?.events ?? 0) : length;
  return (
    <footer className="sb-status" data-testid="status-bar">
      <span data-testid="status-project" title={doc?.path ?? undefined}>
        {doc ? `${doc.name}${doc.dirty ? ' ●' : ''}` : '—'}
      </span>
      <span title="The time the canvas shows (the replay bar shows the same)">t = <b data-testid="status-time">{formatSimTime(t)}</b></span>
      {live && status && ahead >= 1 ? <span className="sb-muted" data-testid="status-ahead" title="The simulation has run this far; the canvas plays its events at the hop pace">sim at {formatSimTime(status.now)}</span> : null}
      <span title="Events the canvas has shown, of those recorded">
        <b data-testid="status-events">{position + 1}</b> {position + 1 < total ? <span className="sb-muted">of {total}</span> : null} events
      </span>
      <span><b data-testid="status-rate">{Math.round(live ? (status?.eventsPerSec ?? 0) : 0)}</b> events/s</span>
      {playing ? <span className="sb-status__running" data-testid="status-state">playing{live && status?.behind ? ' (behind)' : ''}</span> : <span data-testid="status-state">paused</span>}
      {streamKind === 'trace' ? <span>trace: {streamName}</span> : null}
      {skipped > 0 ? <span title="The view fell behind; these events were not shown">{skipped} skipped</span> : null}
      {opening ? (
        <span data-testid="project-progress" title="The host checks a big project off its event loop: the simulation and other requests keep going meanwhile">
          opening {opening.name}: {OPENING_STAGE[opening.stage]}…
        </span>
      ) : null}
      {progress ? <span>loading {progress.name}: {Math.round((100 * progress.loaded) / Math.max(1, progress.total))}%</span> : null}
      <span className="sb-status__spacer" />
      <span>{mode ?? ''}</span>
      <span data-testid="status-connection" className={connected ? '' : 'sb-status__error'}>{connected ? 'connected' : 'disconnected'}</span>
    </footer>
  );
}

const OPENING_STAGE = { read: 'reading', parse: 'parsing', check: 'checking' } as const;
