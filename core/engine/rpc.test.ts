// RPC (semantics §3): the lifecycle, exact timeouts, the reasons a call ends early, and the
// responses that are dropped (late, duplicate, without callback).
import { describe, expect, it } from 'vitest';
import { MasterSystem, ServerSystem, ServiceSystem } from '../api/systems';
import { findAll, findOne } from '../testing/trace-query';
import { makeProject } from '../testing/topology';
import type { TraceEvent } from '../trace/event';
import { Simulation } from './simulation';

type Dict = Record<string, unknown>;

class Echo extends ServiceSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.RegisterRpcMethodForMod('PlayerJoinOKEvent', this.OnPlayerJoinOK);
  }
  OnPlayerJoinOK(serverId: number, callbackId: number, _args: Dict): void {
    this.ResponseToServer(serverId, callbackId, { result: 1 });
  }
}

class Caller extends ServerSystem {
  results: [boolean, Dict | null, number][] = [];
  OnCallback(suc: boolean, args: Dict | null): void {
    this.results.push([suc, args, this.now()]);
  }
  now = () => -1;
}

function setup(services = [{ serverId: 8000, type: 'idv_service', modules: ['idv_service'] }]) {
  const s = new Simulation(makeProject({ services }));
  const caller = s.registerSystem('lobby-4000', Caller, 'lobbyNamespace', 'lobbySystem');
  caller.now = () => s.now;
  return { s, caller };
}

const rpcStates = (events: TraceEvent[], id = 1) => events.filter((e) => e.type === 'rpc' && e.rpc?.id === id).map((e) => e.rpc!.state);

describe('RPC', () => {
  it('requested → delivered → handling → responded → completed, callback(True, data) once', () => {
    const { s, caller } = setup();
    s.registerSystem('service-8000', Echo, 'serviceNamespace', 'serviceSystem');
    caller.RequestToServiceMod('idv_service', 'PlayerJoinOKEvent', { uid: 123 }, caller.OnCallback, 2);
    s.runUntil(5000);
    expect(caller.results).toEqual([[true, { result: 1 }, 10]]);
    const ev = s.trace.slice(0);
    expect(rpcStates(ev)).toEqual(['requested', 'delivered', 'handling', 'responded', 'completed']);
    const cb = findOne(ev, { type: 'callback' });
    expect([cb.suc, cb.data, cb.to]).toEqual([true, { result: 1 }, 'lobby-4000']);
  });

  it('a handler that never answers: callback(False, None) exactly timeout seconds after the request', () => {
    const { s, caller } = setup();
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    svc.RegisterRpcMethodForMod('Silent', () => undefined);
    s.runUntil(123);
    caller.RequestToServiceMod('idv_service', 'Silent', {}, caller.OnCallback, 1.5);
    s.runUntil(10_000);
    expect(caller.results).toEqual([[false, null, 123 + 1500]]);
    const ev = s.trace.slice(0);
    expect(rpcStates(ev)).toEqual(['requested', 'delivered', 'handling', 'timedOut']);
    expect(findOne(ev, { type: 'callback' }).t).toBe(1623);
  });

  it('no owner: noRoute when sent, the callback still waits for the timeout', () => {
    const { s, caller } = setup();
    caller.RequestToServiceMod('nobody_type', 'X', {}, caller.OnCallback, 2);
    s.runUntil(10_000);
    const ev = s.trace.slice(0);
    const end = ev.find((e) => e.type === 'rpc' && e.rpc?.state === 'noRoute')!;
    expect([end.t, end.reason]).toEqual([0, 'no-route']);
    expect(caller.results).toEqual([[false, null, 2000]]);
  });

  it('no handler on the owner: noHandler when delivered, callback at the timeout', () => {
    const { s, caller } = setup();
    caller.RequestToService('idv_service', 'Unregistered', {}, caller.OnCallback, 2);
    s.runUntil(10_000);
    const ev = s.trace.slice(0);
    expect(rpcStates(ev)).toEqual(['requested', 'delivered', 'noHandler']);
    expect(caller.results).toEqual([[false, null, 2000]]);
  });

  it('a late response is dropped as late-response and the callback runs once', () => {
    const { s, caller } = setup();
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    svc.RegisterRpcMethodForMod('Slow', (serverId: number, callbackId: number) => {
      s.engine.later(s.now + 3000, null, () => svc.ResponseToServer(serverId, callbackId, { late: true }));
    });
    caller.RequestToServiceMod('idv_service', 'Slow', {}, caller.OnCallback, 1);
    s.runUntil(10_000);
    expect(caller.results).toEqual([[false, null, 1000]]);
    expect(findOne(s.trace.slice(0), { type: 'drop', api: 'ResponseToServer' }).reason).toBe('late-response');
  });

  it('a second response is dropped as duplicate-response', () => {
    const { s, caller } = setup();
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    svc.RegisterRpcMethodForMod('Twice', (serverId: number, callbackId: number) => {
      svc.ResponseToServer(serverId, callbackId, { n: 1 });
      svc.ResponseToServer(serverId, callbackId, { n: 2 });
    });
    caller.RequestToServiceMod('idv_service', 'Twice', {}, caller.OnCallback, 2);
    s.runUntil(10_000);
    expect(caller.results).toEqual([[true, { n: 1 }, 10]]);
    expect(findOne(s.trace.slice(0), { type: 'drop' }).reason).toBe('duplicate-response');
  });

  it('a response to a request sent without callback is dropped as response-without-callback', () => {
    const { s, caller } = setup();
    s.registerSystem('service-8000', Echo, 'serviceNamespace', 'serviceSystem');
    caller.RequestToServiceMod('idv_service', 'PlayerJoinOKEvent', {});
    s.runUntil(10_000);
    const ev = s.trace.slice(0);
    expect(findOne(ev, { type: 'drop' }).reason).toBe('response-without-callback');
    expect(rpcStates(ev)).toEqual(['requested', 'delivered', 'handling', 'completed']);
    expect(findAll(ev, { type: 'callback' })).toEqual([]);
  });

  it('ResponseToServer with a callbackId the requester never issued is a misuse', () => {
    const { s } = setup();
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    expect(() => svc.ResponseToServer(4000, 77, {})).toThrowError(/unknown callbackId 77/);
    expect(findOne(s.trace.slice(0), { type: 'misuse' }).api).toBe('ResponseToServer');
  });

  it('a request to a stopped owner times out; a later registration replaces the earlier one', () => {
    const { s, caller } = setup();
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    svc.RegisterRpcMethodForMod('M', (a: number, b: number) => svc.ResponseToServer(a, b, { v: 'first' }));
    svc.RegisterRpcMethodForMod('M', (a: number, b: number) => svc.ResponseToServer(a, b, { v: 'second' }));
    expect(findAll(s.trace.slice(0), { type: 'register', detail: 'rpc-replaced' })).toHaveLength(1);
    caller.RequestToServiceMod('idv_service', 'M', {}, caller.OnCallback, 2);
    s.runUntil(100);
    s.apply({ at: 0, do: 'stop', node: 'service-8000' });
    caller.RequestToServiceMod('idv_service', 'M', {}, caller.OnCallback, 2);
    s.runUntil(10_000);
    expect(caller.results).toEqual([[true, { v: 'second' }, 10], [false, null, 2100]]);
  });

  it('RequestToService reaches the master owning a module (RegisterRpcMethod)', () => {
    const s = new Simulation(makeProject());
    const master = s.registerSystem('master', MasterSystem, 'masterNamespace', 'masterSystem');
    master.RegisterRpcMethod('master_module', 'RequestMasterEvent', (serverId: number, callbackId: number) => master.ResponseToServer(serverId, callbackId, { result: 'hello' }));
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    const got: unknown[] = [];
    svc.RequestToService('master_module', 'RequestMasterEvent', { uid: 123 }, (suc, data) => got.push([suc, data]), 2);
    s.runUntil(1000);
    expect(got).toEqual([[true, { result: 'hello' }]]);
  });

  it('several owners of a type: lowest-id, round-robin and random (seeded) choose as documented', () => {
    const services = [{ serverId: 8002, type: 't' }, { serverId: 8000, type: 't' }, { serverId: 8001, type: 't' }];
    const owners = (rpcOwner: 'lowest-id' | 'round-robin' | 'random', seed = 1) => {
      const s = new Simulation(makeProject({ services }, { options: { rpcOwner } }), { seed });
      const c = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
      for (let i = 0; i < 6; i++) c.RequestToServiceMod('t', 'M', {});
      return findAll(s.trace.slice(0), { type: 'send', api: 'RequestToServiceMod' }).map((e) => e.to);
    };
    expect(owners('lowest-id')).toEqual(Array(6).fill('service-8000'));
    expect(owners('round-robin')).toEqual(['service-8000', 'service-8001', 'service-8002', 'service-8000', 'service-8001', 'service-8002']);
    expect(owners('random', 5)).toEqual(owners('random', 5));
    expect(new Set(owners('random', 5)).size).toBeGreaterThan(1);
  });

  it('callbackIds count per requester', () => {
    const s = new Simulation(makeProject({ lobbies: 2 }));
    const ids: number[] = [];
    const svc = s.registerSystem('service-8000', ServiceSystem, 'serviceNamespace', 'serviceSystem');
    svc.RegisterRpcMethodForMod('M', (_s: number, cb: number) => ids.push(cb));
    const a = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    const b = s.registerSystem('lobby-4001', ServerSystem, 'l', 'l');
    a.RequestToServiceMod('idv_service', 'M', {});
    a.RequestToServiceMod('idv_service', 'M', {});
    b.RequestToServiceMod('idv_service', 'M', {});
    s.runUntil(100);
    expect(ids).toEqual([1, 2, 1]);
  });
});
