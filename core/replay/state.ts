// The replay state: what the world looks like after a prefix of the trace (who is on which server,
// which nodes are down, which links are cut, pending RPCs, messages in flight). `applyEvent` is the
// only way it changes. Entries are never mutated once stored (they are replaced), so a snapshot is a
// shallow copy of the collections: cheap keyframes, and a state handed to the UI stays valid.
import type { RpcState, TraceEvent } from '../trace/event';

export interface ClientState {
  /** Node id of the lobby/game it is on; null when not logged in. During a transfer: the server it is leaving. */
  readonly server: string | null;
  readonly playerId: string | null;
  readonly inTransfer: boolean;
  /** Node id it is transferring to (only while inTransfer). */
  readonly transferTo: string | null;
  readonly uid?: number;
  readonly proxyId?: number;
}

export interface PendingRpc {
  readonly id: number;
  readonly state: RpcState;
  /** Node id of the requester. */
  readonly requester: string | null;
  /** Requester serverId (rpc.requester on the request). */
  readonly requesterServerId?: number;
  /** Node id of the owner the request was routed to; null when there is no route. */
  readonly owner: string | null;
  readonly api: string;
  /** Method / event name. */
  readonly event: string;
  readonly startT: number;
  /** seq of the request send. */
  readonly seq: number;
  readonly callbackId?: number;
  /** When its callback(False) fires, where the trace shows it (RPCs that time out); else undefined. */
  readonly timeoutAt?: number;
}

export interface InFlightMessage {
  /** seq of the send. */
  readonly seq: number;
  readonly from: string | null;
  /** Point message receiver. */
  readonly to?: string;
  /** Broadcast receivers (all of them, including those already reached). */
  readonly targets?: readonly string[];
  readonly api: string;
  readonly event: string;
  /** Send time (virtual ms). */
  readonly t: number;
  /** Scheduled arrival, when the send says. */
  readonly arrive?: number;
  readonly broadcast: boolean;
  /** Receivers not yet reached (delivered or dropped). */
  readonly remaining: number;
  /** Broadcast receivers already reached. */
  readonly done?: readonly string[];
  readonly rpcId?: number;
  /** Node ids the message passes through (sender first). */
  readonly path?: readonly string[];
}

export interface ReplayState {
  /** Number of events applied (the state is "after event position-1"). */
  position: number;
  /** Time of the last applied event (0 before any). */
  t: number;
  clients: Map<string, ClientState>;
  down: Set<string>;
  /** Cut links as linkKey(a, b). */
  cutLinks: Set<string>;
  /** Loss set on links by faults, linkKey -> probability (0 removes it). */
  linkLoss: Map<string, number>;
  pendingRpcs: Map<number, PendingRpc>;
  /** Messages sent and not yet delivered/dropped everywhere, keyed by the send's seq. */
  inFlight: Map<number, InFlightMessage>;
}

/** Order-independent key of the link between a and b. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function createState(): ReplayState {
  return { position: 0, t: 0, clients: new Map(), down: new Set(), cutLinks: new Set(), linkLoss: new Map(), pendingRpcs: new Map(), inFlight: new Map() };
}

/**
 * An independent copy (entries are immutable, so collections are copied shallowly). Optional
 * fields of entries may be present with the value undefined (constant object shapes are faster).
 */
export function cloneState(s: ReplayState): ReplayState {
  return {
    position: s.position,
    t: s.t,
    clients: new Map(s.clients),
    down: new Set(s.down),
    cutLinks: new Set(s.cutLinks),
    linkLoss: new Map(s.linkLoss),
    pendingRpcs: new Map(s.pendingRpcs),
    inFlight: new Map(s.inFlight),
  };
}

const RPC_ORDER: Record<RpcState, number> = { requested: 0, delivered: 1, handling: 2, responded: 3, completed: 4, timedOut: 4, noRoute: 4, noHandler: 4 };

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}
function field(data: unknown, k: string): unknown {
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[k] : undefined;
}

function withState(p: PendingRpc, state: RpcState): PendingRpc {
  return {
    id: p.id,
    state,
    requester: p.requester,
    requesterServerId: p.requesterServerId,
    owner: p.owner,
    api: p.api,
    event: p.event,
    startT: p.startT,
    seq: p.seq,
    callbackId: p.callbackId,
    timeoutAt: p.timeoutAt,
  };
}

function advanceRpc(s: ReplayState, id: number, state: RpcState): void {
  const p = s.pendingRpcs.get(id);
  if (!p) return;
  if (state === 'completed' || state === 'timedOut') {
    s.pendingRpcs.delete(id);
    return;
  }
  // Never move backwards (a deliver carrying 'delivered' after the rpc event said 'handling').
  if (RPC_ORDER[state] > RPC_ORDER[p.state]) s.pendingRpcs.set(id, withState(p, state));
}

function reach(s: ReplayState, sendSeq: number | undefined, to: string | undefined): void {
  if (sendSeq === undefined) return;
  const f = s.inFlight.get(sendSeq);
  if (!f) return;
  if (f.remaining <= 1) {
    s.inFlight.delete(sendSeq);
    return;
  }
  s.inFlight.set(sendSeq, {
    seq: f.seq,
    from: f.from,
    to: f.to,
    targets: f.targets,
    api: f.api,
    event: f.event,
    t: f.t,
    arrive: f.arrive,
    broadcast: f.broadcast,
    remaining: f.remaining - 1,
    done: to !== undefined ? [...(f.done ?? []), to] : f.done,
    rpcId: f.rpcId,
    path: f.path,
  });
}

export interface ApplyContext {
  /** Deadline of an RPC when known (the index knows it once the trace shows the timeout). */
  timeoutAt?(rpcId: number): number | undefined;
}

/** Apply one event (the next one in order) to the state, in place. */
export function applyEvent(s: ReplayState, e: TraceEvent, ctx?: ApplyContext): void {
  s.position++;
  s.t = e.t;
  switch (e.type) {
    case 'send': {
      const rpc = e.rpc;
      if (rpc) {
        if (rpc.state === 'requested') {
          s.pendingRpcs.set(rpc.id, {
            id: rpc.id,
            state: 'requested',
            requester: e.from ?? null,
            requesterServerId: rpc.requester,
            owner: e.to ?? null,
            api: e.api ?? '',
            event: e.event ?? '',
            startT: e.t,
            seq: e.seq,
            callbackId: rpc.callbackId,
            timeoutAt: rpc.deadline ?? ctx?.timeoutAt?.(rpc.id),
          });
        } else {
          advanceRpc(s, rpc.id, rpc.state);
        }
      }
      const targets = e.targets;
      if (e.to !== undefined || targets !== undefined) {
        const remaining = targets !== undefined ? targets.length : 1;
        if (remaining > 0)
          s.inFlight.set(e.seq, {
            seq: e.seq,
            from: e.from ?? null,
            to: e.to,
            targets,
            api: e.api ?? '',
            event: e.event ?? '',
            t: e.t,
            arrive: e.arrive,
            broadcast: targets !== undefined,
            remaining,
            done: undefined,
            rpcId: rpc?.id,
            path: e.path,
          });
      }
      break;
    }
    case 'deliver':
    case 'drop':
      reach(s, e.cause, e.to);
      if (e.rpc && e.type === 'deliver') advanceRpc(s, e.rpc.id, e.rpc.state);
      break;
    case 'rpc':
      if (e.rpc) advanceRpc(s, e.rpc.id, e.rpc.state);
      break;
    case 'callback':
      if (e.rpc) s.pendingRpcs.delete(e.rpc.id);
      break;
    case 'lifecycle': {
      const client = e.from;
      const c = client !== undefined ? s.clients.get(client) : undefined;
      switch (e.detail) {
        case 'login':
          if (client !== undefined) {
            const uid = num(field(e.data, 'uid')) ?? c?.uid;
            const proxyId = num(field(e.data, 'proxyId')) ?? c?.proxyId;
            s.clients.set(client, {
              server: e.to ?? null,
              playerId: str(field(e.data, 'playerId')),
              inTransfer: false,
              transferTo: null,
              ...(uid !== undefined ? { uid } : {}),
              ...(proxyId !== undefined ? { proxyId } : {}),
            });
          }
          break;
        case 'transfer-start':
          if (client !== undefined) s.clients.set(client, { server: c?.server ?? null, playerId: c?.playerId ?? null, ...keep(c), inTransfer: true, transferTo: e.to ?? null });
          break;
        case 'transfer-end':
          if (client !== undefined) s.clients.set(client, { ...keep(c), server: e.to ?? null, playerId: str(field(e.data, 'playerId')), inTransfer: false, transferTo: null });
          break;
        case 'logout':
          if (client !== undefined) s.clients.set(client, { ...keep(c), server: null, playerId: null, inTransfer: false, transferTo: null });
          break;
        case 'stop':
          if (e.to !== undefined) s.down.add(e.to);
          break;
        case 'start':
          if (e.to !== undefined) s.down.delete(e.to);
          break;
      }
      break;
    }
    case 'fault': {
      if (e.from === undefined || e.to === undefined) break;
      const k = linkKey(e.from, e.to);
      if (e.detail === 'cut') s.cutLinks.add(k);
      else if (e.detail === 'restore') s.cutLinks.delete(k);
      else if (e.detail === 'loss') {
        const loss = num(field(e.data, 'loss')) ?? 0;
        if (loss > 0) s.linkLoss.set(k, loss);
        else s.linkLoss.delete(k);
      }
      break;
    }
    default:
      break;
  }
}

function keep(c: ClientState | undefined): { uid?: number; proxyId?: number } {
  if (!c) return {};
  return { ...(c.uid !== undefined ? { uid: c.uid } : {}), ...(c.proxyId !== undefined ? { proxyId: c.proxyId } : {}) };
}

/** State after applying events [0, n) from scratch (reference implementation for tests). */
export function replayFromStart(events: readonly TraceEvent[], n = events.length, ctx?: ApplyContext): ReplayState {
  const s = createState();
  for (let i = 0; i < n; i++) applyEvent(s, events[i], ctx);
  return s;
}
