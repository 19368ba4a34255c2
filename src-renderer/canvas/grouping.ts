// Large topologies as a few readable cards: clients folded per proxy into one card, lobby/game
// servers of one type into one card (by kind when types alone leave too many), services of one type
// likewise, and many proxies into one. A folded card shows a count and live activity and can be
// expanded to its members. Columns with more cards than fit at a readable zoom draw compact cards
// (name only). Pure: the canvas turns these cards into React Flow nodes.
import type { NodeKind, NodeSpec, Project } from '../../core/model/schema';
import { ROLE_COLUMN } from './roles';

/** More clients than this in a project: each proxy's clients become one card. */
export const CLIENT_GROUP_MIN = 8;
/** At most this many cards a role column shows at full size (the rest fold, or turn compact). */
export const MAX_ROWS = 7;
/** More proxies than this: they fold into one card. */
export const PROXY_GROUP_MIN = 12;

export interface Cluster {
  /** Card id: "group:<what>". */
  id: string;
  kind: NodeKind;
  members: string[];
  /** Short title, e.g. "500 clients", "30 × battle_game_server_type". */
  title: string;
  /** What they share, e.g. "via proxy-2000", "game servers". */
  subtitle: string;
  expanded: boolean;
}

export type Card = { id: string; kind: NodeKind; node: NodeSpec; cluster?: undefined; parent?: string } | { id: string; kind: NodeKind; cluster: Cluster; node?: undefined; parent?: undefined };

export interface Grouping {
  cards: Card[];
  /** Node id → id of the card it is drawn on (itself, or its folded group). */
  cardOf: Map<string, string>;
  /** Columns (role column index) drawn compact. */
  compact: Set<number>;
}

function cluster(id: string, kind: NodeKind, members: NodeSpec[], title: string, subtitle: string, expanded: ReadonlySet<string>): Cluster {
  return { id, kind, members: members.map((m) => m.id), title, subtitle, expanded: expanded.has(id) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Groups of nodes (each list becomes one card when it has more than one member). */
function clientGroups(project: Project): Map<string, { members: NodeSpec[]; title: string; subtitle: string }> {
  const clients = project.nodes.filter((n) => n.kind === 'client');
  const out = new Map<string, { members: NodeSpec[]; title: string; subtitle: string }>();
  if (clients.length <= CLIENT_GROUP_MIN) return out;
  const proxyName = new Map(project.nodes.filter((n) => n.kind === 'proxy').map((p) => [p.serverId, p.name ?? p.id]));
  for (const c of clients) {
    const key = c.proxy === undefined ? 'none' : String(c.proxy);
    const g = out.get(key) ?? { members: [], title: '', subtitle: c.proxy === undefined ? 'no proxy' : `via ${proxyName.get(c.proxy) ?? `proxy ${c.proxy}`}` };
    g.members.push(c);
    out.set(key, g);
  }
  for (const g of out.values()) g.title = plural(g.members.length, 'client');
  return out;
}

/**
 * Fold a role column's nodes into at most `MAX_ROWS` cards where sharing a type allows: the
 * biggest same-type buckets first, then by kind; what is left of distinct nodes stays single.
 */
function foldByType(nodes: NodeSpec[], label: (kind: NodeKind, type: string | undefined, n: number) => { title: string; subtitle: string }, foldKinds = true): { members: NodeSpec[]; key: string; title: string; subtitle: string }[] {
  if (nodes.length <= MAX_ROWS) return [];
  const buckets = new Map<string, NodeSpec[]>();
  for (const n of nodes) {
    const key = `${n.kind}:${n.type ?? ''}`;
    buckets.set(key, [...(buckets.get(key) ?? []), n]);
  }
  const sorted = [...buckets.entries()].filter(([, m]) => m.length > 1).sort((a, b) => b[1].length - a[1].length);
  const folds: { members: NodeSpec[]; key: string; title: string; subtitle: string }[] = [];
  let cards = nodes.length;
  for (const [key, members] of sorted) {
    if (cards <= MAX_ROWS) break;
    folds.push({ members, key: `type:${key}`, ...label(members[0].kind, members[0].type, members.length) });
    cards -= members.length - 1;
  }
  if (cards <= MAX_ROWS || !foldKinds) return folds;
  // Types alone leave too many cards: one card per kind.
  const byKind = new Map<NodeKind, NodeSpec[]>();
  for (const n of nodes) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);
  return [...byKind.entries()].filter(([, m]) => m.length > 1).map(([kind, members]) => ({ members, key: `kind:${kind}`, ...label(kind, undefined, members.length) }));
}


export function groupCards(project: Project, expanded: ReadonlySet<string> = new Set()): Grouping {
  const folds: Cluster[] = [];
  for (const [key, g] of clientGroups(project)) if (g.members.length > 1) folds.push(cluster(`group:clients@${key}`, 'client', g.members, g.title, g.subtitle, expanded));
  const proxies = project.nodes.filter((n) => n.kind === 'proxy');
  if (proxies.length > PROXY_GROUP_MIN) folds.push(cluster('group:proxies', 'proxy', proxies, plural(proxies.length, 'proxy', 'proxies'), 'proxies', expanded));
  const servers = project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game');
  for (const f of foldByType(servers, (kind, type, n) => ({ title: plural(n, `${kind} server`), subtitle: type ? `type ${type}` : 'of several types' }))) {
    folds.push(cluster(`group:${f.key}`, f.members[0].kind, f.members, f.title, f.subtitle, expanded));
  }
  const services = project.nodes.filter((n) => n.kind === 'service');
  // Services of distinct types are distinct services: they stay single (drawn compact).
  for (const f of foldByType(services, (_k, type, n) => ({ title: plural(n, 'service'), subtitle: `type ${type ?? '?'}` }), false)) {
    folds.push(cluster(`group:svc-${f.key}`, 'service', f.members, f.title, f.subtitle, expanded));
  }

  const folded = new Map<string, Cluster>();
  for (const c of folds) for (const m of c.members) folded.set(m, c);
  const cards: Card[] = [];
  const cardOf = new Map<string, string>();
  const placed = new Set<string>();
  for (const n of project.nodes) {
    const c = folded.get(n.id);
    if (!c) {
      cards.push({ id: n.id, kind: n.kind, node: n });
      cardOf.set(n.id, n.id);
      continue;
    }
    if (!placed.has(c.id)) {
      placed.add(c.id);
      cards.push({ id: c.id, kind: c.kind, cluster: c });
    }
    if (c.expanded) {
      cards.push({ id: n.id, kind: n.kind, node: n, parent: c.id });
      cardOf.set(n.id, n.id);
    } else cardOf.set(n.id, c.id);
  }
  const perColumn = new Map<number, number>();
  for (const c of cards) if (!c.parent) perColumn.set(ROLE_COLUMN[c.kind], (perColumn.get(ROLE_COLUMN[c.kind]) ?? 0) + 1);
  const compact = new Set([...perColumn.entries()].filter(([, n]) => n > MAX_ROWS).map(([col]) => col));
  return { cards, cardOf, compact };
}

export function isClusterId(id: string): boolean {
  return id.startsWith('group:');
}
