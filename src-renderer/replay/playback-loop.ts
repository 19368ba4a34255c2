// Drives replay playback (wall clock × speed) and keeps the canvas overlay's clock on the playhead
// whenever the playhead, not the live session, is in charge.
import { playClock } from '../canvas/overlay/play-clock';
import { useEventsStore } from '../stores/events-store';
import { useSessionStore } from '../stores/session-store';
import { playbackTick } from './playback';
import { replayIndex, seek, sortedHitIndexes, stopOnHit, useReplayStore } from './replay-store';

const TICK_MS = 40;

/**
 * True while the canvas should show the playhead (its time and its state) rather than the live
 * session: the playhead is detached, or the stream is an opened trace (its "live" end included).
 */
export function replayDrivesClock(): boolean {
  return !useReplayStore.getState().live || useEventsStore.getState().kind === 'trace';
}

function syncClock(): void {
  const v = useReplayStore.getState();
  if (!replayDrivesClock()) {
    const st = useSessionStore.getState().status;
    if (st) playClock.sync(st.now, st.running, st.speed, performance.now());
    return;
  }
  playClock.sync(v.state.t, v.playing, v.speed, performance.now());
}

export function startPlaybackLoop(): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  let shownT = 0;
  let last = 0;
  const tick = () => {
    const now = performance.now();
    const v = useReplayStore.getState();
    const ix = replayIndex();
    const r = playbackTick({
      position: v.position,
      t: shownT,
      dt: (now - last) * v.speed,
      length: ix.length,
      timeOf: (i) => ix.get(i).t,
      indexAfterTime: (t) => ix.indexAfterTime(t),
      hits: sortedHitIndexes(),
    });
    last = now;
    shownT = r.t;
    if (r.position !== v.position) seek(r.position);
    useReplayStore.setState({ playing: true, live: false });
    if (r.hit) stopOnHit(r.position);
    else if (r.ended) useReplayStore.setState({ playing: false });
  };
  const off = useReplayStore.subscribe((s, prev) => {
    if (s.playing !== prev.playing) {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (s.playing) {
        last = performance.now();
        shownT = s.state.t;
        timer = setInterval(tick, TICK_MS);
      }
    }
    if (s.position !== prev.position || s.live !== prev.live || s.playing !== prev.playing || s.speed !== prev.speed) syncClock();
  });
  return () => {
    off();
    if (timer) clearInterval(timer);
  };
}
