// Where a message goes on screen: for each hop of its path, the drawn edge between the two cards
// (walked backwards when the edge runs the other way), from React Flow's handle positions. Nodes
// folded into a group card are drawn at that card; a hop inside one card is not drawn. Samples
// are cached per hop and reused while the hop's end points stay where they are.
import type { Point } from './flights';
import { hopSamples } from './edge-path';

export interface CardGeometry {
  /** Screen point of the card's left (target) and right (source) handles. */
  left: Point;
  right: Point;
  /** Screen box of the card. */
  box: { x: number; y: number; w: number; h: number };
}

export interface RouteContext {
  /** The card a node is drawn on (itself, or its group), with its geometry; undefined when not drawn. */
  card(id: string): { id: string; g: CardGeometry } | undefined;
  /** Direction of the drawn edge between two cards: 1 when it runs a → b, -1 when b → a, 0 when there is none. */
  edgeDir(a: string, b: string): 1 | -1 | 0;
}

const cache = new Map<string, { from: Point; to: Point; samples: Point[] }>();

function same(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01;
}

/** Samples of each drawn hop of a node path; null when fewer than two of its cards are drawn. */
export function routeOf(path: readonly string[], ctx: RouteContext): Point[][] | null {
  const cards: { id: string; g: CardGeometry }[] = [];
  for (const id of path) {
    const c = ctx.card(id);
    if (!c) continue;
    if (cards.length && cards[cards.length - 1].id === c.id) continue;
    cards.push(c);
  }
  if (cards.length < 2) return null;
  const hops: Point[][] = [];
  for (let i = 1; i < cards.length; i++) {
    const a = cards[i - 1];
    const b = cards[i];
    // Along the drawn edge: out of the source's right handle, into the target's left handle. With
    // no edge drawn between them, along the curve such an edge would have (left card to right card).
    let dir = ctx.edgeDir(a.id, b.id);
    if (dir === 0) dir = a.g.box.x <= b.g.box.x ? 1 : -1;
    const reversed = dir === -1;
    const from = reversed ? a.g.left : a.g.right;
    const to = reversed ? b.g.right : b.g.left;
    const key = `${a.id}>${b.id}`;
    const hit = cache.get(key);
    if (hit && same(hit.from, from) && same(hit.to, to)) {
      hops.push(hit.samples);
      continue;
    }
    const samples = hopSamples(from, to, reversed);
    if (cache.size > 5000) cache.clear();
    cache.set(key, { from, to, samples });
    hops.push(samples);
  }
  return hops;
}

/** Position along a route at fraction f (each hop an equal share), and the hop it is on. */
export function alongRoute(hops: readonly Point[][], f: number): { at: Point; hop: number; u: number } {
  const n = hops.length;
  const x = Math.min(Math.max(f, 0), 1) * n;
  const hop = Math.min(n - 1, Math.floor(x));
  const u = x - hop;
  const s = hops[hop];
  const k = u * (s.length - 1);
  const i = Math.min(s.length - 2, Math.floor(k));
  const r = k - i;
  return { at: { x: s[i].x + (s[i + 1].x - s[i].x) * r, y: s[i].y + (s[i + 1].y - s[i].y) * r }, hop, u };
}
