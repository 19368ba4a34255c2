// A small valid project for the model's tests (the app's real examples live in fixtures/).
// A function, so each test gets its own copy to break.
import type { ProjectInput } from '../schema';

/** Loosely typed on purpose: tests break it in every way the schema forbids. */
export function sampleProject(): Omit<ProjectInput, 'nodes'> & { nodes: Record<string, unknown>[] } {
  return {
    format: 'switchboard-project',
    version: 1,
    name: 'sample',
    nodes: [
      { id: 'master', kind: 'master', serverId: 0 },
      { id: 'proxy1', kind: 'proxy', serverId: 2000 },
      { id: 'lobby1', kind: 'lobby', serverId: 1000, type: 'lobby' },
      { id: 'game1', kind: 'game', serverId: 1001, type: 'battle_game_server_type' },
      {
        id: 'svc', kind: 'service', serverId: 8000, type: 'idv_service', moduleNames: ['idv'],
        systems: [{
          namespace: 'idv', systemName: 'IdvService',
          rules: [
            { on: 'rpc', register: 'module', module: 'idv', method: 'GetRank', response: { rank: 1 } },
            { on: 'rpc', register: 'mod', method: 'Ping' },
            {
              on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiDev', event: 'Start',
              actions: [{ call: 'BroadcastToServerByType', args: { serverType: 'battle_game_server_type', eventName: 'Go' } }],
            },
          ],
        }],
      },
      {
        id: 'lobby-sys-host', kind: 'lobby', serverId: 1002, type: 'lobby',
        systems: [{
          namespace: 'demo', systemName: 'LobbySystem',
          rules: [{
            on: 'event', namespace: 'demo', systemName: 'ClientSystem', event: 'Hello',
            actions: [{
              call: 'RequestToService', args: { module: 'idv', event: 'GetRank', eventData: { uid: { $ref: 'args.__id__' } } },
              onResult: [{ call: 'NotifyToMaster', args: { eventName: 'Ranked' } }],
            }],
          }],
        }],
      },
      { id: 'c1', kind: 'client', uid: 1, proxy: 2000, server: 1000, playerId: 'p1' },
      { id: 'c2', kind: 'client', uid: 2, proxy: 2000 },
    ],
    links: [{ a: 'c1', b: 'proxy1', latencyMs: 10 }],
    scenarios: [{
      name: 'main',
      steps: [
        { at: 0, do: 'login', client: 'c2' },
        { at: 10, do: 'call', node: 'lobby1', api: 'BroadcastToService', args: { eventName: 'Start' } },
        { at: 20, do: 'transfer', client: 'c1', type: 'battle_game_server_type' },
        { at: 30, do: 'stop', node: 'svc' },
      ],
    }],
  };
}
