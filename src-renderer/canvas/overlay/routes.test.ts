import { describe, expect, it } from 'vitest';
import { alongRoute, routeOf, type CardGeometry, type RouteContext } from './routes';

const card = (x: number, y: number): CardGeometry => ({ left: { x, y: y + 30 }, right: { x: x + 100, y: y + 30 }, box: { x, y, w: 100, h: 60 } });
const cards: Record<string, CardGeometry> = { client: card(0, 0), proxy: card(300, 0), lobby: card(600, 100), group: card(0, 200) };

function ctx(groups: Record<string, string> = {}): RouteContext {
  const dirs: Record<string, 1 | -1> = { 'client|proxy': 1, 'proxy|client': -1, 'proxy|lobby': 1, 'lobby|proxy': -1, 'group|proxy': 1, 'proxy|group': -1 };
  return {
    card: (id) => {
      const cid = groups[id] ?? id;
      return cards[cid] ? { id: cid, g: cards[cid] } : undefined;
    },
    edgeDir: (a, b) => dirs[`${a}|${b}`] ?? 0,
  };
}

describe('routes along drawn edges', () => {
  it('goes out of right handles into left handles, hop by hop', () => {
    const r = routeOf(['client', 'proxy', 'lobby'], ctx())!;
    expect(r).toHaveLength(2);
    expect(r[0][0]).toEqual(cards.client.right);
    expect(r[0].at(-1)).toEqual(cards.proxy.left);
    expect(r[1][0]).toEqual(cards.proxy.right);
    expect(r[1].at(-1)).toEqual(cards.lobby.left);
    // Half way: through the proxy (the dot passes under its card from one handle to the other).
    expect(alongRoute(r, 0.5).at).toEqual(cards.proxy.right);
    expect(alongRoute(r, 0.4999).at.x).toBeCloseTo(cards.proxy.left.x, 0);
  });

  it('walks an edge backwards for a message against its direction', () => {
    const r = routeOf(['lobby', 'proxy'], ctx())!;
    expect(r[0][0]).toEqual(cards.lobby.left);
    expect(r[0].at(-1)).toEqual(cards.proxy.right);
  });

  it('draws a member of a group at the group card, and skips hops inside one card', () => {
    const r = routeOf(['client-7', 'proxy'], ctx({ 'client-7': 'group' }))!;
    expect(r[0][0]).toEqual(cards.group.right);
    expect(routeOf(['client-7', 'client-8'], ctx({ 'client-7': 'group', 'client-8': 'group' }))).toBeNull();
  });

  it('without a drawn edge, curves from the left card to the right one like an edge would', () => {
    const r = routeOf(['client', 'lobby'], ctx())!;
    expect(r[0][0]).toEqual(cards.client.right);
    expect(r[0].at(-1)).toEqual(cards.lobby.left);
  });
});
