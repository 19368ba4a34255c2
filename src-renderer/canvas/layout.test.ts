import { describe, expect, it } from 'vitest';
import { Project } from '../../core/model/schema';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { COLUMN_WIDTH, layoutPositions, toFlowEdges, toFlowNodes } from './layout';

// A JSON import, not node:fs: renderer code (tests included) stays free of Node modules.
const quickstart = Project.parse(quickstartJson);

describe('canvas layout', () => {
  it('puts nodes without positions in role columns, left to right', () => {
    const pos = layoutPositions(quickstart.nodes.map((n) => ({ ...n, position: undefined })));
    const col = (id: string) => (pos.get(id)?.x ?? NaN) / COLUMN_WIDTH;
    expect(col('client-1')).toBe(0);
    expect(col('proxy-2000')).toBe(1);
    expect(col('lobby-4000')).toBe(2);
    expect(col('game-5000')).toBe(2);
    expect(col('master')).toBe(3);
    expect(col('service-8000')).toBe(4);
  });

  it('keeps saved positions', () => {
    const nodes = quickstart.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 7, y: 9 } } : n));
    expect(layoutPositions(nodes).get(nodes[0].id)).toEqual({ x: 7, y: 9 });
  });

  it('makes one typed node per spec with left-to-right handles', () => {
    const nodes = toFlowNodes(quickstart);
    expect(nodes).toHaveLength(quickstart.nodes.length);
    expect(nodes.every((n) => 'spec' in n.data && n.type === n.data.spec.kind && n.sourcePosition === 'right' && n.targetPosition === 'left')).toBe(true);
  });

  it('draws links and implied paths once per pair, pointing rightwards', () => {
    const edges = toFlowEdges(quickstart);
    expect(new Set(edges.map((e) => [e.source, e.target].sort().join('|'))).size).toBe(edges.length);
    expect(edges.find((e) => e.source === 'client-1' && e.target === 'proxy-2000')?.id).toMatch(/^link:/);
    expect(edges.some((e) => e.source === 'master' && e.target === 'service-8000')).toBe(true);
  });
});
