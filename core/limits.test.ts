import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTooDeep, formatLimitPath, jsonTooDeep, tooDeepMessage } from './limits';

function nest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Depth of a JSON value by the obvious recursive definition (the oracle; small values only). */
function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('findTooDeep', () => {
  it('finds the path of the first container past the limit, without recursion', () => {
    expect(findTooDeep(nest(5), 5)).toBeUndefined();
    expect(findTooDeep(nest(6), 5)).toHaveLength(5);
    // Deep enough that a recursive walk (or JSON.stringify) overflows the stack.
    const path = findTooDeep(nest(200_000), 100);
    expect(path).toHaveLength(100);
    expect(formatLimitPath(path!.slice(0, 3))).toBe('$[0].a[0]');
  });

  it('agrees with the recursive definition of depth (both checks)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 10 }), (v, limit) => {
        expect(findTooDeep(v, limit) !== undefined).toBe(depthOf(v) > limit);
        expect(jsonTooDeep(v, limit)).toBe(depthOf(v) > limit);
      }),
    );
    expect(jsonTooDeep(nest(200_000), 100)).toBe(true);
  });

  it('refuses cycles, and walks shared parts (structured clone keeps them) without blowing up', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(findTooDeep(a, 1000)).toEqual(new Array(1000).fill('self'));
    // Each level shares one child twice: a naive walk would visit 2^60 nodes.
    let shared: unknown = {};
    for (let i = 0; i < 60; i++) shared = { x: shared, y: shared };
    expect(findTooDeep(shared, 1000)).toBeUndefined();
    expect(findTooDeep(shared, 59)).toHaveLength(59);
  });

  it('names the limit and the place in its message', () => {
    expect(tooDeepMessage('session.apply params', 256, ['step', 'args', 'x', 'a'])).toBe(
      'session.apply params is nested deeper than 256 levels (the limit), or is circular, at $.step.args.x.a',
    );
  });
});
