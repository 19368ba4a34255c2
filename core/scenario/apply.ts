// Scenario steps (and the same actions fired from the UI) applied to a running engine: interface
// calls from a node's system, player lifecycle, node stop/start, link faults, HTTP POSTs.
// A step that cannot be carried out becomes a `misuse` trace event naming the step and why.
import type { ScenarioStep } from '../model/schema';
import type { Engine } from '../engine/engine';
import { invokeNamed } from '../engine/invoke';
import type { Lifecycle, Outcome } from '../engine/lifecycle';
import type { NodeRt, SystemRt } from '../engine/runtime';
import { TYPE_INDEX } from '../trace/recorder';

export interface StepResult {
  ok: boolean;
  error?: string;
}

/** The system a call is made from: "namespace/systemName", or the node's first system. */
export function findSystem(node: NodeRt, system?: string): SystemRt | undefined {
  if (!system) return node.systems[0];
  return node.systems.find((s) => `${s.namespace}/${s.systemName}` === system);
}

export function applyStep(e: Engine, life: Lifecycle, step: ScenarioStep): StepResult {
  const node = (id: string): NodeRt | undefined => e.topo.byId.get(id);
  const refuse = (error: string): StepResult => {
    const seq = e.record(TYPE_INDEX.misuse, 0, null, null, undefined, undefined, e.cause);
    e.note(seq, { reason: error, detail: `scenario step ${step.do}` });
    return { ok: false, error };
  };
  const outcome = (o: Outcome): StepResult => (o.ok ? { ok: true } : refuse(o.error));
  switch (step.do) {
    case 'call': {
      const n = node(step.node);
      if (!n) return refuse(`no node ${step.node}`);
      const sys = findSystem(n, step.system);
      if (!sys) return refuse(step.system ? `${n.id} runs no system ${step.system}` : `${n.id} runs no system`);
      const r = invokeNamed(e, sys, step.api, step.args);
      return r.ok ? { ok: true } : { ok: false, error: r.error };
    }
    case 'login':
    case 'transfer':
    case 'logout': {
      const c = node(step.client);
      if (!c) return refuse(`no client ${step.client}`);
      if (step.do === 'login') return outcome(life.login(c, step.server));
      if (step.do === 'transfer') return outcome(life.transfer(c, step.server, step.type));
      return outcome(life.logout(c));
    }
    case 'stop':
    case 'start': {
      const n = node(step.node);
      if (!n) return refuse(`no node ${step.node}`);
      return outcome(step.do === 'stop' ? life.stop(n) : life.start(n));
    }
    case 'cut':
    case 'restore':
    case 'loss': {
      const a = node(step.a);
      const b = node(step.b);
      if (!a || !b) return refuse(`no node ${a ? step.b : step.a}`);
      return outcome(life.fault(step.do, a, b, step.do === 'loss' ? step.loss : undefined));
    }
    case 'http':
      e.httpPost(step.path, step.body);
      return { ok: true };
    case 'invoke': {
      const n = node(step.node);
      if (!n) return refuse(`no node ${step.node}`);
      // The last system registered under that name: a mod's RegisterSystem replaces a default one.
      const sys = n.systems.findLast((s) => s.namespace === step.namespace && s.systemName === step.systemName);
      if (!sys) return refuse(`${n.id} runs no system ${step.namespace}/${step.systemName}`);
      return invokeMethod(e, sys, step.method, step.args, refuse);
    }
  }
}

/** Run a system's method by name, as the reference's examples are triggered (`testNotifyClient()`). */
function invokeMethod(e: Engine, sys: SystemRt, method: string, args: unknown[], refuse: (error: string) => StepResult): StepResult {
  if (!sys.node.up) return refuse(`${sys.node.id} is stopped`);
  if (sys.invokeMethod) {
    const run = sys.invokeMethod;
    e.guard(sys.node, () => run(method, args));
    return { ok: true };
  }
  const fn = (sys.instance as Record<string, unknown> | null)?.[method];
  if (typeof fn !== 'function') return refuse(`${sys.namespace}/${sys.systemName} on ${sys.node.id} has no method ${method}`);
  e.guard(sys.node, () => fn.apply(sys.instance, args));
  return { ok: true };
}
