// The app's one player actor: its host actions are bridge requests; host status feeds it and
// the overlay's clock.
import { createActor } from 'xstate';
import type { Params } from '../../core/contract';
import { getBridge } from '../bridge';
import { playClock } from '../canvas/overlay/play-clock';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { playerMachine } from './player';
import { replayDrivesClock } from '../replay/playback-loop';

type Control = 'session.run' | 'session.pause' | 'session.step';

function control(method: Control | 'session.speed', params: Params<'session.speed'> | Record<string, never> = {}): void {
  getBridge()
    .request(method as 'session.speed', params as Params<'session.speed'>)
    .then((s) => useSessionStore.getState().setStatus(s))
    .catch((err: Error) => useUiStore.getState().notify('error', err.message));
}

export const player = createActor(
  playerMachine.provide({
    actions: {
      hostRun: () => control('session.run'),
      hostPause: () => control('session.pause'),
      hostStep: () => control('session.step'),
      hostSpeed: (_, p) => control('session.speed', { speed: p.speed }),
    },
  }),
);

export function startPlayer(): () => void {
  player.start();
  const off = useSessionStore.subscribe((s) => {
    const st = s.status;
    if (!st) return;
    // A detached replay playhead owns the overlay's clock (see replay/playback-loop.ts).
    if (!replayDrivesClock()) playClock.sync(st.now, st.running, st.speed, performance.now());
    player.send({ type: 'STATUS', running: st.running, speed: st.speed, now: st.now });
  });
  return off;
}
