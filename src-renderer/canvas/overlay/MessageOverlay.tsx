// The one overlay for moving messages: a <canvas> over React Flow, painted every animation frame
// right after the transport ticked (transport/service.ts), at the transport's time and playhead.
// Messages travel along the drawn edges (routes.ts); one that just arrived leaves a fading ring at
// its destination; drops, unhandled events and callbacks are marked above their card; stopped
// nodes are veiled. Nothing here sets React state per frame; the "thinned" notice changes only
// when its text does.
import { useStoreApi, type InternalNode } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { MESSAGE_COLORS } from '../../../core/replay/message-style';
import { useReplayStore } from '../../replay/replay-store';
import { useCanvasStore } from '../../stores/canvas-store';
import { useUiStore } from '../../stores/ui-store';
import { traceLog } from '../../trace/trace-log';
import { transport } from '../../transport/instance';
import { onFrame } from '../../transport/service';
import type { SwitchboardNode } from '../layout';
import { publishActivity } from '../activity-store';
import { cardIdOf, cardMapVersion, edgeDir } from './drawn-edges';
import { flightsFrame } from './frame-flights';
import { markersAt, mergeByCards, thin, thinnedText, toMarker, type Flight, type Point, type Thinned } from './flights';
import { MarkerLife } from './marker-life';
import { paintArrival, paintDown, paintFlights, paintHidden, paintMarkers, paintSelection, paintTraffic } from './paint';
import { overlayMode, trafficAt, type Lane } from './traffic';
import { routeOf, type CardGeometry, type RouteContext } from './routes';

/** Beyond this many messages in flight, draw a sample and count the rest per edge. */
export const MAX_DRAWN = 200;
/** How long (wall ms) drops, unhandled events and callbacks stay marked, at any speed. */
const MARK_WALL_MS = 1500;
/** How long (wall ms) an arrived message stays as a fading ring on its destination. */
const ARRIVAL_WALL_MS = 450;
/** Labels on moving messages while at most this many legs are drawn. */
const LABELS_UP_TO = 24;

interface Arrival {
  leg: readonly string[];
  kind: Flight['kind'];
  wall: number;
}

/** Screen geometry of a card from React Flow's internal node (handles as React Flow places them). */
function geometryOf(n: InternalNode<SwitchboardNode>, k: number, tx: number, ty: number): CardGeometry | undefined {
  const w = n.measured.width;
  const h = n.measured.height;
  if (!w || !h) return undefined;
  const x = n.internals.positionAbsolute.x;
  const y = n.internals.positionAbsolute.y;
  const src = n.internals.handleBounds?.source?.[0];
  const tgt = n.internals.handleBounds?.target?.[0];
  const right = src ? { x: x + src.x + src.width, y: y + src.y + src.height / 2 } : { x: x + w, y: y + h / 2 };
  const left = tgt ? { x: x + tgt.x, y: y + tgt.y + tgt.height / 2 } : { x, y: y + h / 2 };
  const s = (p: Point) => ({ x: p.x * k + tx, y: p.y * k + ty });
  return { left: s(left), right: s(right), box: { x: x * k + tx, y: y * k + ty, w: w * k, h: h * k } };
}

export function MessageOverlay() {
  const store = useStoreApi<SwitchboardNode>();
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let frames = 0;
    let accent = '#2f6fde';
    const life = new MarkerLife({ lifeMs: MARK_WALL_MS });
    let arrivals: Arrival[] = [];
    let moving = new Map<string, { leg: readonly string[]; kind: Flight['kind']; end: number }>();
    let lastT = 0;
    let lastActivity = -Infinity;
    let lanes: Lane[] = [];
    let mergedFrom: Flight[] | null = null;
    let mergedCards = -1;
    let thinned: Thinned = { drawn: [], total: 0, hidden: new Map() };
    let lanesAt = -Infinity;
    let lanesT = NaN;
    const paint = (wall: number) => {
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
      const palette = MESSAGE_COLORS[useUiStore.getState().theme];
      const t = transport.t;
      const position = transport.position;
      const { transform, nodeLookup } = store.getState();
      const [tx, ty, k] = transform;
      const geo = new Map<string, CardGeometry | undefined>();
      const cardGeometry = (cardId: string): CardGeometry | undefined => {
        if (geo.has(cardId)) return geo.get(cardId);
        const n = nodeLookup.get(cardId) as InternalNode<SwitchboardNode> | undefined;
        const g = n ? geometryOf(n, k, tx, ty) : undefined;
        geo.set(cardId, g);
        return g;
      };
      const card = (id: string) => cardGeometry(cardIdOf(id));
      const ctxRoute: RouteContext = {
        card: (id) => {
          const cid = cardIdOf(id);
          const g = cardGeometry(cid);
          return g ? { id: cid, g } : undefined;
        },
        edgeDir,
      };
      const route = (leg: readonly string[]) => routeOf(leg, ctxRoute);

      const { flights } = flightsFrame(t, position);
      // Merging and thinning only change with the set of flights (or the cards they are drawn on).
      if (flights !== mergedFrom || cardMapVersion !== mergedCards) {
        mergedFrom = flights;
        mergedCards = cardMapVersion;
        thinned = thin(mergeByCards(flights, cardIdOf), MAX_DRAWN);
      }
      const drawnLegs = thinned.drawn.reduce((n, f) => n + f.legs.length, 0);

      // Legs that stopped moving since the last frame while the clock went forward have arrived.
      const now = new Map<string, { leg: readonly string[]; kind: Flight['kind']; end: number }>();
      for (const f of thinned.drawn) f.legs.forEach((leg, i) => now.set(`${f.seq}:${leg.join('>')}`, { leg, kind: f.kind, end: f.legEnds?.[i] ?? f.t1 }));
      if (t < lastT) arrivals = [];
      else for (const [key, m] of moving) if (!now.has(key) && m.end <= t) arrivals.push({ leg: m.leg, kind: m.kind, wall });
      moving = now;
      lastT = t;
      arrivals = arrivals.filter((a) => wall - a.wall < ARRIVAL_WALL_MS).slice(-300);

      const replay = useReplayStore.getState();
      const sel = useCanvasStore.getState().event;
      const selected = sel === null ? undefined : traceLog.bySeqNo(sel);
      paintDown(ctx, replay.state.down, card);
      if (selected) paintSelection(ctx, selected, route, card, accent);
      // Traffic mode: rates per edge (on demand, or automatically when the messages would be thinned).
      const ui = useCanvasStore.getState();
      const tooMany = thinned.total > MAX_DRAWN;
      // Ten times a second while playing (a window scan), at once after a seek.
      if ((ui.viewMode === 'traffic' || (ui.viewMode === 'auto' && tooMany)) && (wall - lanesAt >= 100 || (lanesT !== t && !transport.moving))) {
        lanes = trafficAt(traceLog, t, cardIdOf, { upTo: position });
        lanesAt = wall;
        lanesT = t;
      }
      const traffic = overlayMode(ui.viewMode, tooMany, lanes.length) === 'traffic';
      const autoTraffic = ui.viewMode === 'auto' && traffic;
      if (autoTraffic !== ui.autoTraffic) useCanvasStore.setState({ autoTraffic });
      if (traffic) {
        paintTraffic(ctx, lanes, route, palette, wall, lanes.length <= 80);
      } else {
        paintHidden(ctx, thinned.hidden, route);
        paintFlights(ctx, thinned.drawn, t, route, palette, drawnLegs <= LABELS_UP_TO);
      }
      canvas.dataset.mode = traffic ? 'traffic' : 'messages';
      canvas.dataset.lanes = traffic ? String(lanes.length) : '0';
      canvas.dataset.rateMax = traffic ? String(Math.round(Math.max(0, ...lanes.map((l) => l.rate)))) : '0';
      for (const a of traffic ? [] : arrivals) {
        const hops = route(a.leg);
        const last = hops?.[hops.length - 1];
        if (last) paintArrival(ctx, last[last.length - 1], palette[a.kind], (wall - a.wall) / ARRIVAL_WALL_MS);
      }
      // Admitted near the clock, shown once it passes them, bounded by the playhead.
      const fresh = markersAt(traceLog.events, t, life.admitWindow(Math.max(transport.speed, 1)), 200, position);
      const markers = life.update(fresh, t, wall, selected ? toMarker(selected) : null);
      paintMarkers(ctx, markers, card, palette);
      // For tests and curious users: what this frame shows, as attributes (no React).
      canvas.dataset.t = t.toFixed(2);
      canvas.dataset.position = String(position);
      canvas.dataset.inFlight = String(thinned.total);
      canvas.dataset.drawn = String(drawnLegs);
      canvas.dataset.arrived = String(arrivals.length);
      canvas.dataset.kinds = [...new Set(thinned.drawn.map((f) => `${f.kind}:${f.legs.length}`))].join(' ');
      canvas.dataset.markers = markers.map((m) => `${m.kind}@${m.node}`).join(' ');
      canvas.dataset.down = [...replay.state.down].join(' ');
      // Live activity for group cards, a few times a second: legs moving to or from each card.
      if (wall - lastActivity >= 250) {
        lastActivity = wall;
        const counts = new Map<string, number>();
        for (const f of flights)
          for (const leg of f.legs) {
            const a = cardIdOf(leg[0]);
            const b = cardIdOf(leg[leg.length - 1]);
            counts.set(a, (counts.get(a) ?? 0) + 1);
            if (b !== a) counts.set(b, (counts.get(b) ?? 0) + 1);
          }
        publishActivity(counts);
      }
      // Merged arrows stand for all their messages: only a real sample says "showing n of m".
      const text = traffic ? '' : thinnedText(thinned.drawn.reduce((n, f) => n + (f.total ?? f.legs.length * (f.n ?? 1)), 0), thinned.total);
      if (text !== useCanvasStore.getState().thinned) useCanvasStore.setState({ thinned: text });
    };
    return onFrame(paint);
  }, [store]);

  return <canvas ref={ref} className="sb-overlay" data-testid="message-overlay" aria-hidden="true" />;
}
