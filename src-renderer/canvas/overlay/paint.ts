// Painting one frame of the overlay onto a 2D canvas (screen coordinates). No React here. Colours
// and line styles come from core/replay/message-style.ts (the legend and the sequence view use the
// same table).
import { MESSAGE_LOOK, type MessageKind } from '../../../core/replay/message-style';
import type { TraceEvent } from '../../../core/trace/event';
import { legsOf, progress, type Flight, type Marker, type Point } from './flights';
import { alongRoute, type CardGeometry } from './routes';
import { laneWidth, particleCount, rateText, type Lane } from './traffic';

export type Palette = Record<MessageKind, string>;
export type Route = (leg: readonly string[]) => Point[][] | null;
export type Card = (id: string) => CardGeometry | undefined;

const HEAD = 7;

/** Flights merged per card route (flights.ts mergeByCards): an arrow with "×n" stands for n. */
export function paintFlights(ctx: CanvasRenderingContext2D, flights: readonly Flight[], t: number, route: Route, palette: Palette, labels: boolean): void {
  for (const f of flights) {
    const n = f.n ?? 1;
    const look = MESSAGE_LOOK[f.kind];
    const color = palette[f.kind];
    let lead: Point | undefined;
    for (let li = 0; li < f.legs.length; li++) {
      const hops = route(f.legs[li]);
      if (!hops) continue;
      // A leg already delivered stays drawn complete until the whole fan-out has landed.
      const p = progress(t, f.t0, f.legEnds?.[li] ?? f.t1);
      const { at, hop, u } = alongRoute(hops, p);
      trail(ctx, hops, hop, u, at, color, look.width, look.dash);
      head(ctx, hops, hop, u, at, color, f.kind === 'broadcast' ? HEAD + 2 : HEAD);
      lead ??= at;
    }
    if (lead && (labels || n > 1)) {
      const text = n > 1 ? `${f.event ?? f.kind} ×${n}` : (f.event ?? '');
      if (text) label(ctx, text, lead.x + 10, lead.y + 18, color, lead.x - 10);
    }
  }
}

/** The travelled part of the route, faint, so the path a message took stays readable. */
function trail(ctx: CanvasRenderingContext2D, hops: readonly Point[][], hop: number, u: number, at: Point, color: string, width: number, dash: number[]): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.globalAlpha = 0.55;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.setLineDash(dash);
  ctx.beginPath();
  for (let h = 0; h <= hop; h++) {
    const s = hops[h];
    const upto = h < hop ? s.length - 1 : Math.floor(u * (s.length - 1));
    ctx.moveTo(s[0].x, s[0].y);
    for (let i = 1; i <= upto; i++) ctx.lineTo(s[i].x, s[i].y);
    if (h === hop) ctx.lineTo(at.x, at.y);
  }
  ctx.stroke();
  ctx.restore();
}

/** The message itself: a disc with an arrowhead pointing where it goes. */
function head(ctx: CanvasRenderingContext2D, hops: readonly Point[][], hop: number, u: number, at: Point, color: string, size: number): void {
  const back = alongRoute([hops[hop]], Math.max(0, u - 0.04)).at;
  const ahead = alongRoute([hops[hop]], Math.min(1, u + 0.04)).at;
  let dx = ahead.x - back.x;
  let dy = ahead.y - back.y;
  const len = Math.hypot(dx, dy) || 1;
  dx /= len;
  dy /= len;
  ctx.fillStyle = color;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(at.x + dx * size * 1.5, at.y + dy * size * 1.5);
  ctx.lineTo(at.x - dx * size * 0.6 - dy * size, at.y - dy * size * 0.6 + dx * size);
  ctx.lineTo(at.x - dx * size * 0.6 + dy * size, at.y - dy * size * 0.6 - dx * size);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
}

/** A message that just arrived: a fading ring at its destination handle (`age` 0..1). */
export function paintArrival(ctx: CanvasRenderingContext2D, at: Point, color: string, age: number): void {
  ctx.save();
  ctx.globalAlpha = Math.max(0, 1 - age);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(at.x, at.y, 5 + 10 * age, 0, Math.PI * 2);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(at.x, at.y, 4, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

/** Rendered labels by text and colour: text is the costliest thing to draw, so it is drawn once. */
const sprites = new Map<string, { img: HTMLCanvasElement; w: number }>();
const SPRITES_MAX = 400;

function sprite(text: string, color: string, dpr: number): { img: HTMLCanvasElement; w: number } {
  const key = `${dpr}|${color}|${text}`;
  const hit = sprites.get(key);
  if (hit) return hit;
  const img = document.createElement('canvas');
  const c = img.getContext('2d') as CanvasRenderingContext2D;
  c.font = '12px system-ui, sans-serif';
  const w = Math.ceil(c.measureText(text).width) + 6;
  img.width = Math.ceil(w * dpr);
  img.height = Math.ceil(16 * dpr);
  c.scale(dpr, dpr);
  c.font = '12px system-ui, sans-serif';
  c.fillStyle = 'rgba(255,255,255,0.92)';
  c.fillRect(0, 0, w, 16);
  c.strokeStyle = color;
  c.lineWidth = 1;
  c.strokeRect(0.5, 0.5, w - 1, 15);
  c.fillStyle = '#111827';
  c.fillText(text, 3, 12);
  if (sprites.size >= SPRITES_MAX) sprites.clear();
  const s = { img, w };
  sprites.set(key, s);
  return s;
}

export function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, flipFrom?: number): void {
  const s = sprite(text, color, window.devicePixelRatio || 1);
  // Near the right edge, put the label to the left of its anchor so it stays readable.
  if (flipFrom !== undefined && x + s.w > ctx.canvas.clientWidth) x = flipFrom - s.w;
  ctx.drawImage(s.img, x - 3, y - 11, s.w, 16);
}

/** Markers stack above the card (never over its name), newest nearest the card. */
export function paintMarkers(ctx: CanvasRenderingContext2D, markers: readonly Marker[], card: Card, palette: Palette): void {
  const perNode = new Map<string, number>();
  for (let i = markers.length - 1; i >= 0; i--) {
    const m = markers[i];
    const g = card(m.node);
    if (!g) continue;
    // Per card: the members of a folded group share its three slots.
    const slot = `${g.box.x},${g.box.y}`;
    const k = perNode.get(slot) ?? 0;
    perNode.set(slot, k + 1);
    if (k >= 3) continue;
    const color = palette[m.kind];
    const x = g.box.x + 9;
    const y = g.box.y - 11 - k * 19;
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, Math.PI * 2);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.font = 'bold 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(MESSAGE_LOOK[m.kind].glyph ?? '•', x, y + 4);
    ctx.textAlign = 'start';
    label(ctx, m.label, x + 13, y + 1, color, x - 11);
  }
}

/** Hidden (thinned) messages: a count on each hop that carries some. */
export function paintHidden(ctx: CanvasRenderingContext2D, hidden: ReadonlyMap<string, number>, route: Route): void {
  for (const [key, n] of hidden) {
    const hops = route(key.split('|'));
    if (!hops) continue;
    const { at } = alongRoute(hops, 0.5);
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = 'rgba(71,85,105,0.85)';
    const text = `+${n}`;
    const w = ctx.measureText(text).width;
    ctx.fillRect(at.x - w / 2 - 3, at.y - 8, w + 6, 14);
    ctx.fillStyle = '#fff';
    ctx.fillText(text, at.x - w / 2, at.y + 3);
  }
}

/** The selected event: its route along the edges, and its cards outlined. */
export function paintSelection(ctx: CanvasRenderingContext2D, e: TraceEvent, route: Route, card: Card, accent: string): void {
  const nodes = new Set<string>([e.from, e.to, e.at, ...(e.targets ?? []), ...(e.path ?? [])].filter((x): x is string => !!x));
  ctx.save();
  ctx.strokeStyle = accent;
  ctx.lineWidth = 3;
  ctx.setLineDash([6, 4]);
  for (const leg of legsOf(e)) {
    const hops = route(leg);
    if (!hops) continue;
    ctx.beginPath();
    for (const s of hops) {
      ctx.moveTo(s[0].x, s[0].y);
      for (let i = 1; i < s.length; i++) ctx.lineTo(s[i].x, s[i].y);
    }
    ctx.stroke();
  }
  for (const id of nodes) {
    const g = card(id);
    if (!g) continue;
    ctx.strokeRect(g.box.x - 5, g.box.y - 5, g.box.w + 10, g.box.h + 10);
  }
  ctx.restore();
}

/** Nodes that are down (stopped): a grey veil and the word DOWN over their card. */
export function paintDown(ctx: CanvasRenderingContext2D, ids: Iterable<string>, card: Card): void {
  for (const id of ids) {
    const g = card(id);
    if (!g) continue;
    ctx.fillStyle = 'rgba(100,116,139,0.45)';
    ctx.fillRect(g.box.x, g.box.y, g.box.w, g.box.h);
    ctx.font = 'bold 12px system-ui, sans-serif';
    ctx.fillStyle = '#b91c1c';
    ctx.textAlign = 'center';
    ctx.fillText('DOWN', g.box.x + g.box.w / 2, g.box.y + g.box.h / 2 + 4);
    ctx.textAlign = 'start';
  }
}

/**
 * Traffic mode: each (hop, kind) lane along its edge, as thick as its rate, with particles moving
 * the way the messages go (one trip per `tripMs` of wall time); parallel kinds sit side by side.
 */
export function paintTraffic(ctx: CanvasRenderingContext2D, lanes: readonly Lane[], route: Route, palette: Palette, wall: number, labels: boolean, tripMs = 1400): void {
  const perPair = new Map<string, number>();
  for (const l of lanes) {
    const hops = route([l.from, l.to]);
    if (!hops) continue;
    const pair = l.from < l.to ? `${l.from}|${l.to}` : `${l.to}|${l.from}`;
    const k = perPair.get(pair) ?? 0;
    perPair.set(pair, k + 1);
    const s = hops[0];
    const off = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 5;
    const pts = off === 0 ? s : offsetLine(s, off);
    const color = palette[l.kind];
    const width = laneWidth(l.rate);
    ctx.save();
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = width;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(pts[0].x, pts[0].y);
    for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i].x, pts[i].y);
    ctx.stroke();
    ctx.globalAlpha = 0.95;
    ctx.fillStyle = color;
    const n = particleCount(l.rate);
    const r = Math.max(2, Math.min(4, width / 2));
    for (let p = 0; p < n; p++) {
      const f = (wall / tripMs + p / n) % 1;
      const at = alongRoute([pts], f).at;
      ctx.beginPath();
      ctx.arc(at.x, at.y, r, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.restore();
    // A rate label only where the lane is long enough to hold it off the cards.
    if (labels && l.rate >= 1 && Math.hypot(pts[pts.length - 1].x - pts[0].x, pts[pts.length - 1].y - pts[0].y) > 110) {
      const mid = alongRoute([pts], 0.5).at;
      label(ctx, rateText(l.rate), mid.x + 6, mid.y - 6, color);
    }
  }
}

/** A polyline moved sideways by `d` px (lanes of different kinds side by side). */
function offsetLine(s: readonly Point[], d: number): Point[] {
  return s.map((p, i) => {
    const a = s[Math.max(0, i - 1)];
    const b = s[Math.min(s.length - 1, i + 1)];
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { x: p.x - ((b.y - a.y) / len) * d, y: p.y + ((b.x - a.x) / len) * d };
  });
}
