// The runs whose traces are pinned byte for byte (core/engine/golden-traces.test.ts against
// golden-traces.json): every fixture project and scenario on three seeds, random projects with
// random scenarios (fast-check samples at a fixed seed, in both listenerMatch modes), and the bench's
// three workloads in small (point with dicts, lists, bigints and a spoofed `__id__`; RPC with
// timeouts and unanswered calls; broadcasts), one of them past the 256-node FIFO matrix. Same
// project + scenario + seed ⇒ same bytes: a faster engine must not move one. The fixtures come in
// as parsed JSON (the test reads them with import.meta.glob, scripts/golden-traces.ts from disk).
import fc from 'fast-check';
import { ClientSystem, ServerSystem, ServiceSystem } from '../../api/systems';
import { Project, type ProjectInput } from '../../model/schema';
import { encodeTrace } from '../../trace/ndjson';
import { Simulation } from '../simulation';
import { arbRun, buildRandomProject } from './random-projects';

export interface GoldenCase {
  name: string;
  run(): Simulation;
}

export interface GoldenDigest {
  events: number;
  /** Two 32-bit FNV-1a-style hashes of the NDJSON event lines, as 16 hex digits. */
  hash: string;
}

/**
 * Digest of a run's NDJSON event lines, as the CLI writes them. The header line is left out: it
 * echoes the project's options, so a new option with a default (which changes no event) must not
 * re-pin every run.
 */
export function traceDigest(sim: Simulation): GoldenDigest {
  const full = encodeTrace(sim.trace.header, sim.trace.slice(0));
  const text = full.slice(full.indexOf('\n') + 1);
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return { events: sim.trace.length, hash: hex(a) + hex(b) };
}

const SEEDS = [1, 2, 99];
/** Random runs pinned (fast-check samples at a fixed seed; a fast-check upgrade may reshuffle them). */
const RANDOM_RUNS = 80;
const RANDOM_SEED = 4242;

/** Every case, fixtures first (name → parsed project JSON, e.g. `reference/notify-to-client`). */
export function goldenCases(fixtures: [name: string, json: unknown][]): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const [name, json] of [...fixtures].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const p = Project.parse(json);
    for (const scenario of [null, ...p.scenarios.map((s) => s.name)]) {
      for (const seed of SEEDS) {
        cases.push({
          name: `${name}#${scenario ?? '(none)'}@${seed}`,
          run: () => {
            const sim = new Simulation(p, { seed, scenario });
            if (scenario) sim.runScenario();
            else sim.runUntil(5000);
            return sim;
          },
        });
      }
    }
  }
  fc.sample(arbRun, { numRuns: RANDOM_RUNS, seed: RANDOM_SEED }).forEach(([shape, steps, seed], i) => {
    cases.push({
      name: `random-${i}`,
      run: () => {
        const p = buildRandomProject(shape, steps, { name: 'golden', listenerMatch: i % 2 ? 'lenient' : undefined });
        const sim = new Simulation(p, { seed, scenario: 's' });
        sim.runScenario();
        return sim;
      },
    });
  });
  cases.push({ name: 'bench-point-40', run: () => benchPoint(40) });
  cases.push({ name: 'bench-point-400', run: () => benchPoint(400) });
  cases.push({ name: 'bench-rpc', run: benchRpc });
  cases.push({ name: 'bench-broadcast', run: benchBroadcast });
  return cases;
}

// ---- the bench workloads (bench/engine.ts), small, with the payloads the hot path special-cases

/** bench/topology.ts's shape (1 master, 10 proxies, 10 lobbies, 40 games, 10 services), with loss. */
function benchProject(clients: number): Project {
  const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0, systems: [{ namespace: 'masterNamespace', systemName: 'masterSystem' }] }];
  for (let i = 0; i < 10; i++) nodes.push({ id: `proxy-${2000 + i}`, kind: 'proxy', serverId: 2000 + i });
  const servers: number[] = [];
  for (let i = 0; i < 10; i++) {
    nodes.push({ id: `lobby-${4000 + i}`, kind: 'lobby', serverId: 4000 + i, type: 'lobby', systems: [{ namespace: 'benchNamespace', systemName: 'serverSystem' }] });
    servers.push(4000 + i);
  }
  for (let i = 0; i < 40; i++) {
    nodes.push({ id: `game-${5000 + i}`, kind: 'game', serverId: 5000 + i, type: 'battle_game_server_type', systems: [{ namespace: 'benchNamespace', systemName: 'serverSystem' }] });
    servers.push(5000 + i);
  }
  for (let i = 0; i < 10; i++) nodes.push({ id: `service-${8000 + i}`, kind: 'service', serverId: 8000 + i, type: `svc_${i}`, moduleNames: [`module_${i}`], systems: [{ namespace: 'benchNamespace', systemName: 'serviceSystem' }] });
  for (let i = 0; i < clients; i++) nodes.push({ id: `client-${i}`, kind: 'client', uid: 10000 + i, proxy: 2000 + (i % 10), server: servers[i % servers.length], systems: [{ namespace: 'benchNamespace', systemName: 'clientSystem' }] });
  return Project.parse({ format: 'switchboard-project', version: 1, name: 'bench', nodes, options: { defaultLatencyMs: 5, defaultJitterMs: 2, defaultLoss: 0.01, broadcastIncludesSender: true } });
}

type Dict = Record<string, unknown>;

function benchPoint(nClients: number): Simulation {
  let sends = 0;
  class Client extends ClientSystem {
    constructor(ns: string, sys: string) {
      super(ns, sys);
      this.ListenForEvent('benchNamespace', 'serverSystem', 'Pong', this, (x: Dict) => {
        if (sends++ >= 3000) return;
        const n = x.n as number;
        if (n % 5 === 4) this.NotifyToServer('Arr', [n, 'arr'] as unknown as Dict);
        this.NotifyToServer('Ping', { n: n + 1, s: `x${n}`, a: [1, { b: null }], big: 2n ** 70n + BigInt(n), __id__: 'spoof' });
      });
    }
  }
  class Server extends ServerSystem {
    constructor(ns: string, sys: string) {
      super(ns, sys);
      this.ListenForEvent('benchNamespace', 'clientSystem', 'Ping', this, (x: Dict) => this.NotifyToClient(x.__id__ as string, 'Pong', { n: x.n }));
      this.ListenForEvent('benchNamespace', 'clientSystem', 'Arr', this, (x: Dict) => this.NotifyToClient('nobody', 'Pong', x));
    }
  }
  const sim = new Simulation(benchProject(nClients), { seed: 7 });
  const clients: Client[] = [];
  for (const n of sim.project.nodes) {
    if (n.kind === 'client') clients.push(sim.registerSystem(n.id, Client, 'benchNamespace', 'clientSystem'));
    if (n.kind === 'lobby' || n.kind === 'game') sim.registerSystem(n.id, Server, 'benchNamespace', 'serverSystem');
  }
  sim.runUntil(1);
  for (const c of clients) c.NotifyToServer('Ping', { n: 0 });
  sim.runUntil(3000);
  return sim;
}

function benchRpc(): Simulation {
  let done = 0;
  class Service extends ServiceSystem {
    constructor(ns: string, sys: string) {
      super(ns, sys);
      this.RegisterRpcMethodForMod('Echo', (serverId: number, callbackId: number, args: Dict) => {
        if ((args.n as number) % 7 !== 3) this.ResponseToServer(serverId, callbackId, { n: args.n });
      });
    }
  }
  class Caller extends ServerSystem {
    target = 'svc_0';
    fire(n: number): void {
      this.RequestToServiceMod(this.target, 'Echo', { n }, (suc: boolean, d: Dict | null) => {
        if (done++ < 3000) this.fire(suc && d ? (d.n as number) + 1 : n + 1);
      }, n % 3 === 0 ? 0.05 : 2);
    }
  }
  const sim = new Simulation(benchProject(10), { seed: 7 });
  const callers: Caller[] = [];
  let i = 0;
  for (const n of sim.project.nodes) {
    if (n.kind === 'service') sim.registerSystem(n.id, Service, 'benchNamespace', 'serviceSystem');
    if (n.kind === 'lobby' || n.kind === 'game') {
      const c = sim.registerSystem(n.id, Caller, 'benchNamespace', 'serverSystem');
      c.target = `svc_${i++ % 10}`;
      callers.push(c);
    }
  }
  sim.runUntil(1);
  for (const c of callers) for (let k = 0; k < 3; k++) c.fire(k);
  sim.runUntil(8000);
  return sim;
}

function benchBroadcast(): Simulation {
  class Sink extends ServerSystem {
    constructor(ns: string, sys: string) {
      super(ns, sys);
      this.ListenForEvent('benchNamespace', 'serviceSystem', 'Tick', this, () => undefined);
    }
  }
  const sim = new Simulation(benchProject(10), { seed: 7 });
  const senders: ServiceSystem[] = [];
  for (const n of sim.project.nodes) {
    if (n.kind === 'service') senders.push(sim.registerSystem(n.id, ServiceSystem, 'benchNamespace', 'serviceSystem'));
    if (n.kind === 'lobby' || n.kind === 'game') sim.registerSystem(n.id, Sink, 'benchNamespace', 'serverSystem');
  }
  sim.runUntil(1);
  for (let r = 0; r < 30; r++) {
    for (const s of senders) {
      s.BroadcastToServerByType('battle_game_server_type', 'Tick', { r });
      s.BroadcastToService('Tick', { r });
    }
    sim.runUntil(sim.now + 10);
  }
  return sim;
}
