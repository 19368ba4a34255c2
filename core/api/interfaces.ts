// The documented interfaces as data: who may call each, its parameters in documented order and
// their types. The mod API, the behaviour runner, the scenario runner, misuse checks and the UI's
// fire form all read this one table (semantics §2, §3, §4).
import type { NodeKind } from '../model/schema';

export type ParamType = 'str' | 'int' | 'dict' | 'number' | 'callback' | 'func' | 'instance';

export interface ParamSpec {
  name: string;
  type: ParamType;
  optional?: boolean;
  /** What the UI offers for it (a dropdown of valid targets). */
  pick?: 'playerId' | 'lobbyGameId' | 'serviceId' | 'serverType' | 'serviceType' | 'module' | 'uid' | 'proxyId' | 'requesterId' | 'callbackId';
  default?: unknown;
}

export type Shape = 'point' | 'broadcast' | 'request' | 'response' | 'register' | 'listen' | 'http';

export interface InterfaceSpec {
  name: ApiName;
  shape: Shape;
  callers: readonly NodeKind[];
  params: readonly ParamSpec[];
  summary: string;
}

const eventName: ParamSpec = { name: 'eventName', type: 'str' };
const eventData: ParamSpec = { name: 'eventData', type: 'dict', default: {} };
const callback: ParamSpec = { name: 'callback', type: 'callback', optional: true };
const timeout: ParamSpec = { name: 'timeout', type: 'number', optional: true, default: 2 };
const servers = ['lobby', 'game'] as const;

export const INTERFACES = {
  NotifyToClient: {
    shape: 'point', callers: servers, summary: 'lobby/game → one client on it, by playerId',
    params: [{ name: 'targetId', type: 'str', pick: 'playerId' }, eventName, eventData],
  },
  NotifyToServer: {
    shape: 'point', callers: ['client'], summary: 'client → the lobby/game it is on (adds __id__)',
    params: [eventName, eventData],
  },
  NotifyToMaster: {
    shape: 'point', callers: ['lobby', 'game', 'service'], summary: 'lobby/game/service → master',
    params: [eventName, eventData],
  },
  NotifyToServerNode: {
    shape: 'point', callers: ['master', 'service'], summary: 'master/service → one lobby/game by serverId',
    params: [{ name: 'targetId', type: 'int', pick: 'lobbyGameId' }, eventName, eventData],
  },
  BroadcastToServerByType: {
    shape: 'broadcast', callers: ['service'], summary: 'service → every lobby/game of a type',
    params: [{ name: 'serverType', type: 'str', pick: 'serverType' }, eventName, eventData],
  },
  NotifyToServiceNode: {
    shape: 'point', callers: ['master', 'lobby', 'game', 'service', 'client'],
    summary: 'master/lobby/game/service/client → one service by serverId (from a client: through its proxy, adds __neteaseProxyId__ and __uid__)',
    params: [{ name: 'targetId', type: 'int', pick: 'serviceId' }, eventName, eventData],
  },
  BroadcastToService: {
    shape: 'broadcast', callers: ['master', 'lobby', 'game', 'service'], summary: 'master/lobby/game/service → every service',
    params: [eventName, eventData],
  },
  RemoteNotifyToClient: {
    shape: 'point', callers: ['service'], summary: 'service → the client with that uid on that proxy',
    params: [{ name: 'uid', type: 'int', pick: 'uid' }, { name: 'proxyId', type: 'int', pick: 'proxyId' }, eventName, eventData],
  },
  RegisterRpcMethod: {
    shape: 'register', callers: ['service', 'master'], summary: 'handle requests for (module, event)',
    params: [{ name: 'module', type: 'str', pick: 'module' }, { name: 'event', type: 'str' }, { name: 'func', type: 'func' }],
  },
  RegisterRpcMethodForMod: {
    shape: 'register', callers: ['service'], summary: "handle requests for (this service's type, method)",
    params: [{ name: 'method', type: 'str' }, { name: 'func', type: 'func' }],
  },
  RequestToService: {
    shape: 'request', callers: ['lobby', 'game', 'master', 'service'], summary: 'request to the service or master owning a module',
    params: [{ name: 'module', type: 'str', pick: 'module' }, { name: 'event', type: 'str' }, eventData, callback, timeout],
  },
  RequestToServiceMod: {
    shape: 'request', callers: ['lobby', 'game', 'master', 'service'], summary: 'request to a service of a type',
    params: [{ name: 'modname', type: 'str', pick: 'serviceType' }, { name: 'method', type: 'str' }, { name: 'args', type: 'dict', default: {} }, callback, timeout],
  },
  ResponseToServer: {
    shape: 'response', callers: ['service', 'master'], summary: "answer a request; serverId is the requester's",
    params: [{ name: 'serverId', type: 'int', pick: 'requesterId' }, { name: 'callbackId', type: 'int', pick: 'callbackId' }, eventData],
  },
  ListenForEvent: {
    shape: 'listen', callers: ['client', 'proxy', 'lobby', 'game', 'master', 'service'], summary: 'run func when (namespace, systemName) sends eventName here',
    params: [{ name: 'namespace', type: 'str' }, { name: 'systemName', type: 'str' }, { name: 'eventName', type: 'str' }, { name: 'instance', type: 'instance' }, { name: 'func', type: 'func' }, { name: 'priority', type: 'int', optional: true, default: 0 }],
  },
  RegisterMasterHttp: {
    shape: 'http', callers: ['master'], summary: 'masterHttp: handle POSTs to a path',
    params: [{ name: 'path', type: 'str' }, { name: 'instance', type: 'instance', optional: true }, { name: 'func', type: 'func' }],
  },
  SendHttpResponse: {
    shape: 'http', callers: ['master'], summary: 'masterHttp: answer one HTTP request',
    params: [{ name: 'clientId', type: 'int' }, { name: 'body', type: 'str' }],
  },
} as const satisfies Record<string, Omit<InterfaceSpec, 'name'>>;

export type ApiName = keyof typeof INTERFACES;
export const API_NAMES = Object.keys(INTERFACES) as ApiName[];

export function interfaceSpec(name: string): InterfaceSpec | undefined {
  const spec = (INTERFACES as Record<string, Omit<InterfaceSpec, 'name'>>)[name];
  return spec ? { ...spec, name: name as ApiName } : undefined;
}

const CALLERS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(INTERFACES).map(([name, spec]) => [name, new Set<string>(spec.callers)]),
);

/** Whether a node kind has this interface (hot path: a set lookup, no allocation). */
export function kindMayCall(kind: NodeKind, api: string): boolean {
  const callers = CALLERS[api];
  return callers !== undefined && callers.has(kind);
}

/** Interfaces a node kind may fire (what the UI offers, what behaviours may call). */
export function interfacesFor(kind: NodeKind): ApiName[] {
  return API_NAMES.filter((n) => (INTERFACES[n].callers as readonly string[]).includes(kind));
}

/** Messaging interfaces: the ones that put something on the wire. */
export const MESSAGE_APIS: readonly ApiName[] = API_NAMES.filter((n) =>
  ['point', 'broadcast', 'request', 'response'].includes(INTERFACES[n].shape),
);

export const EXTRA_API_NAMESPACE = 'NeteaseExtraApi';
/** Engine events (player lifecycle, connections) come from this pair [D]. */
export const ENGINE_NAMESPACE = 'Minecraft';
export const ENGINE_SYSTEM = 'Engine';
