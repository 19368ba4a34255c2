// Wires the transport to the app: its timeline is the replay index, its host is the live session
// (bridge requests), its moving hops come from the overlay's flights, and one animation-frame loop
// ticks it and then lets the overlay paint. What React shows is published from here: the playhead
// (replay store) at most ~10×/s while moving, at once when it stops or is stepped.
import type { Params } from '../../core/contract';
import { getBridge } from '../bridge';
import { flightsFrame } from '../canvas/overlay/frame-flights';
import { replayIndex, showPosition, sortedHitIndexes, stopOnHit, useReplayStore } from '../replay/replay-store';
import { useEventsStore } from '../stores/events-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useCanvasStore } from '../stores/canvas-store';
import { connectTransport, restoreSettings, saveSettings, transport, useTransportStore } from './instance';
import type { HostStatusView } from './transport';

const PUBLISH_MS = 100;

type Control = 'session.run' | 'session.pause' | 'session.step';

function control(method: Control | 'session.speed', params: Params<'session.speed'> | Record<string, never> = {}): Promise<void> {
  return getBridge()
    .request(method as 'session.speed', params as Params<'session.speed'>)
    .then((s) => useSessionStore.getState().setStatus(s))
    .catch((err: Error) => useUiStore.getState().notify('error', err.message));
}

let statusAt = 0;

function hostStatus(): HostStatusView | null {
  if (useEventsStore.getState().kind === 'trace') return null;
  const st = useSessionStore.getState().status;
  return st ? { now: st.now, running: st.running, speed: st.speed, events: st.events, at: statusAt } : null;
}

type FrameListener = (wall: number) => void;
const listeners = new Set<FrameListener>();

/** Paint after the transport ticked, in the same animation frame (the overlay). */
export function onFrame(cb: FrameListener): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function startTransport(): () => void {
  restoreSettings();
  const offStatus = useSessionStore.subscribe(() => (statusAt = performance.now()));
  let dirtyPosition = false;
  let select = false;
  let dirtyState = true;
  let lastPublish = -Infinity;
  let wasMoving = false;
  connectTransport({
    timeline: () => {
      const ix = replayIndex();
      return { length: ix.length, timeOf: (i) => ix.get(i).t, indexAfterTime: (t) => ix.indexAfterTime(t) };
    },
    host: {
      status: hostStatus,
      run: () => control('session.run'),
      pause: () => control('session.pause'),
      step: () => control('session.step'),
      setSpeed: (speed) => control('session.speed', { speed }),
    },
    moving: (t, upTo) => flightsFrame(t, upTo),
    hits: sortedHitIndexes,
    changed: (reason) => {
      if (reason === 'state') dirtyState = true;
      else dirtyPosition = true;
      if (reason === 'select') select = true;
    },
  });

  const publish = (wall: number) => {
    const moving = transport.moving;
    // A run starting: the event selected before it would stay ringed on the canvas; let it go.
    if (moving && !wasMoving && transport.playing) useCanvasStore.getState().selectEvent(null);
    const due = !moving || wall - lastPublish >= PUBLISH_MS || dirtyState;
    if (dirtyPosition && due) {
      // Only where the user sent the playhead is its event selected (not while it plays on).
      if (transport.position !== useReplayStore.getState().position || select) showPosition(transport.position, select);
      dirtyPosition = false;
      select = false;
    }
    // A seek while paused moves t too (not only a change of state or a running clock).
    const tMoved = !moving && transport.t !== useTransportStore.getState().t;
    if (dirtyState || (moving && due) || tMoved) {
      if (dirtyState) saveSettings();
      if (transport.stoppedOnHit !== null) stopOnHit(transport.stoppedOnHit);
      const st = hostStatus();
      useTransportStore.setState({
        playing: transport.playing,
        moving,
        speed: transport.speed,
        hopMs: transport.hopMs,
        t: transport.t,
        follow: transport.follow,
        ahead: st ? Math.max(0, st.now - transport.t) : 0,
      });
      dirtyState = false;
    }
    if (due) lastPublish = wall;
    wasMoving = moving;
  };

  let raf = 0;
  const frame = (wall: number) => {
    raf = requestAnimationFrame(frame);
    transport.tick(wall);
    publish(wall);
    for (const cb of listeners) cb(wall);
  };
  raf = requestAnimationFrame(frame);
  return () => {
    cancelAnimationFrame(raf);
    offStatus();
  };
}
