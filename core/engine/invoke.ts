// One entry point per documented interface, by position (mod code) or by name (behaviours,
// scenarios, the UI's fire panel). Checks the caller's kind and the argument types first (§5).
import { INTERFACES, interfaceSpec, type ApiName } from '../api/interfaces';
import type { Engine } from './engine';
import { ApolloMisuseError } from './errors';
import type { Handler, SystemRt } from './runtime';

/** Call `api` as system `sys` with positional arguments in documented order. Throws ApolloMisuseError. */
export function invoke(e: Engine, sys: SystemRt, api: ApiName, a: unknown[]): unknown {
  if (api === 'RegisterMasterHttp' && typeof a[1] === 'function' && a[2] === undefined) a = [a[0], sys.instance, a[1]];
  e.check(sys, api, a);
  switch (api) {
    case 'NotifyToClient':
    case 'NotifyToServerNode':
    case 'NotifyToServiceNode':
      return e.notify(sys, api, a[0], undefined, a[1] as string, a[2]);
    case 'NotifyToServer':
    case 'NotifyToMaster':
      return e.notify(sys, api, undefined, undefined, a[0] as string, a[1]);
    case 'RemoteNotifyToClient':
      return e.notify(sys, api, a[0], a[1], a[2] as string, a[3]);
    case 'BroadcastToService':
      return e.broadcast(sys, api, null, a[0] as string, a[1]);
    case 'BroadcastToServerByType':
      return e.broadcast(sys, api, a[0] as string, a[1] as string, a[2]);
    case 'RegisterRpcMethod':
      return e.registerRpc(sys, api, a[0] as string, a[1] as string, a[2] as Handler);
    case 'RegisterRpcMethodForMod':
      return e.registerRpc(sys, api, sys.node.type ?? '', a[0] as string, a[1] as Handler);
    case 'RequestToService':
    case 'RequestToServiceMod':
      return e.request(sys, api, a[0] as string, a[1] as string, a[2], (a[3] as Handler | null | undefined) ?? null, sys.instance, (a[4] as number | undefined) ?? 2);
    case 'ResponseToServer':
      return e.respond(sys, a[0] as number, a[1] as number, a[2]);
    case 'ListenForEvent': {
      const priority = (a[5] as number | undefined) ?? 0;
      if (priority < 0 || priority > 10) e.misuse(sys.node, api, `priority must be 0..10, got ${priority}`);
      return e.listen(sys, a[0] as string, a[1] as string, a[2] as string, a[3], a[4] as Handler, priority);
    }
    case 'RegisterMasterHttp':
      return e.httpRegister(sys, a[0] as string, a[1], a[2] as Handler);
    case 'SendHttpResponse':
      return e.httpRespond(sys, a[0] as number, a[1] as string);
  }
}

export type NamedResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Call `api` with arguments by their documented names ({ targetId, eventName, eventData, ... }).
 * `callback` may be a function, or true for a callback that does nothing but mark the result.
 * Never throws for a misuse: it is recorded and returned as an error.
 */
export function invokeNamed(e: Engine, sys: SystemRt, api: string, args: Record<string, unknown>, callback?: Handler | null): NamedResult {
  const spec = interfaceSpec(api);
  if (!spec) {
    return misuseResult(e, sys, api, `${api} is not a documented interface (known: ${Object.keys(INTERFACES).join(', ')})`);
  }
  const names = new Set(spec.params.map((p) => p.name));
  for (const k of Object.keys(args)) {
    if (!names.has(k)) return misuseResult(e, sys, api, `unknown argument "${k}" (${api} takes ${spec.params.map((p) => p.name).join(', ')})`);
  }
  const positional = spec.params.map((p) => {
    if (p.type === 'callback') {
      if (callback !== undefined) return callback;
      return args.callback === false || args.callback === null ? null : NOOP_CALLBACK;
    }
    return p.name in args ? args[p.name] : p.default;
  });
  try {
    return { ok: true, value: invoke(e, sys, spec.name, positional) };
  } catch (err) {
    if (err instanceof ApolloMisuseError) return { ok: false, error: err.message };
    throw err;
  }
}

function misuseResult(e: Engine, sys: SystemRt, api: string, reason: string): NamedResult {
  try {
    e.misuse(sys.node, api, reason);
  } catch (err) {
    if (err instanceof ApolloMisuseError) return { ok: false, error: err.message };
    throw err;
  }
}

/** A callback that only lets the engine record `callback` events (for calls fired from the UI). */
export const NOOP_CALLBACK: Handler = () => undefined;
