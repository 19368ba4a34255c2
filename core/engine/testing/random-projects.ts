// Random topologies, rules and scenarios for engine properties (core/engine/invariants.test.ts) and
// the golden traces (golden-cases.ts): servers answer pings, services answer (or not, or late) an
// RPC and rebroadcast, clients log in, transfer and ping; steps stop/start nodes and cut links.
// The golden digests pin what these generate for a fixed seed: change them only with `npm run golden`.
import fc from 'fast-check';
import { Project, type ProjectInput, type ScenarioStep } from '../../model/schema';

export const TYPES = ['alpha', 'beta'];

export const arbShape = fc.record({
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
export type Shape = typeof arbShape extends fc.Arbitrary<infer T> ? T : never;

export function buildRandomProject(sh: Shape, steps: ScenarioStep[], opts: { name: string; listenerMatch?: 'lenient' }): Project {
  const { name, listenerMatch } = opts;
  const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0, moduleNames: ['m'] }];
  for (let i = 0; i < sh.proxies; i++) nodes.push({ id: `proxy-${i}`, kind: 'proxy', serverId: 2000 + i });
  const servers: number[] = [];
  for (let i = 0; i < sh.lobbies + sh.games; i++) {
    const kind = i < sh.lobbies ? 'lobby' : 'game';
    servers.push(4000 + i);
    nodes.push({
      id: `${kind}-${4000 + i}`, kind, serverId: 4000 + i, type: kind === 'lobby' ? 'lobby' : 'g',
      systems: [{ namespace: 'srv', systemName: 'srv', rules: [
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
    format: 'switchboard-project', version: 1, name, nodes,
    options: { defaultLatencyMs: sh.latency, defaultJitterMs: sh.jitter, defaultLoss: sh.loss, rpcOwner: sh.rpcOwner, ...(listenerMatch ? { listenerMatch } : {}) },
    scenarios: [{ name: 's', steps, durationMs: 12_000 }],
  });
}

export function arbSteps(sh: Shape): fc.Arbitrary<ScenarioStep[]> {
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

export const arbRun = arbShape.chain((sh) => fc.tuple(fc.constant(sh), arbSteps(sh), fc.integer({ min: 0, max: 2 ** 31 - 1 })));
