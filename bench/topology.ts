// The benchmark topology of issue 2: 1 master, 50 lobby/game, 10 services, 2000 clients.
import { Project, type ProjectInput } from '../core/model/schema';

export const BENCH_SHAPE = { lobbies: 10, games: 40, services: 10, proxies: 10, clients: 2000 };

/** The bench topology; `clients` varies the number of clients only (cost per message vs scale). */
export function benchProject(clients: number = BENCH_SHAPE.clients): Project {
  const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0, systems: [{ namespace: 'masterNamespace', systemName: 'masterSystem' }] }];
  for (let i = 0; i < BENCH_SHAPE.proxies; i++) nodes.push({ id: `proxy-${2000 + i}`, kind: 'proxy', serverId: 2000 + i });
  const servers: number[] = [];
  for (let i = 0; i < BENCH_SHAPE.lobbies; i++) {
    nodes.push({ id: `lobby-${4000 + i}`, kind: 'lobby', serverId: 4000 + i, type: 'lobby', systems: [{ namespace: 'benchNamespace', systemName: 'serverSystem' }] });
    servers.push(4000 + i);
  }
  for (let i = 0; i < BENCH_SHAPE.games; i++) {
    nodes.push({ id: `game-${5000 + i}`, kind: 'game', serverId: 5000 + i, type: 'battle_game_server_type', systems: [{ namespace: 'benchNamespace', systemName: 'serverSystem' }] });
    servers.push(5000 + i);
  }
  for (let i = 0; i < BENCH_SHAPE.services; i++) {
    nodes.push({ id: `service-${8000 + i}`, kind: 'service', serverId: 8000 + i, type: `svc_${i}`, moduleNames: [`module_${i}`], systems: [{ namespace: 'benchNamespace', systemName: 'serviceSystem' }] });
  }
  for (let i = 0; i < clients; i++) {
    nodes.push({
      id: `client-${i}`, kind: 'client', uid: 10000 + i, proxy: 2000 + (i % BENCH_SHAPE.proxies), server: servers[i % servers.length],
      systems: [{ namespace: 'benchNamespace', systemName: 'clientSystem' }],
    });
  }
  return Project.parse({
    format: 'switchboard-project', version: 1, name: 'bench', nodes,
    options: { defaultLatencyMs: 5, defaultJitterMs: 2, defaultLoss: 0, broadcastIncludesSender: true },
  });
}
