// The reference's examples written in TypeScript almost line for line with the mod classes, run on
// the nodes they name (core/testing/reference-topology.ts: master 0, proxy 2000, lobby 4000, games
// 5000/5001, services 8000/8001, the player uid 123 / playerId '456'). Python's `print` becomes
// `print(...)`, which notes what was printed and at which virtual time; the trace is checked too.
// Deviations from the printed examples are the defects of semantics §6: undefined `data`/`args`
// are the example's `player`, RemoteNotifyToClient gets proxy 2000 (its 8000 is shown dropped).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import { referenceTopology } from '../testing/reference-topology';
import { only, problems, rpcStates, where } from '../testing/reference-trace';
import type { TraceEvent } from '../trace/event';
import { masterHttp } from './master-http';
import { ClientSystem, MasterSystem, ServerSystem, ServiceSystem } from './systems';

type Dict = Record<string, unknown>;

let sim: Simulation;
let printed: { t: number; line: unknown[] }[];

/** Python's print: what was printed, at the virtual time it ran. */
function print(...line: unknown[]): void {
  printed.push({ t: sim.now, line });
}

/** The printed lines starting with `label`, as [t, ...rest]. */
function lines(label: string): unknown[][] {
  return printed.filter((p) => p.line[0] === label).map((p) => [p.t, ...p.line.slice(1)]);
}

function trace(): TraceEvent[] {
  return sim.trace.slice(0);
}

/** The handle event of `event` on `node` ran on system (ns, sys). */
function expectHandled(node: string, event: string, ns: string, sys: string): TraceEvent {
  const h = only(trace(), { type: 'handle', to: node, event });
  expect([h.ns, h.sys]).toEqual([ns, sys]);
  return h;
}

function player(): Dict {
  const player: Dict = {};
  player['uid'] = 123;
  player['name'] = 'nickname';
  return player;
}

beforeEach(() => {
  sim = new Simulation(referenceTopology(5), { seed: 1 });
  printed = [];
});

afterEach(() => {
  // No example misuses an interface or throws from a handler.
  expect(problems(trace(), ['misuse', 'error'])).toEqual([]);
});

// ------------------------------------------------------------------ client and game/lobby

describe('NotifyToClient', () => {
  // client mod
  class testClient extends ClientSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('serverNamespace', 'serverSystem', 'PlayerJoinOKEvent', this, this.OnPlayerJoinOK);
    }
    OnPlayerJoinOK(args: Dict) {
      // The result of args is: {'uid':123, 'name':'nickname'}
      print('OnPlayerJoinOK', args);
    }
  }
  // game/lobby mod
  class testServer extends ServerSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
    }
    testNotifyClient() {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      const playerId = '456';
      this.NotifyToClient(playerId, 'PlayerJoinOKEvent', player);
    }
  }

  it("the client with playerId '456' gets {'uid':123, 'name':'nickname'} through its proxy", () => {
    sim.registerSystem('client-123', testClient, 'clientNamespace', 'clientSystem');
    const server = sim.registerSystem('lobby-4000', testServer, 'serverNamespace', 'serverSystem');
    sim.runUntil(100);
    server.testNotifyClient();
    sim.runUntil(1000);
    expect(lines('OnPlayerJoinOK')).toEqual([[110, { uid: 123, name: 'nickname' }]]);
    expectHandled('client-123', 'PlayerJoinOKEvent', 'clientNamespace', 'clientSystem');
    expect(only(trace(), { type: 'send', api: 'NotifyToClient' }).path).toEqual(['lobby-4000', 'proxy-2000', 'client-123']);
  });
});

describe('NotifyToServer', () => {
  class testClient extends ClientSystem {
    testNotifyServer() {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      this.NotifyToServer('PlayerJoinEvent', player);
    }
  }
  class testServer extends ServerSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('clientNamespace', 'clientSystem', 'PlayerJoinEvent', this, this.OnPlayerJoin);
    }
    OnPlayerJoin(args: Dict) {
      // args result is: {'uid':123, 'name':'nickname'} (and __id__, the sender's playerId)
      print('OnPlayerJoin', args);
    }
  }

  it('the lobby the player is on gets the dict plus __id__', () => {
    const client = sim.registerSystem('client-123', testClient, 'clientNamespace', 'clientSystem');
    sim.registerSystem('lobby-4000', testServer, 'serverNamespace', 'serverSystem');
    sim.runUntil(100);
    client.testNotifyServer();
    sim.runUntil(1000);
    expect(lines('OnPlayerJoin')).toEqual([[110, { uid: 123, name: 'nickname', __id__: '456' }]]);
    expectHandled('lobby-4000', 'PlayerJoinEvent', 'serverNamespace', 'serverSystem');
  });
});

// ------------------------------------------------------------------ master and game/lobby

describe('NotifyToMaster (lobby) and NotifyToServerNode (master)', () => {
  class testMaster extends MasterSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('lobbyNamespace', 'lobbySystem', 'PlayerJoinOKEvent', this, this.OnPlayerJoinOK);
    }
    OnPlayerJoinOK(args: Dict) {
      print('OnPlayerJoinOK', args);
    }
    testNotifyServer() {
      this.NotifyToServerNode(4000, 'PlayerJoinEvent', player());
    }
  }
  // lobby mod, server id is 4000
  class lobbyServer extends ServerSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('masterNamespace', 'masterSystem', 'PlayerJoinEvent', this, this.OnPlayerJoin);
    }
    OnPlayerJoin(args: Dict) {
      print('OnPlayerJoin', this.nodeId, args);
    }
    testNotifyMaster() {
      this.NotifyToMaster('PlayerJoinOKEvent', player());
    }
  }

  it('lobby → master and master → lobby 4000 (and not the games)', () => {
    const master = sim.registerSystem('master', testMaster, 'masterNamespace', 'masterSystem');
    const lobby = sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.registerSystem('game-5000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.runUntil(100);
    lobby.testNotifyMaster();
    master.testNotifyServer();
    sim.runUntil(1000);
    expect(lines('OnPlayerJoinOK')).toEqual([[105, { uid: 123, name: 'nickname' }]]);
    expect(lines('OnPlayerJoin')).toEqual([[105, 'lobby-4000', { uid: 123, name: 'nickname' }]]);
    expectHandled('master', 'PlayerJoinOKEvent', 'masterNamespace', 'masterSystem');
    expectHandled('lobby-4000', 'PlayerJoinEvent', 'lobbyNamespace', 'lobbySystem');
  });
});

// ------------------------------------------------------------------ service and master (masterHttp)

describe('BroadcastToService and NotifyToServiceNode from the master, via masterHttp', () => {
  // service mod
  class ServiceApiSys extends ServiceSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('NeteaseExtraApi', 'extraApiMaster', 'MasterBroadcastEvent', this, this.OnMasterBroadcastEvent);
      this.ListenForEvent('NeteaseExtraApi', 'extraApiMaster', 'MasterEvent', this, this.OnMasterEvent);
    }
    OnMasterBroadcastEvent(args: Dict) {
      print('OnMasterBroadcastEvent', this.nodeId, args);
    }
    OnMasterEvent(args: Dict) {
      print('OnMasterEvent', this.nodeId, args);
    }
  }
  // master mod
  class masterServer extends MasterSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      masterHttp.RegisterMasterHttp('/api/service-broadcast-event', this, this.OnServiceBroadcastEvent);
      masterHttp.RegisterMasterHttp('/api/service-event', this, this.OnServiceEvent);
    }
    OnServiceBroadcastEvent(clientId: number, requestBody: string) {
      const reqData = JSON.parse(requestBody) as Dict;
      this.BroadcastToService('MasterBroadcastEvent', reqData);
      const responseBody = JSON.stringify({
        code: 0,
        message: 'success',
        entity: {},
      });
      masterHttp.SendHttpResponse(clientId, responseBody);
    }
    OnServiceEvent(clientId: number, requestBody: string) {
      const reqData = JSON.parse(requestBody) as Dict;
      this.NotifyToServiceNode(8000, 'MasterEvent', reqData);
      const responseBody = JSON.stringify({
        code: 0,
        message: 'success',
        entity: {},
      });
      masterHttp.SendHttpResponse(clientId, responseBody);
    }
  }

  beforeEach(() => {
    sim.registerSystem('master', masterServer, 'masterNamespace', 'masterSystem');
    sim.registerSystem('service-8000', ServiceApiSys, 'serviceNamespace', 'serviceSystem');
    sim.registerSystem('service-8001', ServiceApiSys, 'serviceNamespace', 'serviceSystem');
    sim.runUntil(100);
  });

  it('a POST to /api/service-broadcast-event reaches every service and is answered once', () => {
    sim.apply({ at: 100, do: 'http', path: '/api/service-broadcast-event', body: '{"notice": "maintenance at 02:00"}' });
    sim.runUntil(1000);
    expect(lines('OnMasterBroadcastEvent')).toEqual([
      [105, 'service-8000', { notice: 'maintenance at 02:00' }],
      [105, 'service-8001', { notice: 'maintenance at 02:00' }],
    ]);
    const send = only(trace(), { type: 'send', api: 'BroadcastToService' });
    expect(send.targets).toEqual(['service-8000', 'service-8001']);
    expect(where(trace(), { type: 'deliver', event: 'MasterBroadcastEvent' }).map((e) => e.to)).toEqual(['service-8000', 'service-8001']);
    const res = only(trace(), { type: 'http', api: 'SendHttpResponse' });
    expect(JSON.parse(res.data as string)).toEqual({ code: 0, message: 'success', entity: {} });
    expect(res.t).toBe(100);
  });

  it('a POST to /api/service-event reaches service 8000 only', () => {
    sim.apply({ at: 100, do: 'http', path: '/api/service-event', body: '{"uid": 123, "name": "nickname"}' });
    sim.runUntil(1000);
    expect(lines('OnMasterEvent')).toEqual([[105, 'service-8000', { uid: 123, name: 'nickname' }]]);
    expect(where(trace(), { type: 'http', api: 'SendHttpResponse' })).toHaveLength(1);
  });
});

// ------------------------------------------------------------------ service and service/master RPC

describe('RegisterRpcMethod on a service, RequestToService from the master', () => {
  // service mod
  class testService extends ServiceSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      // Register service method. Note that an event can only be registered once, otherwise the
      // subsequent listening function will overwrite the previous listening function
      this.RegisterRpcMethod('idv_service', 'PlayerJoinOKEvent', this.OnPlayerJoinOK);
    }
    OnPlayerJoinOK(serverId: number, callbackId: number, args: Dict) {
      // The result of args is: {'uid':123, 'name':'nickname'}
      print('OnPlayerJoinOK', serverId, args);
      const response: Dict = {};
      response['result'] = 1;
      this.ResponseToServer(serverId, callbackId, response);
    }
  }
  // master mod
  class masterServer extends MasterSystem {
    OnCallback(suc: boolean, args: Dict | null) {
      // If successful: suc=True, args= {'result' : 1}
      // If it times out, suc is False
      if (!suc) {
        print('OnCallback timeout', suc, args);
        return;
      }
      print('OnCallback success', args);
    }
    testNotifyService() {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      this.RequestToService('idv_service', 'PlayerJoinOKEvent', player, this.OnCallback, 2);
    }
  }

  it("OnCallback(True, {'result': 1})", () => {
    sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    const master = sim.registerSystem('master', masterServer, 'masterNamespace', 'masterSystem');
    sim.runUntil(100);
    master.testNotifyService();
    sim.runUntil(5000);
    expect(lines('OnPlayerJoinOK')).toEqual([[105, 0, { uid: 123, name: 'nickname' }]]);
    expect(lines('OnCallback success')).toEqual([[110, { result: 1 }]]);
    expect(lines('OnCallback timeout')).toEqual([]);
    const cb = only(trace(), { type: 'callback' });
    expect(cb).toMatchObject({ to: 'master', suc: true, data: { result: 1 }, t: 110 });
    expect(rpcStates(trace(), cb.rpc?.id as number)).toEqual(['requested', 'delivered', 'handling', 'responded', 'completed']);
  });

  it('OnCallback(False, None) exactly 2 s after the request when the service is down', () => {
    sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    const master = sim.registerSystem('master', masterServer, 'masterNamespace', 'masterSystem');
    sim.apply({ at: 0, do: 'stop', node: 'service-8000' });
    sim.runUntil(100);
    master.testNotifyService();
    sim.runUntil(10000);
    expect(lines('OnPlayerJoinOK')).toEqual([]);
    expect(lines('OnCallback timeout')).toEqual([[2100, false, null]]);
  });
});

describe('RegisterRpcMethodForMod on a service, RequestToServiceMod / ResponseToServer with the lobby', () => {
  // service mod
  class testService extends ServiceSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.RegisterRpcMethodForMod('PlayerJoinOKEvent', this.OnPlayerJoinOK);
    }
    OnPlayerJoinOK(serverId: number, callbackId: number, args: Dict) {
      // args result: {'uid':123, 'name':'nickname'}
      print('OnPlayerJoinOK', serverId, callbackId, args);
      const response: Dict = {};
      response['result'] = 1;
      this.ResponseToServer(serverId, callbackId, response);
    }
  }
  // lobby mod
  class lobbyServer extends ServerSystem {
    OnCallback(suc: boolean, args: Dict | null) {
      // If successful: suc=True, args= {'result' : 1}
      // If timeout, suc is False
      if (!suc) {
        print('OnCallback timeout', suc, args);
        return;
      }
      print('OnCallback success', args);
    }
    testNotifyService(timeout?: number) {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      if (timeout === undefined) this.RequestToServiceMod('idv_service', 'PlayerJoinOKEvent', player, this.OnCallback, 2);
      else this.RequestToServiceMod('idv_service', 'PlayerJoinOKEvent', player, this.OnCallback, timeout);
    }
  }
  /** The same service, but it keeps the request and answers when told (too late). */
  class slowService extends ServiceSystem {
    pending: [number, number][] = [];
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.RegisterRpcMethodForMod('PlayerJoinOKEvent', this.OnPlayerJoinOK);
    }
    OnPlayerJoinOK(serverId: number, callbackId: number, args: Dict) {
      print('OnPlayerJoinOK', serverId, callbackId, args);
      this.pending.push([serverId, callbackId]);
    }
    answerNow() {
      for (const [serverId, callbackId] of this.pending) this.ResponseToServer(serverId, callbackId, { result: 1 });
    }
  }

  it("the service gets (4000, callbackId, args), the lobby's OnCallback gets (True, {'result': 1})", () => {
    sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    const lobby = sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.runUntil(100);
    lobby.testNotifyService();
    sim.runUntil(5000);
    const send = only(trace(), { type: 'send', api: 'RequestToServiceMod' });
    expect(lines('OnPlayerJoinOK')).toEqual([[105, 4000, send.rpc?.callbackId, { uid: 123, name: 'nickname' }]]);
    expect(lines('OnCallback success')).toEqual([[110, { result: 1 }]]);
    expectHandled('service-8000', 'PlayerJoinOKEvent', 'serviceNamespace', 'serviceSystem');
    expect(only(trace(), { type: 'send', api: 'ResponseToServer' })).toMatchObject({ from: 'service-8000', to: 'lobby-4000', data: { result: 1 } });
  });

  it('OnCallback(False, None) exactly `timeout` s later when the service is stopped, for 2 s and for 0.5 s', () => {
    sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    const lobby = sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.apply({ at: 0, do: 'stop', node: 'service-8000' });
    sim.runUntil(100);
    lobby.testNotifyService();
    sim.runUntil(300);
    lobby.testNotifyService(0.5);
    sim.runUntil(10000);
    expect(lines('OnCallback timeout')).toEqual([[800, false, null], [2100, false, null]]);
    expect(lines('OnCallback success')).toEqual([]);
  });

  it('an answer after the timeout is dropped as a late response; OnCallback ran once, with (False, None)', () => {
    const svc = sim.registerSystem('service-8000', slowService, 'serviceNamespace', 'serviceSystem');
    const lobby = sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.runUntil(100);
    lobby.testNotifyService();
    sim.runUntil(2500);
    svc.answerNow();
    sim.runUntil(10000);
    expect(lines('OnPlayerJoinOK')).toHaveLength(1);
    expect(lines('OnCallback timeout')).toEqual([[2100, false, null]]);
    expect(lines('OnCallback success')).toEqual([]);
    expect(only(trace(), { type: 'drop', api: 'ResponseToServer' })).toMatchObject({ reason: 'late-response', t: 2505, to: 'lobby-4000' });
  });

  it('a second registration for the same event replaces the first, as the reference warns', () => {
    class twiceService extends testService {
      constructor(namespace: string, systemName: string) {
        super(namespace, systemName);
        this.RegisterRpcMethodForMod('PlayerJoinOKEvent', this.OnPlayerJoinOKAgain);
      }
      OnPlayerJoinOKAgain(serverId: number, callbackId: number, _args: Dict) {
        print('OnPlayerJoinOKAgain');
        this.ResponseToServer(serverId, callbackId, { result: 2 });
      }
    }
    sim.registerSystem('service-8000', twiceService, 'serviceNamespace', 'serviceSystem');
    const lobby = sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.runUntil(100);
    lobby.testNotifyService();
    sim.runUntil(5000);
    expect(lines('OnPlayerJoinOK')).toEqual([]);
    expect(lines('OnPlayerJoinOKAgain')).toEqual([[105]]);
    expect(lines('OnCallback success')).toEqual([[110, { result: 2 }]]);
    expect(where(trace(), { type: 'register', api: 'RegisterRpcMethodForMod', detail: 'rpc-replaced' })).toHaveLength(1);
  });
});

describe('RegisterRpcMethod / RequestToService from the lobby, without callback', () => {
  class testService extends ServiceSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.RegisterRpcMethod('idv_service', 'PlayerJoinOKEvent', this.OnPlayerJoinOK);
    }
    OnPlayerJoinOK(serverId: number, callbackId: number, args: Dict) {
      // args result is: {'uid':123, 'name':'nickname'}
      print('OnPlayerJoinOK', serverId, args);
    }
  }
  class lobbyServer extends ServerSystem {
    testNotifyService() {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      this.RequestToService('idv_service', 'PlayerJoinOKEvent', player);
    }
  }

  it('the handler runs once; nothing comes back and no timeout fires', () => {
    sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    const lobby = sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.runUntil(100);
    lobby.testNotifyService();
    sim.runUntil(10000);
    expect(lines('OnPlayerJoinOK')).toEqual([[105, 4000, { uid: 123, name: 'nickname' }]]);
    expect(where(trace(), { type: 'callback' })).toEqual([]);
    const send = only(trace(), { type: 'send', api: 'RequestToService' });
    expect(rpcStates(trace(), send.rpc?.id as number)).toEqual(['requested', 'delivered', 'handling', 'completed']);
  });
});

describe("RequestToService from a service to the master's module", () => {
  class testService extends ServiceSystem {
    OnCallbackFromMaster(suc: boolean, args: Dict | null) {
      // If successful: suc=True, args= {'result' : 'hello'}
      // If timeout, suc is False
      if (!suc) {
        print('OnCallback timeout', suc, args);
        return;
      }
      print('OnCallbackFromMaster success', args);
    }
    testNotifyMaster() {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      this.RequestToService('master_module', 'RequestMasterEvent', player, this.OnCallbackFromMaster, 2);
    }
  }
  class masterServer extends MasterSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      // Register master method, note that an event can only be registered once
      this.RegisterRpcMethod('master_module', 'RequestMasterEvent', this.OnRequestMaster);
    }
    OnRequestMaster(serverId: number, callbackId: number, args: Dict) {
      // args result is: {'uid':123, 'name':'nickname'}
      print('OnRequestMaster', serverId, args);
      const response: Dict = {};
      response['result'] = 'hello';
      this.ResponseToServer(serverId, callbackId, response);
    }
  }

  it("OnCallbackFromMaster(True, {'result': 'hello'}); OnRequestMaster sees serverId 8000", () => {
    const svc = sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    sim.registerSystem('master', masterServer, 'masterNamespace', 'masterSystem');
    sim.runUntil(100);
    svc.testNotifyMaster();
    sim.runUntil(5000);
    expect(lines('OnRequestMaster')).toEqual([[105, 8000, { uid: 123, name: 'nickname' }]]);
    expect(lines('OnCallbackFromMaster success')).toEqual([[110, { result: 'hello' }]]);
    expectHandled('master', 'RequestMasterEvent', 'masterNamespace', 'masterSystem');
  });
});

// ------------------------------------------------------------------ service and master / lobby, one-way

describe('NotifyToMaster and NotifyToServerNode from a service', () => {
  class MasterApiSys extends MasterSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('NeteaseExtraApi', 'extraApiService', 'ServiceEvent', this, this.OnServiceEvent);
    }
    OnServiceEvent(args: Dict) {
      print('OnServiceEvent', args);
    }
  }
  class ServiceApiSys extends ServiceSystem {
    DoSendToMaster(args: Dict) {
      this.NotifyToMaster('ServiceEvent', args);
    }
    testNotifyServer() {
      this.NotifyToServerNode(4000, 'PlayerJoinEvent', player());
    }
  }
  class lobbyServer extends ServerSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('serviceNamespace', 'serviceSystem', 'PlayerJoinEvent', this, this.OnPlayerJoin);
    }
    OnPlayerJoin(args: Dict) {
      print('OnPlayerJoin', args);
    }
  }

  it('the master hears NeteaseExtraApi/extraApiService; the lobby hears the service\'s own pair', () => {
    sim.registerSystem('master', MasterApiSys, 'masterNamespace', 'masterSystem');
    sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    const svc = sim.registerSystem('service-8000', ServiceApiSys, 'serviceNamespace', 'serviceSystem');
    sim.runUntil(100);
    svc.DoSendToMaster(player());
    svc.testNotifyServer();
    sim.runUntil(1000);
    expect(lines('OnServiceEvent')).toEqual([[105, { uid: 123, name: 'nickname' }]]);
    expect(lines('OnPlayerJoin')).toEqual([[105, { uid: 123, name: 'nickname' }]]);
  });
});

describe('BroadcastToServerByType', () => {
  class testService extends ServiceSystem {
    testNotify() {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      this.BroadcastToServerByType('battle_game_server_type', 'PlayerJoinEvent', player);
    }
  }
  // lobby mod (server type is battle_game_server_type)
  class lobbyServer extends ServerSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('serviceNamespace', 'serviceSystem', 'PlayerJoinEvent', this, this.OnPlayerJoin);
    }
    OnPlayerJoin(args: Dict) {
      // The result of args is: {'uid':123, 'name':'nickname'}
      print('OnPlayerJoin', this.nodeId, args);
    }
  }

  it('reaches exactly the servers of that type, not the lobby of type lobby', () => {
    const svc = sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    for (const n of ['lobby-4000', 'game-5000', 'game-5001']) sim.registerSystem(n, lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.runUntil(100);
    svc.testNotify();
    sim.runUntil(1000);
    expect(lines('OnPlayerJoin')).toEqual([
      [105, 'game-5000', { uid: 123, name: 'nickname' }],
      [105, 'game-5001', { uid: 123, name: 'nickname' }],
    ]);
    expect(only(trace(), { type: 'send', api: 'BroadcastToServerByType' }).targets).toEqual(['game-5000', 'game-5001']);
  });
});

describe('BroadcastToService and NotifyToServiceNode from the lobby, forwarded between services', () => {
  class ServiceApiSys extends ServiceSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'ServerBroadcastEvent', this, this.OnServerBroadcastEvent);
      this.ListenForEvent('NeteaseExtraApi', 'extraApiService', 'ServiceBroadcastEvent', this, this.OnServiceBroadcastEvent);
      this.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'ServerEvent', this, this.OnServerEvent);
      this.ListenForEvent('NeteaseExtraApi', 'extraApiService', 'ServiceEvent', this, this.OnServiceEvent);
    }
    OnServerBroadcastEvent(args: Dict) {
      print('OnServerBroadcastEvent', this.nodeId, args);
      this.BroadcastToService('ServiceBroadcastEvent', args);
    }
    OnServiceBroadcastEvent(args: Dict) {
      print('OnServiceBroadcastEvent', this.nodeId, args);
    }
    OnServerEvent(args: Dict) {
      print('OnServerEvent', this.nodeId, args);
      this.NotifyToServiceNode(8001, 'ServiceEvent', args);
    }
    OnServiceEvent(args: Dict) {
      print('OnServiceEvent', this.nodeId, args);
    }
  }
  class lobbyServer extends ServerSystem {
    DoBroadcastToService(args: Dict) {
      this.BroadcastToService('ServerBroadcastEvent', args);
    }
    DoSendToService(args: Dict) {
      this.NotifyToServiceNode(8000, 'ServerEvent', args);
    }
  }

  let lobby: lobbyServer;
  beforeEach(() => {
    sim.registerSystem('service-8000', ServiceApiSys, 'serviceNamespace', 'serviceSystem');
    sim.registerSystem('service-8001', ServiceApiSys, 'serviceNamespace', 'serviceSystem');
    lobby = sim.registerSystem('lobby-4000', lobbyServer, 'lobbyNamespace', 'lobbySystem');
    sim.runUntil(100);
  });

  it('lobby → every service (extraApiDev) → every service, the sender too (extraApiService)', () => {
    lobby.DoBroadcastToService(player());
    sim.runUntil(1000);
    const p = { uid: 123, name: 'nickname' };
    expect(lines('OnServerBroadcastEvent')).toEqual([[105, 'service-8000', p], [105, 'service-8001', p]]);
    expect(lines('OnServiceBroadcastEvent').map((l) => l[1]).sort()).toEqual(['service-8000', 'service-8000', 'service-8001', 'service-8001']);
    expect(lines('OnServiceBroadcastEvent').every((l) => l[0] === 110)).toBe(true);
  });

  it('lobby → service 8000 (extraApiDev) → service 8001 (extraApiService)', () => {
    lobby.DoSendToService(player());
    sim.runUntil(1000);
    expect(lines('OnServerEvent')).toEqual([[105, 'service-8000', { uid: 123, name: 'nickname' }]]);
    expect(lines('OnServiceEvent')).toEqual([[110, 'service-8001', { uid: 123, name: 'nickname' }]]);
  });
});

// ------------------------------------------------------------------ client and service

describe('NotifyToServiceNode from a client, RemoteNotifyToClient back', () => {
  class testClient extends ClientSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('serviceNamespace', 'serviceSystem', 'ServiceToClientEvent', this, this.OnServiceToClient);
    }
    testNotify() {
      const player: Dict = {};
      player['name'] = 'nickname';
      this.NotifyToServiceNode(8000, 'ClientToServiceEvent', player);
    }
    OnServiceToClient(args: Dict) {
      // The result of args: {'uid': 123, 'name': nickname}
      print('OnServiceToClient', args);
    }
  }
  class testService extends ServiceSystem {
    constructor(namespace: string, systemName: string) {
      super(namespace, systemName);
      this.ListenForEvent('clientNamespace', 'clientSystem', 'ClientToServiceEvent', this, this.OnClientToService);
    }
    OnClientToService(args: Dict) {
      // args results: {'__neteaseProxyId__': 2000, '__uid__': 123, 'name': nickname}
      print('OnClientToService', args);
    }
    testNotify(proxyId = 2000) {
      const player: Dict = {};
      player['uid'] = 123;
      player['name'] = 'nickname';
      this.RemoteNotifyToClient(123, proxyId, 'ServiceToClientEvent', player);
    }
  }

  it("the service gets {'__neteaseProxyId__': 2000, '__uid__': 123, 'name': 'nickname'}; RemoteNotifyToClient(123, 2000) reaches the client", () => {
    const client = sim.registerSystem('client-123', testClient, 'clientNamespace', 'clientSystem');
    const svc = sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    sim.runUntil(100);
    client.testNotify();
    sim.runUntil(500);
    svc.testNotify();
    sim.runUntil(1000);
    expect(lines('OnClientToService')).toEqual([[110, { __neteaseProxyId__: 2000, __uid__: 123, name: 'nickname' }]]);
    expect(lines('OnServiceToClient')).toEqual([[510, { uid: 123, name: 'nickname' }]]);
    expectHandled('service-8000', 'ClientToServiceEvent', 'serviceNamespace', 'serviceSystem');
    expectHandled('client-123', 'ServiceToClientEvent', 'clientNamespace', 'clientSystem');
  });

  it("the reference's RemoteNotifyToClient(123, 8000, ...) is dropped: uid 123 is on proxy 2000", () => {
    sim.registerSystem('client-123', testClient, 'clientNamespace', 'clientSystem');
    const svc = sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem');
    sim.runUntil(100);
    svc.testNotify(8000);
    sim.runUntil(1000);
    expect(lines('OnServiceToClient')).toEqual([]);
    expect(only(trace(), { type: 'drop', api: 'RemoteNotifyToClient' }).reason).toBe('not-on-proxy');
  });
});
