// The one transport control (live runs and replays alike): step back, play / pause, step (animated),
// speed, hop time (the pacing setting: the least time a hop takes on screen at 1×), reset.
import { getBridge } from '../bridge';
import { step } from '../replay/replay-store';
import { useReplayStore } from '../replay/replay-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { transport, useTransportStore } from '../transport/instance';
import { HOP_CHOICES, SPEEDS } from '../transport/transport';

export function resetSession(): Promise<void> {
  // Old notices are about the run that is going away.
  useUiStore.getState().clearNotices();
  return getBridge()
    .request('session.reset', {})
    .then((s) => useSessionStore.getState().setStatus(s))
    .catch((err: Error) => useUiStore.getState().notify('error', err.message));
}

export function RunControls() {
  const hasSession = useSessionStore((s) => s.status !== null);
  const length = useReplayStore((s) => s.length);
  const position = useReplayStore((s) => s.position);
  const playing = useTransportStore((s) => s.playing);
  const speed = useTransportStore((s) => s.speed);
  const hopMs = useTransportStore((s) => s.hopMs);
  const disabled = !hasSession && length === 0;
  return (
    <div className="sb-toolbar__group sb-transport" aria-label="Transport" data-testid="transport" data-playing={String(playing)}>
      <button type="button" data-testid="btn-step-back" title="Step back one event (Shift+←)" disabled={position < 0} onClick={() => step(-1)}>
        ◀|
      </button>
      {playing ? (
        <button type="button" data-testid="btn-pause" title="Pause (Space)" onClick={() => transport.pause()}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" data-testid="btn-run" title="Play (Space): runs the session, or plays the trace from the playhead; stops on breakpoints" disabled={disabled} onClick={() => transport.play()}>
          ▶ Run
        </button>
      )}
      <button type="button" data-testid="btn-step" title="Step to the next event, animating its hop (→)" disabled={disabled} onClick={() => transport.step()}>
        Step |▶
      </button>
      <label className="sb-speed" title="Speed of virtual time (live runs and replays)">
        Speed
        <select data-testid="speed" value={speed} onChange={(e) => transport.setSpeed(Number(e.target.value))}>
          {[...new Set([...SPEEDS, speed])].sort((a, b) => a - b).map((s) => (
            <option key={s} value={s}>{s}×</option>
          ))}
        </select>
      </label>
      <label className="sb-speed" title="Least time a hop takes on screen at 1× (Packet Tracer's simulation mode); off = plain time">
        Hop
        <select data-testid="hop-time" value={hopMs} onChange={(e) => transport.setHopMs(Number(e.target.value))}>
          {[...new Set([...HOP_CHOICES, hopMs])].sort((a, b) => a - b).map((ms) => (
            <option key={ms} value={ms}>{ms === 0 ? 'off' : `${ms} ms`}</option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="btn-reset" title="Restart the session from time 0" disabled={!hasSession} onClick={() => void resetSession()}>
        Reset
      </button>
    </div>
  );
}
