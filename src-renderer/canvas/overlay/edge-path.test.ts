import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { alongSamples, cubicAt, edgeBezier, hopSamples, sampleEvenly } from './edge-path';

describe('messages follow the drawn edge', () => {
  it('uses the same bezier React Flow draws (source right, target left), forwards and backwards', () => {
    for (const [s, t] of [
      [{ x: 0, y: 0 }, { x: 300, y: 120 }],
      [{ x: 400, y: 50 }, { x: 100, y: 300 }],
    ]) {
      const [path] = getBezierPath({ sourceX: s.x, sourceY: s.y, sourcePosition: Position.Right, targetX: t.x, targetY: t.y, targetPosition: Position.Left });
      const n = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
      const c = edgeBezier(s, t);
      expect([c.p0.x, c.p0.y, c.p1.x, c.p1.y, c.p2.x, c.p2.y, c.p3.x, c.p3.y].map((v) => Math.round(v * 100) / 100)).toEqual(n.map((v) => Math.round(v * 100) / 100));
    }
  });

  it('samples evenly by arc length, so a message keeps an even pace along the curve', () => {
    const c = edgeBezier({ x: 0, y: 0 }, { x: 300, y: 200 });
    const s = sampleEvenly(c);
    const steps = s.slice(1).map((p, i) => Math.hypot(p.x - s[i].x, p.y - s[i].y));
    expect(Math.max(...steps) / Math.min(...steps)).toBeLessThan(1.05);
    expect(s[0]).toEqual(cubicAt(c, 0));
    expect(s.at(-1)).toEqual(cubicAt(c, 1));
  });

  it('walks an edge backwards for a message going from its target to its source', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 200, y: 100 };
    const back = hopSamples(b, a, true);
    expect(back[0]).toEqual(b);
    expect(back.at(-1)).toEqual(a);
    expect(alongSamples(back, 0.5)).toEqual(alongSamples(hopSamples(a, b, false), 0.5));
  });
});
