// The engine's answers to the `call` messages of Python mods (python/PROTOCOL.md "call APIs"):
// identity and state the engine owns, read from its topology and player state. One table: a name
// that is not in it answers an error (the shim then reports it as a stub). Answers follow the
// documented return values: unknown players and servers give None / "" / 0 / False, never an error.
import type { Engine } from '../engine/engine';
import { isServer, type NodeRt } from '../engine/runtime';

export type QueryAnswer = { value: unknown } | { error: string };
type Query = (engine: Engine, node: NodeRt, args: readonly unknown[]) => unknown;

/** An integer argument (Python int, or long sent as bigint), NaN when it is none. */
function int(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
  return NaN;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function playerOn(node: NodeRt, playerId: unknown): NodeRt | undefined {
  const id = str(playerId);
  return id === undefined ? undefined : node.players.get(id);
}

function client(engine: Engine, uid: unknown): NodeRt | undefined {
  return engine.topo.clientsByUid.get(int(uid));
}

/** Logged in: on a server, or between two in a transfer. */
function online(c: NodeRt): boolean {
  return c.server !== null || c.inTransfer;
}

function onlineInfo(engine: Engine, uid: unknown): Record<string, unknown> {
  const c = client(engine, uid);
  const on = c !== undefined && online(c);
  return {
    uid: typeof uid === 'bigint' ? uid : int(uid),
    serverId: on && c.server ? c.server.serverId : null,
    proxyId: on && c.proxy ? c.proxy.serverId : null,
  };
}

function serverById(engine: Engine, id: unknown): NodeRt | undefined {
  return engine.topo.byServerId.get(int(id));
}

/** The server's type as GetServerType answers it: its `type`, else its kind (master). */
function typeOf(n: NodeRt): string {
  return n.type ?? n.kind;
}

function onlineNum(engine: Engine, n: NodeRt): number {
  if (isServer(n)) return n.players.size;
  if (n.kind === 'proxy') return engine.topo.nodes.filter((c) => c.kind === 'client' && c.proxy === n && online(c)).length;
  return 0;
}

/** Folder names of a node's mods (what deploy.json's `mods` lists). */
function modNames(n: NodeRt): string[] {
  return (n.spec.mods ?? []).map((p) => p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? p);
}

function serverEntry(n: NodeRt): Record<string, unknown> {
  return {
    serverid: n.serverId,
    type: typeOf(n),
    app_type: n.kind,
    ip: '127.0.0.1',
    mods: modNames(n).join(','),
    ...(n.kind === 'service' ? { module_names: [...(n.spec.moduleNames ?? [])] } : {}),
  };
}

/**
 * GetCommonConfig: the network as netgame_common.json describes it — serverlist (proxy, lobby, game),
 * servicelist, master — and the databases the storage fakes stand for (their values are placeholders).
 */
function commonConfig(engine: Engine): Record<string, unknown> {
  const { nodes, master } = engine.topo;
  const sorted = [...nodes].filter((n) => !Number.isNaN(n.serverId)).sort((a, b) => a.serverId - b.serverId);
  return {
    serverlist: sorted.filter((n) => n.kind === 'proxy' || isServer(n)).map(serverEntry),
    servicelist: sorted.filter((n) => n.kind === 'service').map(serverEntry),
    master: master ? serverEntry(master) : null,
    log_debug_level: true,
    mysql: { host: '127.0.0.1', port: 3306, user: 'switchboard', password: '', database: 'switchboard' },
    redis: { host: '127.0.0.1', port: 6379, password: '' },
    mongo: null,
  };
}

function idsOfType(engine: Engine, type: unknown): number[] {
  const t = str(type);
  return t === undefined ? [] : (engine.topo.serversByType.get(t) ?? []).map((n) => n.serverId);
}

function statusTable(engine: Engine, kinds: (n: NodeRt) => boolean, status: (n: NodeRt) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of engine.topo.nodes) if (kinds(n) && !Number.isNaN(n.serverId)) out[String(n.serverId)] = status(n);
  return out;
}

const lobbyGameOrProxy = (n: NodeRt): boolean => isServer(n) || n.kind === 'proxy';

const QUERIES = new Map<string, Query>([
  // identity of the asking node
  ['GetServerId', (_e, n) => (Number.isNaN(n.serverId) ? null : n.serverId)],
  ['GetServerType', (e, n, a) => {
    if (a.length === 0) return typeOf(n);
    const target = serverById(e, a[0]); // service.serverManager.GetServerType(serverId)
    return target ? typeOf(target) : '';
  }],
  ['GetLocalPlayerId', (_e, n) => n.playerId],
  ['GetServiceConfig', (_e, n) => (n.kind === 'service' ? serverEntry(n) : {})],
  ['GetCommonConfig', (e) => commonConfig(e)],
  // players on this lobby/game
  ['GetPlayerList', (_e, n) => [...n.players.keys()]],
  ['GetOnlinePlayerNum', (_e, n) => n.players.size],
  ['GetPlayerUid', (_e, n, a) => playerOn(n, a[0])?.uid ?? null],
  ['GetPlayerIdByUid', (e, n, a) => {
    const c = client(e, a[0]);
    return c && c.server === n && c.playerId !== null ? c.playerId : '';
  }],
  ['GetPlayerNickname', (_e, n, a) => {
    const c = playerOn(n, a[0]);
    return c ? (c.spec.name ?? c.id) : '';
  }],
  ['GetConnectingProxyIdOfPlayer', (_e, n, a) => playerOn(n, a[0])?.proxy?.serverId ?? null],
  // players anywhere
  ['GetOnlineServerInfoOfPlayer', (e, _n, a) => onlineInfo(e, a[0])],
  ['GetOnlineServerInfoOfMultiPlayers', (e, _n, a) => (Array.isArray(a[0]) ? a[0].map((uid) => onlineInfo(e, uid)) : [])],
  ['GetServerIdByUid', (e, _n, a) => client(e, a[0])?.server?.serverId ?? null],
  ['GetOnlineUidList', (e) => e.topo.nodes.filter((c) => c.kind === 'client' && online(c)).map((c) => c.uid).sort((x, y) => x - y)],
  ['GetTotalOnlineNum', (e) => e.topo.nodes.filter((c) => c.kind === 'client' && online(c)).length],
  // servers
  ['GetGameTypeByServerId', (e, _n, a) => {
    const s = serverById(e, a[0]);
    return s && lobbyGameOrProxy(s) ? typeOf(s) : null;
  }],
  ['GetServerIdsByGameType', (e, _n, a) => idsOfType(e, a[0])],
  ['GetServerIdsByServerType', (e, _n, a) => idsOfType(e, a[0])],
  ['IsService', (e, _n, a) => serverById(e, a[0])?.kind === 'service'],
  ['GetConnectedLobbyAndGameIds', (e) => e.topo.servers.filter((s) => s.up).map((s) => s.serverId)],
  ['GetOnlineNumByServerId', (e, _n, a) => {
    const s = serverById(e, a[0]);
    return s ? onlineNum(e, s) : 0;
  }],
  ['GetOnlineNumByServerType', (e, _n, a) => e.topo.nodes.filter((s) => lobbyGameOrProxy(s) && s.type === str(a[0])).reduce((sum, s) => sum + onlineNum(e, s), 0)],
  ['IsConnectedServer', (e, _n, a) => {
    const s = serverById(e, a[0]);
    return s !== undefined && lobbyGameOrProxy(s) && s.up;
  }],
  ['IsValidServer', (e, _n, a) => {
    const s = serverById(e, a[0]);
    return s !== undefined && lobbyGameOrProxy(s) && s.up;
  }],
  // master.serverManager: 2 = connected (serving), 1 = disconnected
  ['GetOneServerStatus', (e, _n, a) => (serverById(e, a[0])?.up ? 2 : 1)],
  ['GetAllServerStatus', (e) => statusTable(e, lobbyGameOrProxy, (n) => (n.up ? 2 : 1))],
  ['GetAllServersOnlineNum', (e) => statusTable(e, lobbyGameOrProxy, (n) => onlineNum(e, n))],
  // service.serverManager: 1 = serving, 4 = listed but not connected
  ['GetServersStatus', (e) => statusTable(e, isServer, (n) => (n.up ? 1 : 4))],
  ['CheckMasterExist', (e) => e.topo.master?.up ?? false],
  ['IsServiceConnected', (e, _n, a) => {
    const s = serverById(e, a[0]);
    return s !== undefined && s.kind === 'service' && s.up;
  }],
  ['GetServerLoadedModsById', (e, _n, a) => {
    const s = serverById(e, a[0]);
    return s ? modNames(s) : [];
  }],
  ['GetServerLoadedModsByType', (e, _n, a) => {
    const s = e.topo.nodes.find((x) => x.type === str(a[0]));
    return s ? modNames(s) : [];
  }],
]);

/** The names the engine answers (what the shim may `call`). */
export const QUERY_NAMES: readonly string[] = [...QUERIES.keys()];

export function answerQuery(engine: Engine, node: NodeRt, api: string, args: readonly unknown[]): QueryAnswer {
  const query = QUERIES.get(api);
  if (!query) return { error: `${api} is not simulated` };
  return { value: query(engine, node, args) ?? null };
}
