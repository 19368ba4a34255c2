// Semantics §1: node identities (ids, serverIds, the single master, client bindings) and links.
import type { Findings } from '../issues';
import type { NodeKind, NodeSpec, Project } from '../schema';
import { describeNode, LOBBY_GAME, type NodeRef, type ProjectIndex } from './project-index';

type IdentityField = 'serverId' | 'type' | 'moduleNames' | 'uid' | 'proxy' | 'server' | 'playerId';

/** Which identity fields each kind uses (§1); any other one written on a node is ignored, with a warning. */
const FIELDS: Record<NodeKind, readonly IdentityField[]> = {
  client: ['uid', 'proxy', 'server', 'playerId'],
  proxy: ['serverId'],
  lobby: ['serverId', 'type'],
  game: ['serverId', 'type'],
  master: ['serverId', 'moduleNames'],
  service: ['serverId', 'type', 'moduleNames'],
};
const ALL_FIELDS: readonly IdentityField[] = ['serverId', 'type', 'moduleNames', 'uid', 'proxy', 'server', 'playerId'];

const NEEDS_SERVER_ID: readonly NodeKind[] = ['proxy', 'lobby', 'game', 'master', 'service'];
const NEEDS_TYPE: readonly NodeKind[] = ['lobby', 'game', 'service'];

export function checkNodes(project: Project, index: ProjectIndex, f: Findings): void {
  const ids = new Map<string, number>();
  const serverIds = new Map<number, NodeRef>();
  const uids = new Map<number, number>();
  const playerIds = new Map<string, number>();
  let master: NodeRef | undefined;

  project.nodes.forEach((node, i) => {
    const at = (field: string): (string | number)[] => ['nodes', i, field];
    const self: NodeRef = { node, index: i };

    const firstWithId = ids.get(node.id);
    if (firstWithId !== undefined) f.error(at('id'), 'node.duplicate-id', `duplicate node id "${node.id}": $.nodes[${firstWithId}] already has it`);
    else ids.set(node.id, i);

    for (const field of ALL_FIELDS) {
      if (node[field] !== undefined && !FIELDS[node.kind].includes(field)) {
        f.warn(at(field), 'node.field-ignored', `"${field}" is not used by a ${node.kind} node and is ignored`);
      }
    }

    if (NEEDS_SERVER_ID.includes(node.kind)) {
      if (node.serverId === undefined) {
        f.error(at('serverId'), 'node.server-id-missing', `a ${node.kind} node needs an integer "serverId"`);
      } else {
        const other = serverIds.get(node.serverId);
        if (other) f.error(at('serverId'), 'node.duplicate-server-id', `duplicate serverId ${node.serverId}: used by ${describeNode(other)} and ${describeNode(self)}`);
        else serverIds.set(node.serverId, self);
      }
    }
    if (NEEDS_TYPE.includes(node.kind) && node.type === undefined) {
      const what = node.kind === 'service' ? 'the service "Type" RequestToServiceMod addresses' : 'its server type, e.g. "lobby" or "battle_game_server_type"';
      f.error(at('type'), 'node.type-missing', `a ${node.kind} node needs "type": ${what}`);
    }

    if (node.kind === 'master') {
      if (master) f.error(at('kind'), 'node.second-master', `more than one master: ${describeNode(master)} is already the master`);
      else master = self;
      if (node.serverId !== undefined && node.serverId !== 0) f.error(at('serverId'), 'node.master-server-id', `the master's serverId must be 0, got ${node.serverId}`);
    }
    if (node.kind === 'service' && (node.moduleNames ?? []).length === 0) {
      f.warn(at('moduleNames'), 'node.service-without-modules', `service "${node.id}" lists no moduleNames, so RequestToService never reaches it`);
    }
    if (node.kind === 'client') checkClient(node, i, index, f, uids, playerIds);
  });

  checkSharedOwnership(project, f);
}

function checkClient(node: NodeSpec, i: number, index: ProjectIndex, f: Findings, uids: Map<number, number>, playerIds: Map<string, number>): void {
  const at = (field: string): (string | number)[] => ['nodes', i, field];
  if (node.uid === undefined) {
    f.error(at('uid'), 'client.uid-missing', 'a client node needs an integer "uid" (its global NetEase uid)');
  } else {
    const first = uids.get(node.uid);
    if (first !== undefined) f.error(at('uid'), 'client.duplicate-uid', `duplicate uid ${node.uid}: client $.nodes[${first}] already has it`);
    else uids.set(node.uid, i);
  }

  if (node.proxy === undefined) {
    f.error(at('proxy'), 'client.proxy-missing', 'a client node needs "proxy": the serverId of the proxy its session is on');
  } else {
    const proxy = index.byServerId.get(node.proxy);
    if (!proxy) f.error(at('proxy'), 'client.proxy-unknown', `no node has serverId ${node.proxy}, so the client has no proxy`);
    else if (proxy.node.kind !== 'proxy') f.error(at('proxy'), 'client.proxy-not-proxy', `proxy ${node.proxy} is ${describeNode(proxy)}, not a proxy`);
  }

  if (node.server !== undefined) {
    const server = index.byServerId.get(node.server);
    if (!server) f.error(at('server'), 'client.server-unknown', `no node has serverId ${node.server}`);
    else if (!LOBBY_GAME.includes(server.node.kind)) f.error(at('server'), 'client.server-not-lobby-game', `a client can only be on a lobby or game; serverId ${node.server} is ${describeNode(server)}`);
  }

  if (node.playerId !== undefined) {
    const first = playerIds.get(node.playerId);
    if (first !== undefined) f.warn(at('playerId'), 'client.duplicate-player-id', `playerId "${node.playerId}" is also used by client $.nodes[${first}]; NotifyToClient cannot tell them apart on one server`);
    else playerIds.set(node.playerId, i);
  }
}

/** §4: several owners of one module or service type is allowed (options.rpcOwner picks one) but worth a warning. */
function checkSharedOwnership(project: Project, f: Findings): void {
  const moduleOwner = new Map<string, number>();
  const typeOwner = new Map<string, number>();
  const rule = `options.rpcOwner ("${project.options.rpcOwner}") picks which one answers`;
  project.nodes.forEach((node, i) => {
    if (node.kind !== 'service' && node.kind !== 'master') return;
    (node.moduleNames ?? []).forEach((m, k) => {
      const first = moduleOwner.get(m);
      if (first === undefined) moduleOwner.set(m, i);
      else if (first !== i) f.warn(['nodes', i, 'moduleNames', k], 'ownership.shared-module', `module "${m}" is also owned by "${project.nodes[first].id}" ($.nodes[${first}]); ${rule}`);
    });
    if (node.kind === 'service' && node.type !== undefined) {
      const first = typeOwner.get(node.type);
      if (first === undefined) typeOwner.set(node.type, i);
      else f.warn(['nodes', i, 'type'], 'ownership.shared-type', `service type "${node.type}" is also owned by "${project.nodes[first].id}" ($.nodes[${first}]); ${rule}`);
    }
  });
}

export function checkLinks(project: Project, index: ProjectIndex, f: Findings): void {
  const pairs = new Map<string, number>();
  project.links.forEach((link, i) => {
    for (const end of ['a', 'b'] as const) {
      if (!index.byId.has(link[end])) f.error(['links', i, end], 'link.unknown-node', `link end "${end}" names no node: "${link[end]}"`);
    }
    if (link.a === link.b) f.warn(['links', i], 'link.self', `a link from "${link.a}" to itself has no effect`);
    const key = JSON.stringify([link.a, link.b].sort());
    const first = pairs.get(key);
    if (first !== undefined) f.warn(['links', i], 'link.duplicate', `"${link.a}" and "${link.b}" are already linked by $.links[${first}]`);
    else pairs.set(key, i);
  });
}
