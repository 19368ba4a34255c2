/// <reference types="vite/types/import-meta.d.ts" />
// Every project in fixtures/reference/ (one per example of the reference, written by
// fixtures/reference/generate.ts) runs its scenarios here, and the trace must show exactly what the
// example documents: who handled what with which (namespace, systemName), the `args result` the
// receiver got, callbacks (True, {...}), timeouts (False, None) exactly `timeout` seconds after
// the request, broadcasts reaching exactly the right nodes. Together they cover every interface.
import { describe, expect, it } from 'vitest';
import { API_NAMES, INTERFACES } from '../api/interfaces';
import { Project } from '../model/schema';
import { validateProject } from '../model/validate';
import { causedBy, bySeq, nodesOf, only, problems, rpcStates, where } from '../testing/reference-trace';
import type { TraceEvent } from '../trace/event';
import { Simulation } from './simulation';

const modules = import.meta.glob<unknown>('../../fixtures/reference/*.switchboard.json', { eager: true, import: 'default' });
const FIXTURES = new Map(Object.entries(modules).map(([path, json]) => [path.slice(path.lastIndexOf('/') + 1).replace(/\.switchboard\.json$/, ''), json]));

function project(name: string): Project {
  const json = FIXTURES.get(name);
  if (json === undefined) throw new Error(`no fixture ${name}`);
  return Project.parse(json);
}

function run(name: string, scenario: string, seed = 1): TraceEvent[] {
  const sim = new Simulation(project(name), { seed, scenario });
  sim.runScenario();
  return sim.trace.slice(0);
}

type Pair = [namespace: string, systemName: string];
type Dict = Record<string, unknown>;

/** The example's `player` dict: player['uid'] = 123; player['name'] = 'nickname'. */
const PLAYER = { uid: 123, name: 'nickname' };
const EXTRA_MASTER: Pair = ['NeteaseExtraApi', 'extraApiMaster'];
const EXTRA_DEV: Pair = ['NeteaseExtraApi', 'extraApiDev'];
const EXTRA_SERVICE: Pair = ['NeteaseExtraApi', 'extraApiService'];
const SERVICE: Pair = ['serviceNamespace', 'serviceSystem'];
const LOBBY: Pair = ['lobbyNamespace', 'lobbySystem'];
const MASTER: Pair = ['masterNamespace', 'masterSystem'];

const pairOf = (e: TraceEvent): Pair => [e.ns ?? '', e.sys ?? ''];

/** The receiver registered ListenForEvent(ns, sys, event) with exactly this pair. */
function expectListensWith(trace: TraceEvent[], node: string, event: string, pair: Pair): void {
  const reg = only(trace, { type: 'register', api: 'ListenForEvent', to: node, event });
  expect(pairOf(reg)).toEqual(pair);
}

/** Nothing about `event` reached these nodes (no deliver, handle, drop or unhandled). */
function expectUntouched(trace: TraceEvent[], nodes: string[], event: string): void {
  for (const n of nodes) expect(where(trace, { to: n, event }).filter((e) => e.type !== 'register')).toEqual([]);
}

interface PointCase {
  api: string;
  from: string;
  sender: Pair;
  to: string;
  event: string;
  /** The pair the receiver's ListenForEvent names (the sender's, or NeteaseExtraApi/x). */
  listensWith: Pair;
  /** The receiving system (the one whose handler runs). */
  receiver: Pair;
  /** The example's "args result". */
  data: Dict;
  path?: string[];
  notTo?: string[];
}

/** A point message: one send, one deliver to `to` with exactly `data`, one handle by `receiver`. */
function expectPoint(trace: TraceEvent[], c: PointCase): { send: TraceEvent; deliver: TraceEvent; handle: TraceEvent } {
  const send = only(trace, { type: 'send', api: c.api, from: c.from, event: c.event });
  expect(pairOf(send)).toEqual(c.sender);
  expect(send.to).toBe(c.to);
  if (c.path) expect(send.path).toEqual(c.path);
  const deliver = only(trace, { type: 'deliver', api: c.api, to: c.to, event: c.event });
  expect(deliver.cause).toBe(send.seq);
  expect(deliver.from).toBe(c.from);
  expect(deliver.data).toStrictEqual(c.data);
  expect(deliver.t).toBe(send.arrive);
  const handle = only(trace, { type: 'handle', to: c.to, event: c.event });
  expect(handle.cause).toBe(deliver.seq);
  expect(handle.api).toBe(c.api);
  expect(pairOf(handle)).toEqual(c.receiver);
  expectListensWith(trace, c.to, c.event, c.listensWith);
  expectUntouched(trace, c.notTo ?? [], c.event);
  return { send, deliver, handle };
}

interface BroadcastCase {
  api: string;
  from: string;
  sender: Pair;
  event: string;
  targets: string[];
  listensWith: Pair;
  receiver: Pair;
  data: Dict;
  notTo?: string[];
}

/** A broadcast: one send whose targets are exactly `targets`, one deliver + handle on each. */
function expectBroadcast(trace: TraceEvent[], c: BroadcastCase): TraceEvent {
  const send = only(trace, { type: 'send', api: c.api, from: c.from, event: c.event });
  expect(pairOf(send)).toEqual(c.sender);
  expect(send.targets).toEqual(c.targets);
  const delivers = causedBy(trace, send.seq).filter((e) => e.type === 'deliver');
  expect(delivers).toHaveLength(c.targets.length);
  expect(nodesOf(delivers)).toEqual([...c.targets].sort());
  for (const d of delivers) {
    expect(d.data).toStrictEqual(c.data);
    const handles = causedBy(trace, d.seq).filter((e) => e.type === 'handle');
    expect(handles).toHaveLength(1);
    expect(pairOf(handles[0])).toEqual(c.receiver);
    expectListensWith(trace, d.to as string, c.event, c.listensWith);
  }
  expectUntouched(trace, c.notTo ?? [], c.event);
  return send;
}

interface RpcCase {
  api: 'RequestToService' | 'RequestToServiceMod';
  requester: string;
  requesterSys: Pair;
  requesterServerId: number;
  owner: string;
  ownerSys: Pair;
  event: string;
  register: 'RegisterRpcMethod' | 'RegisterRpcMethodForMod';
  module: string;
  args: Dict;
  /** The handler's ResponseToServer data, or null when it answers nothing. */
  response: Dict | null;
  /** Whether the request was sent with a callback. */
  callback: boolean;
}

/** The RPC of an example, from request to callback. */
function expectRpc(trace: TraceEvent[], c: RpcCase): void {
  const reg = only(trace, { type: 'register', api: c.register, to: c.owner, event: c.event });
  expect(reg.data).toEqual({ module: c.module, method: c.event });
  expect(pairOf(reg)).toEqual(c.ownerSys);
  const send = only(trace, { type: 'send', api: c.api, from: c.requester, event: c.event });
  expect(send.to).toBe(c.owner);
  expect(pairOf(send)).toEqual(c.requesterSys);
  expect(send.data).toStrictEqual(c.args);
  const rpc = send.rpc?.id as number;
  expect(rpc).toBeGreaterThan(0);
  expect(send.rpc?.requester).toBe(c.requesterServerId);
  const deliver = only(trace, { type: 'deliver', api: c.api, to: c.owner, event: c.event });
  expect(deliver.cause).toBe(send.seq);
  expect(deliver.data).toStrictEqual(c.args);
  // OnPlayerJoinOK(serverId, callbackId, args) ran on the owner's registering system.
  const handle = only(trace, { type: 'handle', api: c.api, to: c.owner, event: c.event });
  expect(handle.from).toBe(c.requester);
  expect(pairOf(handle)).toEqual(c.ownerSys);
  expect(handle.rpc?.id).toBe(rpc);
  const responses = where(trace, { type: 'send', api: 'ResponseToServer' });
  const callbacks = where(trace, { type: 'callback' });
  if (c.response === null) {
    expect(responses).toEqual([]);
    expect(callbacks).toEqual([]);
    expect(rpcStates(trace, rpc)).toEqual(['requested', 'delivered', 'handling', 'completed']);
    return;
  }
  const resp = only(responses, { from: c.owner, to: c.requester });
  expect(resp.cause).toBe(handle.seq);
  expect(resp.rpc?.id).toBe(rpc);
  expect(resp.data).toStrictEqual(c.response);
  // OnCallback(suc=True, args={'result': ...}) on the requester, when the answer arrives.
  const cb = only(callbacks, { to: c.requester });
  expect(cb.suc).toBe(true);
  expect(cb.data).toStrictEqual(c.response);
  expect(cb.rpc).toMatchObject({ id: rpc, state: 'completed' });
  expect(cb.t).toBe(resp.arrive);
  expect(rpcStates(trace, rpc)).toEqual(['requested', 'delivered', 'handling', 'responded', 'completed']);
}

interface TimeoutCase {
  api: string;
  requester: string;
  owner: string;
  event: string;
  timeoutS: number;
  /** Why the trace says it failed, at the callback. */
  reason: 'timeout' | 'no-route';
  /** The RPC's final state. */
  state: 'timedOut' | 'noRoute';
  /** The owner's handler still ran (it answered too late). */
  handled: boolean;
}

/** OnCallback(False, None) exactly `timeout` seconds after the request, once. */
function expectTimeout(trace: TraceEvent[], c: TimeoutCase): { send: TraceEvent; cb: TraceEvent } {
  const send = only(trace, { type: 'send', api: c.api, from: c.requester, event: c.event });
  const cb = only(trace, { type: 'callback' });
  expect(cb.to).toBe(c.requester);
  expect(cb.suc).toBe(false);
  expect(cb.data).toBeNull();
  expect(cb.t).toBe(send.t + c.timeoutS * 1000);
  expect(cb.rpc).toMatchObject({ id: send.rpc?.id, state: c.state });
  expect(cb.reason).toBe(c.reason);
  expect(where(trace, { type: 'handle', to: c.owner, event: c.event })).toHaveLength(c.handled ? 1 : 0);
  const states = rpcStates(trace, send.rpc?.id as number);
  expect(states.at(-1)).toBe(c.state);
  expect(states.filter((s) => s === 'completed')).toEqual([]);
  return { send, cb };
}

// ------------------------------------------------------------------ the examples, one by one

const lobbyRpc: RpcCase = {
  api: 'RequestToServiceMod', requester: 'lobby-4000', requesterSys: LOBBY, requesterServerId: 4000, owner: 'service-8000', ownerSys: SERVICE,
  event: 'PlayerJoinOKEvent', register: 'RegisterRpcMethodForMod', module: 'idv_service', args: PLAYER, response: { result: 1 }, callback: true,
};
const lobbyRpcNoCallback: RpcCase = { ...lobbyRpc, api: 'RequestToService', register: 'RegisterRpcMethod', response: null, callback: false };
const masterRpc: RpcCase = { ...lobbyRpc, requester: 'master', requesterSys: MASTER, requesterServerId: 0 };
const rpcTimeout = (requester: string, state: TimeoutCase['state'], api = 'RequestToServiceMod'): TimeoutCase => ({
  api, requester, owner: 'service-8000', event: 'PlayerJoinOKEvent', timeoutS: 2, reason: state === 'noRoute' ? 'no-route' : 'timeout', state, handled: false,
});

/** The late answer: OnCallback(False, None) at +8 ms, the answer (sent at +5 ms) dropped at +10 ms. */
function expectLateResponse(trace: TraceEvent[], requester: string): void {
  const { send, cb } = expectTimeout(trace, { api: 'RequestToServiceMod', requester, owner: 'service-8000', event: 'PlayerJoinOKEvent', timeoutS: 0.008, reason: 'timeout', state: 'timedOut', handled: true });
  const resp = only(trace, { type: 'send', api: 'ResponseToServer', from: 'service-8000', to: requester });
  expect(resp.t).toBe(send.t + 5);
  expect(resp.t).toBeLessThan(cb.t);
  const drop = only(trace, { type: 'drop', api: 'ResponseToServer' });
  expect(drop).toMatchObject({ cause: resp.seq, reason: 'late-response', to: requester, t: send.t + 10 });
  expect(where(trace, { type: 'deliver', api: 'ResponseToServer' })).toEqual([]);
}

interface Expectation {
  /** What the example shows, for the test name. */
  shows: string;
  scenarios: Record<string, (trace: TraceEvent[]) => void>;
}

const EXPECTATIONS: Record<string, Expectation> = {
  'notify-to-client': {
    shows: 'NotifyToClient: lobby → client 456',
    scenarios: {
      example: (t) => {
        expectPoint(t, {
          api: 'NotifyToClient', from: 'lobby-4000', sender: ['serverNamespace', 'serverSystem'], to: 'client-123', event: 'PlayerJoinOKEvent',
          listensWith: ['serverNamespace', 'serverSystem'], receiver: ['clientNamespace', 'clientSystem'], data: { uid: 123, name: 'nickname' },
          path: ['lobby-4000', 'proxy-2000', 'client-123'],
        });
      },
    },
  },
  'notify-to-server': {
    shows: 'NotifyToServer: client → its lobby (adds __id__)',
    scenarios: {
      example: (t) => {
        expectPoint(t, {
          api: 'NotifyToServer', from: 'client-123', sender: ['clientNamespace', 'clientSystem'], to: 'lobby-4000', event: 'PlayerJoinEvent',
          listensWith: ['clientNamespace', 'clientSystem'], receiver: ['serverNamespace', 'serverSystem'], data: { uid: 123, name: 'nickname', __id__: '456' },
          path: ['client-123', 'proxy-2000', 'lobby-4000'],
        });
      },
    },
  },
  'lobby-notify-to-master': {
    shows: 'NotifyToMaster: lobby → master',
    scenarios: {
      example: (t) => {
        expectPoint(t, { api: 'NotifyToMaster', from: 'lobby-4000', sender: LOBBY, to: 'master', event: 'PlayerJoinOKEvent', listensWith: LOBBY, receiver: MASTER, data: PLAYER });
      },
    },
  },
  'master-notify-to-server-node': {
    shows: 'NotifyToServerNode: master → lobby 4000 only',
    scenarios: {
      example: (t) => {
        expectPoint(t, { api: 'NotifyToServerNode', from: 'master', sender: MASTER, to: 'lobby-4000', event: 'PlayerJoinEvent', listensWith: MASTER, receiver: LOBBY, data: PLAYER, notTo: ['lobby-4001'] });
      },
    },
  },
  'master-broadcast-to-service': {
    shows: 'BroadcastToService from the master via masterHttp: every service, no lobby',
    scenarios: {
      example: (t) => {
        const req = only(t, { type: 'http', event: '/api/service-broadcast-event', detail: 'request' });
        expect(req.data).toBe('{"uid": 123, "name": "nickname"}');
        const send = expectBroadcast(t, {
          api: 'BroadcastToService', from: 'master', sender: MASTER, event: 'MasterBroadcastEvent', targets: ['service-8000', 'service-8001'],
          listensWith: EXTRA_MASTER, receiver: SERVICE, data: PLAYER, notTo: ['lobby-4000'],
        });
        expect(send.cause).toBe(req.seq);
        const res = only(t, { type: 'http', api: 'SendHttpResponse' });
        expect(res).toMatchObject({ cause: req.seq, event: '/api/service-broadcast-event', from: 'master', detail: 'response' });
        expect(JSON.parse(res.data as string)).toEqual({ code: 0, message: 'success', entity: {} });
      },
    },
  },
  'master-notify-to-service-node': {
    shows: 'NotifyToServiceNode from the master via masterHttp: service 8000 only',
    scenarios: {
      example: (t) => {
        const req = only(t, { type: 'http', event: '/api/service-event', detail: 'request' });
        const { send } = expectPoint(t, { api: 'NotifyToServiceNode', from: 'master', sender: MASTER, to: 'service-8000', event: 'MasterEvent', listensWith: EXTRA_MASTER, receiver: SERVICE, data: PLAYER, notTo: ['service-8001'] });
        expect(send.cause).toBe(req.seq);
        expect(JSON.parse(only(t, { type: 'http', api: 'SendHttpResponse', cause: req.seq }).data as string)).toEqual({ code: 0, message: 'success', entity: {} });
      },
    },
  },
  'master-register-rpc-method': {
    shows: 'RegisterRpcMethod on a service, RequestToService from the master',
    scenarios: {
      example: (t) => expectRpc(t, { ...masterRpc, api: 'RequestToService', register: 'RegisterRpcMethod' }),
      timeout: (t) => {
        expectTimeout(t, rpcTimeout('master', 'noRoute', 'RequestToService'));
        expect(where(t, { type: 'rpc', reason: 'no-route' })).toHaveLength(1);
      },
    },
  },
  'master-register-rpc-method-for-mod': {
    shows: 'RegisterRpcMethodForMod on a service, RequestToServiceMod from the master',
    scenarios: {
      example: (t) => expectRpc(t, masterRpc),
      timeout: (t) => {
        expectTimeout(t, rpcTimeout('master', 'timedOut'));
        expect(only(t, { type: 'drop', api: 'RequestToServiceMod' }).reason).toBe('link-down');
      },
    },
  },
  'service-request-to-service': {
    shows: "RequestToService from a service to the master's module master_module",
    scenarios: {
      example: (t) =>
        expectRpc(t, {
          api: 'RequestToService', requester: 'service-8000', requesterSys: SERVICE, requesterServerId: 8000, owner: 'master', ownerSys: MASTER,
          event: 'RequestMasterEvent', register: 'RegisterRpcMethod', module: 'master_module', args: PLAYER, response: { result: 'hello' }, callback: true,
        }),
      timeout: (t) => {
        expectTimeout(t, { api: 'RequestToService', requester: 'service-8000', owner: 'master', event: 'RequestMasterEvent', timeoutS: 2, reason: 'no-route', state: 'noRoute', handled: false });
      },
    },
  },
  'master-request-to-service-mod': {
    shows: 'RequestToServiceMod from the master',
    scenarios: {
      example: (t) => expectRpc(t, masterRpc),
      timeout: (t) => {
        expectTimeout(t, rpcTimeout('master', 'timedOut'));
        expect(only(t, { type: 'drop', api: 'RequestToServiceMod' })).toMatchObject({ reason: 'node-down', at: 'service-8000', t: 105 });
      },
    },
  },
  'master-response-to-server': {
    shows: 'ResponseToServer from a service to the master',
    scenarios: {
      example: (t) => expectRpc(t, masterRpc),
      timeout: (t) => expectTimeout(t, rpcTimeout('master', 'noRoute')),
      'late-response': (t) => expectLateResponse(t, 'master'),
    },
  },
  'service-notify-to-master': {
    shows: 'NotifyToMaster from a service (NeteaseExtraApi/extraApiService)',
    scenarios: {
      example: (t) => {
        expectPoint(t, { api: 'NotifyToMaster', from: 'service-8000', sender: SERVICE, to: 'master', event: 'ServiceEvent', listensWith: EXTRA_SERVICE, receiver: MASTER, data: PLAYER });
      },
    },
  },
  'service-broadcast-to-server-by-type': {
    shows: 'BroadcastToServerByType: exactly the games of battle_game_server_type, not the lobby',
    scenarios: {
      example: (t) => {
        expectBroadcast(t, {
          api: 'BroadcastToServerByType', from: 'service-8000', sender: SERVICE, event: 'PlayerJoinEvent', targets: ['game-5000', 'game-5001'],
          listensWith: SERVICE, receiver: LOBBY, data: PLAYER, notTo: ['lobby-4000'],
        });
      },
    },
  },
  'lobby-broadcast-to-service': {
    shows: 'BroadcastToService from the lobby, re-broadcast by every service to every service',
    scenarios: {
      example: (t) => {
        const first = expectBroadcast(t, {
          api: 'BroadcastToService', from: 'lobby-4000', sender: LOBBY, event: 'ServerBroadcastEvent', targets: ['service-8000', 'service-8001'],
          listensWith: EXTRA_DEV, receiver: SERVICE, data: PLAYER,
        });
        for (const svc of ['service-8000', 'service-8001']) {
          const again = expectBroadcast(t, {
            api: 'BroadcastToService', from: svc, sender: SERVICE, event: 'ServiceBroadcastEvent', targets: ['service-8000', 'service-8001'],
            listensWith: EXTRA_SERVICE, receiver: SERVICE, data: PLAYER,
          });
          // Re-broadcast from OnServerBroadcastEvent, i.e. caused by the handle of the lobby's broadcast.
          const handle = bySeq(t, again.cause as number);
          expect(handle).toMatchObject({ type: 'handle', to: svc, event: 'ServerBroadcastEvent' });
          expect(bySeq(t, handle.cause as number).cause).toBe(first.seq);
        }
        // Each service hears ServiceBroadcastEvent twice: once from 8000, once from 8001 (itself included).
        expect(where(t, { type: 'handle', event: 'ServiceBroadcastEvent' }).map((e) => `${e.from}→${e.to}`).sort()).toEqual([
          'service-8000→service-8000', 'service-8000→service-8001', 'service-8001→service-8000', 'service-8001→service-8001',
        ]);
      },
    },
  },
  'service-notify-to-server-node': {
    shows: 'NotifyToServerNode from a service to lobby 4000',
    scenarios: {
      example: (t) => {
        expectPoint(t, { api: 'NotifyToServerNode', from: 'service-8000', sender: SERVICE, to: 'lobby-4000', event: 'PlayerJoinEvent', listensWith: SERVICE, receiver: LOBBY, data: PLAYER });
      },
    },
  },
  'lobby-notify-to-service-node': {
    shows: 'NotifyToServiceNode lobby → 8000 (extraApiDev), forwarded 8000 → 8001 (extraApiService)',
    scenarios: {
      example: (t) => {
        const first = expectPoint(t, { api: 'NotifyToServiceNode', from: 'lobby-4000', sender: LOBBY, to: 'service-8000', event: 'ServerEvent', listensWith: EXTRA_DEV, receiver: SERVICE, data: PLAYER, notTo: ['service-8001'] });
        const second = expectPoint(t, { api: 'NotifyToServiceNode', from: 'service-8000', sender: SERVICE, to: 'service-8001', event: 'ServiceEvent', listensWith: EXTRA_SERVICE, receiver: SERVICE, data: PLAYER, notTo: ['service-8000'] });
        expect(second.send.cause).toBe(first.handle.seq);
      },
    },
  },
  'lobby-register-rpc-method': {
    shows: 'RegisterRpcMethod on a service, RequestToService from the lobby without callback',
    scenarios: { example: (t) => expectRpc(t, lobbyRpcNoCallback) },
  },
  'lobby-register-rpc-method-for-mod': {
    shows: 'RegisterRpcMethodForMod on a service, RequestToServiceMod from the lobby with OnCallback',
    scenarios: {
      example: (t) => expectRpc(t, lobbyRpc),
      timeout: (t) => expectTimeout(t, rpcTimeout('lobby-4000', 'noRoute')),
    },
  },
  'lobby-request-to-service': {
    shows: 'RequestToService from the lobby without callback',
    scenarios: { example: (t) => expectRpc(t, lobbyRpcNoCallback) },
  },
  'lobby-request-to-service-mod': {
    shows: 'RequestToServiceMod from the lobby with OnCallback',
    scenarios: {
      example: (t) => expectRpc(t, lobbyRpc),
      timeout: (t) => expectTimeout(t, rpcTimeout('lobby-4000', 'noRoute')),
    },
  },
  'lobby-response-to-server': {
    shows: 'ResponseToServer from a service to the lobby',
    scenarios: {
      example: (t) => expectRpc(t, lobbyRpc),
      timeout: (t) => expectTimeout(t, rpcTimeout('lobby-4000', 'noRoute')),
      'late-response': (t) => expectLateResponse(t, 'lobby-4000'),
    },
  },
  'client-notify-to-service-node': {
    shows: 'NotifyToServiceNode from a client through its proxy (adds __neteaseProxyId__, __uid__)',
    scenarios: {
      example: (t) => {
        expectPoint(t, {
          api: 'NotifyToServiceNode', from: 'client-123', sender: ['clientNamespace', 'clientSystem'], to: 'service-8000', event: 'ClientToServiceEvent',
          listensWith: ['clientNamespace', 'clientSystem'], receiver: SERVICE, data: { __neteaseProxyId__: 2000, __uid__: 123, name: 'nickname' },
          path: ['client-123', 'proxy-2000', 'service-8000'],
        });
      },
    },
  },
  'service-remote-notify-to-client': {
    shows: 'RemoteNotifyToClient to uid 123 on proxy 2000',
    scenarios: {
      example: (t) => {
        expectPoint(t, {
          api: 'RemoteNotifyToClient', from: 'service-8000', sender: SERVICE, to: 'client-123', event: 'ServiceToClientEvent',
          listensWith: SERVICE, receiver: ['clientNamespace', 'clientSystem'], data: { uid: 123, name: 'nickname' },
          path: ['service-8000', 'proxy-2000', 'client-123'],
        });
      },
      'reference-proxy-8000': (t) => {
        const send = only(t, { type: 'send', api: 'RemoteNotifyToClient' });
        expect(only(t, { type: 'drop' })).toMatchObject({ api: 'RemoteNotifyToClient', cause: send.seq, reason: 'not-on-proxy', to: 'client-123' });
        expect(where(t, { type: 'deliver' })).toEqual([]);
        expect(where(t, { type: 'handle' })).toEqual([]);
      },
    },
  },
};

/** Fixtures whose example RPC has a callback: each must show the timeout too. */
const WITH_CALLBACK = Object.entries(EXPECTATIONS).filter(([, x]) => 'timeout' in x.scenarios).map(([k]) => k);

// ------------------------------------------------------------------ tests

describe('fixtures/reference', () => {
  it('holds one project per example, each with a test here', () => {
    expect([...FIXTURES.keys()].sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    expect(FIXTURES.size).toBe(23);
  });

  it('every project validates with no errors (a lobby nobody reaches is the only warning)', () => {
    for (const [name, json] of FIXTURES) {
      const r = validateProject(json);
      expect(r.ok, `${name}: ${JSON.stringify(r.ok ? [] : r.errors)}`).toBe(true);
      const warnings = r.warnings.filter((w) => w.code !== 'reach.unreachable-type');
      expect(warnings, name).toEqual([]);
    }
  });

  // `callback: false` is how a scenario sends RequestToService without a callback, as the lobby
  // examples of RegisterRpcMethod / RequestToService do; the engine honours it (invokeNamed).
  it('validation accepts `callback: false` on a request without a warning', () => {
    const r = validateProject(FIXTURES.get('lobby-request-to-service'));
    expect(r.warnings.filter((w) => w.code === 'call.unknown-arg')).toEqual([]);
  });

  it('every example RPC with a callback also has a timeout scenario', () => {
    expect(WITH_CALLBACK.sort()).toEqual([
      'lobby-register-rpc-method-for-mod', 'lobby-request-to-service-mod', 'lobby-response-to-server', 'master-register-rpc-method',
      'master-register-rpc-method-for-mod', 'master-request-to-service-mod', 'master-response-to-server', 'service-request-to-service',
    ]);
  });

  for (const [name, x] of Object.entries(EXPECTATIONS)) {
    describe(`${name}: ${x.shows}`, () => {
      it('has exactly the scenarios tested here, "example" first', () => {
        const names = project(name).scenarios.map((s) => s.name);
        expect(names[0]).toBe('example');
        expect([...names].sort()).toEqual(Object.keys(x.scenarios).sort());
      });
      for (const [scenario, check] of Object.entries(x.scenarios)) {
        it(scenario, () => {
          const trace = run(name, scenario);
          expect(problems(trace, ['misuse', 'error'])).toEqual([]);
          if (scenario === 'example') expect(problems(trace)).toEqual([]);
          for (const e of trace) if (e.cause !== undefined) expect(e.cause).toBeLessThan(e.seq);
          check(trace);
          // The same seed gives the same trace.
          expect(run(name, scenario)).toEqual(trace);
        });
      }
    });
  }

  it('together they use every documented interface', () => {
    const seen = new Map<string, Set<string>>();
    for (const name of FIXTURES.keys()) {
      for (const s of project(name).scenarios) {
        for (const e of run(name, s.name)) {
          if (!e.api) continue;
          if (!seen.has(e.api)) seen.set(e.api, new Set());
          seen.get(e.api)?.add(e.type);
        }
      }
    }
    expect([...seen.keys()].filter((a) => (API_NAMES as string[]).includes(a)).sort()).toEqual([...API_NAMES].sort());
    // ...and each the way its shape says: messages are sent, registrations registered, HTTP answered.
    for (const api of API_NAMES) {
      const shape = INTERFACES[api].shape;
      const want = shape === 'register' || shape === 'listen' ? 'register' : shape === 'http' ? 'http' : 'send';
      expect(seen.get(api)?.has(want), `${api} has a ${want} event`).toBe(true);
    }
  });

  // The reference: RequestToServiceMod "requires service to call RegisterRpcMethodForMod to listen
  // for requests", and RequestToService goes with RegisterRpcMethod. The engine keeps both kinds of
  // handler in one map keyed "module-or-type\0method" (engine.ts registerRpc, request's
  // `target + '\0' + event`), so when a service's type equals one of its module names (idv_service
  // here, as in the examples) a RequestToServiceMod is answered by a RegisterRpcMethod handler and
  // vice versa. Expected: no handler (noHandler, then the callback times out).
  it('RequestToServiceMod is not served by a RegisterRpcMethod handler (nor RequestToService by a ForMod one)', () => {
    for (const [name, api, args] of [
      ['lobby-register-rpc-method', 'RequestToServiceMod', { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: PLAYER, timeout: 1 }],
      ['lobby-register-rpc-method-for-mod', 'RequestToService', { module: 'idv_service', event: 'PlayerJoinOKEvent', eventData: PLAYER, timeout: 1 }],
    ] as const) {
      const sim = new Simulation(project(name), { seed: 1 });
      sim.runUntil(100);
      expect(sim.call('lobby-4000', api, args).ok).toBe(true);
      sim.runUntil(5000);
      const trace = sim.trace.slice(0);
      expect(where(trace, { type: 'handle', to: 'service-8000' })).toEqual([]);
      const send = only(trace, { type: 'send', api });
      expect(rpcStates(trace, send.rpc?.id as number)).toEqual(['requested', 'delivered', 'noHandler']);
    }
  });

  // A timeout callback at t+2000 should lead back to the request that caused it (issue 2 item 7:
  // every event carries the seq that caused it). Today the `rpc` timedOut event has no cause, and a
  // no-route RPC's timeout callback has none either (engine.ts fireTimeout: setRpc(rpc, EV.TIMEOUT, 0, ...)
  // and runCallback(r, false, null, cause) with cause 0 when the RPC already ended).
  it('a timeout callback names a cause that leads back to its request', () => {
    for (const [name, scenario] of [['master-request-to-service-mod', 'timeout'], ['lobby-request-to-service-mod', 'timeout']] as const) {
      const trace = run(name, scenario);
      const send = only(trace, { type: 'send', api: 'RequestToServiceMod' });
      let e: TraceEvent | undefined = only(trace, { type: 'callback' });
      while (e && e.cause !== undefined && e.seq !== send.seq) e = bySeq(trace, e.cause);
      expect(e?.seq).toBe(send.seq);
    }
  });
});
