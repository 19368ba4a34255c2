// Progress of opening a trace: the host parsing the file (bytes), then its events streaming in.
import { useEventsStore } from '../stores/events-store';
import { useUiStore } from '../stores/ui-store';
import { useReplayStore } from './replay-store';
import { useTraceLoad } from './trace-opened';

export function LoadProgress() {
  const parsing = useUiStore((s) => s.progress);
  const kind = useEventsStore((s) => s.kind);
  const name = useEventsStore((s) => s.name);
  const expected = useTraceLoad((s) => (s.name === name ? s.expected : 0));
  const length = useReplayStore((s) => s.length);
  if (parsing) {
    // Open recording… names its phases: "folder (uploading)", then "folder (merging)".
    const phase = /^(.*) \((uploading|merging)\)$/.exec(parsing.name);
    return (
      <span className="sb-replay__load" data-testid="trace-progress">
        {phase ? `${phase[2]} ${phase[1]}` : `reading ${parsing.name}`} <progress max={Math.max(1, parsing.total)} value={parsing.loaded} />
      </span>
    );
  }
  if (kind === 'trace' && expected > 0 && length < expected) {
    return (
      <span className="sb-replay__load" data-testid="trace-progress">
        loading events <progress max={expected} value={length} /> {length.toLocaleString('en-US')} / {expected.toLocaleString('en-US')}
      </span>
    );
  }
  return kind === 'trace' ? <span className="sb-replay__load" data-testid="trace-loaded">trace {name}</span> : null;
}
