// Painting one frame of the overlay onto a 2D canvas (screen coordinates). No React here.
import type { TraceEvent } from '../../../core/trace/event';
import { along, legsOf, progress, type Flight, type FlightKind, type Marker, type Point } from './flights';

export const COLORS: Record<FlightKind, string> = { point: '#475569', broadcast: '#ea580c', request: '#2563eb', response: '#16a34a' };
const MARK: Record<Marker['kind'], { color: string; glyph: string }> = {
  drop: { color: '#dc2626', glyph: '✕' },
  unhandled: { color: '#d97706', glyph: '?' },
  callback: { color: '#16a34a', glyph: '✓' },
  timeout: { color: '#dc2626', glyph: '!' },
  error: { color: '#9f1239', glyph: 'E' },
};

export type Center = (id: string) => Point | undefined;

export function paintFlights(ctx: CanvasRenderingContext2D, flights: readonly Flight[], t: number, center: Center, labels: boolean): void {
  for (const f of flights) {
    const thick = f.kind === 'broadcast';
    ctx.strokeStyle = COLORS[f.kind];
    ctx.fillStyle = COLORS[f.kind];
    ctx.lineWidth = thick ? 5 : 2;
    ctx.globalAlpha = 0.9;
    let lead: Point | undefined;
    for (let li = 0; li < f.legs.length; li++) {
      const leg = f.legs[li];
      // A leg already delivered stays drawn complete until the whole fan-out has landed.
      const p = progress(t, f.t0, f.legEnds?.[li] ?? f.t1);
      const pts: Point[] = [];
      for (const id of leg) {
        const c = center(id);
        if (c) pts.push(c);
      }
      if (pts.length < 2) continue;
      const at = along(pts, p);
      // The travelled part of the route, then the message itself.
      ctx.beginPath();
      ctx.moveTo(pts[0].x, pts[0].y);
      const hops = pts.length - 1;
      for (let i = 1; i <= hops && i / hops <= p; i++) ctx.lineTo(pts[i].x, pts[i].y);
      ctx.lineTo(at.x, at.y);
      ctx.stroke();
      const prev = along(pts, Math.max(0, p - 0.02));
      arrowHead(ctx, prev, at, thick ? 11 : 8);
      lead ??= at;
    }
    // Below-right of the head: a card's name is on its top line, so a message arriving at (or
    // leaving) a node's centre does not hide which node it is.
    if (labels && lead && f.event) label(ctx, f.event, lead.x + 8, lead.y + 20, COLORS[f.kind], lead.x - 8);
  }
  ctx.globalAlpha = 1;
}

function arrowHead(ctx: CanvasRenderingContext2D, from: Point, to: Point, size: number): void {
  let dx = to.x - from.x;
  let dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len < 0.001) {
    ctx.beginPath();
    ctx.arc(to.x, to.y, size / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  dx /= len;
  dy /= len;
  ctx.beginPath();
  ctx.moveTo(to.x + dx * size * 0.6, to.y + dy * size * 0.6);
  ctx.lineTo(to.x - dx * size * 0.6 - dy * size * 0.55, to.y - dy * size * 0.6 + dx * size * 0.55);
  ctx.lineTo(to.x - dx * size * 0.6 + dy * size * 0.55, to.y - dy * size * 0.6 - dx * size * 0.55);
  ctx.closePath();
  ctx.fill();
}

export function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, flipFrom?: number): void {
  ctx.font = '12px system-ui, sans-serif';
  const w = ctx.measureText(text).width;
  // Near the right edge, put the label to the left of its anchor so it stays readable.
  if (flipFrom !== undefined && x + w + 6 > ctx.canvas.clientWidth) x = flipFrom - w - 6;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(x - 3, y - 11, w + 6, 16);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 3, y - 11, w + 6, 16);
  ctx.fillStyle = '#111827';
  ctx.fillText(text, x, y + 1);
}

export function paintMarkers(ctx: CanvasRenderingContext2D, markers: readonly Marker[], center: Center): void {
  const perNode = new Map<string, number>();
  for (const m of markers) {
    const c = center(m.node);
    if (!c) continue;
    const k = perNode.get(m.node) ?? 0;
    perNode.set(m.node, k + 1);
    if (k >= 4) continue;
    const { color, glyph } = MARK[m.kind];
    const x = c.x + 40;
    const y = c.y - 44 - k * 18;
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, Math.PI * 2);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.font = 'bold 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(glyph, x, y + 4);
    ctx.textAlign = 'start';
    label(ctx, m.label, x + 12, y + 1, color, x - 10);
  }
}

/** Hidden (thinned) messages: a count on each edge that carries some. */
export function paintHidden(ctx: CanvasRenderingContext2D, hidden: ReadonlyMap<string, number>, center: Center): void {
  for (const [key, n] of hidden) {
    const [a, b] = key.split('|');
    const pa = center(a);
    const pb = center(b);
    if (!pa || !pb) continue;
    const x = (pa.x + pb.x) / 2;
    const y = (pa.y + pb.y) / 2;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = 'rgba(71,85,105,0.85)';
    const text = `+${n}`;
    const w = ctx.measureText(text).width;
    ctx.fillRect(x - w / 2 - 3, y - 8, w + 6, 14);
    ctx.fillStyle = '#fff';
    ctx.fillText(text, x - w / 2, y + 3);
  }
}

/** The selected event: its route and its nodes, ringed. */
export function paintSelection(ctx: CanvasRenderingContext2D, e: TraceEvent, center: Center, accent: string): void {
  const nodes = new Set<string>([e.from, e.to, e.at, ...(e.targets ?? []), ...(e.path ?? [])].filter((x): x is string => !!x));
  ctx.strokeStyle = accent;
  ctx.lineWidth = 3;
  ctx.setLineDash([6, 4]);
  for (const leg of legsOf(e)) {
    ctx.beginPath();
    leg.forEach((id, i) => {
      const c = center(id);
      if (!c) return;
      if (i === 0) ctx.moveTo(c.x, c.y);
      else ctx.lineTo(c.x, c.y);
    });
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const id of nodes) {
    const c = center(id);
    if (!c) continue;
    ctx.beginPath();
    ctx.arc(c.x, c.y, 34, 0, Math.PI * 2);
    ctx.stroke();
  }
}

/** Nodes that are down (stopped): a grey veil and the word DOWN over their card. */
export function paintDown(ctx: CanvasRenderingContext2D, ids: Iterable<string>, center: Center, zoom: number, size?: (id: string) => { w: number; h: number } | undefined): void {
  for (const id of ids) {
    const c = center(id);
    if (!c) continue;
    // The card's measured size when known (cards grow with their fields).
    const s = size?.(id);
    const w = (s?.w ?? 170) * zoom;
    const h = (s?.h ?? 66) * zoom;
    ctx.fillStyle = 'rgba(100,116,139,0.45)';
    ctx.fillRect(c.x - w / 2, c.y - h / 2, w, h);
    ctx.font = 'bold 12px system-ui, sans-serif';
    ctx.fillStyle = '#b91c1c';
    ctx.textAlign = 'center';
    ctx.fillText('DOWN', c.x, c.y + 4);
    ctx.textAlign = 'start';
  }
}
