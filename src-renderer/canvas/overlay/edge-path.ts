// The shape of a drawn edge, so a message travels along the line the user sees (React Flow's
// default bezier from the source's right handle to the target's left handle) instead of across
// cards. Points are sampled by arc length, so a message moves at an even pace along a curve. Pure.
import type { Point } from './flights';

export interface Cubic {
  p0: Point;
  p1: Point;
  p2: Point;
  p3: Point;
}

/** React Flow's control offset (@xyflow/system calculateControlOffset, curvature 0.25). */
function controlOffset(distance: number, curvature = 0.25): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

/** The bezier React Flow draws from a source handle on the right to a target handle on the left. */
export function edgeBezier(source: Point, target: Point): Cubic {
  return {
    p0: source,
    p1: { x: source.x + controlOffset(target.x - source.x), y: source.y },
    p2: { x: target.x - controlOffset(target.x - source.x), y: target.y },
    p3: target,
  };
}

export function cubicAt(c: Cubic, u: number): Point {
  const v = 1 - u;
  const a = v * v * v;
  const b = 3 * v * v * u;
  const d = 3 * v * u * u;
  const e = u * u * u;
  return { x: a * c.p0.x + b * c.p1.x + d * c.p2.x + e * c.p3.x, y: a * c.p0.y + b * c.p1.y + d * c.p2.y + e * c.p3.y };
}

export const SAMPLES = 20;

/** SAMPLES + 1 points along the curve, evenly spaced by arc length. */
export function sampleEvenly(c: Cubic, n = SAMPLES): Point[] {
  const fine = 4 * n;
  const pts: Point[] = [];
  const len: number[] = [0];
  for (let i = 0; i <= fine; i++) pts.push(cubicAt(c, i / fine));
  for (let i = 1; i <= fine; i++) len.push(len[i - 1] + Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
  const total = len[fine];
  const out: Point[] = [pts[0]];
  let j = 1;
  for (let k = 1; k < n; k++) {
    const want = (total * k) / n;
    while (j < fine && len[j] < want) j++;
    const r = len[j] === len[j - 1] ? 0 : (want - len[j - 1]) / (len[j] - len[j - 1]);
    out.push({ x: pts[j - 1].x + (pts[j].x - pts[j - 1].x) * r, y: pts[j - 1].y + (pts[j].y - pts[j - 1].y) * r });
  }
  out.push(pts[fine]);
  return out;
}

/** A point at fraction f along a polyline of evenly spaced samples. */
export function alongSamples(s: readonly Point[], f: number): Point {
  if (s.length === 0) return { x: 0, y: 0 };
  if (f <= 0) return s[0];
  if (f >= 1) return s[s.length - 1];
  const x = f * (s.length - 1);
  const i = Math.floor(x);
  const r = x - i;
  return { x: s[i].x + (s[i + 1].x - s[i].x) * r, y: s[i].y + (s[i + 1].y - s[i].y) * r };
}

/** The samples of one hop a → b: the drawn edge's curve, walked backwards when the edge runs b → a. */
export function hopSamples(from: Point, to: Point, reversed: boolean): Point[] {
  const s = reversed ? sampleEvenly(edgeBezier(to, from)) : sampleEvenly(edgeBezier(from, to));
  return reversed ? s.reverse() : s;
}
