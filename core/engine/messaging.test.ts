// One-way interfaces (semantics §2): who receives, which (ns, sys) they must listen with, what is
// added to eventData, and what happens to messages nobody can take.
import { describe, expect, it } from 'vitest';
import { ClientSystem, MasterSystem, ServerSystem, ServiceSystem, SystemBase } from '../api/systems';
import { findAll, findOne } from '../testing/trace-query';
import { makeProject } from '../testing/topology';
import { Simulation } from './simulation';

type Dict = Record<string, unknown>;

/** A system that records what each listener received. */
function recorder<T extends new (...args: any[]) => SystemBase>(Base: T) {
  return class extends Base {
    got: [string, Dict][] = [];
    on(ns: string, sys: string, event: string) {
      this.ListenForEvent(ns, sys, event, this, (args: Dict) => this.got.push([event, args]));
      return this;
    }
  };
}
const RecService = recorder(ServiceSystem);
const RecServer = recorder(ServerSystem);
const RecMaster = recorder(MasterSystem);
const RecClient = recorder(ClientSystem);

function sim(shape: Parameters<typeof makeProject>[0] = {}) {
  return new Simulation(makeProject({ games: 2, services: [{ serverId: 8000, type: 'idv_service', modules: ['idv_service'] }, { serverId: 8001, type: 'rank', modules: [] }], clients: 2, ...shape }));
}

describe('one-way interfaces', () => {
  it('NotifyToClient reaches the client with that playerId on the caller, through its proxy', () => {
    const s = sim();
    const client = s.registerSystem('client-1', RecClient, 'c', 'c').on('lobbyNamespace', 'lobbySystem', 'PlayerJoinOKEvent');
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'lobbyNamespace', 'lobbySystem');
    const playerId = s.nodeState('client-1').playerId as string;
    lobby.NotifyToClient(playerId, 'PlayerJoinOKEvent', { uid: 123, name: 'nickname' });
    expect(client.got).toEqual([]); // asynchronous: never inside the call
    s.runUntil(100);
    expect(client.got).toEqual([['PlayerJoinOKEvent', { uid: 123, name: 'nickname' }]]);
    const send = findOne(s.trace.slice(0), { type: 'send', api: 'NotifyToClient' });
    expect(send.path).toEqual(['lobby-4000', 'proxy-2000', 'client-1']);
    expect(send.arrive).toBe(send.t + 10);
  });

  it('NotifyToClient to a playerId not on the caller is dropped as not-on-server', () => {
    const s = sim();
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'lobbyNamespace', 'lobbySystem');
    lobby.NotifyToClient('nobody', 'E', {});
    expect(findOne(s.trace.slice(0), { type: 'drop', api: 'NotifyToClient' }).reason).toBe('not-on-server');
  });

  it('NotifyToServer reaches the lobby/game the player is on, with __id__ = playerId', () => {
    const s = sim();
    const lobby = s.registerSystem('lobby-4000', RecServer, 'l', 'l').on('clientNamespace', 'clientSystem', 'PlayerJoinEvent');
    const client = s.registerSystem('client-1', ClientSystem, 'clientNamespace', 'clientSystem');
    client.NotifyToServer('PlayerJoinEvent', { uid: 123, name: 'nickname' });
    s.runUntil(100);
    expect(lobby.got).toEqual([['PlayerJoinEvent', { uid: 123, name: 'nickname', __id__: s.nodeState('client-1').playerId }]]);
  });

  it('NotifyToMaster: a lobby is heard as itself, a service as NeteaseExtraApi/extraApiService', () => {
    const s = sim();
    const master = s.registerSystem('master', RecMaster, 'm', 'm').on('lobbyNamespace', 'lobbySystem', 'FromLobby').on('NeteaseExtraApi', 'extraApiService', 'FromService');
    s.registerSystem('lobby-4000', ServerSystem, 'lobbyNamespace', 'lobbySystem').NotifyToMaster('FromLobby', { a: 1 });
    s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem').NotifyToMaster('FromService', { b: 2 });
    s.runUntil(100);
    expect(master.got).toEqual([['FromLobby', { a: 1 }], ['FromService', { b: 2 }]]);
  });

  it('NotifyToServiceNode is heard as extraApiMaster / extraApiDev / extraApiService by caller kind, and as the client itself with __neteaseProxyId__ and __uid__', () => {
    const s = sim();
    const svc = s.registerSystem('service-8000', RecService, 'x', 'x')
      .on('NeteaseExtraApi', 'extraApiMaster', 'M')
      .on('NeteaseExtraApi', 'extraApiDev', 'D')
      .on('NeteaseExtraApi', 'extraApiService', 'S')
      .on('clientNamespace', 'clientSystem', 'C');
    s.registerSystem('master', MasterSystem, 'masterNamespace', 'masterSystem').NotifyToServiceNode(8000, 'M', {});
    s.registerSystem('lobby-4000', ServerSystem, 'lobbyNamespace', 'lobbySystem').NotifyToServiceNode(8000, 'D', {});
    s.registerSystem('service-8001', ServiceSystem, 'serviceNamespace', 'serviceSystem').NotifyToServiceNode(8000, 'S', {});
    s.registerSystem('client-1', ClientSystem, 'clientNamespace', 'clientSystem').NotifyToServiceNode(8000, 'C', { name: 'nickname' });
    s.runUntil(100);
    expect(svc.got.map(([e]) => e).sort()).toEqual(['C', 'D', 'M', 'S']);
    expect(svc.got.find(([e]) => e === 'C')?.[1]).toEqual({ name: 'nickname', __neteaseProxyId__: 2000, __uid__: 101 });
    expect(findOne(s.trace.slice(0), { type: 'send', event: 'C' }).path).toEqual(['client-1', 'proxy-2000', 'service-8000']);
  });

  it('NotifyToServerNode from master and service reaches that lobby/game only', () => {
    const s = sim();
    const game = s.registerSystem('game-5000', RecServer, 'g', 'g').on('masterNamespace', 'masterSystem', 'A').on('serviceNamespace', 'serviceSystem', 'B');
    const other = s.registerSystem('game-5001', RecServer, 'g', 'g').on('masterNamespace', 'masterSystem', 'A');
    s.registerSystem('master', MasterSystem, 'masterNamespace', 'masterSystem').NotifyToServerNode(5000, 'A', { x: 1 });
    s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem').NotifyToServerNode(5000, 'B', { y: 2 });
    s.runUntil(100);
    expect(game.got).toEqual([['A', { x: 1 }], ['B', { y: 2 }]]);
    expect(other.got).toEqual([]);
  });

  it('BroadcastToServerByType is one send reaching exactly the lobby/games of that type', () => {
    const s = sim();
    s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem').BroadcastToServerByType('battle_game_server_type', 'PlayerJoinEvent', { uid: 123 });
    s.runUntil(100);
    const events = s.trace.slice(0);
    const send = findOne(events, { type: 'send', api: 'BroadcastToServerByType' });
    expect(send.targets).toEqual(['game-5000', 'game-5001']);
    expect(findAll(events, { type: 'deliver', api: 'BroadcastToServerByType' }).map((e) => e.to)).toEqual(['game-5000', 'game-5001']);
    expect(findAll(events, { type: 'deliver' }).every((e) => e.cause === send.seq || e.api !== 'BroadcastToServerByType')).toBe(true);
  });

  it('BroadcastToService reaches every service, and the sending service too unless broadcastIncludesSender is false', () => {
    for (const include of [true, false]) {
      const p = makeProject({ services: [{ serverId: 8000 }, { serverId: 8001 }, { serverId: 8002 }] }, { options: { broadcastIncludesSender: include } });
      const s = new Simulation(p);
      s.registerSystem('service-8001', ServiceSystem, 'serviceNamespace', 'serviceSystem').BroadcastToService('ServiceBroadcastEvent', {});
      s.runUntil(100);
      const send = findOne(s.trace.slice(0), { type: 'send', api: 'BroadcastToService' });
      expect(send.targets).toEqual(include ? ['service-8000', 'service-8001', 'service-8002'] : ['service-8000', 'service-8002']);
    }
  });

  it('RemoteNotifyToClient reaches the client with that uid on that proxy; a wrong proxy is dropped', () => {
    const s = sim();
    const client = s.registerSystem('client-1', RecClient, 'c', 'c').on('serviceNamespace', 'serviceSystem', 'ServiceToClientEvent');
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    svc.RemoteNotifyToClient(101, 2000, 'ServiceToClientEvent', { uid: 101, name: 'nickname' });
    svc.RemoteNotifyToClient(101, 8000, 'ServiceToClientEvent', { wrong: true });
    s.runUntil(100);
    expect(client.got).toEqual([['ServiceToClientEvent', { uid: 101, name: 'nickname' }]]);
    expect(findOne(s.trace.slice(0), { type: 'drop', api: 'RemoteNotifyToClient' }).reason).toBe('not-on-proxy');
  });

  it('an event nobody listens for is delivered and recorded as unhandled, naming the identity to listen with', () => {
    const s = sim();
    s.registerSystem('lobby-4000', ServerSystem, 'lobbyNamespace', 'lobbySystem').NotifyToServiceNode(8000, 'Nobody', {});
    s.runUntil(100);
    const events = s.trace.slice(0);
    const u = findOne(events, { type: 'unhandled', event: 'Nobody' });
    expect([u.ns, u.sys, u.to]).toEqual(['NeteaseExtraApi', 'extraApiDev', 'service-8000']);
    expect(events[u.cause! - 1].type).toBe('deliver');
  });

  it('listeners run by priority (higher first), then registration order, on one shared copy', () => {
    const s = sim();
    const order: string[] = [];
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    lobby.ListenForEvent('masterNamespace', 'masterSystem', 'E', lobby, () => order.push('p0-a'));
    lobby.ListenForEvent('masterNamespace', 'masterSystem', 'E', lobby, () => order.push('p5'), 5);
    lobby.ListenForEvent('masterNamespace', 'masterSystem', 'E', lobby, () => order.push('p0-b'));
    lobby.ListenForEvent('masterNamespace', 'masterSystem', 'E', lobby, () => order.push('p10'), 10);
    s.registerSystem('master', MasterSystem, 'masterNamespace', 'masterSystem').NotifyToServerNode(4000, 'E', {});
    s.runUntil(100);
    expect(order).toEqual(['p10', 'p5', 'p0-a', 'p0-b']);
  });

  it('eventData is copied at send: later mutations by the sender never reach the receiver', () => {
    const s = sim();
    const svc = s.registerSystem('service-8000', RecService, 'x', 'x').on('NeteaseExtraApi', 'extraApiDev', 'E');
    const data = { list: [1, 2], nested: { v: 'before' } };
    s.registerSystem('lobby-4000', ServerSystem, 'l', 'l').NotifyToServiceNode(8000, 'E', data);
    data.list.push(3);
    data.nested.v = 'after';
    s.runUntil(100);
    expect(svc.got[0][1]).toEqual({ list: [1, 2], nested: { v: 'before' } });
    expect(findOne(s.trace.slice(0), { type: 'deliver', event: 'E' }).data).toEqual({ list: [1, 2], nested: { v: 'before' } });
  });

  it('a target that does not exist or is stopped: dropped with a reason, nothing thrown', () => {
    const s = sim();
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    lobby.NotifyToServiceNode(9999, 'E', {});
    s.apply({ at: 0, do: 'stop', node: 'service-8000' });
    lobby.NotifyToServiceNode(8000, 'E', {});
    s.runUntil(100);
    const drops = findAll(s.trace.slice(0), { type: 'drop' });
    expect(drops.map((d) => d.reason)).toEqual(['no-target', 'node-down']);
    expect(findAll(s.trace.slice(0), { type: 'deliver', to: 'service-8000' })).toEqual([]);
  });

  it('a cut link drops at send as link-down; restore brings it back', () => {
    const s = sim();
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    s.apply({ at: 0, do: 'cut', a: 'lobby-4000', b: 'service-8000' });
    lobby.NotifyToServiceNode(8000, 'E', {});
    s.apply({ at: 0, do: 'restore', a: 'lobby-4000', b: 'service-8000' });
    lobby.NotifyToServiceNode(8000, 'E', {});
    s.runUntil(100);
    const ev = s.trace.slice(0);
    expect(findOne(ev, { type: 'drop' }).reason).toBe('link-down');
    expect(findAll(ev, { type: 'deliver', to: 'service-8000' })).toHaveLength(1);
  });

  it('per-link latency and loss: a lossy link drops with reason loss where the hop ends', () => {
    const p = makeProject({ services: [{ serverId: 8000 }] }, { links: [{ a: 'lobby-4000', b: 'service-8000', latencyMs: 40, loss: 1 }] });
    const s = new Simulation(p);
    s.registerSystem('lobby-4000', ServerSystem, 'l', 'l').NotifyToServiceNode(8000, 'E', {});
    s.runUntil(100);
    const d = findOne(s.trace.slice(0), { type: 'drop' });
    expect([d.reason, d.t, d.at]).toEqual(['loss', 40, 'service-8000']);
  });
});
