// Declarative behaviours (the project's rules) run as ordinary mod code: each rule becomes a
// ListenForEvent / RegisterRpcMethod(ForMod) / RegisterMasterHttp call on its system, so rules and
// hand-written mods go through the same documented interfaces and the same misuse checks.
import type { CallAction, EventRule, HttpRule, Rule, RpcRule } from '../model/schema';
import type { Engine } from '../engine/engine';
import { invokeNamed } from '../engine/invoke';
import type { Handler, SystemRt } from '../engine/runtime';
import { interfaceSpec } from '../api/interfaces';
import { resolveTemplate, type TemplateContext } from './template';
import { parseJson, stringifyJson } from '../json';

export function installRules(e: Engine, sys: SystemRt, rules: readonly Rule[]): void {
  for (const rule of rules) {
    switch (rule.on) {
      case 'event':
        installEvent(e, sys, rule);
        break;
      case 'rpc':
        installRpc(e, sys, rule);
        break;
      case 'http':
        installHttp(e, sys, rule);
        break;
    }
  }
}

function nodeContext(sys: SystemRt): TemplateContext {
  const n = sys.node;
  return { node: { id: n.id, serverId: Number.isNaN(n.serverId) ? null : n.serverId, type: n.type ?? null, uid: Number.isNaN(n.uid) ? null : n.uid } };
}

function installEvent(e: Engine, sys: SystemRt, rule: EventRule): void {
  const fn: Handler = (args: unknown) => runActions(e, sys, rule.actions, { ...nodeContext(sys), args });
  invokeWithFunc(e, sys, 'ListenForEvent', { namespace: rule.namespace, systemName: rule.systemName, eventName: rule.event, instance: sys.instance, priority: rule.priority }, fn);
}

function installRpc(e: Engine, sys: SystemRt, rule: RpcRule): void {
  const fn: Handler = (serverId: number, callbackId: number, args: unknown) => {
    const ctx = { ...nodeContext(sys), serverId, callbackId, args };
    runActions(e, sys, rule.actions, ctx);
    if (rule.respond === 'never') return;
    const respond = () => invokeNamed(e, sys, 'ResponseToServer', { serverId, callbackId, eventData: resolveTemplate(rule.response, ctx) });
    if (rule.delayMs > 0) e.later(e.now + rule.delayMs, sys.node, respond);
    else respond();
  };
  if (rule.register === 'mod') invokeWithFunc(e, sys, 'RegisterRpcMethodForMod', { method: rule.method }, fn);
  else invokeWithFunc(e, sys, 'RegisterRpcMethod', { module: rule.module ?? '', event: rule.method }, fn);
}

function installHttp(e: Engine, sys: SystemRt, rule: HttpRule): void {
  const fn: Handler = (clientId: number, body: string) => {
    let parsed: unknown = body;
    try {
      parsed = parseJson(body);
    } catch {
      // a body that is not JSON is passed on as the string it is
    }
    const ctx = { ...nodeContext(sys), clientId, body: parsed, reqData: parsed };
    runActions(e, sys, rule.actions, ctx);
    if (rule.response !== null) invokeNamed(e, sys, 'SendHttpResponse', { clientId, body: stringifyJson(resolveTemplate(rule.response, ctx)) });
  };
  invokeWithFunc(e, sys, 'RegisterMasterHttp', { path: rule.path, instance: sys.instance }, fn);
}

/** invokeNamed for registrations, whose `func` argument is code rather than data. */
function invokeWithFunc(e: Engine, sys: SystemRt, api: string, args: Record<string, unknown>, fn: Handler): void {
  invokeNamed(e, sys, api, { ...args, func: fn });
}

/** Run a rule's actions; a failing call is recorded (misuse) and the next action still runs. */
export function runActions(e: Engine, sys: SystemRt, actions: readonly CallAction[], ctx: TemplateContext): void {
  for (const action of actions) {
    const run = () => callAction(e, sys, action, ctx);
    if (action.delayMs > 0) e.later(e.now + action.delayMs, sys.node, run);
    else run();
  }
}

function callAction(e: Engine, sys: SystemRt, action: CallAction, ctx: TemplateContext): void {
  const args = resolveTemplate(action.args, ctx) as Record<string, unknown>;
  const spec = interfaceSpec(action.call);
  let callback: Handler | null | undefined;
  if (spec?.shape === 'request') {
    const wanted = action.onResult !== undefined || (args.callback !== false && args.callback !== null);
    delete args.callback;
    callback = wanted ? (suc: boolean, data: unknown) => runActions(e, sys, action.onResult ?? [], { ...ctx, suc, data }) : null;
  }
  invokeNamed(e, sys, action.call, args, callback);
}
