// Run / pause / step / reset and the speed of the wall-clock drive.
import type { RequestMethod } from '../../core/contract';
import { getBridge } from '../bridge';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100];

type Control = Extract<RequestMethod, 'session.run' | 'session.pause' | 'session.step' | 'session.reset'>;

function control(method: Control): void {
  getBridge()
    .request(method, {})
    .then((s) => useSessionStore.getState().setStatus(s))
    .catch((err: Error) => useUiStore.getState().notify('error', err.message));
}

export function RunControls() {
  const status = useSessionStore((s) => s.status);
  const disabled = !status;
  return (
    <div className="sb-toolbar__group" aria-label="Simulation">
      {status?.running ? (
        <button type="button" data-testid="btn-pause" onClick={() => control('session.pause')}>Pause</button>
      ) : (
        <button type="button" data-testid="btn-run" disabled={disabled} onClick={() => control('session.run')}>Run</button>
      )}
      <button type="button" data-testid="btn-step" disabled={disabled} onClick={() => control('session.step')}>Step</button>
      <button type="button" data-testid="btn-reset" disabled={disabled} onClick={() => control('session.reset')}>Reset</button>
      <label className="sb-speed">
        Speed
        <select
          data-testid="speed"
          disabled={disabled}
          value={status?.speed ?? 1}
          onChange={(e) =>
            getBridge()
              .request('session.speed', { speed: Number(e.target.value) })
              .then((s) => useSessionStore.getState().setStatus(s))
              .catch((err: Error) => useUiStore.getState().notify('error', err.message))
          }
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{s}×</option>
          ))}
        </select>
      </label>
    </div>
  );
}
