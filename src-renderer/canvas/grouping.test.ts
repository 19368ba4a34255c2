import { describe, expect, it } from 'vitest';
import { Project } from '../../core/model/schema';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { networkProject } from '../../bench/network-topology';
import { groupCards, MAX_ROWS } from './grouping';
import { cardEdges, layoutCards, toFlowEdges } from './layout';
import { ROLE_COLUMN } from './roles';

const quickstart = Project.parse(quickstartJson);

describe('grouping a large topology into readable cards', () => {
  it('leaves a small project alone: one card per node, nothing compact', () => {
    const g = groupCards(quickstart);
    expect(g.cards.map((c) => c.id)).toEqual(quickstart.nodes.map((n) => n.id));
    expect(g.compact.size).toBe(0);
  });

  it('folds 2,000 clients per proxy and 40 servers by type; services stay single and compact', () => {
    const p = networkProject();
    const g = groupCards(p);
    const clusters = g.cards.filter((c) => c.cluster).map((c) => c.cluster!);
    const clientGroups = clusters.filter((c) => c.kind === 'client');
    expect(clientGroups.map((c) => c.members.length)).toEqual([500, 500, 500, 500]);
    expect(clientGroups[0]).toMatchObject({ title: '500 clients', subtitle: 'via Proxy 2000' });
    expect(clusters.filter((c) => c.kind !== 'client').map((c) => `${c.title} (${c.subtitle})`).sort()).toEqual(['10 lobby servers (type lobby)', '30 game servers (type battle_game_server_type)']);
    expect(g.cardOf.get('client-1')).toBe(clientGroups[0].id);
    expect(g.cardOf.get('service-8003')).toBe('service-8003');
    // Every column fits at full size except the ten services, drawn compact.
    const perColumn = new Map<number, number>();
    for (const c of g.cards) perColumn.set(ROLE_COLUMN[c.kind], (perColumn.get(ROLE_COLUMN[c.kind]) ?? 0) + 1);
    expect([...perColumn.entries()].filter(([, n]) => n > MAX_ROWS).map(([col]) => col)).toEqual([ROLE_COLUMN.service]);
    expect([...g.compact]).toEqual([ROLE_COLUMN.service]);
    expect(g.cards).toHaveLength(4 + 4 + 2 + 1 + 10);
  });

  it('folds by kind when types alone leave too many cards', () => {
    const p = networkProject({ proxies: 1, lobbies: 0, games: 0, services: 0, clients: 0 });
    const many = Project.parse({ ...p, nodes: [...p.nodes, ...Array.from({ length: 12 }, (_, i) => ({ id: `g${i}`, kind: 'game' as const, serverId: 6000 + i, type: `t${i}` }))] });
    const g = groupCards(many);
    expect(g.cards.filter((c) => c.cluster).map((c) => c.cluster!.title)).toEqual(['12 game servers']);
  });

  it('expands a group: its card stays, its members become compact cards under it', () => {
    const p = networkProject({ proxies: 2, lobbies: 1, games: 1, services: 1, clients: 20 });
    const g0 = groupCards(p);
    const id = g0.cards.find((c) => c.cluster?.kind === 'client')!.id;
    const g = groupCards(p, new Set([id]));
    const members = g.cards.filter((c) => c.parent === id);
    expect(members).toHaveLength(10);
    expect(g.cardOf.get(members[0].id)).toBe(members[0].id);
    const pos = layoutCards(g);
    // Clients open to the left of their group card; no other card moved.
    expect(pos.get(members[0].id)!.x).toBeLessThan(pos.get(id)!.x);
    const before = layoutCards(g0);
    for (const c of g0.cards) expect(pos.get(c.id)).toEqual(before.get(c.id));
  });

  it('draws member edges once between the cards that show them', () => {
    const p = networkProject();
    const g = groupCards(p);
    const edges = cardEdges(toFlowEdges(p), g.cardOf);
    const pairs = edges.map((e) => [e.source, e.target].sort().join('|'));
    expect(new Set(pairs).size).toBe(edges.length);
    expect(edges.every((e) => e.source !== e.target)).toBe(true);
    // 2,000 client edges become one per client group.
    expect(edges.filter((e) => e.source.startsWith('group:clients') || e.target.startsWith('group:clients'))).toHaveLength(4);
    expect(edges.length).toBeLessThan(200);
  });
});
