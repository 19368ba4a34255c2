// The nodes the reference's examples talk about, with no behaviour: a test registers the
// example's mod classes on them (sim.registerSystem) and drives them by hand.
//   master 0 (module master_module), proxy 2000, lobby 4000 (type lobby), games 5000 and 5001
//   (type battle_game_server_type), service 8000 (type/module idv_service), service 8001
//   (type/module rank_service), and the example's player: uid 123, playerId '456' on lobby 4000
//   through proxy 2000. Every link takes `latencyMs` (default 5).
import { Project } from '../model/schema';

export function referenceTopology(latencyMs = 5): Project {
  return Project.parse({
    format: 'switchboard-project',
    version: 1,
    name: 'reference topology',
    options: { defaultLatencyMs: latencyMs },
    nodes: [
      { id: 'master', kind: 'master', serverId: 0, moduleNames: ['master_module'] },
      { id: 'proxy-2000', kind: 'proxy', serverId: 2000 },
      { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' },
      { id: 'game-5000', kind: 'game', serverId: 5000, type: 'battle_game_server_type' },
      { id: 'game-5001', kind: 'game', serverId: 5001, type: 'battle_game_server_type' },
      { id: 'service-8000', kind: 'service', serverId: 8000, type: 'idv_service', moduleNames: ['idv_service'] },
      { id: 'service-8001', kind: 'service', serverId: 8001, type: 'rank_service', moduleNames: ['rank_service'] },
      { id: 'client-123', kind: 'client', uid: 123, proxy: 2000, server: 4000, playerId: '456' },
    ],
  });
}
