// Engine throughput with the trace recorded: point messages (client/server ping-pong), broadcast
// deliveries (service fan-outs), RPC round trips (lobby/game → service and back); each beside its
// bare-heap ceiling (bench/ceiling.ts) measured in the same round, as a ratio. Rounds interleave
// the workloads so that a busy moment on the shared machine hits all of them alike; every figure
// is the median over rounds (the ratio is the median of per-round ratios).
import { ClientSystem, ServerSystem, ServiceSystem } from '../core/api/systems';
import { Simulation } from '../core/engine/simulation';
import { ceilingBroadcast, ceilingPoint, ceilingRpc } from './ceiling';
import { encodeEvent } from './encode';
import { BENCH_SHAPE, benchProject } from './topology';
import type { Figure } from './stats';
import { median } from './stats';

type Dict = Record<string, unknown>;

/** Sends made by the bench's mod code (counted by the handlers, so the count never reads the trace). */
let sends = 0;

class PingClient extends ClientSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('benchNamespace', 'serverSystem', 'Pong', this, this.OnPong);
  }
  OnPong(args: Dict): void {
    sends++;
    this.NotifyToServer('Ping', { n: (args.n as number) + 1 });
  }
}

class PongServer extends ServerSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('benchNamespace', 'clientSystem', 'Ping', this, this.OnPing);
  }
  OnPing(args: Dict): void {
    sends++;
    this.NotifyToClient(args.__id__ as string, 'Pong', { n: args.n });
  }
}

interface Rate {
  perSec: number;
  /** Per second of this process's CPU time (steadier than wall time on a busy machine). */
  perCpuSec: number;
}

interface PointResult extends Rate {
  sim: Simulation;
}

/** CPU milliseconds of this process since `c0` (user + system, all threads: GC helpers count). */
function cpuMs(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Point messages per second until `target` sends, on the bench topology with `clients` clients. */
export function pointRun(target: number, opts: { clients?: number; record?: boolean } = {}): PointResult {
  const sim = new Simulation(benchProject(opts.clients), { seed: 7, record: opts.record ?? true });
  const clients: PingClient[] = [];
  for (const n of sim.project.nodes) {
    if (n.kind === 'client') clients.push(sim.registerSystem(n.id, PingClient, 'benchNamespace', 'clientSystem'));
    if (n.kind === 'lobby' || n.kind === 'game') sim.registerSystem(n.id, PongServer, 'benchNamespace', 'serverSystem');
  }
  sim.runUntil(1);
  for (const c of clients) c.NotifyToServer('Ping', { n: 0 });
  sends = clients.length;
  const c0 = process.cpuUsage();
  const start = performance.now();
  while (sends < target) sim.runUntil(sim.now + 20);
  const ms = performance.now() - start;
  const n = sends - clients.length;
  return { perSec: (n / ms) * 1000, perCpuSec: (n / cpuMs(c0)) * 1000, sim };
}

class Broadcaster extends ServiceSystem {}
let deliveries = 0;
class Sink extends ServerSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('benchNamespace', 'serviceSystem', 'Tick', this, this.OnTick);
  }
  OnTick(): void {
    deliveries++;
  }
}
class ServiceSink extends ServiceSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('NeteaseExtraApi', 'extraApiService', 'Tick', this, this.OnTick);
  }
  OnTick(): void {
    deliveries++;
  }
}

const BROADCAST_TARGETS = BENCH_SHAPE.games + BENCH_SHAPE.services;

export function broadcastRun(rounds: number, record = true): Rate {
  const sim = new Simulation(benchProject(), { seed: 7, record });
  const senders: Broadcaster[] = [];
  for (const n of sim.project.nodes) {
    if (n.kind === 'service') {
      senders.push(sim.registerSystem(n.id, Broadcaster, 'benchNamespace', 'serviceSystem'));
      sim.registerSystem(n.id, ServiceSink, 'benchNamespace', 'sinkSystem');
    }
    if (n.kind === 'lobby' || n.kind === 'game') sim.registerSystem(n.id, Sink, 'benchNamespace', 'serverSystem');
  }
  sim.runUntil(1);
  deliveries = 0;
  const c0 = process.cpuUsage();
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const s of senders) {
      s.BroadcastToServerByType('battle_game_server_type', 'Tick', { r });
      s.BroadcastToService('Tick', { r });
    }
    sim.runUntil(sim.now + 10);
  }
  const ms = performance.now() - start;
  return { perSec: (deliveries / ms) * 1000, perCpuSec: (deliveries / cpuMs(c0)) * 1000 };
}

class RpcService extends ServiceSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.RegisterRpcMethodForMod('Echo', this.OnEcho);
  }
  OnEcho(serverId: number, callbackId: number, args: Dict): void {
    this.ResponseToServer(serverId, callbackId, { n: args.n });
  }
}
let rpcDone = 0;
class RpcCaller extends ServerSystem {
  target = 'svc_0';
  fire(n: number): void {
    this.RequestToServiceMod(this.target, 'Echo', { n }, this.OnResult, 2);
  }
  OnResult(suc: boolean, data: Dict | null): void {
    if (!suc || !data) return;
    rpcDone++;
    this.fire((data.n as number) + 1);
  }
}

const RPC_PER_CALLER = 40;
const RPC_CALLERS = BENCH_SHAPE.lobbies + BENCH_SHAPE.games;

export function rpcRun(target: number, record = true): Rate {
  const sim = new Simulation(benchProject(), { seed: 7, record });
  const callers: RpcCaller[] = [];
  let i = 0;
  for (const n of sim.project.nodes) {
    if (n.kind === 'service') sim.registerSystem(n.id, RpcService, 'benchNamespace', 'serviceSystem');
    if (n.kind === 'lobby' || n.kind === 'game') {
      const c = sim.registerSystem(n.id, RpcCaller, 'benchNamespace', 'serverSystem');
      c.target = `svc_${i++ % BENCH_SHAPE.services}`;
      callers.push(c);
    }
  }
  sim.runUntil(1);
  for (const c of callers) for (let k = 0; k < RPC_PER_CALLER; k++) c.fire(0);
  rpcDone = 0;
  const c0 = process.cpuUsage();
  const start = performance.now();
  while (rpcDone < target) sim.runUntil(sim.now + 20);
  const ms = performance.now() - start;
  return { perSec: (rpcDone / ms) * 1000, perCpuSec: (rpcDone / cpuMs(c0)) * 1000 };
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const POINT = 400_000;
const BROADCAST_ROUNDS = 1500;
const RPC = 200_000;
/** Clients for the cost-per-message figures, and the messages measured at each scale. */
const SCALES: [clients: number, messages: number][] = [
  [20, 200_000],
  [2_000, 400_000],
  [20_000, 400_000],
];

export function benchEngine(rounds = 5): Figure[] {
  const s: Record<string, number[]> = {};
  const add = (k: string, v: number) => (s[k] ??= []).push(v);
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    collect();
    const { perSec, sim } = pointRun(POINT);
    add('point', perSec);
    if (r === 0) {
      const rec = sim.trace;
      const n = Math.min(rec.length, 200_000);
      let total = 0;
      for (let i = 0; i < n; i++) total += encodeEvent(rec.get(i)).length + 1;
      bytes = total / n;
    }
    const cp = ceilingPoint(BENCH_SHAPE.clients, POINT);
    add('point_ceiling', cp);
    add('point_ratio', perSec / cp);
    collect();
    const untraced = pointRun(POINT, { record: false }).perSec;
    add('point_untraced', untraced);
    add('point_untraced_ratio', untraced / cp);
    collect();
    const b = broadcastRun(BROADCAST_ROUNDS).perSec;
    const cb = ceilingBroadcast(BENCH_SHAPE.services * 2, BROADCAST_TARGETS / 2, BROADCAST_ROUNDS);
    add('broadcast', b);
    add('broadcast_ceiling', cb);
    add('broadcast_ratio', b / cb);
    collect();
    const p = rpcRun(RPC).perSec;
    const cr = ceilingRpc(RPC_CALLERS, RPC_PER_CALLER, RPC);
    add('rpc', p);
    add('rpc_ceiling', cr);
    add('rpc_ratio', p / cr);
    if (r < 3) {
      for (const [clients, messages] of SCALES) {
        collect();
        add(`ns_${clients}`, 1e9 / pointRun(messages, { clients }).perSec);
      }
    }
  }
  const m = (k: string) => median(s[k]);
  const rate = (name: string, k: string, unit: string): Figure => ({ name, value: Math.round(m(k)), unit });
  const ratio = (name: string, k: string): Figure => ({ name, value: Math.round(m(k) * 1000) / 1000, unit: 'ratio' });
  const scale = (clients: number): Figure => ({ name: `engine.ns_per_msg_${clients >= 1000 ? `${clients / 1000}k` : clients}_clients`, value: Math.round(m(`ns_${clients}`)), unit: 'ns' });
  return [
    rate('engine.point_msgs_per_s', 'point', 'msg/s'),
    rate('engine.point_ceiling_msgs_per_s', 'point_ceiling', 'msg/s'),
    ratio('engine.point_vs_ceiling', 'point_ratio'),
    rate('engine.point_msgs_per_s_untraced', 'point_untraced', 'msg/s'),
    ratio('engine.point_untraced_vs_ceiling', 'point_untraced_ratio'),
    rate('engine.broadcast_deliveries_per_s', 'broadcast', 'deliveries/s'),
    rate('engine.broadcast_ceiling_deliveries_per_s', 'broadcast_ceiling', 'deliveries/s'),
    ratio('engine.broadcast_vs_ceiling', 'broadcast_ratio'),
    rate('engine.rpc_roundtrips_per_s', 'rpc', 'roundtrips/s'),
    rate('engine.rpc_ceiling_roundtrips_per_s', 'rpc_ceiling', 'roundtrips/s'),
    ratio('engine.rpc_vs_ceiling', 'rpc_ratio'),
    ...SCALES.map(([c]) => scale(c)),
    { name: 'trace.bytes_per_event', value: Math.round(bytes * 10) / 10, unit: 'bytes' },
  ];
}
