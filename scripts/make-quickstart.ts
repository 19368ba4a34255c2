// Writes fixtures/projects/quickstart.switchboard.json: the project the app opens by default.
// Kept as code so the fixture's intent stays readable; run with `npx tsx scripts/make-quickstart.ts`.
import { writeFileSync } from 'node:fs';

const ref = (path: string) => ({ $ref: path });
const client = (i: number, proxy: number, server?: number) => ({
  id: `client-${i}`, kind: 'client', name: `Player ${i}`, uid: 100 + i, proxy, ...(server !== undefined ? { server } : {}),
  ...(i === 1 ? { playerId: '456' } : {}),
  systems: [{
    namespace: 'clientNamespace', systemName: 'clientSystem',
    rules: [
      { on: 'event', namespace: 'lobbyNamespace', systemName: 'lobbySystem', event: 'PlayerJoinOKEvent',
        actions: [{ call: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'ClientToServiceEvent', eventData: { name: ref('args.name') } } }] },
      { on: 'event', namespace: 'serviceNamespace', systemName: 'serviceSystem', event: 'ServiceToClientEvent', actions: [] },
    ],
  }],
});

const project = {
  format: 'switchboard-project',
  version: 1,
  name: 'Quickstart',
  description: 'A master, two proxies, a lobby, two battle games, two services and four players, with behaviours that use every documented interface.',
  options: { broadcastIncludesSender: true, rpcOwner: 'lowest-id', defaultLatencyMs: 20, defaultJitterMs: 0, defaultLoss: 0, transferMs: 80 },
  nodes: [
    {
      id: 'master', kind: 'master', name: 'Master', serverId: 0, moduleNames: ['master_module'],
      systems: [{
        namespace: 'masterNamespace', systemName: 'masterSystem',
        rules: [
          { on: 'http', path: '/api/service-broadcast-event', actions: [{ call: 'BroadcastToService', args: { eventName: 'MasterBroadcastEvent', eventData: ref('body') } }] },
          { on: 'http', path: '/api/service-event', actions: [{ call: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'MasterEvent', eventData: ref('body') } }] },
          { on: 'http', path: '/api/rank', actions: [{ call: 'RequestToService', args: { module: 'idv_service', event: 'GetRank', eventData: ref('body') } }] },
          { on: 'event', namespace: 'lobbyNamespace', systemName: 'lobbySystem', event: 'PlayerJoinOKEvent',
            actions: [{ call: 'NotifyToServerNode', args: { targetId: 4000, eventName: 'MasterAckEvent', eventData: { uid: ref('args.uid') } } }] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiService', event: 'ServiceEvent', actions: [] },
          { on: 'rpc', register: 'module', module: 'master_module', method: 'RequestMasterEvent', response: { result: 'hello' } },
        ],
      }],
      position: undefined,
    },
    { id: 'proxy-2000', kind: 'proxy', name: 'Proxy 2000', serverId: 2000 },
    { id: 'proxy-2001', kind: 'proxy', name: 'Proxy 2001', serverId: 2001 },
    {
      id: 'lobby-4000', kind: 'lobby', name: 'Lobby', serverId: 4000, type: 'lobby',
      systems: [{
        namespace: 'lobbyNamespace', systemName: 'lobbySystem',
        rules: [
          { on: 'event', namespace: 'clientNamespace', systemName: 'clientSystem', event: 'PlayerJoinEvent',
            actions: [{ call: 'NotifyToClient', args: { targetId: ref('args.__id__'), eventName: 'PlayerJoinOKEvent', eventData: { uid: ref('args.uid'), name: ref('args.name') } } }] },
          { on: 'event', namespace: 'Minecraft', systemName: 'Engine', event: 'AddServerPlayerEvent',
            actions: [{ call: 'NotifyToMaster', args: { eventName: 'PlayerJoinOKEvent', eventData: { uid: ref('args.uid'), playerId: ref('args.id') } } }] },
          { on: 'event', namespace: 'masterNamespace', systemName: 'masterSystem', event: 'MasterAckEvent', actions: [] },
          { on: 'event', namespace: 'serviceNamespace', systemName: 'serviceSystem', event: 'PlayerJoinEvent', actions: [] },
        ],
      }],
    },
    ...[5000, 5001].map((serverId) => ({
      id: `game-${serverId}`, kind: 'game', name: `Battle ${serverId}`, serverId, type: 'battle_game_server_type',
      systems: [{
        namespace: 'gameNamespace', systemName: 'gameSystem',
        rules: [{ on: 'event', namespace: 'serviceNamespace', systemName: 'serviceSystem', event: 'PlayerJoinEvent', actions: [] }],
      }],
    })),
    {
      id: 'service-8000', kind: 'service', name: 'IDV service', serverId: 8000, type: 'idv_service', moduleNames: ['idv_service'],
      systems: [{
        namespace: 'serviceNamespace', systemName: 'serviceSystem',
        rules: [
          { on: 'rpc', register: 'mod', method: 'PlayerJoinOKEvent', response: { result: 1 } },
          { on: 'rpc', register: 'module', module: 'idv_service', method: 'GetRank', response: { rank: 7, uid: ref('args.uid') } },
          { on: 'rpc', register: 'mod', method: 'SlowMethod', respond: 'late', delayMs: 1500, response: { result: 'too late' } },
          { on: 'event', namespace: 'clientNamespace', systemName: 'clientSystem', event: 'ClientToServiceEvent',
            actions: [{ call: 'RemoteNotifyToClient', args: { uid: ref('args.__uid__'), proxyId: ref('args.__neteaseProxyId__'), eventName: 'ServiceToClientEvent', eventData: { name: ref('args.name') } } }] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiMaster', event: 'MasterEvent',
            actions: [{ call: 'NotifyToServerNode', args: { targetId: 4000, eventName: 'PlayerJoinEvent', eventData: ref('args') } }] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiMaster', event: 'MasterBroadcastEvent',
            actions: [{ call: 'BroadcastToServerByType', args: { serverType: 'battle_game_server_type', eventName: 'PlayerJoinEvent', eventData: ref('args') } }] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiDev', event: 'ServerEvent',
            actions: [{ call: 'NotifyToServiceNode', args: { targetId: 8001, eventName: 'ServiceEvent', eventData: ref('args') } }] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiDev', event: 'ServerBroadcastEvent',
            actions: [{ call: 'BroadcastToService', args: { eventName: 'ServiceBroadcastEvent', eventData: ref('args') } }] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiService', event: 'ServiceBroadcastEvent', actions: [] },
        ],
      }],
    },
    {
      id: 'service-8001', kind: 'service', name: 'Rank service', serverId: 8001, type: 'rank_service', moduleNames: ['rank_service'],
      systems: [{
        namespace: 'rankNamespace', systemName: 'rankSystem',
        rules: [
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiService', event: 'ServiceEvent',
            actions: [
              { call: 'NotifyToMaster', args: { eventName: 'ServiceEvent', eventData: ref('args') } },
              { call: 'RequestToService', args: { module: 'master_module', event: 'RequestMasterEvent', eventData: { uid: 123, name: 'nickname' } } },
            ] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiMaster', event: 'MasterBroadcastEvent', actions: [] },
          { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiService', event: 'ServiceBroadcastEvent', actions: [] },
        ],
      }],
    },
    client(1, 2000, 4000),
    client(2, 2000, 4000),
    client(3, 2001, 4000),
    client(4, 2001),
  ],
  links: [
    { a: 'client-1', b: 'proxy-2000', latencyMs: 10 },
    { a: 'client-2', b: 'proxy-2000', latencyMs: 10 },
    { a: 'client-3', b: 'proxy-2001', latencyMs: 15, jitterMs: 5 },
    { a: 'client-4', b: 'proxy-2001', latencyMs: 15, jitterMs: 5 },
  ],
  scenarios: [
    {
      name: 'tour',
      description: 'Every documented interface in about four seconds of virtual time.',
      steps: [
        { at: 100, do: 'call', node: 'client-1', api: 'NotifyToServer', args: { eventName: 'PlayerJoinEvent', eventData: { uid: 101, name: 'nickname' } } },
        { at: 400, do: 'call', node: 'lobby-4000', api: 'RequestToServiceMod', args: { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: { uid: 123, name: 'nickname' }, timeout: 2 } },
        { at: 700, do: 'call', node: 'lobby-4000', api: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'ServerEvent', eventData: { uid: 101 } } },
        { at: 1000, do: 'call', node: 'lobby-4000', api: 'BroadcastToService', args: { eventName: 'ServerBroadcastEvent', eventData: { round: 1 } } },
        { at: 1300, do: 'http', path: '/api/service-broadcast-event', body: '{"notice":"maintenance at 02:00"}' },
        { at: 1600, do: 'http', path: '/api/service-event', body: '{"uid":123,"name":"nickname"}' },
        { at: 1900, do: 'http', path: '/api/rank', body: '{"uid":102}' },
        { at: 2200, do: 'call', node: 'lobby-4000', api: 'RequestToServiceMod', args: { modname: 'idv_service', method: 'SlowMethod', args: { uid: 101 }, timeout: 1 } },
        { at: 2300, do: 'transfer', client: 'client-2', type: 'battle_game_server_type' },
        { at: 2600, do: 'login', client: 'client-4' },
        { at: 2900, do: 'logout', client: 'client-3' },
        { at: 3200, do: 'stop', node: 'service-8001' },
        { at: 3300, do: 'call', node: 'master', api: 'RequestToServiceMod', args: { modname: 'rank_service', method: 'Top10', args: {}, timeout: 0.5 } },
        { at: 4000, do: 'start', node: 'service-8001' },
      ],
    },
    {
      name: 'rpc-timeout',
      description: 'A request to a stopped service times out after exactly its timeout.',
      steps: [
        { at: 0, do: 'stop', node: 'service-8000' },
        { at: 100, do: 'call', node: 'lobby-4000', api: 'RequestToServiceMod', args: { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: { uid: 101 }, timeout: 2 } },
      ],
    },
  ],
};

writeFileSync(new URL('../fixtures/projects/quickstart.switchboard.json', import.meta.url), JSON.stringify(project, null, 2) + '\n');
