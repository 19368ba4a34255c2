// Engine invariants as properties over random topologies, behaviours and scenarios (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServerSystem, ServiceSystem } from '../api/systems';
import { Project, type ProjectInput, type ScenarioStep } from '../model/schema';
import type { TraceEvent } from '../trace/event';
import { RPC_FINAL_STATES } from './rpc-machine';
import { Simulation } from './simulation';

const TYPES = ['alpha', 'beta'];

const arbProject = fc.record({
  proxies: fc.integer({ min: 1, max: 2 }),
  lobbies: fc.integer({ min: 1, max: 2 }),
  games: fc.integer({ min: 0, max: 2 }),
  services: fc.array(fc.record({ type: fc.constantFrom(...TYPES), respond: fc.constantFrom('respond', 'never', 'late'), delayMs: fc.integer({ min: 0, max: 2500 }) }), { minLength: 1, maxLength: 3 }),
  clients: fc.integer({ min: 1, max: 4 }),
  latency: fc.integer({ min: 0, max: 30 }),
  jitter: fc.integer({ min: 0, max: 40 }),
  loss: fc.constantFrom(0, 0, 0.1, 0.3),
  rpcOwner: fc.constantFrom('lowest-id', 'round-robin', 'random'),
});
type Shape = typeof arbProject extends fc.Arbitrary<infer T> ? T : never;

function buildProject(sh: Shape, steps: ScenarioStep[]): Project {
  const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0, moduleNames: ['m'] }];
  for (let i = 0; i < sh.proxies; i++) nodes.push({ id: `proxy-${i}`, kind: 'proxy', serverId: 2000 + i });
  const servers: number[] = [];
  for (let i = 0; i < sh.lobbies + sh.games; i++) {
    const kind = i < sh.lobbies ? 'lobby' : 'game';
    servers.push(4000 + i);
    nodes.push({
      id: `${kind}-${4000 + i}`, kind, serverId: 4000 + i, type: kind === 'lobby' ? 'lobby' : 'g',
      systems: [{ namespace: 'srv', systemName: 'srv', rules: [
        // clients' pings are answered to the player; service broadcasts are forwarded to the master
        { on: 'event', namespace: 'cli', systemName: 'cli', event: 'Ping', actions: [{ call: 'NotifyToClient', args: { targetId: { $ref: 'args.__id__' }, eventName: 'Pong', eventData: { n: { $ref: 'args.n' } } } }] },
        { on: 'event', namespace: 'svc', systemName: 'svc', event: 'Tick', actions: [{ call: 'NotifyToMaster', args: { eventName: 'Tock', eventData: {} } }] },
      ] }],
    });
  }
  sh.services.forEach((s, i) => nodes.push({
    id: `service-${8000 + i}`, kind: 'service', serverId: 8000 + i, type: s.type, moduleNames: [`mod-${s.type}`],
    systems: [{ namespace: 'svc', systemName: 'svc', rules: [
      { on: 'rpc', register: 'mod', method: 'M', respond: s.respond, delayMs: s.delayMs, response: { ok: true, echo: { $ref: 'args' } } },
      { on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiDev', event: 'Hello', actions: [{ call: 'BroadcastToServerByType', args: { serverType: 'g', eventName: 'Tick', eventData: {} } }] },
    ] }],
  }));
  for (let i = 0; i < sh.clients; i++) {
    nodes.push({ id: `client-${i}`, kind: 'client', uid: 100 + i, proxy: 2000 + (i % sh.proxies), server: servers[i % servers.length], systems: [{ namespace: 'cli', systemName: 'cli' }] });
  }
  return Project.parse({
    format: 'switchboard-project', version: 1, name: 'prop', nodes,
    options: { defaultLatencyMs: sh.latency, defaultJitterMs: sh.jitter, defaultLoss: sh.loss, rpcOwner: sh.rpcOwner },
    scenarios: [{ name: 's', steps, durationMs: 12_000 }],
  });
}

function arbSteps(sh: Shape): fc.Arbitrary<ScenarioStep[]> {
  const servers = Array.from({ length: sh.lobbies + sh.games }, (_, i) => `${i < sh.lobbies ? 'lobby' : 'game'}-${4000 + i}`);
  const services = sh.services.map((_, i) => `service-${8000 + i}`);
  const clients = Array.from({ length: sh.clients }, (_, i) => `client-${i}`);
  const at = fc.integer({ min: 0, max: 3000 });
  const step: fc.Arbitrary<ScenarioStep> = fc.oneof(
    fc.record({ at, node: fc.constantFrom(...clients), n: fc.nat(99) }).map(({ at, node, n }) => ({ at, do: 'call', node, api: 'NotifyToServer', args: { eventName: 'Ping', eventData: { n } } }) as ScenarioStep),
    fc.record({ at, node: fc.constantFrom(...servers), type: fc.constantFrom(...TYPES, 'nobody'), timeout: fc.constantFrom(0.5, 1, 2) }).map(({ at, node, type, timeout }) => ({ at, do: 'call', node, api: 'RequestToServiceMod', args: { modname: type, method: 'M', args: { at }, timeout } }) as ScenarioStep),
    fc.record({ at, node: fc.constantFrom(...servers) }).map(({ at, node }) => ({ at, do: 'call', node, api: 'BroadcastToService', args: { eventName: 'Hello', eventData: { at } } }) as ScenarioStep),
    fc.record({ at, node: fc.constantFrom(...services, ...servers), stop: fc.boolean() }).map(({ at, node, stop }) => ({ at, do: stop ? 'stop' : 'start', node }) as ScenarioStep),
    fc.record({ at, a: fc.constantFrom(...servers), b: fc.constantFrom(...services), cut: fc.boolean() }).map(({ at, a, b, cut }) => ({ at, do: cut ? 'cut' : 'restore', a, b }) as ScenarioStep),
    fc.record({ at, client: fc.constantFrom(...clients), kind: fc.constantFrom('login', 'logout', 'transfer') }).map(({ at, client, kind }) =>
      (kind === 'transfer' ? { at, do: 'transfer', client, type: 'g' } : { at, do: kind, client }) as ScenarioStep),
  );
  return fc.array(step, { minLength: 1, maxLength: 25 });
}

const arbRun = arbProject.chain((sh) => fc.tuple(fc.constant(sh), arbSteps(sh), fc.integer({ min: 0, max: 2 ** 31 - 1 })));

function run(sh: Shape, steps: ScenarioStep[], seed: number): TraceEvent[] {
  const sim = new Simulation(buildProject(sh, steps), { seed, scenario: 's' });
  sim.runScenario();
  return sim.trace.slice(0);
}

const RUNS = { numRuns: 60 };

describe('engine invariants', () => {
  it('determinism: same project + scenario + seed gives byte-identical traces', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      expect(JSON.stringify(run(sh, steps, seed))).toBe(JSON.stringify(run(sh, steps, seed)));
    }), RUNS);
  });

  it('seq strictly increases, t never decreases, every cause points back', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const ev = run(sh, steps, seed);
      ev.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        if (i > 0) expect(e.t).toBeGreaterThanOrEqual(ev[i - 1].t);
        if (e.cause !== undefined) expect(e.cause).toBeLessThan(e.seq);
      });
    }), RUNS);
  });

  it('FIFO per (sender, receiver): deliveries come in send order', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const lastSend = new Map<string, number>();
      for (const e of run(sh, steps, seed)) {
        if (e.type !== 'deliver' || !e.from || e.cause === undefined) continue;
        const key = `${e.from}>${e.to}`;
        expect(e.cause).toBeGreaterThan(lastSend.get(key) ?? 0);
        lastSend.set(key, e.cause);
      }
    }), RUNS);
  });

  it('every RPC ends in exactly one terminal state and its callback runs at most once (exactly once with a callback)', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const ev = run(sh, steps, seed);
      const finals = new Map<number, number>();
      const callbacks = new Map<number, number>();
      const requests = ev.filter((e) => e.type === 'send' && e.rpc?.state === 'requested');
      for (const e of ev) {
        if (e.type === 'rpc' && RPC_FINAL_STATES.includes(e.rpc!.state)) finals.set(e.rpc!.id, (finals.get(e.rpc!.id) ?? 0) + 1);
        if (e.type === 'callback') callbacks.set(e.rpc!.id, (callbacks.get(e.rpc!.id) ?? 0) + 1);
      }
      const everStopped = new Set(ev.filter((e) => e.type === 'lifecycle' && e.detail === 'stop').map((e) => e.to));
      for (const r of requests) {
        // scenario steps end by 3 s; timeouts ≤ 2 s and responses ≤ 2.5 s late all settle by 12 s
        expect(finals.get(r.rpc!.id)).toBe(1);
        expect(callbacks.get(r.rpc!.id) ?? 0).toBeLessThanOrEqual(1);
        // scenario requests always carry a callback; it runs unless its requester was stopped
        if (!everStopped.has(r.from)) expect(callbacks.get(r.rpc!.id)).toBe(1);
      }
    }), RUNS);
  });

  it('nothing is delivered to, or handled on, a stopped node', () => {
    fc.assert(fc.property(arbRun, ([sh, steps, seed]) => {
      const down = new Set<string>();
      for (const e of run(sh, steps, seed)) {
        if (e.type === 'lifecycle' && e.detail === 'stop') down.add(e.to!);
        if (e.type === 'lifecycle' && e.detail === 'start') down.delete(e.to!);
        if ((e.type === 'deliver' || e.type === 'handle' || e.type === 'callback') && e.to) expect(down.has(e.to)).toBe(false);
      }
    }), RUNS);
  });

  it('eventData mutations after send never reach the receiver', () => {
    const dict = fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }).map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
    fc.assert(fc.property(dict, (data) => {
      const p = buildProject({ proxies: 1, lobbies: 1, games: 0, services: [{ type: 'alpha', respond: 'respond', delayMs: 0 }], clients: 1, latency: 5, jitter: 0, loss: 0, rpcOwner: 'lowest-id' }, []);
      const sim = new Simulation(p);
      const got: unknown[] = [];
      const svc = sim.registerSystem('service-8000', ServiceSystem, 'x', 'x');
      svc.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'E', svc, (a: unknown) => got.push(a));
      const expected = JSON.parse(JSON.stringify(data));
      sim.registerSystem('lobby-4000', ServerSystem, 'y', 'y').NotifyToServiceNode(8000, 'E', data);
      for (const k of Object.keys(data)) data[k] = 'mutated';
      data.added = true;
      sim.runUntil(100);
      expect(got).toEqual([expected]);
    }), { numRuns: 100 });
  });
});
