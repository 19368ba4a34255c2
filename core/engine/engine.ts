// The routing engine: every documented interface of semantics §2–4 on a virtual clock. Mod classes
// (core/api), behaviours and scenarios all call in here; the Simulation facade drives the clock.
// Hot path rules: plain objects, no closures or promises per message, trace recorded in columns.
import { EXTRA_API_NAMESPACE, INTERFACES, kindMayCall, type ApiName, type ParamSpec } from '../api/interfaces';
import type { Project } from '../model/schema';
import type { TraceHeader } from '../trace/event';
import { F, TYPE_INDEX, TraceRecorder } from '../trace/recorder';
import { ApolloMisuseError } from './errors';
import { UnsendableValueError, copyJson, copyPayload, isDict } from './json-copy';
import { listenersFor } from './listener-match';
import { Network } from './network';
import { EventQueue, type Scheduled } from './queue';
import { Random } from './random';
import { EV, RPC_STATE_INDEX, isFinalRpcState, rpcTransition } from './rpc-machine';
import { TimeoutLanes } from './timeouts';
import { RunawayGuard } from './runaway';
import { buildTopology, isServer, listenKey, type Handler, type Listener, type NodeRt, type SystemRt, type Topology } from './runtime';

const T = TYPE_INDEX;
const S = RPC_STATE_INDEX;

const K_MESSAGE = 0;
const K_TIMEOUT = 1;
const K_TASK = 2;

/** Message roles. */
const ONE_WAY = 0;
const REQUEST = 1;
const RESPONSE = 2;
const ENGINE_EVENT = 3;

export interface Message extends Scheduled {
  kind: typeof K_MESSAGE;
  role: number;
  api: number;
  from: NodeRt | null;
  to: NodeRt;
  event: string;
  eventId: number;
  /** The receiver's copy: its own, except a broadcast's (`shared`: each receiver copies it). */
  data: unknown;
  shared: boolean;
  /** The payload's handle on the trace's tape + 1 (0: none / not recording). */
  handle: number;
  key: string;
  /** listenerMatch "lenient": the sender's own pair, also heard where the reference names a fixed pair. */
  alt: string | null;
  sendSeq: number;
  rpc: number;
  /** Decided at send (loss on a hop): the message is dropped when it would have arrived. */
  drop: string | null;
  dropAt: NodeRt | null;
  /** For messages to a client: the server the client must still be on (NotifyToClient). */
  expectServer: NodeRt | null;
  expectPlayer: string | null;
  /** Requests: the requester's callbackId. */
  cb: number;
}

interface Timeout extends Scheduled {
  kind: typeof K_TIMEOUT;
  rpc: number;
}

interface Task extends Scheduled {
  kind: typeof K_TASK;
  node: NodeRt | null;
  cause: number;
  fn: () => void;
}

type Item = Message | Timeout | Task;

interface RpcRec {
  id: number;
  api: number;
  requester: NodeRt;
  callbackId: number;
  owner: NodeRt | null;
  callback: Handler | null;
  instance: unknown;
  callbackDone: boolean;
  event: string;
  eventId: number;
  reason: string | null;
  /** seq of the request's send, and of the event that ended the RPC early (no-route/no-handler). */
  sendSeq: number;
  endSeq: number;
}

interface SendInfo {
  key: string;
  eventId: number;
  /** The same event under the sender kind's NeteaseExtraApi system (made on first use). */
  extra: string | null;
}

interface HttpRequest {
  master: NodeRt;
  path: string;
  answered: boolean;
}

export class Engine {
  readonly topo: Topology;
  readonly rec: TraceRecorder;
  readonly net: Network;
  readonly rng: Random;
  readonly queue = new EventQueue<Item>();
  /** Stops a run that loops at one virtual instant, or that reached its event bound (runaway.ts). */
  readonly runaway: RunawayGuard;
  now = 0;
  /** seq of the event whose consequences are being computed (0 = none). */
  cause = 0;
  private order = 0;
  private listenerOrder = 0;
  private readonly apiIds: Record<string, number> = {};
  private readonly rpcs: (RpcRec | undefined)[] = [undefined];
  private rpcStates = new Uint8Array(1024);
  /** 1 where the request was sent with a callback (kept after its record is released). */
  private rpcHasCallback = new Uint8Array(1024);
  private readonly rpcEvents: string[] = [''];
  private rpcCount = 0;
  private readonly rrCounters = new Map<string, number>();
  private readonly keyStrings = new Map<string, string>();
  private readonly targetIndexes = new WeakMap<NodeRt[], Int32Array>();
  private readonly http = new Map<number, HttpRequest>();
  private httpCount = 0;
  /** RPC timeouts by duration, out of the main queue (timeouts.ts). */
  private readonly timeouts = new TimeoutLanes();
  private readonly deadTimeout = (rpc: number): boolean => {
    const r = this.rpcs[rpc];
    return r === undefined || r.callbackDone;
  };
  /** No link was given its own latency/loss/cut, so every hop uses the defaults. */

  constructor(
    readonly project: Project,
    readonly seed: number,
    scenario: string | null,
    /** False: events are counted, not kept (`SimulationOptions.record`). */
    record = true,
  ) {
    this.rng = new Random(seed);
    this.runaway = new RunawayGuard(project.options.maxEventsPerInstant);
    this.topo = buildTopology(project);
    this.net = new Network(project, this.topo.byId, this.rng);
    const header: TraceHeader = {
      format: 'switchboard-trace',
      version: 1,
      project: project.name,
      seed,
      scenario,
      options: project.options,
      nodes: project.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        ...(n.serverId !== undefined ? { serverId: n.serverId } : {}),
        ...(n.type !== undefined ? { type: n.type } : {}),
        ...(n.name !== undefined ? { name: n.name } : {}),
        ...(n.moduleNames !== undefined && n.moduleNames.length > 0 ? { moduleNames: [...n.moduleNames] } : {}),
        ...(n.uid !== undefined ? { uid: n.uid } : {}),
        ...(n.proxy !== undefined ? { proxy: n.proxy } : {}),
      })),
    };
    this.rec = new TraceRecorder(
      header,
      this.topo.nodes.map((n) => n.id),
      this.topo.nodes.map((n) => n.serverId),
      record,
    );
    for (const name of Object.keys(INTERFACES)) this.apiIds[name] = this.rec.strings.id(name);
  }

  // ---------------------------------------------------------------- recording helpers

  apiId(name: string): number {
    return this.apiIds[name] ?? this.rec.strings.id(name);
  }

  /** Record an event at `now`; returns its seq. */
  record(type: number, api: number, from: NodeRt | null, to: NodeRt | null, event: string | undefined, data: unknown, cause: number): number {
    return this.rec.add(this.now, type, api, from ? from.ref : 0, to ? to.ref : 0, event === undefined ? 0 : this.rec.strings.id(event), data, cause);
  }

  note(seq: number, fields: { reason?: string; detail?: string; sysId?: number; at?: NodeRt | null; suc?: boolean; arrive?: number; via?: NodeRt | null }): void {
    const i = seq - 1;
    const r = this.rec;
    if (!r.recording) return;
    if (fields.reason !== undefined) r.set(i, F.reason, r.strings.id(fields.reason));
    if (fields.detail !== undefined) r.set(i, F.detail, r.strings.id(fields.detail));
    if (fields.sysId !== undefined) r.set(i, F.sys, fields.sysId);
    if (fields.at) r.set(i, F.at, fields.at.ref);
    if (fields.suc !== undefined) r.set(i, F.suc, fields.suc ? 2 : 1);
    if (fields.arrive !== undefined) r.setArrive(i, fields.arrive);
    if (fields.via) r.set(i, F.via, fields.via.ref);
  }

  sysId(ns: string, sys: string): number {
    return this.rec.strings.id(ns + '\u0000' + sys);
  }

  private markRpc(seq: number, rpc: number, state: number): void {
    this.rec.set(seq - 1, F.rpcId, rpc);
    this.rec.set(seq - 1, F.rpcState, state + 1);
  }

  // ---------------------------------------------------------------- scheduling

  schedule<I extends Item>(item: I): I {
    item.order = ++this.order;
    this.queue.push(item);
    return item;
  }

  /** Run fn at virtual time t on behalf of node (skipped if the node is down by then). */
  later(t: number, node: NodeRt | null, fn: () => void): void {
    this.schedule<Task>({ t, order: 0, kind: K_TASK, node, cause: this.cause, fn });
  }

  /** Time of the next item to process (Infinity when idle). */
  nextAt(): number {
    const top = this.queue.peek();
    const lane = this.timeouts.first(this.deadTimeout);
    if (lane === null) return top ? top.t : Infinity;
    const t = lane.t[lane.head];
    return top && top.t < t ? top.t : t;
  }

  /** The runaway guard stopped the run: nothing queued runs any more (runaway.ts). */
  halt(): void {
    this.queue.clear();
    this.timeouts.clear();
  }

  /** Pop and process the next queued item, if it is due at or before `limit`. False: nothing was. */
  processNext(limit = Infinity): boolean {
    const top = this.queue.peek();
    const lane = this.timeouts.lanes.length > 0 ? this.timeouts.first(this.deadTimeout) : null;
    if (lane !== null) {
      const t = lane.t[lane.head];
      if (!top || t < top.t || (t === top.t && lane.order[lane.head] < top.order)) {
        if (t > limit) return false;
        const rpc = lane.rpc[lane.head++];
        if (t > this.now) this.now = t;
        this.fireTimeout(rpc);
        return true;
      }
    }
    if (!top || top.t > limit) return false;
    const item = this.queue.pop() as Item;
    if (item.t > this.now) this.now = item.t;
    if (this.runaway.see(item.t, this.rec.total) && this.runaway.check(this, item, this.rec.total)) return false;
    switch (item.kind) {
      case K_MESSAGE:
        this.arrive(item);
        break;
      case K_TIMEOUT:
        this.fireTimeout(item.rpc);
        break;
      case K_TASK:
        if (item.node && !item.node.up) break;
        this.cause = item.cause;
        this.guard(item.node, item.fn);
        this.cause = 0;
        break;
    }
    return true;
  }

  // ---------------------------------------------------------------- misuse and argument checks

  misuse(node: NodeRt, api: string, reason: string): never {
    const seq = this.record(T.misuse, this.apiId(api), node, null, undefined, undefined, this.cause);
    this.note(seq, { reason });
    throw new ApolloMisuseError(api, node.id, reason);
  }

  /** Kind, liveness and argument types of a call; records and throws a misuse when wrong. */
  check(sys: SystemRt, api: ApiName, args: ArrayLike<unknown>): void {
    const node = sys.node;
    if (!kindMayCall(node.kind, api)) {
      const callers = INTERFACES[api].callers.join('/');
      this.misuse(node, api, `a ${node.kind} cannot call ${api} (only ${callers})`);
    }
    if (!node.up) this.misuse(node, api, `${node.id} is stopped`);
    const params: readonly ParamSpec[] = INTERFACES[api].params;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      const v = args[i];
      if (v === undefined && (p.optional || p.default !== undefined)) continue;
      const bad = wrongType(p, v);
      if (bad) this.misuse(node, api, `${p.name} must be ${bad}, got ${show(v)}`);
    }
  }

  /**
   * The payload of a send: checked and copied once (a bad one is a misuse), with the keys Apollo
   * adds set on a dict (`k1`, `k2`). Recording, the same walk puts it on the trace's tape: its
   * handle + 1 is then `this.handle`. The copy is the receiver's.
   */
  private payload(sys: SystemRt, api: string, raw: unknown, name: string, k1?: string, v1?: unknown, k2?: string, v2?: unknown): unknown {
    try {
      if (this.rec.recording) {
        const copy = this.rec.payloads.putCopy(raw, name, k1, v1, k2, v2);
        this.handle = this.rec.payloads.lastHandle + 1;
        return copy;
      }
      this.handle = 0;
      const data = copyPayload(raw, name);
      if (k1 !== undefined && isDict(data)) {
        data[k1] = v1;
        if (k2 !== undefined) data[k2] = v2;
      }
      return data;
    } catch (e) {
      if (e instanceof UnsendableValueError) this.misuse(sys.node, api, e.message);
      throw e;
    }
  }

  /** Set by `payload`: the trace's handle of the payload just copied (+ 1; 0 when not recording). */
  private handle = 0;

  // ---------------------------------------------------------------- one-way messages (§2)

  /**
   * What a system's send of `event` needs, looked up once per (system, event): its listen key with
   * the system as sender, and the event's interned id in the trace.
   */
  private sendOf(sys: SystemRt, event: string): SendInfo {
    if (sys.lastSendEvent === event) return sys.lastSend as SendInfo;
    const cache = (sys.sends ??= new Map());
    let info = cache.get(event);
    if (info === undefined) {
      info = { key: this.canonical(listenKey(sys.namespace, sys.systemName, event)), eventId: this.rec.strings.id(event), extra: null };
      if (cache.size < 4096) cache.set(event, info);
    }
    sys.lastSendEvent = event;
    sys.lastSend = info;
    return info;
  }

  /**
   * One string object per listen / RPC key: the sender's cached key and the one the listeners were
   * registered under are then the same object, and the lookup compares pointers, not text.
   */
  private canonical(key: string): string {
    const k = this.keyStrings.get(key);
    if (k !== undefined) return k;
    if (this.keyStrings.size < 1 << 20) this.keyStrings.set(key, key);
    return key;
  }

  /** The NeteaseExtraApi key a node of `from`'s kind sends `event` under (cached with the send). */
  private extraKeyOf(send: SendInfo, from: NodeRt, event: string): string {
    return (send.extra ??= this.canonical(listenKey(EXTRA_API_NAMESPACE, this.extraKey(from), event)));
  }

  /** The key of `event` on its owner for a request sent by `sys` (cached on the system). */
  private rpcKeyOf(sys: SystemRt, api: 'RequestToService' | 'RequestToServiceMod', target: string, event: string): string {
    const byTarget = (sys.rpcKeys ??= new Map());
    let byEvent = byTarget.get(target);
    if (byEvent === undefined) {
      byEvent = new Map();
      if (byTarget.size < 1024) byTarget.set(target, byEvent);
    }
    let pair = byEvent.get(event);
    if (pair === undefined) {
      pair = ['', ''];
      if (byEvent.size < 1024) byEvent.set(event, pair);
    }
    const slot = api === 'RequestToService' ? 0 : 1;
    return pair[slot] || (pair[slot] = this.canonical(rpcKey(api, target, event)));
  }

  private eventIdOf(sys: SystemRt, event: string): number {
    return this.sendOf(sys, event).eventId;
  }

  /** Under listenerMatch "lenient", the sender's own key beside a fixed NeteaseExtraApi pair. */
  private altKey(sys: SystemRt, event: string): string | null {
    return this.project.options.listenerMatch === 'lenient' ? this.sendOf(sys, event).key : null;
  }

  private extraKey(from: NodeRt): string {
    if (from.kind === 'master') return 'extraApiMaster';
    if (from.kind === 'service') return 'extraApiService';
    return 'extraApiDev';
  }

  /** NotifyToClient / NotifyToServer / NotifyToMaster / NotifyToServerNode / NotifyToServiceNode / RemoteNotifyToClient. */
  notify(sys: SystemRt, api: ApiName, target: unknown, proxyId: unknown, event: string, rawData: unknown): void {
    const from = sys.node;
    const apiId = this.apiIds[api];
    // Keys Apollo adds to a dict payload on the way (set once the route is known).
    let k1: string | undefined;
    let v1: unknown;
    let k2: string | undefined;
    let v2: unknown;
    let to: NodeRt | undefined;
    let via: NodeRt | null = null;
    const send = this.sendOf(sys, event);
    let key = send.key;
    let alt: string | null = null;
    let expectServer: NodeRt | null = null;
    let expectPlayer: string | null = null;
    let early: string | null = null;
    let earlyDetail: string | undefined;
    switch (api) {
      case 'NotifyToClient': {
        const client = from.players.get(target as string);
        if (client) {
          to = client;
          via = client.proxy;
          expectServer = from;
          expectPlayer = target as string;
        } else if (from.departed.has(target as string)) {
          // Sent by the old server while its player is between servers (semantics §4).
          to = from.departed.get(target as string);
          early = 'in-transfer';
          earlyDetail = `${to?.id} is between servers`;
        } else {
          early = 'not-on-server';
          earlyDetail = `no player ${target} on ${from.id}`;
        }
        break;
      }
      case 'NotifyToServer': {
        if (from.inTransfer) early = 'in-transfer';
        else if (!from.server) early = 'not-on-server';
        else {
          to = from.server;
          via = from.proxy;
          k1 = '__id__';
          v1 = from.playerId;
        }
        if (early) earlyDetail = `${from.id} is not on a lobby/game`;
        break;
      }
      case 'NotifyToMaster':
        to = this.topo.master ?? undefined;
        if (from.kind === 'service') {
          key = this.extraKeyOf(send, from, event);
          alt = this.altKey(sys, event);
        }
        if (!to) earlyDetail = 'the topology has no master';
        break;
      case 'NotifyToServerNode': {
        const n = this.topo.byServerId.get(target as number);
        if (n && isServer(n)) to = n;
        else earlyDetail = `no lobby/game with serverId ${target}`;
        break;
      }
      case 'NotifyToServiceNode': {
        const n = this.topo.byServerId.get(target as number);
        if (n && n.kind === 'service') to = n;
        else earlyDetail = `no service with serverId ${target}`;
        if (from.kind === 'client') {
          via = from.proxy;
          k1 = '__neteaseProxyId__';
          v1 = from.proxy ? from.proxy.serverId : null;
          k2 = '__uid__';
          v2 = from.uid;
        } else {
          key = this.extraKeyOf(send, from, event);
          alt = this.altKey(sys, event);
        }
        break;
      }
      case 'RemoteNotifyToClient': {
        const client = this.topo.clientsByUid.get(target as number);
        if (!client) earlyDetail = `no client with uid ${target}`;
        else if (!client.proxy || client.proxy.serverId !== proxyId) {
          to = client;
          early = 'not-on-proxy';
          earlyDetail = `uid ${target} is not attached to proxy ${proxyId}`;
        } else {
          to = client;
          via = client.proxy;
        }
        break;
      }
    }
    const data = this.payload(sys, api, rawData, 'eventData', k1, v1, k2, v2);
    const eventId = send.eventId;
    const sendSeq = this.rec.addWithSys(this.now, T.send, apiId, from.ref, to ? to.ref : 0, eventId, this.handle, this.cause, sys.sysId);
    if (via) this.rec.set(sendSeq - 1, F.via, via.ref);
    if (!to || early) {
      const d = this.rec.add(this.now, T.drop, apiId, from.ref, to ? to.ref : 0, eventId, undefined, sendSeq);
      this.note(d, { reason: early ?? 'no-target', detail: earlyDetail });
      return;
    }
    this.transmit(ONE_WAY, apiId, from, via, to, event, eventId, data, this.handle, false, key, sendSeq, 0, expectServer, expectPlayer, 0, alt);
  }

  /** Put a message on the wire: loss and cuts are decided now, arrival is queued. Returns the arrival time, -1 when dropped. */
  private transmit(role: number, apiId: number, from: NodeRt, via: NodeRt | null, to: NodeRt, event: string, eventId: number, data: unknown, handle: number, shared: boolean, key: string, sendSeq: number, rpc: number, expectServer: NodeRt | null, expectPlayer: string | null, cb = 0, alt: string | null = null): number {
    if (via && !via.up) {
      const d = this.rec.add(this.now, T.drop, apiId, from.ref, to.ref, eventId, undefined, sendSeq);
      this.note(d, { reason: 'node-down', at: via, detail: `${via.id} is stopped` });
      if (rpc) this.markRpc(d, rpc, this.rpcStates[rpc]);
      return -1;
    }
    const arrive = this.net.travel(this.now, from, via, to);
    const msg: Message = {
      t: arrive, order: 0, kind: K_MESSAGE, role, api: apiId, from, to, event, eventId, data, shared, handle, key, alt, sendSeq, rpc,
      drop: null, dropAt: null, expectServer, expectPlayer, cb,
    };
    if (arrive < 0) {
      if (this.net.dropReason === 'link-down') {
        const d = this.rec.add(this.now, T.drop, apiId, from.ref, to.ref, eventId, undefined, sendSeq);
        this.note(d, { reason: 'link-down', at: this.net.dropAt, detail: 'the link is cut' });
        if (rpc) this.markRpc(d, rpc, this.rpcStates[rpc]);
        return -1;
      }
      msg.t = this.net.dropT;
      msg.drop = 'loss';
      msg.dropAt = this.net.dropAt;
    } else {
      this.rec.setArrive(sendSeq - 1, arrive);
    }
    this.schedule(msg);
    return arrive;
  }

  /** BroadcastToService / BroadcastToServerByType: one send, one delivery per target. */
  broadcast(sys: SystemRt, api: ApiName, serverType: string | null, event: string, rawData: unknown): void {
    const from = sys.node;
    const data = this.payload(sys, api, rawData, 'eventData');
    const handle = this.handle;
    const apiId = this.apiIds[api];
    let targets: NodeRt[];
    let key: string;
    let alt: string | null = null;
    const send = this.sendOf(sys, event);
    if (api === 'BroadcastToService') {
      targets = this.topo.services;
      if (from.kind === 'service' && !this.project.options.broadcastIncludesSender) targets = targets.filter((n) => n !== from);
      key = this.extraKeyOf(send, from, event);
      alt = this.altKey(sys, event);
    } else {
      targets = this.topo.serversByType.get(serverType as string) ?? [];
      key = send.key;
    }
    const eventId = send.eventId;
    const sendSeq = this.rec.addWithPayload(this.now, T.send, apiId, from.ref, 0, eventId, handle, this.cause);
    this.rec.set(sendSeq - 1, F.sys, sys.sysId);
    this.rec.setTargets(sendSeq - 1, this.indexesOf(targets));
    if (targets.length === 0) {
      const d = this.rec.add(this.now, T.drop, apiId, from.ref, 0, eventId, undefined, sendSeq);
      this.note(d, { reason: 'no-target', detail: api === 'BroadcastToService' ? 'the topology has no service' : `no lobby/game of type ${serverType}` });
      return;
    }
    let last = this.now;
    for (const to of targets) {
      const q = this.transmit(ONE_WAY, apiId, from, null, to, event, eventId, data, handle, true, key, sendSeq, 0, null, null, 0, alt);
      if (q > last) last = q;
    }
    this.rec.setArrive(sendSeq - 1, last);
  }

  /** A message reaches the end of its path. */
  private arrive(m: Message): void {
    const to = m.to;
    if (m.drop) return this.dropAtArrival(m, m.drop, m.dropAt, undefined);
    if (!to.up) return this.dropAtArrival(m, 'node-down', to, `${to.id} is stopped`);
    if (m.role === ENGINE_EVENT) return this.deliverEngineEvent(m);
    if (to.kind === 'client') {
      if (to.inTransfer) return this.dropAtArrival(m, 'in-transfer', to, `${to.id} is between servers`);
      if (m.expectServer && (to.server !== m.expectServer || to.playerId !== m.expectPlayer)) {
        return this.dropAtArrival(m, 'not-on-server', to, `${to.id} left ${m.expectServer.id}`);
      }
      if (!to.server) return this.dropAtArrival(m, 'not-on-server', to, `${to.id} is not logged in`);
    }
    if (m.role === RESPONSE) return this.arriveResponse(m);
    const dSeq = this.rec.addWithPayload(this.now, T.deliver, m.api, m.from ? m.from.ref : 0, to.ref, m.eventId, this.keptHandle(m), m.sendSeq);
    if (m.role === REQUEST) return this.arriveRequest(m, dSeq);
    this.dispatch(to, m.key, m.alt, m.eventId, m.api, m.from, m.shared ? copyJson(m.data) : m.data, dSeq, true);
  }

  /** The message's payload handle while its send is still kept (a live run drops old events and their payloads). */
  private keptHandle(m: Message): number {
    return m.sendSeq > this.rec.first ? m.handle : this.rec.dataHandle(m.sendSeq - 1);
  }

  private dropAtArrival(m: Message, reason: string, at: NodeRt | null, detail: string | undefined): void {
    const d = this.rec.add(this.now, T.drop, m.api, m.from ? m.from.ref : 0, m.to.ref, m.eventId || this.rec.strings.id(m.event), undefined, m.sendSeq);
    this.note(d, { reason, at, detail });
    if (m.rpc) this.markRpc(d, m.rpc, this.rpcStates[m.rpc]);
  }

  /** Node indexes of a target list, kept per list (the topology's lists are reused by every broadcast; the trace only reads them). */
  private indexesOf(targets: NodeRt[]): Int32Array {
    let idx = this.targetIndexes.get(targets);
    if (idx === undefined) {
      idx = new Int32Array(targets.length);
      for (let i = 0; i < targets.length; i++) idx[i] = targets[i].idx;
      this.targetIndexes.set(targets, idx);
    }
    return idx;
  }

  /** Run every listener for key on node, by priority then registration order; `args` is the node's own copy. */
  private dispatch(node: NodeRt, key: string, alt: string | null, eventId: number, apiId: number, from: NodeRt | null, args: unknown, dSeq: number, reportUnhandled: boolean): void {
    const list = alt === null ? this.listenersOf(node, key) : listenersFor(node, key, alt);
    if (!list || list.length === 0) {
      if (!reportUnhandled) return;
      const u = this.rec.add(this.now, T.unhandled, apiId, from ? from.ref : 0, node.ref, eventId, undefined, dSeq);
      const cut = key.indexOf('\u0000');
      const cut2 = key.indexOf('\u0000', cut + 1);
      this.note(u, { reason: 'no-listener', sysId: this.rec.strings.id(key.slice(0, cut2)) });
      return;
    }
    // One copy for the receiving node: its listeners share it, as they share one dict in Apollo.
    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      const h = this.rec.addWithSys(this.now, T.handle, apiId, from ? from.ref : 0, node.ref, eventId, 0, dSeq, l.sysId);
      this.cause = h;
      this.invokeHandler(node, l.fn, l.instance, args);
    }
    this.cause = 0;
  }

  /** node.listeners.get(key), remembering the node's last lookup (a node mostly hears one event). */
  private listenersOf(node: NodeRt, key: string): Listener[] | undefined {
    const version = node.listeners.version;
    if (node.heardKey === key && node.heardVersion === version) return node.heardList;
    const list = node.listeners.get(key);
    node.heardKey = key;
    node.heardList = list;
    node.heardVersion = version;
    return list;
  }

  private invokeHandler(node: NodeRt, fn: Handler, instance: unknown, a: unknown, b?: unknown, c?: unknown): void {
    try {
      fn.call(instance, a, b, c);
    } catch (e) {
      this.handlerFailed(node, e);
    }
  }

  private handlerFailed(node: NodeRt, e: unknown): void {
    if (e instanceof ApolloMisuseError) return; // already recorded where it happened
    const seq = this.record(T.error, 0, null, node, undefined, undefined, this.cause);
    this.note(seq, { reason: e instanceof Error ? `${e.name}: ${e.message}` : `threw ${String(e)}` });
  }

  /** Run fn as node's code: errors are recorded, never thrown into the scheduler. */
  guard(node: NodeRt | null, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (node) this.handlerFailed(node, e);
      else throw e;
    }
  }

  // ---------------------------------------------------------------- engine events

  /** An engine event (AddServerPlayerEvent, ServerConnectedEvent...) for node, delivered asynchronously now. */
  engineEvent(node: NodeRt, event: string, data: unknown, cause: number): void {
    this.schedule<Message>({
      t: this.now, order: 0, kind: K_MESSAGE, role: ENGINE_EVENT, api: 0, from: null, to: node, event, eventId: 0, data, shared: true, handle: 0,
      key: listenKey('Minecraft', 'Engine', event), alt: null, sendSeq: cause, rpc: 0, drop: null, dropAt: null, expectServer: null, expectPlayer: null, cb: 0,
    });
  }

  private deliverEngineEvent(m: Message): void {
    // Engine events nobody listens for are left out of the trace: the lifecycle event says it all.
    const list = m.to.listeners.get(m.key);
    if (!list || list.length === 0) return;
    const d = this.record(T.deliver, 0, null, m.to, m.event, m.data, m.sendSeq);
    this.note(d, { sysId: this.sysId('Minecraft', 'Engine') });
    this.dispatch(m.to, m.key, null, this.rec.strings.id(m.event), 0, null, copyJson(m.data), d, false);
  }

  // ---------------------------------------------------------------- listening and registration

  listen(sys: SystemRt, ns: string, systemName: string, event: string, instance: unknown, fn: Handler, priority: number): void {
    const node = sys.node;
    const key = this.canonical(listenKey(ns, systemName, event));
    const list = node.listeners.get(key) ?? [];
    const l: Listener = { fn, instance, priority, sysId: sys.sysId, order: ++this.listenerOrder };
    let i = list.length;
    while (i > 0 && list[i - 1].priority < priority) i--;
    list.splice(i, 0, l);
    node.listeners.set(key, list);
    const seq = this.record(T.register, this.apiIds.ListenForEvent, null, node, event, undefined, this.cause);
    this.note(seq, { detail: 'listen', sysId: this.sysId(ns, systemName) });
  }

  registerRpc(sys: SystemRt, api: 'RegisterRpcMethod' | 'RegisterRpcMethodForMod', module: string, method: string, fn: Handler): void {
    const node = sys.node;
    if (api === 'RegisterRpcMethodForMod' && !node.type) this.misuse(node, api, `${node.id} has no service type`);
    // RegisterRpcMethod answers RequestToService, RegisterRpcMethodForMod answers RequestToServiceMod:
    // separate key spaces, even when a service's type equals one of its module names.
    const key = this.canonical(rpcKey(api === 'RegisterRpcMethod' ? 'RequestToService' : 'RequestToServiceMod', module, method));
    const replaced = node.rpcMethods.has(key);
    node.rpcMethods.set(key, { fn, instance: sys.instance, sysId: sys.sysId });
    const seq = this.record(T.register, this.apiIds[api], null, node, method, undefined, this.cause);
    this.note(seq, { detail: replaced ? 'rpc-replaced' : 'rpc', sysId: sys.sysId, reason: replaced ? `replaces the earlier handler for ${module}/${method}` : undefined });
    this.rec.setData(seq - 1, { module, method });
  }

  // ---------------------------------------------------------------- RPC (§3)

  private setRpc(rpc: number, event: number, cause: number, reason?: string, detail?: string): number {
    const next = rpcTransition(this.rpcStates[rpc], event);
    if (next < 0) return 0;
    this.rpcStates[rpc] = next;
    const r = this.rpcs[rpc]!;
    const seq = this.rec.add(this.now, T.rpc, r.api, r.requester.ref, r.owner ? r.owner.ref : 0, r.eventId, undefined, cause);
    this.markRpc(seq, rpc, next);
    if (reason) this.note(seq, { reason, detail });
    if (isFinalRpcState(next) && (r.callbackDone || !r.callback)) this.rpcs[rpc] = undefined;
    return seq;
  }

  private pickOwner(api: string, target: string, owners: NodeRt[]): NodeRt | null {
    let up = 0;
    let first: NodeRt | null = null;
    for (let i = 0; i < owners.length; i++) {
      if (!owners[i].up) continue;
      if (up++ === 0) first = owners[i];
    }
    if (up <= 1) return first;
    switch (this.project.options.rpcOwner) {
      case 'round-robin': {
        const key = api + '\u0000' + target;
        const i = this.rrCounters.get(key) ?? 0;
        this.rrCounters.set(key, i + 1);
        return nthUp(owners, i % up);
      }
      case 'random':
        return nthUp(owners, this.rng.int(up));
      default:
        return first;
    }
  }

  request(sys: SystemRt, api: 'RequestToService' | 'RequestToServiceMod', target: string, event: string, rawData: unknown, callback: Handler | null, instance: unknown, timeout: number): number {
    const from = sys.node;
    const data = this.payload(sys, api, rawData, api === 'RequestToServiceMod' ? 'args' : 'eventData');
    const handle = this.handle;
    const eventId = this.eventIdOf(sys, event);
    const apiId = this.apiIds[api];
    const id = ++this.rpcCount;
    if (id >= this.rpcStates.length) {
      const s = new Uint8Array(this.rpcStates.length * 2);
      s.set(this.rpcStates);
      this.rpcStates = s;
      const c = new Uint8Array(s.length);
      c.set(this.rpcHasCallback);
      this.rpcHasCallback = c;
    }
    const callbackId = from.nextCallbackId++;
    from.callbacks[callbackId] = id;
    this.rpcHasCallback[id] = callback ? 1 : 0;
    this.rpcEvents[id] = event;
    const owners = (api === 'RequestToService' ? this.topo.ownersByModule : this.topo.ownersByType).get(target) ?? [];
    const owner = this.pickOwner(api, target, owners);
    const rec: RpcRec = { id, api: apiId, requester: from, callbackId, owner, callback, instance, callbackDone: false, event, eventId, reason: null, sendSeq: 0, endSeq: 0 };
    this.rpcs[id] = rec;
    this.rpcStates[id] = S.requested;
    const sendSeq = this.rec.addWithPayload(this.now, T.send, apiId, from.ref, owner ? owner.ref : 0, eventId, handle, this.cause);
    rec.sendSeq = sendSeq;
    this.markRpc(sendSeq, id, S.requested);
    this.rec.set(sendSeq - 1, F.callbackId, callbackId);
    this.rec.set(sendSeq - 1, F.sys, sys.sysId);
    const r = this.rec.add(this.now, T.rpc, apiId, from.ref, owner ? owner.ref : 0, eventId, undefined, sendSeq);
    this.markRpc(r, id, S.requested);
    if (callback) {
      const ms = timeout * 1000;
      const deadline = this.now + ms;
      this.rec.setDeadline(sendSeq - 1, deadline);
      const lane = this.timeouts.lane(ms);
      if (lane !== null) lane.push(deadline, ++this.order, id);
      else this.schedule<Timeout>({ t: deadline, order: 0, kind: K_TIMEOUT, rpc: id });
    }
    if (!owner) {
      const what = api === 'RequestToService' ? `module ${target}` : `service type ${target}`;
      rec.reason = 'no-route';
      rec.endSeq = this.setRpc(id, EV.NO_ROUTE, sendSeq, 'no-route', owners.length ? `no running owner of ${what}` : `nobody owns ${what}`);
      return callbackId;
    }
    this.transmit(REQUEST, apiId, from, null, owner, event, eventId, data, handle, false, this.rpcKeyOf(sys, api, target, event), sendSeq, id, null, null, callbackId);
    return callbackId;
  }

  private arriveRequest(m: Message, dSeq: number): void {
    const rpc = m.rpc;
    const r = this.rpcs[rpc];
    const owner = m.to;
    const requester = m.from as NodeRt;
    this.markRpc(dSeq, rpc, this.rpcStates[rpc]);
    // A request that timed out on the way still runs its handler, as the real service would not
    // know; its answer is then dropped as a late response. Only live RPCs change state.
    const live = r !== undefined && this.setRpc(rpc, EV.DELIVER, dSeq) !== 0;
    if (live) this.markRpc(dSeq, rpc, S.delivered);
    const handler = owner.rpcMethods.get(m.key);
    if (!handler) {
      const why = `${owner.id} registered no method for ${m.key.split('\u0000').slice(1).join('/')}`;
      if (live) {
        r.reason = 'no-handler';
        r.endSeq = this.setRpc(rpc, EV.NO_HANDLER, dSeq, 'no-handler', why);
      } else {
        const u = this.rec.add(this.now, T.unhandled, m.api, requester.ref, owner.ref, m.eventId, undefined, dSeq);
        this.note(u, { reason: 'no-handler', detail: why });
      }
      return;
    }
    const hSeq = live ? this.setRpc(rpc, EV.HANDLE, dSeq) : dSeq;
    const h = this.rec.add(this.now, T.handle, m.api, requester.ref, owner.ref, m.eventId, undefined, hSeq);
    this.rec.set(h - 1, F.sys, handler.sysId);
    this.markRpc(h, rpc, this.rpcStates[rpc]);
    this.cause = h;
    this.invokeHandler(owner, handler.fn, handler.instance, requester.serverId, m.cb, m.data);
    this.cause = 0;
    if (live && !r.callback) this.setRpc(rpc, EV.FINISH, h);
  }

  respond(sys: SystemRt, serverId: number, callbackId: number, rawData: unknown): void {
    const from = sys.node;
    const requester = this.topo.byServerId.get(serverId);
    if (!requester || requester.kind === 'client' || requester.kind === 'proxy') this.misuse(from, 'ResponseToServer', `no lobby/game/master/service with serverId ${serverId}`);
    const rpc = requester.callbacks[callbackId];
    if (rpc === undefined) this.misuse(from, 'ResponseToServer', `unknown callbackId ${callbackId}: ${requester.id} issued no such request`);
    const data = this.payload(sys, 'ResponseToServer', rawData, 'eventData');
    const apiId = this.apiIds.ResponseToServer;
    const r = this.rpcs[rpc];
    const event = this.rpcEvents[rpc];
    const eventId = r ? r.eventId : this.rec.strings.id(event);
    const sendSeq = this.rec.addWithPayload(this.now, T.send, apiId, from.ref, requester.ref, eventId, this.handle, this.cause);
    this.rec.set(sendSeq - 1, F.sys, sys.sysId);
    this.markRpc(sendSeq, rpc, this.rpcStates[rpc]);
    if (r && r.callback) {
      const s = this.setRpc(rpc, EV.RESPOND, sendSeq);
      if (s) this.rec.set(sendSeq - 1, F.rpcState, S.responded + 1);
    }
    this.transmit(RESPONSE, apiId, from, null, requester, event, eventId, data, this.handle, false, '', sendSeq, rpc, null, null);
  }

  private arriveResponse(m: Message): void {
    const rpc = m.rpc;
    const r = this.rpcs[rpc];
    const state = this.rpcStates[rpc];
    let refused: string | null = null;
    if (!this.rpcHasCallback[rpc]) refused = 'response-without-callback';
    else if (state === S.completed) refused = 'duplicate-response';
    else if (state === S.timedOut || state === S.noHandler || state === S.noRoute || !r || r.callbackDone) refused = 'late-response';
    else if (state !== S.responded) refused = 'unexpected-response';
    if (refused) return this.dropAtArrival(m, refused, m.to, undefined);
    const rr = r as RpcRec;
    const handle = this.keptHandle(m);
    const dSeq = this.rec.addWithPayload(this.now, T.deliver, m.api, m.from ? m.from.ref : 0, m.to.ref, m.eventId, handle, m.sendSeq);
    this.markRpc(dSeq, rpc, state);
    const c = this.setRpc(rpc, EV.COMPLETE, dSeq);
    this.runCallback(rr, true, m.data, c, handle);
  }

  /** `data` is the requester's own copy; `handle` its place on the trace's tape (+ 1), when it has one. */
  private runCallback(r: RpcRec, suc: boolean, data: unknown, cause: number, handle = -1): void {
    if (r.callbackDone || !r.callback) return;
    r.callbackDone = true;
    if (!r.requester.up) {
      // A stopped requester runs no code: its callback is gone with it.
      if (isFinalRpcState(this.rpcStates[r.id])) this.rpcs[r.id] = undefined;
      return;
    }
    // On failure the owner never answered: the callback names only the requester.
    const from = suc && r.owner ? r.owner.ref : 0;
    // The response's payload is on the tape already (handle); a run keeping only its newest events
    // may have dropped it with its send (handle 0): then the copy is recorded.
    const seq = handle > 0 || (handle === 0 && !this.rec.recording)
      ? this.rec.addWithPayload(this.now, T.callback, r.api, from, r.requester.ref, r.eventId, handle, cause)
      : this.rec.add(this.now, T.callback, r.api, from, r.requester.ref, r.eventId, data, cause);
    this.markRpc(seq, r.id, this.rpcStates[r.id]);
    this.rec.set(seq - 1, F.suc, suc ? 2 : 1);
    if (!suc) this.rec.set(seq - 1, F.reason, this.rec.strings.id(r.reason ?? 'timeout'));
    if (isFinalRpcState(this.rpcStates[r.id])) this.rpcs[r.id] = undefined;
    this.cause = seq;
    this.invokeHandler(r.requester, r.callback, r.instance, suc, suc ? data : null);
    this.cause = 0;
  }

  private fireTimeout(rpc: number): void {
    const r = this.rpcs[rpc];
    if (!r || r.callbackDone) return;
    const state = this.rpcStates[rpc];
    let cause = 0;
    if (!isFinalRpcState(state)) {
      r.reason = 'timeout';
      cause = this.setRpc(rpc, EV.TIMEOUT, r.sendSeq, 'timeout');
    } else {
      cause = r.endSeq || r.sendSeq;
    }
    this.runCallback(r, false, null, cause);
  }

  // ---------------------------------------------------------------- master HTTP (§4)

  httpRegister(sys: SystemRt, path: string, instance: unknown, fn: Handler): void {
    const node = sys.node;
    const replaced = node.httpRoutes.has(path);
    node.httpRoutes.set(path, { fn, instance, sysId: sys.sysId });
    const seq = this.record(T.register, this.apiIds.RegisterMasterHttp, null, node, path, undefined, this.cause);
    this.note(seq, { detail: replaced ? 'http-replaced' : 'http', sysId: sys.sysId });
  }

  /** A POST to a master route (from a scenario or the UI). Returns the request's clientId. */
  httpPost(path: string, body: string): number {
    const master = this.topo.master;
    const clientId = ++this.httpCount;
    const seq = this.record(T.http, this.apiIds.RegisterMasterHttp, null, master, path, body, this.cause);
    this.note(seq, { detail: 'request' });
    if (!master || !master.up) {
      this.note(seq, { reason: master ? 'node-down' : 'no-master' });
      return clientId;
    }
    const route = master.httpRoutes.get(path);
    if (!route) {
      this.note(seq, { reason: 'no-route' });
      return clientId;
    }
    this.http.set(clientId, { master, path, answered: false });
    this.cause = seq;
    this.invokeHandler(master, route.fn, route.instance, clientId, body);
    this.cause = 0;
    return clientId;
  }

  httpRespond(sys: SystemRt, clientId: number, body: string): void {
    const req = this.http.get(clientId);
    if (!req) this.misuse(sys.node, 'SendHttpResponse', `unknown clientId ${clientId}`);
    if (req.answered) this.misuse(sys.node, 'SendHttpResponse', `clientId ${clientId} was already answered`);
    req.answered = true;
    const seq = this.record(T.http, this.apiIds.SendHttpResponse, sys.node, null, req.path, body, this.cause);
    this.note(seq, { detail: 'response' });
  }
}

/** The n-th running node of `owners`. */
function nthUp(owners: NodeRt[], n: number): NodeRt {
  for (let i = 0; i < owners.length; i++) if (owners[i].up && n-- === 0) return owners[i];
  throw new Error('nthUp: fewer running owners than counted');
}

/** Key of an RPC method on its owner: which request interface reaches it, module or type, method. */
function rpcKey(api: 'RequestToService' | 'RequestToServiceMod', target: string, method: string): string {
  return (api === 'RequestToService' ? 'module\u0000' : 'mod\u0000') + target + '\u0000' + method;
}

function wrongType(p: ParamSpec, v: unknown): string | null {
  switch (p.type) {
    case 'str':
      return typeof v === 'string' ? null : 'a str';
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) ? null : 'an int';
    case 'dict':
      // Documented as a dict, but real code sends any JSON value: copyPayload checks it, the
      // Problems view notes a non-dict (semantics notes in core/CONTEXT.md).
      return null;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : 'a positive number of seconds';
    case 'callback':
      return v === null || v === undefined || typeof v === 'function' ? null : 'a function or None';
    case 'func':
      return typeof v === 'function' ? null : 'a function';
    case 'instance':
      return null;
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return 'a function';
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

