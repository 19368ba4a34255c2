// The mod-facing classes with the documented names: a TypeScript mod reads like the reference's
// Python examples (`class testService extends ServiceSystem { ... this.RegisterRpcMethodForMod(...) }`).
// Each class offers only its kind's interfaces; calls from the wrong kind still reach the engine's
// misuse check when made through the generic path (behaviours, scenarios).
import type { Engine } from '../engine/engine';
import { invoke } from '../engine/invoke';
import { kindMayCall, type ApiName } from './interfaces';
import type { Handler, SystemRt } from '../engine/runtime';
import { claimNode } from './context';
import type { NodeKind } from '../model/schema';

type Dict = Record<string, unknown>;
/** eventData as real code sends it: documented as a dict, delivered as any JSON value (core/CONTEXT.md). */
export type Payload = unknown;
export type Callback = (suc: boolean, data: Dict | null) => void;
export type RpcMethod = (serverId: number, callbackId: number, args: Dict) => void;

const SYSTEM = Symbol('switchboard.system');

export abstract class SystemBase {
  /** @internal engine binding */
  readonly [SYSTEM]: { engine: Engine; sys: SystemRt };

  constructor(
    readonly namespace: string,
    readonly systemName: string,
  ) {
    const { engine, node } = claimNode(new.target.name);
    const sys: SystemRt = { node, namespace, systemName, sysId: engine.sysId(namespace, systemName), instance: this, keys: new Map(), sends: undefined, rpcKeys: undefined, lastSendEvent: undefined, lastSend: undefined };
    node.systems.push(sys);
    this[SYSTEM] = { engine, sys };
  }

  protected call(api: Parameters<typeof invoke>[2], args: unknown[]): void {
    const { engine, sys } = this[SYSTEM];
    invoke(engine, sys, api, args);
  }

  /** The node this system runs on (its id in the project). */
  get nodeId(): string {
    return this[SYSTEM].sys.node.id;
  }

  ListenForEvent(namespace: string, systemName: string, eventName: string, instance: unknown, func: (args: Dict) => void, priority = 0): void {
    this.call('ListenForEvent', [namespace, systemName, eventName, instance, func, priority]);
  }
}

/**
 * Messaging calls check their arguments in line (no argument array, no walk over the parameter
 * table): the common case goes straight to the engine; anything else takes the generic path,
 * whose checks record the misuse with its message.
 */
function ready(sys: SystemRt, api: ApiName): boolean {
  return sys.node.up && kindMayCall(sys.node.kind, api);
}
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isCallback = (v: unknown): boolean => v === null || v === undefined || typeof v === 'function';
const isTimeout = (v: unknown): v is number => typeof v === 'number' && v > 0 && v !== Infinity;

export function bindingOf(obj: SystemBase): { engine: Engine; sys: SystemRt } {
  return obj[SYSTEM];
}

export class ClientSystem extends SystemBase {
  NotifyToServer(eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof eventName === 'string' && ready(sys, 'NotifyToServer')) engine.notify(sys, 'NotifyToServer', undefined, undefined, eventName, eventData);
    else this.call('NotifyToServer', [eventName, eventData]);
  }
  NotifyToServiceNode(serverId: number, eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (isInt(serverId) && typeof eventName === 'string' && ready(sys, 'NotifyToServiceNode')) engine.notify(sys, 'NotifyToServiceNode', serverId, undefined, eventName, eventData);
    else this.call('NotifyToServiceNode', [serverId, eventName, eventData]);
  }
}

/**
 * What lobby/game, master and service systems share: notify one service, broadcast to every
 * service, and make RPC requests. Not exported as a node kind of its own.
 */
abstract class RequestingSystem extends SystemBase {
  NotifyToServiceNode(targetId: number, eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (isInt(targetId) && typeof eventName === 'string' && ready(sys, 'NotifyToServiceNode')) engine.notify(sys, 'NotifyToServiceNode', targetId, undefined, eventName, eventData);
    else this.call('NotifyToServiceNode', [targetId, eventName, eventData]);
  }
  BroadcastToService(eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof eventName === 'string' && ready(sys, 'BroadcastToService')) engine.broadcast(sys, 'BroadcastToService', null, eventName, eventData);
    else this.call('BroadcastToService', [eventName, eventData]);
  }
  RequestToService(module: string, event: string, eventData: Payload, callback?: Callback | null, timeout = 2): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof module === 'string' && typeof event === 'string' && isCallback(callback) && isTimeout(timeout) && ready(sys, 'RequestToService')) {
      engine.request(sys, 'RequestToService', module, event, eventData, callback ?? null, sys.instance, timeout);
    } else this.call('RequestToService', [module, event, eventData, callback ?? null, timeout]);
  }
  RequestToServiceMod(modname: string, method: string, args: Payload, callback?: Callback | null, timeout = 2): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof modname === 'string' && typeof method === 'string' && isCallback(callback) && isTimeout(timeout) && ready(sys, 'RequestToServiceMod')) {
      engine.request(sys, 'RequestToServiceMod', modname, method, args, callback ?? null, sys.instance, timeout);
    } else this.call('RequestToServiceMod', [modname, method, args, callback ?? null, timeout]);
  }
}

/** Master and service systems also answer RPCs and reach lobby/game servers by id. */
abstract class AnsweringSystem extends RequestingSystem {
  NotifyToServerNode(targetId: number, eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (isInt(targetId) && typeof eventName === 'string' && ready(sys, 'NotifyToServerNode')) engine.notify(sys, 'NotifyToServerNode', targetId, undefined, eventName, eventData);
    else this.call('NotifyToServerNode', [targetId, eventName, eventData]);
  }
  RegisterRpcMethod(module: string, event: string, func: RpcMethod): void {
    this.call('RegisterRpcMethod', [module, event, func]);
  }
  ResponseToServer(serverId: number, callbackId: number, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (isInt(serverId) && isInt(callbackId) && ready(sys, 'ResponseToServer')) engine.respond(sys, serverId, callbackId, eventData);
    else this.call('ResponseToServer', [serverId, callbackId, eventData]);
  }
}

/** lobby and game servers. */
export class ServerSystem extends RequestingSystem {
  NotifyToClient(targetId: string, eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof targetId === 'string' && typeof eventName === 'string' && ready(sys, 'NotifyToClient')) engine.notify(sys, 'NotifyToClient', targetId, undefined, eventName, eventData);
    else this.call('NotifyToClient', [targetId, eventName, eventData]);
  }
  NotifyToMaster(eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof eventName === 'string' && ready(sys, 'NotifyToMaster')) engine.notify(sys, 'NotifyToMaster', undefined, undefined, eventName, eventData);
    else this.call('NotifyToMaster', [eventName, eventData]);
  }
}

export class MasterSystem extends AnsweringSystem {}

export class ServiceSystem extends AnsweringSystem {
  NotifyToMaster(eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof eventName === 'string' && ready(sys, 'NotifyToMaster')) engine.notify(sys, 'NotifyToMaster', undefined, undefined, eventName, eventData);
    else this.call('NotifyToMaster', [eventName, eventData]);
  }
  BroadcastToServerByType(serverType: string, eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (typeof serverType === 'string' && typeof eventName === 'string' && ready(sys, 'BroadcastToServerByType')) engine.broadcast(sys, 'BroadcastToServerByType', serverType, eventName, eventData);
    else this.call('BroadcastToServerByType', [serverType, eventName, eventData]);
  }
  RemoteNotifyToClient(uid: number, proxyId: number, eventName: string, eventData?: Payload): void {
    const { engine, sys } = this[SYSTEM];
    if (isInt(uid) && isInt(proxyId) && typeof eventName === 'string' && ready(sys, 'RemoteNotifyToClient')) engine.notify(sys, 'RemoteNotifyToClient', uid, proxyId, eventName, eventData);
    else this.call('RemoteNotifyToClient', [uid, proxyId, eventName, eventData]);
  }
  RegisterRpcMethodForMod(method: string, func: RpcMethod): void {
    this.call('RegisterRpcMethodForMod', [method, func]);
  }
}

/** A system for proxy nodes (they run no documented messaging interface; they may listen). */
export class ProxySystem extends SystemBase {
}

/** The system class for a node kind. */
export function systemClassFor(kind: NodeKind): new (namespace: string, systemName: string) => SystemBase {
  switch (kind) {
    case 'client':
      return ClientSystem;
    case 'lobby':
    case 'game':
      return ServerSystem;
    case 'master':
      return MasterSystem;
    case 'service':
      return ServiceSystem;
    case 'proxy':
      return ProxySystem;
  }
}

export type { Handler };
