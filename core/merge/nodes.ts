// The nodes of a merged trace: one per recorded server (from its header lines), plus the peers
// the recordings name but did not record (clients, proxies, servers without the recorder). Ids
// follow the project convention (`lobby-4000`, `service-8000`, `master`, `client-101`).
import { EXTRA_API_NAMESPACE, ENGINE_NAMESPACE, ENGINE_SYSTEM } from '../api/interfaces';
import type { NodeKind } from '../model/schema';
import type { RecordingServer, RecordTarget } from './recording';

export interface MergeNode {
  id: string;
  kind: NodeKind;
  serverId?: number;
  type?: string;
  modules?: string[];
  name: string;
  /** A recorder ran on it (at least one segment). */
  recorded: boolean;
}

export function serverNodeId(kind: string, serverId: number): string {
  return kind === 'master' ? 'master' : `${kind}-${serverId}`;
}

/** The (namespace, systemName) a receiver listens to for a message (semantics §2): the sender's own, or a NeteaseExtraApi pair. */
export function listenPair(senderKind: string, api: string, ns: string | undefined, sys: string | undefined): [string | undefined, string | undefined] {
  const extra = (name: string): [string, string] => [EXTRA_API_NAMESPACE, name];
  if (api === 'NotifyToMaster' && senderKind === 'service') return extra('extraApiService');
  if (api === 'NotifyToServiceNode' || api === 'BroadcastToService') {
    if (senderKind === 'master') return extra('extraApiMaster');
    if (senderKind === 'lobby' || senderKind === 'game') return extra('extraApiDev');
    if (senderKind === 'service') return extra('extraApiService');
  }
  return [ns, sys];
}

export function isEnginePair(ns: string | undefined, sys: string | undefined): boolean {
  return ns === ENGINE_NAMESPACE && sys === ENGINE_SYSTEM;
}

export function pairKey(ns: string | undefined, sys: string | undefined): string {
  return `${ns ?? ''}\u0000${sys ?? ''}`;
}

const KIND_TITLE: Record<string, string> = { lobby: 'Lobby', game: 'Game', master: 'Master', service: 'Service', client: 'Client', proxy: 'Proxy' };

export class NodeTable {
  private readonly byId = new Map<string, MergeNode>();
  private readonly byServerId = new Map<number, MergeNode>();
  /** playerId -> {uid, proxyId}, per server node id (learned from AddServerPlayerEvent payloads). */
  private readonly players = new Map<string, Map<string, { uid?: number; proxyId?: number }>>();

  /** A recorded server; the first header for a serverId wins. */
  addRecorded(s: RecordingServer): MergeNode {
    const existing = this.byServerId.get(s.serverId);
    if (existing) {
      if (!existing.recorded) {
        // Named earlier as an unrecorded peer: its header knows better.
        this.byId.delete(existing.id);
        const node = this.recordedNode(s);
        this.byServerId.set(s.serverId, node);
        this.byId.set(node.id, node);
        return node;
      }
      if (s.type !== undefined && existing.type === undefined) existing.type = s.type;
      if (s.modules && !existing.modules) existing.modules = s.modules;
      return existing;
    }
    const node = this.recordedNode(s);
    this.byServerId.set(s.serverId, node);
    this.byId.set(node.id, node);
    return node;
  }

  private recordedNode(s: RecordingServer): MergeNode {
    const id = serverNodeId(s.kind, s.serverId);
    return {
      id, kind: s.kind, serverId: s.serverId, name: s.kind === 'master' ? 'Master' : `${KIND_TITLE[s.kind]} ${s.serverId}`, recorded: true,
      ...(s.type !== undefined ? { type: s.type } : {}), ...(s.modules ? { modules: s.modules } : {}),
    };
  }

  get(id: string): MergeNode | undefined {
    return this.byId.get(id);
  }

  byServer(serverId: number): MergeNode | undefined {
    return this.byServerId.get(serverId);
  }

  /** The node with this serverId, created as an unrecorded peer of the given kind if none has it. */
  server(serverId: number, kind: NodeKind): MergeNode {
    const known = this.byServerId.get(serverId);
    if (known) return known;
    if (kind === 'master' || serverId === 0) return this.master();
    const id = kind === 'service' ? `service-${serverId}` : `server-${serverId}`;
    const node: MergeNode = { id, kind, serverId, name: `${kind === 'service' ? 'Service' : 'Server'} ${serverId} (not recorded)`, recorded: false };
    this.byServerId.set(serverId, node);
    this.byId.set(id, node);
    return node;
  }

  master(): MergeNode {
    const known = this.byId.get('master');
    if (known) return known;
    const node: MergeNode = { id: 'master', kind: 'master', serverId: 0, name: 'Master (not recorded)', recorded: false };
    this.byId.set('master', node);
    this.byServerId.set(0, node);
    return node;
  }

  proxy(proxyId: number): MergeNode {
    const id = `proxy-${proxyId}`;
    const known = this.byId.get(id);
    if (known) return known;
    const node: MergeNode = { id, kind: 'proxy', serverId: proxyId, name: `Proxy ${proxyId}`, recorded: false };
    this.byId.set(id, node);
    return node;
  }

  learnPlayer(serverNode: string, playerId: string, uid: number | undefined, proxyId: number | undefined): void {
    let m = this.players.get(serverNode);
    if (!m) this.players.set(serverNode, (m = new Map()));
    const known = m.get(playerId) ?? {};
    m.set(playerId, { uid: uid ?? known.uid, proxyId: proxyId ?? known.proxyId });
  }

  /** What the recordings say about a player on a server. */
  player(serverNode: string, playerId: string): { uid?: number; proxyId?: number } | undefined {
    return this.players.get(serverNode)?.get(playerId);
  }

  /** A client by uid, or by playerId on a server when its uid is unknown. */
  client(uid: number | undefined, playerId?: string, serverNode?: string): MergeNode {
    if (uid === undefined && playerId !== undefined && serverNode !== undefined) uid = this.player(serverNode, playerId)?.uid;
    const id = uid !== undefined ? `client-${uid}` : `client-p${playerId ?? 'unknown'}`;
    const known = this.byId.get(id);
    if (known) return known;
    const node: MergeNode = { id, kind: 'client', name: uid !== undefined ? `Player ${uid}` : `Player ${playerId ?? '?'}`, recorded: false };
    this.byId.set(id, node);
    return node;
  }

  all(): MergeNode[] {
    return [...this.byId.values()];
  }

  recorded(): MergeNode[] {
    return this.all().filter((n) => n.recorded);
  }

  /** The point target of a one-way send (broadcasts have none); created as a peer when not recorded. */
  pointTarget(api: string, to: RecordTarget | undefined, sender: string): MergeNode | undefined {
    switch (api) {
      case 'NotifyToMaster':
        return this.master();
      case 'NotifyToServerNode':
        return to?.serverId !== undefined ? this.server(to.serverId, 'game') : undefined;
      case 'NotifyToServiceNode':
        return to?.serverId !== undefined ? this.server(to.serverId, 'service') : undefined;
      case 'NotifyToClient':
        return to?.playerId !== undefined ? this.client(undefined, to.playerId, sender) : undefined;
      case 'RemoteNotifyToClient':
        return to?.uid !== undefined ? this.client(to.uid) : undefined;
      default:
        return undefined;
    }
  }

  /** Recorded receivers a broadcast is addressed to (what is known of them). */
  broadcastTargets(api: string, to: RecordTarget | undefined): MergeNode[] {
    const rec = this.recorded();
    if (api === 'BroadcastToService') return rec.filter((n) => n.kind === 'service');
    if (api === 'BroadcastToServerByType') return rec.filter((n) => (n.kind === 'lobby' || n.kind === 'game') && n.type !== undefined && n.type === to?.type);
    return [];
  }
}

export const BROADCAST_APIS: ReadonlySet<string> = new Set(['BroadcastToService', 'BroadcastToServerByType']);
export const CLIENT_APIS: ReadonlySet<string> = new Set(['NotifyToClient', 'RemoteNotifyToClient']);
