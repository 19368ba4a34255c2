// Recordings as the recorder mod would have written them, made from an engine trace: one file
// per lobby/game/master/service, lines per recorder/FORMAT.md, each server's clock skewed as asked,
// lines lost on request. Tests merge them back and compare with the engine's own trace.
import { ENGINE_NAMESPACE, ENGINE_SYSTEM } from '../../api/interfaces';
import type { TraceEvent, TraceHeader } from '../../trace/event';
import { listenPair } from '../nodes';

export interface SynthOptions {
  /** Wall clock of the engine's t = 0. */
  epochMs?: number;
  /** ms added to a node's clock (node id -> skew). */
  skewMs?: Record<string, number>;
  /** Lines to leave out (a lost line): node id and the line's seq. */
  lose?: (node: string, seq: number, kind: string) => boolean;
  /** Add correlation keys to dict payloads (default true). */
  correlate?: boolean;
  /** Nodes to record (default: every lobby, game, master and service). */
  record?: (node: { id: string; kind: string }) => boolean;
  /** ms each server's recorder starts before the engine's t = 0 (its header's ts). */
  bootLeadMs?: number;
}

export interface SynthFile {
  name: string;
  node: string;
  text: string;
}

type Line = Record<string, unknown> & { seq: number; ts: number; kind: string };

const REQUESTS = new Set(['RequestToService', 'RequestToServiceMod']);
const ONE_WAY = new Set(['NotifyToClient', 'NotifyToMaster', 'NotifyToServerNode', 'BroadcastToServerByType', 'NotifyToServiceNode', 'BroadcastToService', 'RemoteNotifyToClient']);

function isDict(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function synthesizeRecordings(header: TraceHeader, events: readonly TraceEvent[], opts: SynthOptions = {}): SynthFile[] {
  const epoch = opts.epochMs ?? 1_767_225_600_000;
  const correlate = opts.correlate !== false;
  const nodes = new Map((header.nodes ?? []).map((n) => [n.id, n]));
  const recorded = new Set(
    [...nodes.values()].filter((n) => ['lobby', 'game', 'master', 'service'].includes(n.kind) && (opts.record ? opts.record(n) : true)).map((n) => n.id),
  );
  type NodeState = { seq: number; lines: (Line | Record<string, unknown>)[]; dlv: number; boot: string; booted: boolean; stopped: boolean; restarts: number };
  const state = new Map<string, NodeState>();
  for (const id of recorded) state.set(id, { seq: 0, lines: [], dlv: 0, boot: `b${nodes.get(id)?.serverId ?? 0}`, booted: false, stopped: false, restarts: 0 });
  const boot = (node: string) => (state.get(node) as NodeState).boot;
  const bySeq = new Map<number, TraceEvent>();
  for (const e of events) bySeq.set(e.seq, e);
  // A server's recorder starts when the server does (its first `start`, when that comes before
  // anything else happens on it), else at t = 0; a stop ends its recording with a clean stop line,
  // a later start is a new boot appended to the same file.
  const headerOf = (id: string, t: number, first: boolean) => {
    const n = nodes.get(id) as { id: string; kind: string; serverId?: number; type?: string };
    return {
      format: 'switchboard-recording', version: 1, recorder: 'synth', boot: boot(id), firstSeq: 1,
      ts: epoch + t - (first ? (opts.bootLeadMs ?? 0) : 0) + (opts.skewMs?.[id] ?? 0),
      server: { kind: n.kind, serverId: n.serverId ?? 0, ...(n.type !== undefined ? { type: n.type } : {}), ...(n.kind === 'service' ? { modules: modulesOf(id, events) } : {}) },
      correlate,
    };
  };
  const bootsLater = new Set<string>();
  const seen = new Set<string>();
  for (const e of events) {
    for (const id of [e.to, e.from]) {
      if (id === undefined || !recorded.has(id) || seen.has(id)) continue;
      seen.add(id);
      if (e.type === 'lifecycle' && e.detail === 'start' && e.to === id) bootsLater.add(id);
    }
  }
  for (const id of recorded) {
    if (bootsLater.has(id)) continue;
    const st = state.get(id) as NodeState;
    st.lines.push(headerOf(id, 0, true));
    st.booted = true;
  }

  const localOf = new Map<number, { node: string; seq: number }>(); // engine seq -> recorded line
  const corrOf = new Map<number, string>(); // engine send seq -> correlation id
  const dlvOf = new Map<number, number>(); // engine deliver seq -> dlv
  const requestLine = new Map<number, { node: string; seq: number }>(); // rpc id -> request line
  const handleLine = new Map<number, number>(); // rpc id -> owner's rpc-handle seq
  const requestSend = new Map<number, TraceEvent>(); // rpc id -> request send event
  const clientInfo = new Map<string, { playerId?: string; uid?: number; proxyId?: number }>();
  const httpClient = new Map<number, { id: number; line: number }>(); // http request seq -> clientId, line
  let httpCount = 0;

  const rpcTarget = targetsOf(events, nodes);
  const serverId = (id: string | undefined) => (id !== undefined ? nodes.get(id)?.serverId : undefined);
  const kindOf = (id: string | undefined) => (id !== undefined ? nodes.get(id)?.kind : undefined);

  const write = (node: string, e: TraceEvent, kind: string, fields: Record<string, unknown>, opt: { data?: unknown; hasData?: boolean } = {}): number => {
    const s = state.get(node) as NodeState;
    if (!s.booted) {
      s.lines.push(headerOf(node, e.t, true));
      s.booted = true;
    }
    const seq = ++s.seq;
    const line: Line = { seq, ts: epoch + e.t + (opts.skewMs?.[node] ?? 0), kind };
    // The handler this happened inside: the cause chain's first handle/callback/http-request line on this node.
    let c = e.cause;
    while (c !== undefined) {
      const loc = localOf.get(c);
      if (loc && loc.node === node) {
        line.cause = loc.seq;
        break;
      }
      const ce = bySeq.get(c);
      if (!ce || ce.type === 'handle' || ce.type === 'callback' || ce.type === 'http') break;
      c = ce.cause;
    }
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) line[k] = v;
    if (opt.hasData) line.data = opt.data ?? null;
    s.lines.push(line);
    return seq;
  };

  for (const e of events) {
    const to = e.to;
    const from = e.from;
    switch (e.type) {
      case 'lifecycle': {
        const st = to !== undefined ? state.get(to) : undefined;
        if (st && e.detail === 'start') {
          if (!st.booted) {
            st.lines.push(headerOf(to as string, e.t, true));
            st.booted = true;
          } else if (st.stopped) {
            st.restarts++;
            st.boot = `b${nodes.get(to as string)?.serverId ?? 0}r${st.restarts}`;
            st.seq = 0;
            st.stopped = false;
            st.lines.push(headerOf(to as string, e.t, false));
          }
        } else if (st && e.detail === 'stop' && st.booted && !st.stopped) {
          write(to as string, e, 'stop', { clean: true, reason: 'server stopped' });
          st.stopped = true;
        }
        const d = isDict(e.data) ? e.data : {};
        if (from && (e.detail === 'login' || e.detail === 'transfer-end')) {
          clientInfo.set(from, { playerId: d.playerId as string, uid: (d.uid as number) ?? clientInfo.get(from)?.uid, proxyId: (d.proxyId as number) ?? clientInfo.get(from)?.proxyId });
        }
        break;
      }
      case 'register': {
        if (!to || !recorded.has(to)) break;
        if (e.detail === 'listen') write(to, e, 'register', { api: 'ListenForEvent', listen: { ns: e.ns, sys: e.sys, event: e.event, priority: 0 } });
        else if (e.detail === 'http' || e.detail === 'http-replaced') write(to, e, 'register', { api: 'RegisterMasterHttp', path: e.event, ns: e.ns, sys: e.sys });
        else if (e.api === 'RegisterRpcMethod' || e.api === 'RegisterRpcMethodForMod') {
          const d = isDict(e.data) ? e.data : {};
          write(to, e, 'register', { api: e.api, method: e.event, module: e.api === 'RegisterRpcMethod' ? d.module : undefined, ns: e.ns, sys: e.sys });
        }
        break;
      }
      case 'send': {
        if (!from || !recorded.has(from) || !e.api) break;
        if (REQUESTS.has(e.api) && e.rpc) {
          requestSend.set(e.rpc.id, e);
          const target = rpcTarget(e);
          const seq = (state.get(from) as { seq: number }).seq + 1;
          const corr = correlate && isDict(e.data) ? `${serverId(from)}:${boot(from)}:${seq}` : undefined;
          if (corr) corrOf.set(e.seq, corr);
          write(from, e, 'rpc-request', {
            api: e.api, event: e.event, to: target, corr, ns: e.ns, sys: e.sys,
            timeout: e.rpc.deadline !== undefined ? (e.rpc.deadline - e.t) / 1000 : 2, callback: e.rpc.deadline !== undefined,
          }, { data: e.data, hasData: true });
          requestLine.set(e.rpc.id, { node: from, seq });
        } else if (e.api === 'ResponseToServer' && e.rpc) {
          const req = requestSend.get(e.rpc.id);
          write(from, e, 'rpc-response', { to: { serverId: serverId(to) }, callbackId: req?.rpc?.callbackId, handle: handleLine.get(e.rpc.id), ns: e.ns, sys: e.sys }, { data: e.data, hasData: true });
        } else if (ONE_WAY.has(e.api)) {
          const seq = (state.get(from) as { seq: number }).seq + 1;
          const toClient = e.api === 'NotifyToClient' || e.api === 'RemoteNotifyToClient';
          const corr = correlate && !toClient && isDict(e.data) ? `${serverId(from)}:${boot(from)}:${seq}` : undefined;
          if (corr) corrOf.set(e.seq, corr);
          write(from, e, 'send', { api: e.api, event: e.event, to: oneWayTarget(e, nodes, clientInfo), corr, ns: e.ns, sys: e.sys }, { data: e.data, hasData: true });
          localOf.set(e.seq, { node: from, seq });
        }
        break;
      }
      case 'misuse': {
        if (!from || !recorded.has(from) || !e.api) break;
        const kind = REQUESTS.has(e.api) ? 'rpc-request' : e.api === 'ResponseToServer' ? 'rpc-response' : e.api === 'SendHttpResponse' ? 'http-response' : ONE_WAY.has(e.api) ? 'send' : undefined;
        if (kind) write(from, e, kind, { api: e.api, event: e.event ?? '', error: e.reason ?? 'misuse', to: kind === 'rpc-response' ? {} : undefined, clientId: kind === 'http-response' ? -1 : undefined });
        break;
      }
      case 'handle': {
        if (!to || !recorded.has(to)) break;
        const deliver = e.cause !== undefined ? bySeq.get(e.cause) : undefined;
        if (e.rpc && deliver) {
          // cause is the rpc 'handling' event; its cause is the deliver
          const dl = deliver.type === 'deliver' ? deliver : deliver.cause !== undefined ? bySeq.get(deliver.cause) : undefined;
          const req = requestSend.get(e.rpc.id);
          const seq = write(to, e, 'rpc-handle', {
            api: req?.api === 'RequestToServiceMod' ? 'RegisterRpcMethodForMod' : 'RegisterRpcMethod', event: e.event,
            module: req?.api === 'RequestToService' ? rpcTarget(req).module : undefined,
            requester: req?.rpc?.requester, callbackId: req?.rpc?.callbackId, corr: req ? corrOf.get(req.seq) : undefined, ns: e.ns, sys: e.sys,
          }, { data: dl?.data, hasData: true });
          handleLine.set(e.rpc.id, seq);
          localOf.set(e.seq, { node: to, seq });
          break;
        }
        const dl = deliver?.type === 'deliver' ? deliver : undefined;
        const send = dl?.cause !== undefined ? bySeq.get(dl.cause) : undefined;
        // A message from a client is listened to with the client system's own pair (its send names it).
        let pair: [string | undefined, string | undefined] = [ENGINE_NAMESPACE, ENGINE_SYSTEM];
        if (send && send.type === 'send' && send.api) pair = listenPair(kindOf(send.from) ?? '', send.api, send.ns, send.sys);
        else if (dl && !(dl.ns === ENGINE_NAMESPACE && dl.sys === ENGINE_SYSTEM) && e.api) pair = [send?.ns, send?.sys];
        const corr = send ? corrOf.get(send.seq) : undefined;
        let dlv: number | undefined;
        if (!corr && dl) {
          const st = state.get(to) as { dlv: number };
          dlv = dlvOf.get(dl.seq) ?? ++st.dlv;
          dlvOf.set(dl.seq, dlv);
        }
        const seq = write(to, e, 'handle', { event: e.event, from: { ns: pair[0], sys: pair[1] }, corr, dlv, ns: e.ns, sys: e.sys }, { data: dl?.data, hasData: true });
        localOf.set(e.seq, { node: to, seq });
        break;
      }
      case 'callback': {
        if (!to || !recorded.has(to) || !e.rpc) break;
        const req = requestLine.get(e.rpc.id);
        const seq = write(to, e, 'callback', { req: req?.node === to ? req.seq : undefined, suc: e.suc === true }, { data: e.data ?? null, hasData: true });
        localOf.set(e.seq, { node: to, seq });
        break;
      }
      case 'http': {
        if (e.detail === 'request' && to && recorded.has(to) && e.reason === undefined) {
          const id = ++httpCount;
          const seq = write(to, e, 'http-request', { path: e.event, clientId: id }, { data: e.data, hasData: true });
          localOf.set(e.seq, { node: to, seq });
          httpClient.set(e.seq, { id, line: seq });
        } else if (e.detail === 'response' && from && recorded.has(from)) {
          const req = e.cause !== undefined ? httpClient.get(e.cause) : undefined;
          write(from, e, 'http-response', { clientId: req?.id ?? 0, path: e.event, req: req?.line }, { data: e.data, hasData: true });
        }
        break;
      }
      case 'error':
        if (to && recorded.has(to)) write(to, e, 'error', { error: e.reason ?? 'error' });
        break;
    }
  }

  const files: SynthFile[] = [];
  for (const id of [...recorded].sort()) {
    const s = state.get(id) as NodeState;
    const kept = s.lines.filter((l) => l.format !== undefined || !(opts.lose?.(id, l.seq as number, l.kind as string) ?? false));
    files.push({ name: `${id}.ndjson`, node: id, text: kept.map((l) => JSON.stringify(l)).join('\n') + '\n' });
  }
  return files;
}

function modulesOf(node: string, events: readonly TraceEvent[]): string[] {
  const out = new Set<string>();
  for (const e of events) if (e.type === 'register' && e.to === node && e.api === 'RegisterRpcMethod' && isDict(e.data) && typeof e.data.module === 'string') out.add(e.data.module);
  return [...out].sort();
}

/** The module or type each request addressed (the engine trace names the owner, not the target). */
function targetsOf(events: readonly TraceEvent[], nodes: Map<string, { kind: string; type?: string }>): (send: TraceEvent) => { module?: string; type?: string } {
  const noRoute = new Map<number, string>();
  const modules = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'rpc' && e.rpc?.state === 'noRoute' && e.detail) noRoute.set(e.rpc.id, e.detail);
    if (e.type === 'register' && e.api === 'RegisterRpcMethod' && isDict(e.data) && typeof e.data.module === 'string') modules.set(`${e.to}\u0000${e.event}`, e.data.module);
  }
  return (send) => {
    const detail = send.rpc ? noRoute.get(send.rpc.id) : undefined;
    const m = detail ? /(module|service type) (\S+)/.exec(detail) : null;
    if (send.api === 'RequestToServiceMod') return { type: m ? m[2] : send.to !== undefined ? nodes.get(send.to)?.type : undefined };
    if (m) return { module: m[2] };
    return { module: modules.get(`${send.to}\u0000${send.event}`) };
  };
}

function oneWayTarget(e: TraceEvent, nodes: Map<string, { kind: string; serverId?: number; type?: string }>, clients: Map<string, { playerId?: string; uid?: number; proxyId?: number }>): Record<string, unknown> {
  switch (e.api) {
    case 'NotifyToClient':
      return { playerId: e.to !== undefined ? clients.get(e.to)?.playerId : undefined };
    case 'RemoteNotifyToClient': {
      const c = e.to !== undefined ? clients.get(e.to) : undefined;
      return { uid: c?.uid, proxyId: c?.proxyId };
    }
    case 'NotifyToServerNode':
    case 'NotifyToServiceNode':
      return { serverId: e.to !== undefined ? nodes.get(e.to)?.serverId : undefined };
    case 'BroadcastToServerByType':
      return { type: e.targets?.[0] !== undefined ? nodes.get(e.targets[0])?.type : undefined };
    default:
      return {};
  }
}

