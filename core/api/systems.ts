// The mod-facing classes with the documented names: a TypeScript mod reads like the reference's
// Python examples (`class testService extends ServiceSystem { ... this.RegisterRpcMethodForMod(...) }`).
// Each class offers only its kind's interfaces; calls from the wrong kind still reach the engine's
// misuse check when made through the generic path (behaviours, scenarios).
import type { Engine } from '../engine/engine';
import { invoke } from '../engine/invoke';
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
    const sys: SystemRt = { node, namespace, systemName, sysId: engine.sysId(namespace, systemName), instance: this, keys: new Map() };
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

export function bindingOf(obj: SystemBase): { engine: Engine; sys: SystemRt } {
  return obj[SYSTEM];
}

export class ClientSystem extends SystemBase {
  NotifyToServer(eventName: string, eventData?: Payload): void {
    this.call('NotifyToServer', [eventName, eventData]);
  }
  NotifyToServiceNode(serverId: number, eventName: string, eventData?: Payload): void {
    this.call('NotifyToServiceNode', [serverId, eventName, eventData]);
  }
}

/**
 * What lobby/game, master and service systems share: notify one service, broadcast to every
 * service, and make RPC requests. Not exported as a node kind of its own.
 */
abstract class RequestingSystem extends SystemBase {
  NotifyToServiceNode(targetId: number, eventName: string, eventData?: Payload): void {
    this.call('NotifyToServiceNode', [targetId, eventName, eventData]);
  }
  BroadcastToService(eventName: string, eventData?: Payload): void {
    this.call('BroadcastToService', [eventName, eventData]);
  }
  RequestToService(module: string, event: string, eventData: Payload, callback?: Callback | null, timeout = 2): void {
    this.call('RequestToService', [module, event, eventData, callback ?? null, timeout]);
  }
  RequestToServiceMod(modname: string, method: string, args: Payload, callback?: Callback | null, timeout = 2): void {
    this.call('RequestToServiceMod', [modname, method, args, callback ?? null, timeout]);
  }
}

/** Master and service systems also answer RPCs and reach lobby/game servers by id. */
abstract class AnsweringSystem extends RequestingSystem {
  NotifyToServerNode(targetId: number, eventName: string, eventData?: Payload): void {
    this.call('NotifyToServerNode', [targetId, eventName, eventData]);
  }
  RegisterRpcMethod(module: string, event: string, func: RpcMethod): void {
    this.call('RegisterRpcMethod', [module, event, func]);
  }
  ResponseToServer(serverId: number, callbackId: number, eventData?: Payload): void {
    this.call('ResponseToServer', [serverId, callbackId, eventData]);
  }
}

/** lobby and game servers. */
export class ServerSystem extends RequestingSystem {
  NotifyToClient(targetId: string, eventName: string, eventData?: Payload): void {
    this.call('NotifyToClient', [targetId, eventName, eventData]);
  }
  NotifyToMaster(eventName: string, eventData?: Payload): void {
    this.call('NotifyToMaster', [eventName, eventData]);
  }
}

export class MasterSystem extends AnsweringSystem {}

export class ServiceSystem extends AnsweringSystem {
  NotifyToMaster(eventName: string, eventData?: Payload): void {
    this.call('NotifyToMaster', [eventName, eventData]);
  }
  BroadcastToServerByType(serverType: string, eventName: string, eventData?: Payload): void {
    this.call('BroadcastToServerByType', [serverType, eventName, eventData]);
  }
  RemoteNotifyToClient(uid: number, proxyId: number, eventName: string, eventData?: Payload): void {
    this.call('RemoteNotifyToClient', [uid, proxyId, eventName, eventData]);
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
