import { describe, expect, it } from 'vitest';
import type { NodeSpec } from '../../core/model/schema';
import { searchNodes } from './search';

const nodes: NodeSpec[] = [
  { id: 'service-8000', kind: 'service', name: 'Rank', serverId: 8000, systems: [] },
  { id: 'lobby-4000', kind: 'lobby', name: 'Lobby', serverId: 4000, systems: [] },
  { id: 'master', kind: 'master', name: 'Master', serverId: 0, systems: [] },
];

describe('find a node', () => {
  it('ranks exact, then prefix, then substring matches over id, name and serverId', () => {
    expect(searchNodes(nodes, 'master').map((n) => n.id)).toEqual(['master']);
    expect(searchNodes(nodes, '4000').map((n) => n.id)).toEqual(['lobby-4000']);
    expect(searchNodes(nodes, 'rank').map((n) => n.id)).toEqual(['service-8000']);
    expect(searchNodes(nodes, '0').map((n) => n.id)).toEqual(['master', 'service-8000', 'lobby-4000']);
    expect(searchNodes(nodes, 'zzz')).toEqual([]);
  });
});
