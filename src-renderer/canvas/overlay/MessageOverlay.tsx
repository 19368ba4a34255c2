// The one overlay for moving messages: a <canvas> over React Flow, painted every animation frame
// at the play clock's time, positioned with React Flow's viewport transform. Following a live
// session it reads the trace log by time; when the replay playhead is in charge (detached, or an
// opened trace) it draws the playhead's state: its messages in flight and its down nodes.
// Nothing here sets React state per frame; the "thinned" notice changes only when its text does.
import { useStoreApi, type InternalNode } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { replayDrivesClock } from '../../replay/playback-loop';
import { useReplayStore } from '../../replay/replay-store';
import { useCanvasStore } from '../../stores/canvas-store';
import { traceLog } from '../../trace/trace-log';
import type { SwitchboardNode } from '../layout';
import { flightsOfState, inFlight, markersAt, thin, thinnedText, toMarker, withLegEnds, type Point } from './flights';
import { MarkerLife } from './marker-life';
import { paintDown, paintFlights, paintHidden, paintMarkers, paintSelection } from './paint';
import { playClock } from './play-clock';

/** Beyond this many messages in flight, draw a sample and count the rest per edge. */
export const MAX_DRAWN = 200;
/** How long (wall ms) drops, unhandled events and callbacks stay marked, at any speed. */
const MARK_WALL_MS = 1500;

export function MessageOverlay() {
  const store = useStoreApi<SwitchboardNode>();
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let raf = 0;
    let accent = '#7c3aed';
    let frames = 0;
    const life = new MarkerLife({ lifeMs: MARK_WALL_MS });
    const frame = (wall: number) => {
      raf = requestAnimationFrame(frame);
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      if (frames++ % 60 === 0) accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || accent;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const t = playClock.tick(wall);
      const { transform, nodeLookup } = store.getState();
      const [tx, ty, k] = transform;
      const cache = new Map<string, Point | undefined>();
      const center = (id: string): Point | undefined => {
        if (cache.has(id)) return cache.get(id);
        const n = nodeLookup.get(id) as InternalNode<SwitchboardNode> | undefined;
        const p = n ? { x: (n.internals.positionAbsolute.x + (n.measured.width ?? 160) / 2) * k + tx, y: (n.internals.positionAbsolute.y + (n.measured.height ?? 60) / 2) * k + ty } : undefined;
        cache.set(id, p);
        return p;
      };
      const replay = replayDrivesClock() ? useReplayStore.getState() : null;
      const flying = (replay ? flightsOfState(replay.state.inFlight.values()) : inFlight(traceLog, t)).map((f) => (f.kind === 'broadcast' ? withLegEnds(f, traceLog.effectsOf(f.seq)) : f));
      const thinned = thin(flying, MAX_DRAWN);
      const drawnLegs = thinned.drawn.reduce((n, f) => n + f.legs.length, 0);
      const sel = useCanvasStore.getState().event;
      const selected = sel === null ? undefined : traceLog.bySeqNo(sel);
      const down = replay ? replay.state.down : traceLog.downAt(t);
      const size = (id: string) => {
        const n = nodeLookup.get(id);
        return n?.measured.width && n.measured.height ? { w: n.measured.width, h: n.measured.height } : undefined;
      };
      paintDown(ctx, down, center, k, size);
      if (selected) paintSelection(ctx, selected, center, accent);
      paintHidden(ctx, thinned.hidden, center);
      paintFlights(ctx, thinned.drawn, t, center, drawnLegs <= 24);
      // Admitted near where the clock is going (not along an eased jump), shown once it passes them.
      const fresh = markersAt(traceLog.events, playClock.target(wall), life.admitWindow(playClock.rate), 200, replay ? replay.position : Infinity);
      const markers = life.update(fresh, t, wall, selected ? toMarker(selected) : null);
      paintMarkers(ctx, markers, center);
      // For tests and curious users: what this frame shows, as attributes (no React).
      canvas.dataset.t = t.toFixed(2);
      canvas.dataset.inFlight = String(thinned.total);
      canvas.dataset.drawn = String(drawnLegs);
      canvas.dataset.kinds = [...new Set(thinned.drawn.map((f) => `${f.kind}:${f.legs.length}`))].join(' ');
      canvas.dataset.markers = markers.map((m) => `${m.kind}@${m.node}`).join(' ');
      canvas.dataset.down = [...down].join(' ');
      const text = thinnedText(drawnLegs, thinned.total);
      if (text !== useCanvasStore.getState().thinned) useCanvasStore.setState({ thinned: text });
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [store]);

  return <canvas ref={ref} className="sb-overlay" data-testid="message-overlay" aria-hidden="true" />;
}
