// Play / pause / step / reset and speed (0.1×–10×), through the player machine.
import { useSelector } from '@xstate/react';
import { getBridge } from '../bridge';
import { player } from '../machines/player-service';
import { SPEEDS } from '../machines/player';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

export function RunControls() {
  const status = useSessionStore((s) => s.status);
  const playing = useSelector(player, (s) => s.matches('playing'));
  const disabled = !status;
  const reset = () =>
    getBridge()
      .request('session.reset', {})
      .then((s) => useSessionStore.getState().setStatus(s))
      .catch((err: Error) => useUiStore.getState().notify('error', err.message));
  return (
    <div className="sb-toolbar__group" aria-label="Simulation">
      {playing ? (
        <button type="button" data-testid="btn-pause" title="Pause (Space)" onClick={() => player.send({ type: 'PAUSE' })}>Pause</button>
      ) : (
        <button type="button" data-testid="btn-run" title="Play (Space)" disabled={disabled} onClick={() => player.send({ type: 'PLAY' })}>Run</button>
      )}
      <button type="button" data-testid="btn-step" title="Step to the next event (→)" disabled={disabled} onClick={() => player.send({ type: 'STEP' })}>Step</button>
      <button type="button" data-testid="btn-reset" disabled={disabled} onClick={() => void reset()}>Reset</button>
      <label className="sb-speed">
        Speed
        <select data-testid="speed" disabled={disabled} value={status?.speed ?? 1} onChange={(e) => player.send({ type: 'SPEED', speed: Number(e.target.value) })}>
          {[...new Set([...SPEEDS, status?.speed ?? 1])].sort((a, b) => a - b).map((s) => (
            <option key={s} value={s}>{s}×</option>
          ))}
        </select>
      </label>
    </div>
  );
}
