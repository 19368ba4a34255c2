// Turning one collected problem into a group a person reads: title, explanation and, where the
// topology or the run's registrations point to one, a "did you mean". Semantics section numbers
// refer to shared/design/semantics.md.
import { EXTRA_API_NAMESPACE } from '../api/interfaces';
import type { TraceEvent } from '../trace/event';
import { list, nearest, pair, plural } from './text';
import type { ProblemContext, ProblemGroup, ProblemKind, ProblemNode } from './types';

export interface Problem {
  key: string;
  kind: ProblemKind;
  /** The first event of the group (what the explanation is written from). */
  e?: TraceEvent;
  rpc?: RpcFacts;
  /** In-transfer drops: the transfer under way when the first one happened. */
  transfer?: { from?: string; to?: string };
  events: number[];
}

export interface RpcFacts {
  id: number;
  api?: string;
  requester?: string;
  owner?: string;
  method?: string;
  sendSeq?: number;
  sendT?: number;
  deadline?: number;
  handled?: number;
  handledAt?: number;
  handlerPair?: string;
  responded?: number;
  respondedAt?: number;
  requestDrop?: string;
  responseDrop?: string;
}

export interface Registrations {
  /** node → ListenForEvent registrations. */
  listens: Map<string, { event: string; ns: string; sys: string }[]>;
  /** node → RegisterRpcMethod / RegisterRpcMethodForMod registrations. */
  rpcs: Map<string, { api: string; module: string; method: string }[]>;
  http: Set<string>;
}

export interface ClientState {
  server: string | undefined;
  playerId: string | undefined;
  transferTo?: string;
  transferAt?: number;
  leftServer?: string;
  leftAt?: number;
}

export interface World {
  context: ProblemContext;
  /** "server\0playerId" → the client that had it. */
  players: Map<string, { client: string; since: number }>;
  clients: Map<string, ClientState>;
  seqEvent: (seq: number) => TraceEvent | undefined;
}

class Topo {
  readonly byId = new Map<string, ProblemNode>();
  readonly byServerId = new Map<number, ProblemNode>();
  readonly byUid = new Map<number, ProblemNode>();
  constructor(nodes: readonly ProblemNode[]) {
    for (const n of nodes) {
      this.byId.set(n.id, n);
      if (n.serverId !== undefined) this.byServerId.set(n.serverId, n);
      if (n.uid !== undefined) this.byUid.set(n.uid, n);
    }
  }
  kind(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.byId.get(id)?.kind;
  }
  of(kinds: string[]): ProblemNode[] {
    return [...this.byId.values()].filter((n) => kinds.includes(n.kind));
  }
}

const topoCache = new WeakMap<ProblemContext, Topo>();
function topoOf(c: ProblemContext): Topo {
  let t = topoCache.get(c);
  if (!t) topoCache.set(c, (t = new Topo(c.nodes)));
  return t;
}

function describe(n: ProblemNode): string {
  const what = n.kind === 'client' ? `a client (uid ${n.uid ?? '?'})` : `a ${n.kind}${n.type ? ` of type ${n.type}` : ''}`;
  return `${n.id}, ${what}`;
}

export function explain(p: Problem, regs: Registrations, w: World, rpcs: Map<number, RpcFacts>): ProblemGroup {
  const g = build(p, regs, w, rpcs);
  return { key: p.key, kind: g.kind ?? p.kind, title: g.title, explanation: g.explanation, ...(g.suggestion ? { suggestion: g.suggestion } : {}), events: p.events };
}

interface Text {
  kind?: ProblemKind;
  title: string;
  explanation: string;
  suggestion?: string;
}

function build(p: Problem, regs: Registrations, w: World, rpcs: Map<number, RpcFacts>): Text {
  const e = p.e;
  const n = p.events.length;
  const times = n > 1 ? ` (${plural(n, 'time')})` : '';
  switch (p.kind) {
    case 'unhandled':
      return unhandled(e!, regs, w, times);
    case 'no-route':
      return noRoute(e!, w, times);
    case 'no-handler':
      return noHandler(e!, regs, times);
    case 'no-response':
    case 'timeout':
      return timeout(p, times);
    case 'wrong-target':
      return wrongTarget(e!, w, times);
    case 'client-moved':
      return clientMoved(e!, w, times, p.transfer);
    case 'response':
      return response(e!, rpcs, times);
    case 'drop':
      return {
        title: `${e!.api ?? 'message'} ${e!.event ?? ''} from ${e!.from ?? '?'} dropped: ${e!.reason}${times}`,
        explanation: dropWhy(e!),
      };
    case 'misuse':
      return {
        title: `${e!.api ? `${e!.api} ` : ''}misuse${e!.from ? ` on ${e!.from}` : ''}${times}`,
        explanation: `${e!.reason ?? 'a wrong call'}${e!.detail ? ` (${e!.detail})` : ''}. A misuse is a call the reference does not allow: a node kind that lacks the interface, a wrong argument type, an unknown callbackId (semantics §5); the call did nothing and the simulation went on.`,
      };
    case 'mod-error': {
      const d = (e!.data ?? {}) as { file?: string; line?: number; traceback?: string };
      const where = d.file ? ` (${d.file}${d.line !== undefined ? `:${d.line}` : ''})` : '';
      return {
        title: `${e!.reason ?? 'error'}${where} on ${e!.to ?? '?'}${times}`,
        explanation: `A handler on ${e!.to ?? '?'} raised an error; the rest of that handler did not run, other handlers and the simulation went on.${d.traceback ? `\n${d.traceback}` : ''}`,
      };
    }
    case 'not-simulated':
      return {
        title: `${e!.reason ?? 'an API'} is not simulated${times}`,
        explanation: `A mod called ${e!.reason ?? 'an API'}, which Switchboard only stubs: the call returned a placeholder, so what follows from it may differ from a real server.`,
      };
    case 'non-dict-payload':
      return {
        title: `${e!.api} from ${e!.from} sends ${kindOf(e!.data)} as eventData (${e!.event})${times}`,
        explanation: `The reference documents eventData as a dict; Switchboard delivers ${kindOf(e!.data)} unchanged (keys such as __id__, __uid__ are added to dicts only). Real Apollo code does this; check that every receiver expects it.`,
        suggestion: `wrap it in a dict, e.g. {"value": ${short(e!.data)}}, if receivers read keys`,
      };
    case 'http':
      return {
        title: `POST ${e!.event ?? ''}: ${e!.reason === 'no-route' ? 'no route registered' : e!.reason}${times}`,
        explanation: e!.reason === 'no-route' ? 'The master registered no RegisterMasterHttp route for this path, so the request got no answer.' : `The request reached no running master (${e!.reason}).`,
        suggestion: e!.reason === 'no-route' ? didYouMean(e!.event ?? '', regs.http, (s) => `the registered path "${s}"`) : undefined,
      };
    default:
      return { title: p.kind, explanation: '' };
  }
}

function kindOf(v: unknown): string {
  if (v === null) return 'None';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
  return 'a value';
}

function short(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'bigint' ? v.toString() : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 30 ? `${s.slice(0, 27)}...` : s;
}

function didYouMean(name: string, candidates: Iterable<string>, say: (s: string) => string): string | undefined {
  const best = nearest(name, candidates);
  return best === undefined ? undefined : `did you mean ${say(best)}?`;
}

// ------------------------------------------------------------------ listeners

function unhandled(e: TraceEvent, regs: Registrations, w: World, times: string): Text {
  const node = e.to ?? '?';
  const event = e.event ?? '';
  const expected = pair(e.ns, e.sys);
  const send = senderOf(e, w);
  const senderPair = send ? pair(send.ns, send.sys) : undefined;
  const sender = send?.from ?? e.from ?? '?';
  const listens = regs.listens.get(node) ?? [];
  const sameEvent = listens.filter((l) => l.event === event);
  const title = `${event} from ${sender} unheard on ${node}${times}`;
  const fixedPair = e.ns === EXTRA_API_NAMESPACE;
  const heardWith = `${e.api ?? 'this message'} is heard with ${expected}${fixedPair ? ` whatever system sent it (semantics §2)` : ` — the sending system's own (namespace, systemName) (semantics §2)`}`;

  if (fixedPair && send && sameEvent.some((l) => l.ns === send.ns && l.sys === send.sys)) {
    return {
      kind: 'listener-match',
      title: `${event} from ${sender} unheard on ${node}: listener uses the sender's own pair${times}`,
      explanation: `${node} listens for ${event} with ${senderPair}, the sender's own pair, but ${heardWith}. Real plugins often listen this way; under the default listenerMatch "reference" the message is not heard.`,
      suggestion: `ListenForEvent('${e.ns}', '${e.sys}', '${event}', ...) on ${node}, or set the project option listenerMatch to "lenient"`,
    };
  }
  if (sameEvent.length > 0) {
    const want = `${e.ns}/${e.sys}`;
    const best = nearest(want, sameEvent.map((l) => `${l.ns}/${l.sys}`), Number.POSITIVE_INFINITY) ?? `${sameEvent[0].ns}/${sameEvent[0].sys}`;
    const [bns, bsys] = best.split('/');
    return {
      kind: 'wrong-sender',
      title: `${event} from ${sender} unheard on ${node}: the listener names ${pair(bns, bsys)}${times}`,
      explanation: `${node} listens for ${event} with ${pair(bns, bsys)}, but ${heardWith}${senderPair && !fixedPair ? '' : senderPair ? `; the sender is ${senderPair}` : ''}. A listener hears only the pair it names.`,
      suggestion: `did you mean ListenForEvent('${e.ns}', '${e.sys}', '${event}', ...)? (the listener on ${node} names ${pair(bns, bsys)})`,
    };
  }
  const otherEvents = [...new Set(listens.filter((l) => l.ns === e.ns && l.sys === e.sys).map((l) => l.event))];
  const typo = nearest(event, otherEvents);
  const elsewhere = [...regs.listens.entries()].filter(([n, ls]) => n !== node && ls.some((l) => l.event === event)).map(([n]) => n);
  return {
    title,
    explanation: `Nobody on ${node} listens for ${event} with ${expected}; ${heardWith}. The message was delivered and nothing ran.${elsewhere.length ? ` Listeners for ${event} exist on ${list(elsewhere)}.` : ''}`,
    suggestion: typo !== undefined ? `did you mean the event "${typo}"? (${node} listens for it with ${expected})` : `ListenForEvent('${e.ns}', '${e.sys}', '${event}', ...) on ${node}`,
  };
}

/** The send behind a deliver behind this event, for the sender's own pair. */
function senderOf(e: TraceEvent, w: World): TraceEvent | undefined {
  let cur: TraceEvent | undefined = e;
  for (let hops = 0; cur && hops < 3; hops++) {
    if (cur.type === 'send') return cur;
    cur = cur.cause !== undefined ? w.seqEvent(cur.cause) : undefined;
  }
  return undefined;
}

// ------------------------------------------------------------------ RPC

function rpcTarget(detail: string | undefined): { target: string; what: 'module' | 'type'; running: boolean } | undefined {
  const m = /^(nobody owns|no running owner of) (module|service type) (.*)$/.exec(detail ?? '');
  if (!m) return undefined;
  return { target: m[3], what: m[2] === 'module' ? 'module' : 'type', running: m[1] === 'nobody owns' };
}

function noRoute(e: TraceEvent, w: World, times: string): Text {
  const t = rpcTarget(e.detail);
  const api = e.api ?? 'RequestToService';
  const topo = topoOf(w.context);
  const services = topo.of(['service', 'master']);
  const modules = [...new Set(services.flatMap((s) => s.moduleNames ?? []))];
  const types = [...new Set(topo.of(['service']).flatMap((s) => (s.type ? [s.type] : [])))];
  if (!t) return { title: `${api} ${e.event ?? ''}: no route${times}`, explanation: e.detail ?? 'No owner for the request.' };
  const title = `${api}('${t.target}', '${e.event ?? ''}') from ${e.from ?? '?'}: no route${times}`;
  if (!t.running) {
    return { title, explanation: `Every owner of ${t.what} ${t.target} is stopped, so the request went nowhere and its callback gets (False, None) at the timeout.` };
  }
  if (api === 'RequestToServiceMod') {
    const owners = services.filter((s) => s.moduleNames?.includes(t.target)).map((s) => s.id);
    if (owners.length) {
      return {
        title,
        explanation: `RequestToServiceMod addresses a service type (the "Type" of a service), and no service has type "${t.target}". "${t.target}" is a module in the module_names of ${list(owners)}: modules are addressed with RequestToService.`,
        suggestion: `RequestToService('${t.target}', '${e.event ?? ''}', ...), answered by RegisterRpcMethod('${t.target}', '${e.event ?? ''}', ...)`,
      };
    }
    const near = nearest(t.target, types);
    return { title, explanation: `No service has type "${t.target}" (types: ${list(types)}).`, suggestion: near ? `did you mean the service type "${near}"?` : undefined };
  }
  const typed = topo.of(['service']).filter((s) => s.type === t.target).map((s) => s.id);
  if (typed.length) {
    return {
      title,
      explanation: `RequestToService addresses a module from some service's module_names, and no service or master lists "${t.target}". "${t.target}" is the service type of ${list(typed)}: types are addressed with RequestToServiceMod.`,
      suggestion: `RequestToServiceMod('${t.target}', '${e.event ?? ''}', ...), answered by RegisterRpcMethodForMod('${e.event ?? ''}', ...)`,
    };
  }
  const near = nearest(t.target, modules);
  return { title, explanation: `No service or master lists the module "${t.target}" in its module_names (modules: ${list(modules)}).`, suggestion: near ? `did you mean the module "${near}"?` : undefined };
}

function noHandler(e: TraceEvent, regs: Registrations, times: string): Text {
  const owner = e.to ?? '?';
  const method = e.event ?? '';
  const api = e.api ?? '';
  const mine = regs.rpcs.get(owner) ?? [];
  const title = `${api} '${method}' to ${owner}: no handler${times}`;
  const forMod = api === 'RequestToServiceMod';
  const needed = forMod ? 'RegisterRpcMethodForMod' : 'RegisterRpcMethod';
  const other = mine.find((r) => r.method === method && r.api !== needed);
  if (other) {
    return {
      title,
      explanation: forMod
        ? `${owner} registered '${method}' with RegisterRpcMethod('${other.module}', '${method}'), which answers RequestToService; a RequestToServiceMod is answered only by RegisterRpcMethodForMod.`
        : `${owner} registered '${method}' with RegisterRpcMethodForMod('${method}'), which answers RequestToServiceMod; a RequestToService is answered only by RegisterRpcMethod(module, event).`,
      suggestion: forMod
        ? `RegisterRpcMethodForMod('${method}', ...) on ${owner} (or send RequestToService('${other.module}', '${method}', ...))`
        : `RegisterRpcMethod('<module>', '${method}', ...) on ${owner} (or send RequestToServiceMod('<type>', '${method}', ...))`,
    };
  }
  const names = mine.filter((r) => r.api === needed).map((r) => r.method);
  const near = nearest(method, names);
  return {
    title,
    explanation: `${owner} owns the ${forMod ? 'type' : 'module'} but registered no ${needed} for '${method}' (it has: ${list(names)}); the callback gets (False, None) at the timeout.`,
    suggestion: near ? `did you mean '${near}'?` : `${needed}(${forMod ? '' : "'<module>', "}'${method}', ...) on ${owner}`,
  };
}

function timeout(p: Problem, times: string): Text {
  const r = p.rpc ?? { id: 0 };
  const call = `${r.api ?? 'request'} '${r.method ?? ''}' from ${r.requester ?? '?'} to ${r.owner ?? '?'}`;
  const secs = r.deadline !== undefined && r.sendT !== undefined ? `${((r.deadline - r.sendT) / 1000).toFixed(2).replace(/\.?0+$/, '')} s` : 'its timeout';
  if (p.kind === 'no-response') {
    const handler = r.handlerPair ? ` (${r.handlerPair.replace('/', ', ')})` : '';
    return {
      title: `${call} timed out: the handler never called ResponseToServer${times}`,
      explanation: `The handler on ${r.owner ?? '?'}${handler} ran at ${r.handledAt ?? '?'} ms and returned without ResponseToServer, so after ${secs} the callback on ${r.requester ?? '?'} ran with (False, None).`,
      suggestion: `call ResponseToServer(serverId, callbackId, data) in the handler${handler}, or later but within ${secs}`,
    };
  }
  let why = `No answer reached ${r.requester ?? '?'} within ${secs}`;
  if (r.requestDrop) why = `The request was dropped (${r.requestDrop})`;
  else if (r.respondedAt !== undefined && r.deadline !== undefined && r.respondedAt >= r.deadline) why = `The answer from ${r.owner ?? 'the owner'} was sent at ${r.respondedAt} ms, after the deadline (${r.deadline} ms)`;
  else if (r.responseDrop) why = `The response was dropped (${r.responseDrop})`;
  else if (r.handled === undefined) why = `The request had not reached ${r.owner ?? '?'} within ${secs}`;
  else if (r.responded !== undefined) why = `The response came after ${secs}`;
  const late = r.respondedAt !== undefined && r.deadline !== undefined && r.respondedAt >= r.deadline;
  return {
    title: `${call} timed out${times}`,
    explanation: `${why}, so the callback ran with (False, None).`,
    suggestion: late ? `answer within ${secs}, or pass a longer timeout to ${r.api ?? 'the request'}` : undefined,
  };
}

function response(e: TraceEvent, rpcs: Map<number, RpcFacts>, times: string): Text {
  const r = e.rpc ? rpcs.get(e.rpc.id) : undefined;
  const what: Record<string, string> = {
    'late-response': 'arrived after the request had timed out (or ended without a handler); the callback had already run with (False, None)',
    'duplicate-response': 'is a second ResponseToServer for a request already answered',
    'response-without-callback': 'answers a request sent without a callback: nothing waits for it',
    'unexpected-response': 'arrived while the request was not waiting for one',
  };
  return {
    title: `${e.reason} for '${e.event ?? ''}' from ${e.from ?? '?'} to ${e.to ?? '?'}${times}`,
    explanation: `This ResponseToServer ${what[e.reason ?? ''] ?? 'was dropped'}; it was dropped.${r?.deadline !== undefined && r.sendT !== undefined ? ` The request was sent at ${r.sendT} ms with its deadline at ${r.deadline} ms.` : ''}`,
    suggestion: e.reason === 'late-response' ? 'answer sooner, or pass a longer timeout to the request' : e.reason === 'duplicate-response' ? 'call ResponseToServer once per callbackId' : undefined,
  };
}

// ------------------------------------------------------------------ addressing

function wrongTarget(e: TraceEvent, w: World, times: string): Text {
  const topo = topoOf(w.context);
  const api = e.api ?? '';
  const id = Number(/(-?\d+)/.exec(e.detail ?? '')?.[1]);
  const title = `${api}(${Number.isNaN(id) ? '?' : id}, '${e.event ?? ''}') from ${e.from ?? '?'}: no such target${times}`;
  const servers = topo.of(['lobby', 'game']).map((n) => `${n.serverId} (${n.id})`);
  const services = topo.of(['service']).map((n) => `${n.serverId} (${n.id})`);
  if (api === 'RemoteNotifyToClient') return { title, explanation: `${e.detail ?? 'No such client'}: the message was dropped.` };
  const n = topo.byServerId.get(id);
  const client = topo.byUid.get(id);
  const reach = api === 'NotifyToServerNode' ? 'a lobby/game' : 'a service';
  const known = api === 'NotifyToServerNode' ? `lobby/game serverIds: ${list(servers)}` : `service serverIds: ${list(services)}`;
  if (n) {
    let suggestion: string | undefined;
    if (api === 'NotifyToServerNode' && n.kind === 'service') suggestion = `NotifyToServiceNode(${id}, '${e.event ?? ''}', ...) reaches a service`;
    else if (api === 'NotifyToServiceNode' && (n.kind === 'lobby' || n.kind === 'game')) suggestion = `NotifyToServerNode(${id}, '${e.event ?? ''}', ...) reaches a lobby/game (from the master or a service)`;
    else if (n.kind === 'master') suggestion = `NotifyToMaster('${e.event ?? ''}', ...) reaches the master`;
    else if (n.kind === 'proxy') suggestion = `a proxy runs no mods; to reach a client on it use RemoteNotifyToClient(uid, ${id}, ...) from a service`;
    return { title, explanation: `${api} reaches ${reach} by serverId; ${id} is ${describe(n)}, so the message was dropped. ${known[0].toUpperCase()}${known.slice(1)}.`, suggestion };
  }
  if (client) {
    return {
      title,
      explanation: `${api} reaches ${reach} by serverId; ${id} is the uid of ${client.id}, not a serverId, so the message was dropped.`,
      suggestion: `to reach ${client.id}: NotifyToClient(playerId, ...) from the lobby/game it is on, or RemoteNotifyToClient(${id}, proxyId, ...) from a service`,
    };
  }
  const near = nearest(String(id), (api === 'NotifyToServerNode' ? topo.of(['lobby', 'game']) : topo.of(['service'])).map((x) => String(x.serverId)), 2);
  return { title, explanation: `No node has serverId ${id}, so the message was dropped. ${known[0].toUpperCase()}${known.slice(1)}.`, suggestion: near ? `did you mean ${near}?` : undefined };
}

function clientMoved(e: TraceEvent, w: World, times: string, transfer: Problem['transfer']): Text {
  const reason = e.reason ?? '';
  const api = e.api ?? '';
  const from = e.from ?? '?';
  if (reason === 'in-transfer') {
    const c = w.clients.get(e.to ?? '');
    return {
      title: `${api} '${e.event ?? ''}' from ${from} to ${e.to ?? 'a client'}: the client was mid-transfer${times}`,
      explanation: `${e.to ?? 'The client'} was between servers${transfer?.from && transfer.to ? ` (${transfer.from} → ${transfer.to})` : ''}: a player in transfer belongs to no server, so messages to it are dropped (semantics §4).${c?.server && c.playerId ? ` It is now on ${c.server} as playerId ${c.playerId}.` : ''}`,
      suggestion: `send after AddServerPlayerEvent on the new server, from that server with the new playerId`,
    };
  }
  if (reason === 'not-on-proxy') {
    return { title: `${api} '${e.event ?? ''}' from ${from}: client not on that proxy${times}`, explanation: `${e.detail ?? 'The client is not attached to that proxy'}; RemoteNotifyToClient needs the proxy the client's session is on.` };
  }
  // not-on-server: at send (no such playerId on the caller) or on arrival (the client left).
  const m = /^no player (.*) on (.*)$/.exec(e.detail ?? '');
  if (m) {
    const [, playerId, server] = m;
    const had = w.players.get(`${server}\u0000${playerId}`);
    const title = `${api}('${playerId}', '${e.event ?? ''}') from ${from}: no such player on ${server}${times}`;
    if (had) {
      const c = w.clients.get(had.client);
      const now = c?.server ? `${had.client} is now on ${c.server} as playerId ${c.playerId}` : `${had.client} is not on a server now`;
      return {
        title,
        explanation: `${playerId} was ${had.client}'s playerId on ${server}${c?.leftAt !== undefined ? ` until ${c.leftAt} ms` : ''}; ${now}. A playerId is local to one server and a new one is given on each join.`,
        suggestion: c?.server ? `send from ${c.server} with playerId ${c.playerId}, or drop playerIds on DelServerPlayerEvent` : 'drop playerIds on DelServerPlayerEvent',
      };
    }
    const asUid = topoOf(w.context).byUid.get(Number(playerId));
    if (asUid) return { title, explanation: `${playerId} is the uid of ${asUid.id}, not a playerId: NotifyToClient takes the playerId the player has on this server (AddServerPlayerEvent's id).`, suggestion: `use the id from AddServerPlayerEvent, or RemoteNotifyToClient(${playerId}, proxyId, ...) from a service` };
    return { title, explanation: `No player with playerId ${playerId} was ever on ${server}; NotifyToClient reaches only a player on the calling server.` };
  }
  const c = w.clients.get(e.to ?? '');
  return {
    title: `${api} '${e.event ?? ''}' from ${from} to ${e.to ?? '?'}: the client had left${times}`,
    explanation: `${e.detail ?? 'The client was no longer there'} before the message arrived${c?.server ? `; it is now on ${c.server}` : ''}. A message to a client is delivered only while it is on the server that sent it.`,
  };
}

function dropWhy(e: TraceEvent): string {
  switch (e.reason) {
    case 'loss':
      return `The link${e.at ? ` at ${e.at}` : ''} loses messages (option or fault "loss"); this one was lost.`;
    case 'link-down':
      return `The link${e.at ? ` at ${e.at}` : ''} was cut when the message was sent.`;
    case 'node-down':
      return `${e.at ?? e.to ?? 'A node on the path'} was stopped.`;
    case 'no-target':
      return `${e.detail ?? 'There was no receiver'}.`;
    default:
      return e.detail ?? `Dropped: ${e.reason ?? 'unknown reason'}.`;
  }
}
