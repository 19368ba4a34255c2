// The playhead's bar: a scrubber over the whole trace (breakpoint hits marked on it), jumps to the
// next/previous RPC, drop, timeout, misuse, "Live" to go back to the head of a running session,
// and exports. Play / pause / step / speed are the one transport's, in the toolbar
// (chrome/RunControls.tsx); the time shown here is the transport's, as in the status bar.
import { useTransportStore } from '../transport/instance';
import { useReplayStore, currentEvent, goLive, jump, seek } from './replay-store';
import { eventLabel, fmtMs } from './format';
import { exportActions } from './exports';
import { JUMPS } from './nav';
import { LoadProgress } from './LoadProgress';
import './replay.css';

export function ReplayBar() {
  const length = useReplayStore((s) => s.length);
  const position = useReplayStore((s) => s.position);
  const live = useReplayStore((s) => s.live);
  const hits = useReplayStore((s) => s.hits);
  const lastHit = useReplayStore((s) => s.lastHit);
  const t = useTransportStore((s) => s.t);
  const e = currentEvent();
  const span = Math.max(1, length - 1);
  return (
    <div className="sb-replay" data-testid="replay-bar" data-position={position} data-length={length} data-live={String(live)}>
      <div className="sb-replay__buttons">
        {JUMPS.map((j) => (
          <span key={j.kind} className="sb-replay__jump">
            <button type="button" data-testid={`replay-prev-${j.kind}`} title={`Previous ${j.label}`} onClick={() => jump(j.kind, -1)}>‹</button>
            {j.label}
            <button type="button" data-testid={`replay-next-${j.kind}`} title={`Next ${j.label}`} onClick={() => jump(j.kind, 1)}>›</button>
          </span>
        ))}
        <button type="button" className={live ? 'is-on' : ''} data-testid="replay-live" title="Go to the newest event and follow the session" onClick={goLive}>Live</button>
        <span className="sb-replay__export">
          Export
          <button type="button" data-testid="export-chrome-trace" title="Chrome trace-event JSON: open it in Perfetto (ui.perfetto.dev)" onClick={exportActions.chromeTrace}>Perfetto</button>
          <button type="button" data-testid="export-otlp" title="OTLP JSON of the RPC spans" onClick={exportActions.otlp}>OTLP</button>
        </span>
      </div>
      <div className="sb-replay__track">
        <input
          type="range"
          aria-label="Playhead"
          data-testid="replay-scrubber"
          min={-1}
          max={Math.max(-1, length - 1)}
          step={1}
          value={position}
          onChange={(ev) => seek(Number(ev.target.value))}
        />
        <div className="sb-replay__marks" aria-hidden="true">
          {hits.slice(0, 500).map((h) => (
            <span key={h.index} className="sb-replay__mark" data-testid="bp-mark" data-index={h.index} title={`breakpoint ${h.ids.join(', ')} at #${h.seq}`} style={{ left: `${((h.index + 1) / (span + 1)) * 100}%` }} />
          ))}
        </div>
      </div>
      <div className="sb-replay__where" data-testid="replay-position">
        <span className="sb-replay__count">{position + 1} / {length}</span>
        <span className="sb-replay__t" data-testid="replay-time">{fmtMs(t)}</span>
        <span className="sb-replay__event" title={eventLabel(e)}>{eventLabel(e)}</span>
        <LoadProgress />
        {lastHit ? <span className="sb-replay__hit" data-testid="replay-stopped">stopped on breakpoint {lastHit.ids.join(', ')}</span> : null}
      </div>
    </div>
  );
}
