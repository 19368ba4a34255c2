// The public facade over the engine: builds the nodes' systems (project rules and code mods),
// places clients that start on a server, schedules the chosen scenario, and drives the clock.
import { constructOn, withActive } from '../api/context';
import { SystemBase, bindingOf, systemClassFor } from '../api/systems';
import { installRules } from '../behaviors/install';
import type { Project, Scenario, ScenarioStep } from '../model/schema';
import { applyStep, findSystem } from '../scenario/apply';
import type { CallResult, NodeState, SimulationApi, SimulationOptions, TraceStore } from './types';
import { Engine } from './engine';
import { Lifecycle } from './lifecycle';
import { invokeNamed } from './invoke';
import { createModRuntime } from '../mods';
import type { ModRuntime } from '../mods/bridge';
import type { Halt } from './runaway';

/** How long a scenario without durationMs runs past its last step (covers default RPC timeouts). */
export const SCENARIO_TAIL_MS = 5000;

export class Simulation implements SimulationApi {
  readonly engine: Engine;
  readonly life: Lifecycle;
  readonly scenario: Scenario | null;
  readonly scenarioEnd: number;
  /** The Python mod runtime, when the project has mods. */
  mods: ModRuntime | null = null;

  constructor(
    readonly project: Project,
    opts: SimulationOptions = {},
  ) {
    const name = opts.scenario ?? null;
    this.scenario = name === null ? null : (project.scenarios.find((s) => s.name === name) ?? null);
    if (name !== null && !this.scenario) throw new Error(`no scenario named "${name}" (have: ${project.scenarios.map((s) => s.name).join(', ') || 'none'})`);
    this.engine = new Engine(project, (opts.seed ?? 1) >>> 0, name, opts.record ?? true);
    this.life = new Lifecycle(this.engine);
    withActive(this.engine, () => {
      for (const node of this.engine.topo.nodes) {
        const hasMods = (node.spec.mods?.length ?? 0) > 0;
        const systems = node.spec.systems.length || hasMods ? node.spec.systems : [{ namespace: `${node.kind}Namespace`, systemName: `${node.kind}System`, rules: [] }];
        for (const s of systems) {
          const obj = this.construct(node.id, systemClassFor(node.kind), s.namespace, s.systemName);
          this.engine.guard(node, () => installRules(this.engine, bindingOf(obj).sys, s.rules));
        }
      }
      // A booting network: servers start stopped and `start` steps bring them up (loading their
      // mods). Rule systems are installed first: they are the servers' configuration, kept while down.
      if (this.scenario?.startStopped) for (const node of this.engine.topo.nodes) if (node.kind !== 'client') node.up = false;
      this.mods = createModRuntime(this.engine, this.life, opts.mods ?? null);
      this.mods?.boot();
      for (const node of this.engine.topo.nodes) {
        if (node.kind === 'client' && node.spec.server !== undefined) this.life.login(node, node.spec.server);
      }
    });
    const steps = this.scenario?.steps ?? [];
    for (const step of steps) this.engine.later(step.at, null, () => this.applyNow(step));
    const last = steps.reduce((m, s) => Math.max(m, s.at), 0);
    this.scenarioEnd = this.scenario ? (this.scenario.durationMs ?? last + SCENARIO_TAIL_MS) : 0;
  }

  private construct<T extends SystemBase>(nodeId: string, Cls: new (ns: string, sys: string) => T, namespace: string, systemName: string): T {
    const node = this.engine.topo.byId.get(nodeId);
    if (!node) throw new Error(`no node ${nodeId}`);
    return constructOn(this.engine, node, () => new Cls(namespace, systemName));
  }

  /**
   * Run a hand-written mod system on a node, as Apollo's RegisterSystem would:
   * `sim.registerSystem('service-8000', testService, 'serviceNamespace', 'serviceSystem')`.
   */
  registerSystem<T extends SystemBase>(nodeId: string, Cls: new (namespace: string, systemName: string) => T, namespace: string, systemName: string): T {
    const node = this.engine.topo.byId.get(nodeId);
    if (!node) throw new Error(`no node ${nodeId}`);
    const expected = systemClassFor(node.kind);
    if (!(Cls.prototype instanceof expected) && Cls !== (expected as unknown)) {
      throw new Error(`${Cls.name} is not a ${expected.name}: ${nodeId} is a ${node.kind}`);
    }
    return withActive(this.engine, () => this.construct(nodeId, Cls, namespace, systemName));
  }

  get trace(): TraceStore {
    return this.engine.rec;
  }

  get now(): number {
    return this.engine.now;
  }

  get halted(): Halt | null {
    return this.engine.runaway.halted;
  }

  /** Stop the run once `n` events were made (`switchboard run --max-events`). */
  limitEvents(n: number): void {
    this.engine.runaway.maxEvents = n;
  }

  nextTime(): number | undefined {
    const t = this.engine.nextAt();
    return t === Infinity ? undefined : t;
  }

  runUntil(t: number): void {
    const e = this.engine;
    withActive(e, () => {
      while (e.processNext(t));
    });
    if (t > e.now) e.now = t;
  }

  step(): boolean {
    return withActive(this.engine, () => this.engine.processNext());
  }

  runScenario(): void {
    this.runUntil(this.scenarioEnd);
  }

  call(nodeId: string, api: string, args: Record<string, unknown>, system?: string): CallResult {
    const before = this.engine.rec.total;
    const node = this.engine.topo.byId.get(nodeId);
    const sys = node && findSystem(node, system);
    const r = sys
      ? withActive(this.engine, () => invokeNamed(this.engine, sys, api, args))
      : { ok: false as const, error: node ? `${nodeId} runs no system ${system ?? ''}`.trim() : `no node ${nodeId}` };
    return r.ok ? { ok: true, seq: before + 1 } : { ok: false, error: r.error, seq: before + 1 };
  }

  apply(step: ScenarioStep): CallResult {
    const before = this.engine.rec.total;
    const r = this.applyNow(step);
    return r.ok ? { ok: true, seq: before + 1 } : { ok: false, error: r.error ?? 'refused', seq: before + 1 };
  }

  private applyNow(step: ScenarioStep) {
    return withActive(this.engine, () => applyStep(this.engine, this.life, step));
  }

  close(): void {
    this.mods?.close();
  }

  stubCounts(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [node, per] of this.mods?.stubCountsByNode ?? []) out[node] = Object.fromEntries(per);
    return out;
  }

  nodeState(id: string): NodeState {
    const n = this.engine.topo.byId.get(id);
    if (!n) throw new Error(`no node ${id}`);
    if (n.kind !== 'client') return { id, up: n.up };
    return { id, up: n.up, server: n.server ? n.server.serverId : null, playerId: n.playerId, inTransfer: n.inTransfer };
  }
}
