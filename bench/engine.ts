// Engine throughput with the trace recorded: point messages (client/server ping-pong), broadcast
// deliveries (service fan-outs), RPC round trips (lobby/game → service and back).
import { ClientSystem, ServerSystem, ServiceSystem } from '../core/api/systems';
import { Simulation } from '../core/engine/simulation';
import { encodeEvent } from './encode';
import { benchProject } from './topology';
import type { Figure } from './stats';
import { median } from './stats';

type Dict = Record<string, unknown>;

class PingClient extends ClientSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('benchNamespace', 'serverSystem', 'Pong', this, this.OnPong);
  }
  OnPong(args: Dict): void {
    this.NotifyToServer('Ping', { n: (args.n as number) + 1 });
  }
}

class PongServer extends ServerSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('benchNamespace', 'clientSystem', 'Ping', this, this.OnPing);
  }
  OnPing(args: Dict): void {
    this.NotifyToClient(args.__id__ as string, 'Pong', { n: args.n });
  }
}

function pointRun(target: number): { perSec: number; sim: Simulation } {
  const sim = new Simulation(benchProject(), { seed: 7 });
  const clients: PingClient[] = [];
  for (const n of sim.project.nodes) {
    if (n.kind === 'client') clients.push(sim.registerSystem(n.id, PingClient, 'benchNamespace', 'clientSystem'));
    if (n.kind === 'lobby' || n.kind === 'game') sim.registerSystem(n.id, PongServer, 'benchNamespace', 'serverSystem');
  }
  sim.runUntil(1);
  for (const c of clients) c.NotifyToServer('Ping', { n: 0 });
  const rec = sim.engine.rec;
  const start = performance.now();
  let sends = 0;
  while (sends < target) {
    sim.runUntil(sim.now + 20);
    sends = countSends(sim);
  }
  const ms = performance.now() - start;
  void rec;
  return { perSec: (sends / ms) * 1000, sim };
}

let sendCursor = 0;
let sendCount = 0;
let lastSim: Simulation | null = null;
function countSends(sim: Simulation): number {
  if (lastSim !== sim) {
    lastSim = sim;
    sendCursor = 0;
    sendCount = 0;
  }
  const rec = sim.engine.rec;
  for (; sendCursor < rec.length; sendCursor++) if (rec.type[sendCursor] === 0) sendCount++;
  return sendCount;
}

class Broadcaster extends ServiceSystem {}
class Sink extends ServerSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('benchNamespace', 'serviceSystem', 'Tick', this, this.OnTick);
  }
  OnTick(): void {}
}
class ServiceSink extends ServiceSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('NeteaseExtraApi', 'extraApiService', 'Tick', this, this.OnTick);
  }
  OnTick(): void {}
}

function broadcastRun(rounds: number): number {
  const sim = new Simulation(benchProject(), { seed: 7 });
  const senders: Broadcaster[] = [];
  for (const n of sim.project.nodes) {
    if (n.kind === 'service') {
      senders.push(sim.registerSystem(n.id, Broadcaster, 'benchNamespace', 'serviceSystem'));
      sim.registerSystem(n.id, ServiceSink, 'benchNamespace', 'sinkSystem');
    }
    if (n.kind === 'lobby' || n.kind === 'game') sim.registerSystem(n.id, Sink, 'benchNamespace', 'serverSystem');
  }
  sim.runUntil(1);
  const rec = sim.engine.rec;
  const before = rec.length;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const s of senders) {
      s.BroadcastToServerByType('battle_game_server_type', 'Tick', { r });
      s.BroadcastToService('Tick', { r });
    }
    sim.runUntil(sim.now + 10);
  }
  const ms = performance.now() - start;
  let deliveries = 0;
  for (let i = before; i < rec.length; i++) if (rec.type[i] === 1) deliveries++;
  return (deliveries / ms) * 1000;
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
class RpcCaller extends ServerSystem {
  done = 0;
  target = 'svc_0';
  fire(n: number): void {
    this.RequestToServiceMod(this.target, 'Echo', { n }, this.OnResult, 2);
  }
  OnResult(suc: boolean, data: Dict | null): void {
    if (!suc || !data) return;
    this.done++;
    this.fire((data.n as number) + 1);
  }
}

function rpcRun(target: number): number {
  const sim = new Simulation(benchProject(), { seed: 7 });
  const callers: RpcCaller[] = [];
  let i = 0;
  for (const n of sim.project.nodes) {
    if (n.kind === 'service') sim.registerSystem(n.id, RpcService, 'benchNamespace', 'serviceSystem');
    if (n.kind === 'lobby' || n.kind === 'game') {
      const c = sim.registerSystem(n.id, RpcCaller, 'benchNamespace', 'serverSystem');
      c.target = `svc_${i++ % 10}`;
      callers.push(c);
    }
  }
  sim.runUntil(1);
  for (const c of callers) for (let k = 0; k < 40; k++) c.fire(0);
  const start = performance.now();
  let done = 0;
  while (done < target) {
    sim.runUntil(sim.now + 20);
    done = callers.reduce((s, c) => s + c.done, 0);
  }
  const ms = performance.now() - start;
  return (done / ms) * 1000;
}

export function benchEngine(runs = 5): Figure[] {
  const point: number[] = [];
  const bcast: number[] = [];
  const rpc: number[] = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const { perSec, sim } = pointRun(400_000);
    point.push(perSec);
    if (r === 0) {
      const rec = sim.engine.rec;
      const n = Math.min(rec.length, 200_000);
      let total = 0;
      for (let i = 0; i < n; i++) total += encodeEvent(rec.get(i)).length + 1;
      bytes = total / n;
    }
    bcast.push(broadcastRun(1500));
    rpc.push(rpcRun(200_000));
  }
  return [
    { name: 'engine.point_msgs_per_s', value: Math.round(median(point)), unit: 'msg/s' },
    { name: 'engine.broadcast_deliveries_per_s', value: Math.round(median(bcast)), unit: 'deliveries/s' },
    { name: 'engine.rpc_roundtrips_per_s', value: Math.round(median(rpc)), unit: 'roundtrips/s' },
    { name: 'trace.bytes_per_event', value: Math.round(bytes * 10) / 10, unit: 'bytes' },
  ];
}
