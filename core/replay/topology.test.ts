import { describe, expect, it } from 'vitest';
import { compareNodes, inferTopology } from './topology';
import { sampleHeader, sampleTrace, SAMPLE_NODES } from './testing/sample-trace';

const ev = sampleTrace();

describe('inferTopology', () => {
  it('takes the header nodes when the header has them, in role order', () => {
    const nodes = inferTopology(ev, sampleHeader());
    expect(nodes.map((n) => n.id)).toEqual(['client-1', 'client-2', 'proxy-2000', 'lobby-4000', 'game-5000', 'master-0', 'service-8000', 'service-8001']);
    expect(nodes.every((n) => n.source === 'header')).toBe(true);
    expect(nodes.find((n) => n.id === 'game-5000')).toMatchObject({ kind: 'game', serverId: 5000, type: 'battle_game_server_type' });
  });

  it('infers every kind from the events alone, even with names that say nothing', () => {
    const rename = new Map(SAMPLE_NODES.map((n, i) => [n.id, `n${i}`]));
    const r = (s: string | undefined) => (s === undefined ? s : (rename.get(s) ?? s));
    const anon = ev.map((e) => ({ ...e, from: r(e.from), to: r(e.to), at: r(e.at), targets: e.targets?.map((t) => r(t)!), path: e.path?.map((t) => r(t)!) }));
    for (const e of anon) for (const k of ['from', 'to', 'at', 'targets', 'path'] as const) if (e[k] === undefined) delete e[k];
    const nodes = inferTopology(anon);
    const kindOf = (orig: string) => nodes.find((n) => n.id === rename.get(orig))?.kind;
    expect(kindOf('client-1')).toBe('client');
    expect(kindOf('client-2')).toBe('client');
    expect(kindOf('proxy-2000')).toBe('proxy');
    expect(['lobby', 'game']).toContain(kindOf('lobby-4000'));
    expect(['lobby', 'game']).toContain(kindOf('game-5000'));
    expect(kindOf('master-0')).toBe('master');
    expect(kindOf('service-8000')).toBe('service');
    expect(kindOf('service-8001')).toBe('service');
    expect(nodes.find((n) => n.id === rename.get('lobby-4000'))?.serverId).toBe(4000);
    expect(nodes.every((n) => n.source === 'events')).toBe(true);
  });

  it('adds nodes the header lacks only when asked to scan', () => {
    const h = { ...sampleHeader(), nodes: sampleHeader().nodes!.filter((n) => n.id !== 'master-0') };
    expect(inferTopology(ev, h).some((n) => n.id === 'master-0')).toBe(false);
    expect(inferTopology(ev, h, { scanEvents: true }).find((n) => n.id === 'master-0')).toMatchObject({ kind: 'master', source: 'events', serverId: 0 });
  });

  it('uses names to split lobby from game, and numbers in ids as serverIds', () => {
    const nodes = inferTopology(ev);
    expect(nodes.find((n) => n.id === 'game-5000')).toMatchObject({ kind: 'game', serverId: 5000 });
    expect(nodes.find((n) => n.id === 'lobby-4000')).toMatchObject({ kind: 'lobby', serverId: 4000 });
    expect(nodes.find((n) => n.id === 'master-0')).toMatchObject({ kind: 'master', serverId: 0 });
    expect([...nodes].sort(compareNodes)).toEqual(nodes);
  });
});
