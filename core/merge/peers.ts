// Who the recordings name without having recorded them: the sender of a message no recorded send
// matches (a client, the engine, an unrecorded server), the player of an engine event, the
// requester of an RPC whose request is missing, and the proxy on a client's path. The analysis runs
// these once over every line (so the header lists every node), the emitter again to write events.
import type { Delivery, Links } from './link';
import { EXTRA_API_NAMESPACE } from '../api/interfaces';
import type { NodeTable } from './nodes';
import type { RecordLine } from './recording';

export interface Sender {
  api?: string;
  from?: string;
  path?: string[];
}

/** The sender of a delivery no recorded send matched, as far as its payload and key tell. */
export function senderOf(links: Links, nodes: NodeTable, d: Delivery): Sender {
  if (d.engine) return {};
  const first = links.rec(d.lines[0]);
  const to = d.node;
  const receiver = nodes.get(to);
  const facts = first.player;
  if (facts?.playerId !== undefined && (receiver?.kind === 'lobby' || receiver?.kind === 'game')) {
    const client = nodes.client(facts.uid, facts.playerId, to);
    const proxyId = nodes.player(to, facts.playerId)?.proxyId;
    return { api: 'NotifyToServer', from: client.id, path: proxyId !== undefined ? [client.id, nodes.proxy(proxyId).id, to] : [client.id, to] };
  }
  if (facts?.uid !== undefined && receiver?.kind === 'service') {
    const client = nodes.client(facts.uid);
    return { api: 'NotifyToServiceNode', from: client.id, path: facts.proxyId !== undefined ? [client.id, nodes.proxy(facts.proxyId).id, to] : [client.id, to] };
  }
  if (d.corr !== undefined) {
    const serverId = Number(d.corr.split(':')[0]);
    if (Number.isSafeInteger(serverId)) {
      const kind = d.fromNs === EXTRA_API_NAMESPACE && d.fromSys === 'extraApiService' ? 'service' : serverId === 0 ? 'master' : 'game';
      return { from: nodes.server(serverId, kind).id };
    }
  }
  if (d.fromNs === EXTRA_API_NAMESPACE && d.fromSys === 'extraApiMaster') return { from: nodes.master().id };
  return {};
}

export interface Lifecycle {
  client: string;
  detail: 'login' | 'logout' | 'transfer-start' | 'transfer-end';
  to?: string;
  data: Record<string, unknown>;
}

/** The player lifecycle an engine event shows (AddServerPlayerEvent, DelServerPlayerEvent). */
export function lifecycleOf(nodes: NodeTable, node: string, l: RecordLine): Lifecycle | undefined {
  const f = l.player;
  if (!f || f.playerId === undefined) return undefined;
  const known = nodes.player(node, f.playerId);
  const uid = f.uid ?? known?.uid;
  const serverId = nodes.get(node)?.serverId;
  const client = nodes.client(uid, f.playerId, node).id;
  if (l.event === 'AddServerPlayerEvent') {
    const proxyId = f.proxyId ?? known?.proxyId;
    if (proxyId !== undefined) nodes.proxy(proxyId);
    return { client, detail: f.isTransfer ? 'transfer-end' : 'login', to: node, data: { uid, playerId: f.playerId, proxyId, serverId } };
  }
  if (l.event === 'DelServerPlayerEvent') {
    return f.isTransfer ? { client, detail: 'transfer-start', data: { uid, fromServerId: serverId } } : { client, detail: 'logout', to: node, data: { uid, serverId } };
  }
  return undefined;
}

/** The node of a requester named by serverId (RPC lines whose request is not recorded). */
export function requesterNode(nodes: NodeTable, serverId: number | undefined): string | undefined {
  return serverId === undefined ? undefined : nodes.server(serverId, serverId === 0 ? 'master' : 'game').id;
}

/** Path of a message from a server to a client: through the client's proxy when known. */
export function clientPath(nodes: NodeTable, from: string, api: string, to: string, l: RecordLine): string[] {
  const proxyId = api === 'RemoteNotifyToClient' ? l.to?.proxyId : l.to?.playerId !== undefined ? nodes.player(from, l.to.playerId)?.proxyId : undefined;
  return proxyId !== undefined ? [from, nodes.proxy(proxyId).id, to] : [from, to];
}
