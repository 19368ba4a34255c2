// The node "kind" the tours group prediction choices by: same answers as the regex it replaced,
// in linear time (the regex cost a second per 30k-digit node id, and ran once per node).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/trace/event';
import { nodeKindOf, nodeOptions } from './tour-engine';

describe('nodeKindOf', () => {
  it('drops the trailing number and its separator, exactly as /[-_]?\\d+$/ did', () => {
    expect(nodeKindOf('client-12')).toBe('client');
    expect(nodeKindOf('lobby_4000')).toBe('lobby');
    expect(nodeKindOf('master')).toBe('master');
    expect(nodeKindOf('a1-2')).toBe('a1');
    fc.assert(fc.property(fc.stringMatching(/^[a-c0-9_-]{0,12}$/), (id) => {
        expect(nodeKindOf(id)).toBe(id.replace(/[-_]?\d+$/, ''));
      }),
    );
  });

  it('takes no time on a hostile id of 30,000 digits among many nodes', () => {
    const hostile = `x${'1'.repeat(30_000)}y`;
    const nodes = Array.from({ length: 50 }, (_, i) => (i % 2 ? hostile : `client-${i}`));
    const t0 = performance.now();
    const options = nodeOptions('client-2', { seq: 1, t: 0, type: 'send', from: hostile } as TraceEvent, nodes);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(options.filter((o) => o.correct)).toEqual([{ label: 'client-2', correct: true }]);
  });
});
