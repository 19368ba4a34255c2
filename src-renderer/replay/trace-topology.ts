// Which topology the canvas draws for the current stream. A live session and an opened trace whose
// nodes all exist (same id, same kind) in the open document use the document, with its layout:
// that is the trace's project (or a compatible one) and the user's arrangement is what they know.
// Any other trace (its project is missing) is drawn on the topology inferred from the trace itself
// (core/replay inferTopology: header nodes first, else the events), laid out in role columns and
// read-only. Pure.
import { Options, type NodeSpec, type Project } from '../../core/model/schema';
import type { TopologyNode } from '../../core/replay/topology';
import type { TraceEvent, TraceHeader } from '../../core/trace/event';
import { stringifyJson } from '../../core/json';

export type CanvasTopology =
  | { source: 'document'; project: Project | undefined }
  | { source: 'inferred'; project: Project; missing: string[] };

export interface ClientDetail {
  uid?: number;
  /** serverId of the proxy the client logged in through. */
  proxy?: number;
}

/** Trace nodes the document lacks (by id, or present with another kind). */
export function missingFromDocument(project: Project | undefined, nodes: readonly TopologyNode[]): string[] {
  const kinds = new Map((project?.nodes ?? []).map((n) => [n.id, n.kind]));
  return nodes.filter((n) => kinds.get(n.id) !== n.kind).map((n) => n.id);
}

function num(data: unknown, k: string): number | undefined {
  const v = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** uid and proxy of each client, from its first login in `lifecycle` events. */
export function clientDetails(lifecycle: Iterable<TraceEvent>): Map<string, ClientDetail> {
  const out = new Map<string, ClientDetail>();
  for (const e of lifecycle) {
    if (e.type !== 'lifecycle' || e.detail !== 'login' || e.from === undefined || out.has(e.from)) continue;
    const uid = num(e.data, 'uid');
    const proxy = num(e.data, 'proxyId');
    out.set(e.from, { ...(uid !== undefined ? { uid } : {}), ...(proxy !== undefined ? { proxy } : {}) });
  }
  return out;
}

/** A read-only project holding the inferred nodes (no positions: role columns lay them out). */
export function inferredProject(nodes: readonly TopologyNode[], header: TraceHeader | null, clients: ReadonlyMap<string, ClientDetail>): Project {
  const names = new Map((header?.nodes ?? []).flatMap((n) => (n.name ? [[n.id, n.name] as const] : [])));
  const opts = Options.safeParse(header?.options ?? {});
  const specs: NodeSpec[] = nodes.map((n) => {
    const c = n.kind === 'client' ? clients.get(n.id) : undefined;
    const name = names.get(n.id);
    return {
      id: n.id,
      kind: n.kind,
      systems: [],
      ...(name !== undefined ? { name } : {}),
      ...(n.serverId !== undefined && n.kind !== 'client' ? { serverId: n.serverId } : {}),
      ...(n.type !== undefined ? { type: n.type } : {}),
      ...(n.moduleNames !== undefined && n.kind === 'service' ? { moduleNames: [...n.moduleNames] } : {}),
      // A client's first login says where it really came in; the header says where it was placed.
      ...((c?.uid ?? n.uid) !== undefined ? { uid: c?.uid ?? n.uid } : {}),
      ...((c?.proxy ?? n.proxy) !== undefined ? { proxy: c?.proxy ?? n.proxy } : {}),
    };
  });
  return {
    format: 'switchboard-project',
    version: 1,
    name: header?.project ? `${header.project} (inferred from the trace)` : 'Inferred from the trace',
    options: opts.success ? opts.data : Options.parse({}),
    nodes: specs,
    links: [],
    scenarios: [],
  };
}

export function chooseTopology(p: {
  kind: 'session' | 'trace' | null;
  document: Project | undefined;
  header: TraceHeader | null;
  nodes: readonly TopologyNode[];
  clients: ReadonlyMap<string, ClientDetail>;
}): CanvasTopology {
  if (p.kind !== 'trace' || p.nodes.length === 0) return { source: 'document', project: p.document };
  const missing = missingFromDocument(p.document, p.nodes);
  if (missing.length === 0) return { source: 'document', project: p.document };
  return { source: 'inferred', project: inferredProject(p.nodes, p.header, p.clients), missing };
}

/** Same drawing (nodes and their identities)? Used to keep one project object while a trace streams in. */
export function sameTopology(a: CanvasTopology, b: CanvasTopology): boolean {
  if (a.source === 'document' || b.source === 'document') return a.source === b.source && a.project === b.project;
  return stringifyJson(a.project.nodes) === stringifyJson(b.project.nodes);
}
