// A topology for a trace whose project is missing: the header's node list when it has one, else
// what the events say (who may send what to whom, semantics §2/§3), else the ids' names.
import { NODE_KINDS, type NodeKind } from '../model/schema';
import type { TraceEvent, TraceHeader } from '../trace/event';
import { liteSource, type Events } from './source';

export interface TopologyNode {
  id: string;
  kind: NodeKind;
  serverId?: number;
  type?: string;
  /** From the trace header (traces written before these were recorded have none). */
  moduleNames?: readonly string[];
  uid?: number;
  proxy?: number;
  /** Where the kind came from: the header, the events, the id's name, or a default. */
  source: 'header' | 'events' | 'name' | 'default';
}

/** Lifeline / track order: client, proxy, lobby, game, master, service. */
export const ROLE_ORDER: readonly NodeKind[] = ['client', 'proxy', 'lobby', 'game', 'master', 'service'];

export function compareNodes(a: { id: string; kind: string; serverId?: number }, b: { id: string; kind: string; serverId?: number }): number {
  const ka = ROLE_ORDER.indexOf(a.kind as NodeKind);
  const kb = ROLE_ORDER.indexOf(b.kind as NodeKind);
  if (ka !== kb) return ka - kb;
  const sa = a.serverId ?? Number.POSITIVE_INFINITY;
  const sb = b.serverId ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa - sb;
  return a.id.localeCompare(b.id, 'en', { numeric: true });
}

const SERVERS: NodeKind[] = ['lobby', 'game'];
const RPC_CALLERS: NodeKind[] = ['lobby', 'game', 'master', 'service'];

/** Who may be the sender / receiver of each interface. */
const API_ROLES: Record<string, { from?: NodeKind[]; to?: NodeKind[] }> = {
  NotifyToClient: { from: SERVERS, to: ['client'] },
  NotifyToServer: { from: ['client'], to: SERVERS },
  NotifyToMaster: { from: ['lobby', 'game', 'service'], to: ['master'] },
  NotifyToServerNode: { from: ['master', 'service'], to: SERVERS },
  BroadcastToServerByType: { from: ['service'], to: SERVERS },
  NotifyToServiceNode: { from: ['master', 'lobby', 'game', 'service', 'client'], to: ['service'] },
  BroadcastToService: { from: ['master', 'lobby', 'game', 'service'], to: ['service'] },
  RemoteNotifyToClient: { from: ['service'], to: ['client'] },
  RequestToService: { from: RPC_CALLERS, to: ['service', 'master'] },
  RequestToServiceMod: { from: RPC_CALLERS, to: ['service'] },
  ResponseToServer: { from: ['service', 'master'], to: RPC_CALLERS },
};

const REGISTER_ROLES: Record<string, NodeKind[]> = {
  RegisterRpcMethod: ['service', 'master'],
  RegisterRpcMethodForMod: ['service'],
  RegisterMasterHttp: ['master'],
};

function kindFromName(id: string): NodeKind | undefined {
  const low = id.toLowerCase();
  for (const k of NODE_KINDS) if (low.startsWith(k)) return k;
  if (/^(svc|srv-svc)/.test(low)) return 'service';
  for (const k of NODE_KINDS) if (low.includes(k)) return k;
  return undefined;
}

function trailingNumber(id: string): number | undefined {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

function num(data: unknown, k: string): number | undefined {
  const v = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/**
 * Nodes in ROLE_ORDER. With header nodes the events are not scanned (fast on long traces) unless
 * `scanEvents` asks to add nodes the header lacks.
 */
export function inferTopology(events: Events, header?: TraceHeader | null, opts: { scanEvents?: boolean } = {}): TopologyNode[] {
  const src = liteSource(events);
  const out = new Map<string, TopologyNode>();
  for (const n of header?.nodes ?? []) {
    if (!(NODE_KINDS as readonly string[]).includes(n.kind)) continue;
    out.set(n.id, {
      id: n.id,
      kind: n.kind as NodeKind,
      source: 'header',
      ...(n.serverId !== undefined ? { serverId: n.serverId } : {}),
      ...(n.type !== undefined ? { type: n.type } : {}),
      ...(n.moduleNames !== undefined ? { moduleNames: n.moduleNames } : {}),
      ...(n.uid !== undefined ? { uid: n.uid } : {}),
      ...(n.proxy !== undefined ? { proxy: n.proxy } : {}),
    });
  }
  if (out.size > 0 && !opts.scanEvents) return [...out.values()].sort(compareNodes);
  const votes = new Map<string, Map<NodeKind, number>>();
  const serverIds = new Map<string, number>();
  const seen = new Set<string>();
  const see = (id: string | undefined) => {
    if (id !== undefined) seen.add(id);
  };
  const vote = (id: string | undefined, kinds: readonly NodeKind[] | undefined) => {
    if (id === undefined || !kinds || kinds.length === 0) return;
    let v = votes.get(id);
    if (!v) votes.set(id, (v = new Map()));
    for (const k of kinds) v.set(k, (v.get(k) ?? 0) + 10 / kinds.length);
  };
  for (let i = 0; i < src.length; i++) {
    const e: TraceEvent = src.get(i);
    see(e.from);
    see(e.to);
    see(e.at);
    e.targets?.forEach(see);
    e.path?.forEach(see);
    const roles = e.api !== undefined ? API_ROLES[e.api] : undefined;
    if (roles && (e.type === 'send' || e.type === 'deliver' || e.type === 'drop')) {
      vote(e.from, roles.from);
      if (e.type === 'send' && e.targets) for (const t of e.targets) vote(t, roles.to);
      else vote(e.to, roles.to);
      if (e.type === 'send' && e.path && e.path.length === 3 && e.path[0] === e.from && e.path[2] === e.to) {
        if (e.api === 'NotifyToServer' || e.api === 'NotifyToServiceNode') vote(e.path[1], ['proxy']);
      }
      if (e.type === 'send' && e.rpc?.state === 'requested' && e.rpc.requester !== undefined && e.from !== undefined) serverIds.set(e.from, e.rpc.requester);
    }
    if (e.type === 'lifecycle' && (e.detail === 'login' || e.detail === 'transfer-start' || e.detail === 'transfer-end' || e.detail === 'logout')) {
      vote(e.from, ['client']);
      vote(e.to, SERVERS);
      const sid = num(e.data, e.detail === 'transfer-start' ? 'toServerId' : 'serverId');
      if (sid !== undefined && e.to !== undefined) serverIds.set(e.to, sid);
    }
    if (e.type === 'http') {
      vote(e.to, ['master']);
    }
    if (e.type === 'register' && e.detail !== undefined) vote(e.to, REGISTER_ROLES[e.detail]);
    if (e.type === 'callback') vote(e.to, RPC_CALLERS);
  }
  for (const id of seen) {
    if (out.has(id)) continue;
    const byName = kindFromName(id);
    const v = votes.get(id);
    let kind: NodeKind | undefined;
    let source: TopologyNode['source'] = 'default';
    if (v && v.size > 0) {
      let best = -1;
      for (const k of ROLE_ORDER) {
        const score = (v.get(k) ?? 0) + (k === byName ? 1 : 0);
        if ((v.get(k) ?? 0) > 0 && score > best) {
          best = score;
          kind = k;
        }
      }
      source = 'events';
    }
    if (!kind && byName) {
      kind = byName;
      source = 'name';
    }
    kind ??= 'service';
    let serverId = serverIds.get(id);
    if (serverId === undefined && kind !== 'client') serverId = kind === 'master' ? (trailingNumber(id) ?? 0) : trailingNumber(id);
    out.set(id, { id, kind, source, ...(serverId !== undefined ? { serverId } : {}) });
  }
  return [...out.values()].sort(compareNodes);
}
