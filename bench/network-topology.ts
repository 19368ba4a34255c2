// A real-sized Apollo network for the canvas (issue 10): 1 master, 4 proxies, 10 lobbies and 30
// game servers of one type, 10 services and 2,000 clients spread over the proxies. Used by the
// canvas bench and the browser test that checks the 2,000-client project fits readably.
import { Project, type ProjectInput } from '../core/model/schema';

export const NETWORK_SHAPE = { proxies: 4, lobbies: 10, games: 30, services: 10, clients: 2000 };

export function networkProject(shape = NETWORK_SHAPE, opts: { latencyMs?: number } = {}): Project {
  const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0, name: 'Master' }];
  for (let i = 0; i < shape.proxies; i++) nodes.push({ id: `proxy-${2000 + i}`, kind: 'proxy', serverId: 2000 + i, name: `Proxy ${2000 + i}` });
  const servers: number[] = [];
  for (let i = 0; i < shape.lobbies; i++) {
    nodes.push({ id: `lobby-${4000 + i}`, kind: 'lobby', serverId: 4000 + i, type: 'lobby', name: `Lobby ${4000 + i}` });
    servers.push(4000 + i);
  }
  for (let i = 0; i < shape.games; i++) {
    nodes.push({ id: `game-${5000 + i}`, kind: 'game', serverId: 5000 + i, type: 'battle_game_server_type', name: `Battle ${5000 + i}` });
    servers.push(5000 + i);
  }
  const services = ['idv', 'rank', 'mail', 'friend', 'guild', 'shop', 'chat', 'match', 'pay', 'log'];
  for (let i = 0; i < shape.services; i++) {
    const s = services[i % services.length] + (i >= services.length ? `_${i}` : '');
    nodes.push({ id: `service-${8000 + i}`, kind: 'service', serverId: 8000 + i, type: `${s}_service`, moduleNames: [`${s}_module`], name: `${s[0].toUpperCase()}${s.slice(1)} service` });
  }
  for (let i = 0; i < shape.clients; i++) {
    nodes.push({ id: `client-${i + 1}`, kind: 'client', uid: 100000 + i, proxy: 2000 + (i % shape.proxies), server: servers[i % servers.length], name: `Player ${i + 1}` });
  }
  return Project.parse({ format: 'switchboard-project', version: 1, name: 'Apollo network (2,000 clients)', nodes, options: { defaultLatencyMs: opts.latencyMs ?? 20 } });
}
