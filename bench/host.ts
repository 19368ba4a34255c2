// The host under a live run that never stops: the bench topology (2,000 clients pinging their
// lobby/game) driven by the real host tick (wall clock, 12 ms budget a tick) at full speed, with
// the recording on and one UI client acking every batch, until 10 M events were made. Reports the
// process RSS then (after a GC), in a fresh child process so earlier benches do not count.
// Aim: under 600 MB (issue 11). `npm run bench host` runs it alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClientSystem, ServerSystem } from '../core/api/systems';
import { Simulation } from '../core/engine/simulation';
import type { SimulationApi } from '../core/engine/types';
import { Host } from '../src-main/host/host';
import type { Figure } from './stats';
import { benchProject } from './topology';

type Dict = Record<string, unknown>;
const TARGET = 10_000_000;

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

/** Sessions of the bench host run the ping systems on every node, every client pinging from t=1. */
function pingingSimulation(): SimulationApi {
  const sim = new Simulation(benchProject(), { seed: 7 });
  const clients: PingClient[] = [];
  for (const n of sim.project.nodes) {
    if (n.kind === 'client') clients.push(sim.registerSystem(n.id, PingClient, 'benchNamespace', 'clientSystem'));
    if (n.kind === 'lobby' || n.kind === 'game') sim.registerSystem(n.id, PongServer, 'benchNamespace', 'serverSystem');
  }
  sim.runUntil(1);
  for (const c of clients) c.NotifyToServer('Ping', { n: 0 });
  return sim;
}

/** In the child: run the host to TARGET events; print one JSON line. */
export async function benchHostChild(): Promise<void> {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-host-'));
  try {
    const host = new Host({ mode: 'web', version: 'bench', configDir, createSimulation: () => pingingSimulation(), record: true });
    const client = host.attach({
      send: (m) => {
        if (m.event === 'stream.events') host.streamerOf(client.id).ack(m.payload.streamId, m.payload.from + m.payload.events.length);
      },
    });
    await host.newDocument();
    const s = host.requireSession();
    s.setSpeed(10_000);
    s.run();
    const t0 = performance.now();
    host.start();
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (s.sim.trace.total >= TARGET) {
          clearInterval(poll);
          resolve();
        }
      }, 200);
    });
    s.pause();
    const seconds = (performance.now() - t0) / 1000;
    (globalThis as { gc?: () => void }).gc?.();
    const rss = process.memoryUsage().rss / 1024 / 1024;
    const recordingMb = (s.recorder?.bytesWritten ?? 0) / 1024 / 1024;
    process.stdout.write(`${JSON.stringify({ rss, seconds, events: s.sim.trace.total, kept: s.sim.trace.length - s.sim.trace.first, recordingMb })}\n`);
    await host.close();
  } finally {
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

export function benchHost(): Figure[] {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', self, 'host-child'], { encoding: 'utf8', timeout: 30 * 60_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`host bench child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const m = JSON.parse(line) as { rss: number; seconds: number; events: number; kept: number; recordingMb: number };
  return [
    { name: 'host.rss_mb_after_10m_events', value: Math.round(m.rss), unit: 'MB' },
    { name: 'host.live_10m_events_s', value: Math.round(m.seconds), unit: 's' },
    { name: 'host.kept_events_after_10m', value: m.kept, unit: 'events' },
    { name: 'host.recording_mb_after_10m_events', value: Math.round(m.recordingMb), unit: 'MB' },
  ];
}
