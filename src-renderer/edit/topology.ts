// Pure edits of a project's topology: add, delete, paste nodes; edit a node or a link.
import type { LinkSpec, NodeKind, NodeSpec, Project } from '../../core/model/schema';

const FIRST_ID: Record<Exclude<NodeKind, 'client' | 'master'>, number> = { proxy: 2000, lobby: 4000, game: 5000, service: 8000 };
const SYSTEM: Record<NodeKind, [string, string]> = {
  client: ['clientNamespace', 'clientSystem'],
  proxy: ['proxyNamespace', 'proxySystem'],
  lobby: ['lobbyNamespace', 'lobbySystem'],
  game: ['gameNamespace', 'gameSystem'],
  master: ['masterNamespace', 'masterSystem'],
  service: ['serviceNamespace', 'serviceSystem'],
};

function freeInt(taken: Set<number>, from: number): number {
  let n = from;
  while (taken.has(n)) n++;
  return n;
}

function freeId(taken: Set<string>, base: string): string {
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

/** A new node of `kind` with identities no other node has (what the palette drops). */
export function newNode(project: Project, kind: NodeKind, position?: { x: number; y: number }): NodeSpec {
  const ids = new Set(project.nodes.map((n) => n.id));
  const serverIds = new Set(project.nodes.flatMap((n) => (n.serverId === undefined ? [] : [n.serverId])));
  const [namespace, systemName] = SYSTEM[kind];
  const base: NodeSpec = { id: '', kind, systems: [{ namespace, systemName, rules: [] }], ...(position ? { position } : {}) };
  if (kind === 'client') {
    const uid = freeInt(new Set(project.nodes.flatMap((n) => (n.uid === undefined ? [] : [n.uid]))), 101);
    const proxy = project.nodes.find((n) => n.kind === 'proxy')?.serverId;
    return { ...base, id: freeId(ids, `client-${uid}`), uid, ...(proxy !== undefined ? { proxy } : {}) };
  }
  if (kind === 'master') return { ...base, id: freeId(ids, 'master'), serverId: 0, name: 'Master' };
  const serverId = freeInt(serverIds, FIRST_ID[kind]);
  const id = freeId(ids, `${kind}-${serverId}`);
  if (kind === 'lobby' || kind === 'game') return { ...base, id, serverId, type: kind === 'lobby' ? 'lobby' : 'game' };
  if (kind === 'service') return { ...base, id, serverId, type: `service_${serverId}`, moduleNames: [`module_${serverId}`] };
  return { ...base, id, serverId };
}

/** A client needs a proxy to log in through; a project without one cannot take a client alone. */
export function clientNeedsProxy(project: Project, kind: NodeKind): boolean {
  return kind === 'client' && !project.nodes.some((n) => n.kind === 'proxy');
}

/** A new proxy and a new client behind it, in one edit (the offer "+ client" makes without a proxy). */
export function addClientWithProxy(project: Project, at: { client?: { x: number; y: number }; proxy?: { x: number; y: number } } = {}): { project: Project; client: string; proxy: string } {
  const proxy = newNode(project, 'proxy', at.proxy);
  const withProxy = addNode(project, proxy);
  const client = newNode(withProxy, 'client', at.client);
  return { project: addNode(withProxy, client), client: client.id, proxy: proxy.id };
}

export function addNode(project: Project, node: NodeSpec): Project {
  return { ...project, nodes: [...project.nodes, node] };
}

export function updateNode(project: Project, id: string, next: NodeSpec): Project {
  return { ...project, nodes: project.nodes.map((n) => (n.id === id ? next : n)) };
}

/** Remove nodes and the links that touch them. */
export function deleteNodes(project: Project, ids: readonly string[]): Project {
  const gone = new Set(ids);
  return { ...project, nodes: project.nodes.filter((n) => !gone.has(n.id)), links: project.links.filter((l) => !gone.has(l.a) && !gone.has(l.b)) };
}

/** Paste copies: fresh ids and server ids/uids, shifted so they do not sit on the originals. */
export function pasteNodes(project: Project, copies: readonly NodeSpec[], offset = 40): { project: Project; ids: string[] } {
  let p = project;
  const ids: string[] = [];
  for (const c of copies) {
    const fresh = newNode(p, c.kind);
    const position = c.position ? { x: c.position.x + offset, y: c.position.y + offset } : undefined;
    const copy: NodeSpec = { ...structuredClone(c), id: fresh.id, ...(position ? { position } : {}) };
    if (fresh.serverId !== undefined && c.kind !== 'master') copy.serverId = fresh.serverId;
    if (fresh.uid !== undefined) copy.uid = fresh.uid;
    if (c.kind === 'client') delete copy.playerId;
    p = addNode(p, copy);
    ids.push(copy.id);
  }
  return { project: p, ids };
}

export function findLink(project: Project, a: string, b: string): LinkSpec | undefined {
  return project.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
}

/** Set latency/jitter/loss of the link between a and b (creating it over the implied default). */
export function setLink(project: Project, a: string, b: string, patch: Partial<Omit<LinkSpec, 'a' | 'b'>>): Project {
  const old = findLink(project, a, b);
  const next: LinkSpec = { ...(old ?? { a, b }), ...patch };
  for (const k of ['latencyMs', 'jitterMs', 'loss'] as const) if (next[k] === undefined || Number.isNaN(next[k])) delete next[k];
  const rest = project.links.filter((l) => l !== old);
  return { ...project, links: [...rest, next] };
}

export function setPositions(project: Project, positions: ReadonlyMap<string, { x: number; y: number }>): Project {
  return { ...project, nodes: project.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id) } : n)) };
}
