// Merge throughput: the bench topology's servers (50 lobby/game, 10 services, master) exchange
// RPCs and broadcasts; the engine trace is written as per-server recordings (as the recorder mod
// would, with skewed clocks), then `mergeRecordingFiles` streams them back into one trace.
// Figures: recorder lines merged per second (wall clock, and per CPU second: steadier on a busy
// machine). Memory held: about 0.5 KB per line (indexer ~220 B, analysis ~290 B, measured with --expose-gc).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServerSystem, ServiceSystem } from '../core/api/systems';
import { Simulation } from '../core/engine/simulation';
import { synthesizeRecordings } from '../core/merge/testing/synth';
import { collectRecordingFiles } from '../src-main/merge/collect';
import { mergeRecordingFiles } from '../src-main/merge/merge-files';
import type { Figure } from './stats';
import { benchProject } from './topology';

type Dict = Record<string, unknown>;

/** RPC rounds per lobby/game (each answer fires the next; every 10th also broadcasts to the games). */
const ROUNDS = 200;

class EchoService extends ServiceSystem {
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.RegisterRpcMethodForMod('Echo', this.OnEcho);
  }
  OnEcho(serverId: number, callbackId: number, args: Dict): void {
    this.ResponseToServer(serverId, callbackId, { n: args.n });
    if ((args.n as number) % 10 === 0) this.BroadcastToServerByType('battle_game_server_type', 'Tick', { n: args.n });
  }
}
class Caller extends ServerSystem {
  target = 'svc_0';
  constructor(ns: string, sys: string) {
    super(ns, sys);
    this.ListenForEvent('benchNamespace', 'serviceSystem', 'Tick', this, this.OnTick);
  }
  fire(n: number): void {
    this.RequestToServiceMod(this.target, 'Echo', { n }, this.OnResult, 2);
  }
  OnResult(suc: boolean, data: Dict | null): void {
    if (suc && data && (data.n as number) < ROUNDS) this.fire((data.n as number) + 1);
  }
  OnTick(): void {}
}

export async function benchMerge(): Promise<Figure[]> {
  const sim = new Simulation(benchProject(), { seed: 7 });
  const callers: Caller[] = [];
  let i = 0;
  for (const n of sim.project.nodes) {
    if (n.kind === 'service') sim.registerSystem(n.id, EchoService, 'benchNamespace', 'serviceSystem');
    if (n.kind === 'lobby' || n.kind === 'game') {
      const c = sim.registerSystem(n.id, Caller, 'benchNamespace', 'serverSystem');
      c.target = `svc_${i++ % 10}`;
      callers.push(c);
    }
  }
  sim.runUntil(1);
  for (const c of callers) c.fire(0);
  sim.runUntil(60_000);
  const header = sim.trace.header;
  const events = sim.trace.slice(0, sim.trace.length);
  const skewMs = Object.fromEntries((header.nodes ?? []).map((n, k) => [n.id, ((k * 7919) % 4000) - 2000]));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-merge-bench-'));
  try {
    let lines = 0;
    for (const f of synthesizeRecordings(header, events, { skewMs })) {
      writeFileSync(path.join(dir, f.name), f.text);
      lines += f.text.split('\n').length - 2;
    }
    const files = await collectRecordingFiles([dir]);
    let out = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    const report = await mergeRecordingFiles(files, { name: 'bench', onHeader: () => {}, onEvents: (es) => void (out += es.length) });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (report.issueTotal !== 0) throw new Error(`bench merge reported ${report.issueTotal} issues`);
    return [
      { name: 'merge.lines', value: lines, unit: 'lines' },
      { name: 'merge.events_out', value: out, unit: 'events' },
      { name: 'merge.lines_per_s', value: Math.round((lines / ms) * 1000), unit: 'lines/s' },
      { name: 'merge.lines_per_cpu_s', value: Math.round(lines / ((used.user + used.system) / 1e6)), unit: 'lines/s' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
