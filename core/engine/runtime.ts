// Run-time state of each node and the lookups routing needs (serverId → node, type → servers,
// module → owners, uid → client), built once from a validated project.
import type { NodeKind, NodeSpec, Project } from '../model/schema';

export type Handler = (...args: any[]) => unknown;

export interface Listener {
  fn: Handler;
  instance: unknown;
  priority: number;
  /** Listener system identity, interned "ns\u0000sys" in the recorder. */
  sysId: number;
  order: number;
}

/**
 * A node's listeners by key: a Map that counts its changes, so the engine can keep the node's last
 * lookup (a node mostly hears one event) and know when it is stale. Lists are changed in place or
 * replaced through `set`; both keep the cache right.
 */
export class ListenerMap extends Map<string, Listener[]> {
  version = 0;
  override set(key: string, list: Listener[]): this {
    this.version++;
    return super.set(key, list);
  }
  override delete(key: string): boolean {
    this.version++;
    return super.delete(key);
  }
  override clear(): void {
    this.version++;
    super.clear();
  }
}

export interface RpcHandler {
  fn: Handler;
  instance: unknown;
  sysId: number;
}

/** One mod system running on a node: its identity as a sender, and the object user code sees. */
export interface SystemRt {
  node: NodeRt;
  namespace: string;
  systemName: string;
  /** Interned "ns\u0000sys" in the recorder. */
  sysId: number;
  instance: unknown;
  /** event → listen key with this system as sender (keys are reused so their hashes are cached). */
  keys: Map<string, string>;
  /** Engine cache: event name → its listen keys with this system as sender, and its interned id. */
  sends?: Map<string, { key: string; eventId: number; extra: string | null }>;
  /** Engine cache: the event of this system's last send and its entry of `sends` (a system mostly sends one event). */
  lastSendEvent?: string;
  lastSend?: { key: string; eventId: number; extra: string | null };
  /** Engine cache: request target → event → its RPC keys (RequestToService, RequestToServiceMod). */
  rpcKeys?: Map<string, Map<string, [string, string]>>;
  /** Systems whose methods live outside JS (Python mods): run one by name (scenario `invoke` steps). */
  invokeMethod?: (method: string, args: unknown[]) => void;
}

export interface NodeRt {
  idx: number;
  /** idx + 1: the recorder's reference to this node. */
  ref: number;
  id: string;
  kind: NodeKind;
  spec: NodeSpec;
  serverId: number;
  type: string | undefined;
  up: boolean;
  /** Listeners by "ns\u0000sys\u0000event". */
  listeners: ListenerMap;
  /** The engine's last listener lookup on this node (valid while `listeners.version` is unchanged). */
  heardKey: string | null;
  heardList: Listener[] | undefined;
  heardVersion: number;
  /** RPC methods by "module\u0000event" (RegisterRpcMethod) or "type\u0000method" (ForMod). */
  rpcMethods: Map<string, RpcHandler>;
  httpRoutes: Map<string, RpcHandler>;
  systems: SystemRt[];
  // requester side of RPCs
  nextCallbackId: number;
  /** callbackId → rpc id, for every request this node ever sent (unknown ids are a misuse). */
  callbacks: number[];
  // clients
  uid: number;
  proxy: NodeRt | null;
  server: NodeRt | null;
  playerId: string | null;
  inTransfer: boolean;
  joins: number;
  // lobby/game
  players: Map<string, NodeRt>;
  /** playerIds of players that left by a transfer still in progress (NotifyToClient drops `in-transfer`). */
  departed: Map<string, NodeRt>;
  nextPlayerNo: number;
}

export interface Topology {
  nodes: NodeRt[];
  byId: Map<string, NodeRt>;
  byServerId: Map<number, NodeRt>;
  master: NodeRt | null;
  /** lobby and game nodes by serverId order. */
  servers: NodeRt[];
  services: NodeRt[];
  serversByType: Map<string, NodeRt[]>;
  /** Owners by service type (RequestToServiceMod), sorted by serverId. */
  ownersByType: Map<string, NodeRt[]>;
  /** Owners by module (RequestToService): services and the master, sorted by serverId. */
  ownersByModule: Map<string, NodeRt[]>;
  clientsByUid: Map<number, NodeRt>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function buildTopology(project: Project): Topology {
  const nodes: NodeRt[] = project.nodes.map((spec, idx) => ({
    idx,
    ref: idx + 1,
    id: spec.id,
    kind: spec.kind,
    spec,
    serverId: spec.serverId ?? (spec.kind === 'master' ? 0 : NaN),
    type: spec.type,
    up: true,
    listeners: new ListenerMap(),
    heardKey: null,
    heardList: undefined,
    heardVersion: -1,
    rpcMethods: new Map(),
    httpRoutes: new Map(),
    systems: [],
    nextCallbackId: 1,
    callbacks: [],
    uid: spec.uid ?? NaN,
    proxy: null,
    server: null,
    playerId: null,
    inTransfer: false,
    joins: 0,
    players: new Map(),
    departed: new Map(),
    nextPlayerNo: 1,
  }));
  const topo: Topology = {
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    byServerId: new Map(),
    master: null,
    servers: [],
    services: [],
    serversByType: new Map(),
    ownersByType: new Map(),
    ownersByModule: new Map(),
    clientsByUid: new Map(),
  };
  const byServer = [...nodes].filter((n) => !Number.isNaN(n.serverId)).sort((a, b) => a.serverId - b.serverId);
  for (const n of byServer) {
    topo.byServerId.set(n.serverId, n);
    if (n.kind === 'master') topo.master = n;
    if (n.kind === 'lobby' || n.kind === 'game') {
      topo.servers.push(n);
      if (n.type) push(topo.serversByType, n.type, n);
    }
    if (n.kind === 'service') {
      topo.services.push(n);
      if (n.type) push(topo.ownersByType, n.type, n);
    }
    if (n.kind === 'service' || n.kind === 'master') {
      for (const m of n.spec.moduleNames ?? []) push(topo.ownersByModule, m, n);
    }
  }
  for (const n of nodes) {
    if (n.kind !== 'client') continue;
    topo.clientsByUid.set(n.uid, n);
    const proxy = n.spec.proxy !== undefined ? topo.byServerId.get(n.spec.proxy) : undefined;
    n.proxy = proxy && proxy.kind === 'proxy' ? proxy : null;
  }
  return topo;
}

export function isServer(n: NodeRt): boolean {
  return n.kind === 'lobby' || n.kind === 'game';
}

export function listenKey(ns: string, sys: string, event: string): string {
  return ns + '\u0000' + sys + '\u0000' + event;
}
