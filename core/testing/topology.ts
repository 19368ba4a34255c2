// Small projects for tests: a master, proxies, lobby/games, services and clients, by parameters.
import { Project, type ProjectInput } from '../model/schema';

export interface TopologyShape {
  proxies?: number;
  lobbies?: number;
  games?: number;
  gameType?: string;
  services?: { serverId: number; type?: string; modules?: string[] }[];
  clients?: number;
  /** Clients start on the first lobby. */
  loggedIn?: boolean;
  latencyMs?: number;
  jitterMs?: number;
  loss?: number;
}

/** Node ids: master, proxy-2000.., lobby-4000.., game-5000.., service-<id>, client-1.. (uid 100+i). */
export function makeProject(shape: TopologyShape = {}, extra: Partial<ProjectInput> = {}): Project {
  const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0, moduleNames: ['master_module'], systems: [{ namespace: 'masterNamespace', systemName: 'masterSystem' }] }];
  const proxies = shape.proxies ?? 1;
  for (let i = 0; i < proxies; i++) nodes.push({ id: `proxy-${2000 + i}`, kind: 'proxy', serverId: 2000 + i });
  for (let i = 0; i < (shape.lobbies ?? 1); i++) nodes.push({ id: `lobby-${4000 + i}`, kind: 'lobby', serverId: 4000 + i, type: 'lobby', systems: [{ namespace: 'lobbyNamespace', systemName: 'lobbySystem' }] });
  for (let i = 0; i < (shape.games ?? 0); i++) nodes.push({ id: `game-${5000 + i}`, kind: 'game', serverId: 5000 + i, type: shape.gameType ?? 'battle_game_server_type', systems: [{ namespace: 'gameNamespace', systemName: 'gameSystem' }] });
  for (const s of shape.services ?? [{ serverId: 8000, type: 'idv_service', modules: ['idv_service'] }]) {
    nodes.push({ id: `service-${s.serverId}`, kind: 'service', serverId: s.serverId, type: s.type, moduleNames: s.modules ?? [], systems: [{ namespace: 'serviceNamespace', systemName: 'serviceSystem' }] });
  }
  for (let i = 1; i <= (shape.clients ?? 1); i++) {
    nodes.push({
      id: `client-${i}`, kind: 'client', uid: 100 + i, proxy: 2000 + ((i - 1) % proxies),
      ...(shape.loggedIn === false ? {} : { server: 4000 }),
      systems: [{ namespace: 'clientNamespace', systemName: 'clientSystem' }],
    });
  }
  return Project.parse({
    format: 'switchboard-project', version: 1, name: 'test', nodes,
    options: { defaultLatencyMs: shape.latencyMs ?? 5, defaultJitterMs: shape.jitterMs ?? 0, defaultLoss: shape.loss ?? 0 },
    ...extra,
  });
}
