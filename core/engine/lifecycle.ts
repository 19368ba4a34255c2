// Player lifecycle (login, transfer, logout), node stop/start and link faults, with the engine
// events Apollo fires for each (semantics §4). The order of events is our documented decision:
//   login:    master PlayerLoginServerEvent, then server AddServerPlayerEvent
//   transfer: old server DelServerPlayerEvent(isTransfer) … transferMs … master
//             PlayerTransferServerEvent, then new server AddServerPlayerEvent(isTransfer)
//   logout:   server DelServerPlayerEvent, then master PlayerLogoutServerEvent
//   stop/start of a lobby/game: master and services get ServerDisconnectEvent / ServerConnectedEvent
//   stop/start of a service: lobby/game get ServiceDisconnectEvent / ServiceConnectEvent; master and
//   the other services get ServerDisconnectEvent / ServerConnectedEvent
import { TYPE_INDEX as T } from '../trace/recorder';
import type { Engine } from './engine';
import { isServer, type NodeRt } from './runtime';

export type Outcome = { ok: true } | { ok: false; error: string };
const OK: Outcome = { ok: true };

/** How a transfer ended, for TransferToOtherServer's callback(isSuc, reasonCode, message). */
export type TransferDone = (ok: boolean, reasonCode: number, message: string) => void;

/** Reason codes a failed transfer reports [D: the reference gives none]. */
export const TRANSFER_FAILED = { targetUnavailable: 1, notOnServer: 2 } as const;

/** Apollo's protocol version in engine events: one value, as every simulated client is alike [D]. */
const PROTOCOL_VERSION = 0;

/** Who wants to hear about nodes and players coming and going (the Python mod runtime). */
export interface LifecycleWatcher {
  /** A node is about to stop (it still runs: its mods' Destroy hooks may still send). */
  stopping?(node: NodeRt): void;
  started?(node: NodeRt): void;
  loggedIn?(client: NodeRt): void;
  loggedOut?(client: NodeRt): void;
}

export class Lifecycle {
  readonly watchers: LifecycleWatcher[] = [];

  constructor(private readonly e: Engine) {}

  private lifecycle(detail: string, from: NodeRt | null, to: NodeRt | null, data: Record<string, unknown> | undefined, reason?: string): number {
    const seq = this.e.record(T.lifecycle, 0, from, to, undefined, data, this.e.cause);
    this.e.note(seq, { detail, reason });
    return seq;
  }

  private newPlayerId(client: NodeRt, server: NodeRt): string {
    client.joins++;
    if (client.joins === 1 && client.spec.playerId) return client.spec.playerId;
    return String(server.serverId * 100000 + server.nextPlayerNo++);
  }

  /** The lobby the master picks when a login names none: the first running lobby, else game. */
  private defaultServer(): NodeRt | undefined {
    const up = this.e.topo.servers.filter((n) => n.up);
    return up.find((n) => n.kind === 'lobby') ?? up[0];
  }

  login(client: NodeRt, serverId?: number): Outcome {
    if (client.kind !== 'client') return { ok: false, error: `${client.id} is not a client` };
    if (client.server || client.inTransfer) return { ok: false, error: `${client.id} is already logged in` };
    const server = serverId === undefined ? this.defaultServer() : this.e.topo.byServerId.get(serverId);
    if (!server || !isServer(server)) return { ok: false, error: serverId === undefined ? 'no running lobby/game to log in to' : `no lobby/game with serverId ${serverId}` };
    if (!server.up) return { ok: false, error: `${server.id} is stopped` };
    if (!client.proxy || !client.proxy.up) return { ok: false, error: `${client.id} has no running proxy` };
    this.place(client, server);
    const seq = this.lifecycle('login', client, server, { uid: client.uid, playerId: client.playerId, proxyId: client.proxy.serverId, serverId: server.serverId });
    const master = this.e.topo.master;
    // Fields as the official events list them (apollo-official-facts.md §2); proxyId is ours.
    if (master) {
      this.e.engineEvent(master, 'PlayerLoginServerEvent', { serverId: server.serverId, uid: client.uid, proxyId: client.proxy.serverId, protocolVersion: PROTOCOL_VERSION, isTransfer: false, isReconnect: false, isPeUser: false }, seq);
    }
    this.e.engineEvent(server, 'AddServerPlayerEvent', addPlayer(client, false, ''), seq);
    for (const w of this.watchers) w.loggedIn?.(client);
    return OK;
  }

  private place(client: NodeRt, server: NodeRt): void {
    client.server = server;
    client.inTransfer = false;
    client.playerId = this.newPlayerId(client, server);
    server.players.set(client.playerId, client);
  }

  private unplace(client: NodeRt): NodeRt | null {
    const server = client.server;
    if (server && client.playerId) server.players.delete(client.playerId);
    client.server = null;
    client.playerId = null;
    return server;
  }

  transfer(client: NodeRt, serverId?: number, type?: string, transferParam = '', done?: TransferDone): Outcome {
    if (client.kind !== 'client') return { ok: false, error: `${client.id} is not a client` };
    const from = client.server;
    if (!from || client.inTransfer) return { ok: false, error: `${client.id} is not on a lobby/game` };
    let target: NodeRt | undefined;
    if (serverId !== undefined) target = this.e.topo.byServerId.get(serverId);
    else if (type !== undefined) {
      // By type, Apollo picks one of the running servers of that type at random (facts §2).
      const candidates = (this.e.topo.serversByType.get(type) ?? []).filter((n) => n.up && n !== from);
      target = candidates.length > 1 ? candidates[this.e.rng.int(candidates.length)] : candidates[0];
    }
    if (!target || !isServer(target)) return { ok: false, error: serverId !== undefined ? `no lobby/game with serverId ${serverId}` : `no other running lobby/game of type ${type}` };
    if (target === from) return { ok: false, error: `${client.id} is already on ${target.id}` };
    if (!target.up) return { ok: false, error: `${target.id} is stopped` };
    const oldPlayerId = client.playerId;
    this.unplace(client);
    client.inTransfer = true;
    if (oldPlayerId) from.departed.set(oldPlayerId, client);
    const seq = this.lifecycle('transfer-start', client, target, { uid: client.uid, fromServerId: from.serverId, toServerId: target.serverId, ...(transferParam ? { transferParam } : {}) });
    this.e.engineEvent(from, 'DelServerPlayerEvent', { id: oldPlayerId, uid: client.uid, isTransfer: true }, seq);
    const dest = target;
    this.e.later(this.e.now + this.e.project.options.transferMs, null, () => {
      if (oldPlayerId) from.departed.delete(oldPlayerId);
      this.finishTransfer(client, from, dest, transferParam, done);
    });
    return OK;
  }

  private finishTransfer(client: NodeRt, from: NodeRt, target: NodeRt, transferParam: string, done: TransferDone | undefined): void {
    if (!client.inTransfer) return;
    if (!target.up) {
      client.inTransfer = false;
      this.lifecycle('transfer-failed', client, target, { uid: client.uid, toServerId: target.serverId }, `${target.id} stopped during the transfer`);
      done?.(false, TRANSFER_FAILED.targetUnavailable, `${target.id} stopped during the transfer`);
      return;
    }
    this.place(client, target);
    const seq = this.lifecycle('transfer-end', client, target, { uid: client.uid, playerId: client.playerId, serverId: target.serverId });
    const master = this.e.topo.master;
    if (master) {
      // PlayerTransferServerEvent names the proxy as serverId (facts §2); from/to are ours.
      this.e.engineEvent(master, 'PlayerTransferServerEvent', {
        serverId: client.proxy ? client.proxy.serverId : null, uid: client.uid, targetServerId: target.serverId, targetServerType: target.type ?? '',
        protocolVersion: PROTOCOL_VERSION, transferParam, fromServerId: from.serverId, toServerId: target.serverId,
      }, seq);
    }
    this.e.engineEvent(target, 'AddServerPlayerEvent', addPlayer(client, true, transferParam), seq);
    done?.(true, 0, '');
  }

  logout(client: NodeRt, reason?: string): Outcome {
    if (client.kind !== 'client') return { ok: false, error: `${client.id} is not a client` };
    if (!client.server) return { ok: false, error: `${client.id} is not logged in` };
    const playerId = client.playerId;
    const server = this.unplace(client) as NodeRt;
    const seq = this.lifecycle('logout', client, server, { uid: client.uid, serverId: server.serverId }, reason);
    this.e.engineEvent(server, 'DelServerPlayerEvent', { id: playerId, uid: client.uid, isTransfer: false }, seq);
    const master = this.e.topo.master;
    // PlayerLogoutServerEvent's serverId is the proxy the client was on (facts §2).
    if (master) this.e.engineEvent(master, 'PlayerLogoutServerEvent', { serverId: client.proxy ? client.proxy.serverId : server.serverId, uid: client.uid, isTransfer: false }, seq);
    for (const w of this.watchers) w.loggedOut?.(client);
    return OK;
  }

  stop(node: NodeRt): Outcome {
    if (!node.up) return { ok: false, error: `${node.id} is already stopped` };
    const seq = this.lifecycle('stop', null, node, undefined);
    if (isServer(node)) for (const c of [...node.players.values()]) this.logout(c, `${node.id} stopped`);
    for (const w of this.watchers) w.stopping?.(node);
    node.up = false;
    this.announce(node, false, seq);
    return OK;
  }

  start(node: NodeRt): Outcome {
    if (node.up) return { ok: false, error: `${node.id} is already running` };
    node.up = true;
    const seq = this.lifecycle('start', null, node, undefined);
    const cause = this.e.cause;
    this.e.cause = seq;
    for (const w of this.watchers) w.started?.(node);
    this.e.cause = cause;
    this.announce(node, true, seq);
    return OK;
  }

  /**
   * What the rest of the network hears when a node comes or goes (facts §1): the master and the
   * services hear lobby/game/proxy connections (ServerConnectedEvent) and the services their status
   * (UpdateServerStatusEvent, '1' ready / '2' stopped); lobby/game hear services (ServiceConnectEvent).
   * A node that starts hears, in turn, about every peer already running.
   */
  private announce(node: NodeRt, up: boolean, cause: number): void {
    const { master, services, servers, nodes } = this.e.topo;
    const serverEvent = up ? 'ServerConnectedEvent' : 'ServerDisconnectEvent';
    const running = (n: NodeRt): boolean => n !== node && n.up;
    if (isServer(node) || node.kind === 'proxy') {
      const data = up ? { serverId: node.serverId, protocolVersion: PROTOCOL_VERSION, serverType: node.type ?? null } : { serverId: node.serverId, serverType: node.type ?? null };
      if (master && running(master)) this.e.engineEvent(master, serverEvent, data, cause);
      for (const s of services) {
        if (!running(s)) continue;
        this.e.engineEvent(s, serverEvent, data, cause);
        this.e.engineEvent(s, 'UpdateServerStatusEvent', { [String(node.serverId)]: up ? '1' : '2' }, cause);
      }
      if (up && isServer(node)) for (const s of services) if (running(s)) this.e.engineEvent(node, 'ServiceConnectEvent', { serverId: s.serverId, serviceType: s.type ?? '' }, cause);
    } else if (node.kind === 'service') {
      const data = { serverId: node.serverId, serviceType: node.type ?? '', serverType: node.type ?? null };
      for (const s of servers) if (running(s)) this.e.engineEvent(s, up ? 'ServiceConnectEvent' : 'ServiceDisconnectEvent', data, cause);
      if (master && running(master)) this.e.engineEvent(master, serverEvent, data, cause);
      for (const s of services) if (running(s)) this.e.engineEvent(s, serverEvent, data, cause);
      if (up) {
        const peers = nodes.filter((n) => running(n) && (isServer(n) || n.kind === 'proxy'));
        for (const n of peers) this.e.engineEvent(node, 'ServerConnectedEvent', { serverId: n.serverId, protocolVersion: PROTOCOL_VERSION, serverType: n.type ?? null }, cause);
        if (peers.length) this.e.engineEvent(node, 'UpdateServerStatusEvent', Object.fromEntries(peers.map((n) => [String(n.serverId), '1'])), cause);
      }
    } else if (node.kind === 'master' && up) {
      for (const n of nodes) if (running(n) && (isServer(n) || n.kind === 'proxy')) this.e.engineEvent(node, 'ServerConnectedEvent', { serverId: n.serverId, protocolVersion: PROTOCOL_VERSION, serverType: n.type ?? null }, cause);
    }
  }

  /** cut / restore / loss on the link between a and b. */
  fault(kind: 'cut' | 'restore' | 'loss', a: NodeRt, b: NodeRt, loss?: number): Outcome {
    const state = kind === 'loss' ? this.e.net.update(a, b, { loss: loss ?? 0 }) : this.e.net.update(a, b, { cut: kind === 'cut' });
    const seq = this.e.record(T.fault, 0, a, b, undefined, { cut: state.cut, loss: state.loss, latencyMs: state.latencyMs }, this.e.cause);
    this.e.note(seq, { detail: kind });
    return OK;
  }
}

/** AddServerPlayerEvent's fields (facts §2: id, isTransfer, isReconnect, isPeUser, transferParam, uid, proxyId). */
function addPlayer(client: NodeRt, isTransfer: boolean, transferParam: string): Record<string, unknown> {
  return {
    id: client.playerId, uid: client.uid, proxyId: client.proxy ? client.proxy.serverId : null,
    isTransfer, isReconnect: false, isPeUser: false, transferParam,
  };
}
