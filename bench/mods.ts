// Python mods through the runtime: the shop sample (fixtures/apollo/samples/shop) booted with many
// players, client mods on, so every player's join, wallet RPC, purchase, storage callbacks and
// client handlers run real Python. Figure: Python handler invocations per wall-clock second of the
// run (processes already started), median of rounds.
import fs from 'node:fs';
import path from 'node:path';
import { Simulation } from '../core/engine/simulation';
import { Project } from '../core/model/schema';
import { modChannel } from '../src-main/mods/channel';
import { PythonModHost, runnerEnv } from '../src-main/mods/python-host';
import { median, type Figure } from './stats';

// scripts/bench.mjs runs the bundle from the repository root.
const SHOP = path.resolve('fixtures/apollo/samples/shop');
const PLAYERS = 200;
const ROUNDS = 3;

/** The imported shop project with PLAYERS players logging in 20 ms apart. */
function shopProject(): Project {
  const p = Project.parse(JSON.parse(fs.readFileSync(path.join(SHOP, 'shop.switchboard.json'), 'utf8')));
  const proxies = p.nodes.filter((n) => n.kind === 'proxy').map((n) => n.serverId as number);
  const nodes = p.nodes.filter((n) => n.kind !== 'client');
  const boot = p.scenarios.find((s) => s.name === 'boot')!;
  const starts = boot.steps.filter((s) => s.do !== 'login');
  const lastStart = Math.max(...starts.map((s) => s.at));
  const logins = [];
  for (let i = 0; i < PLAYERS; i++) {
    nodes.push({ id: `bench-client-${i}`, kind: 'client', uid: 900000 + i, proxy: proxies[i % proxies.length], systems: [] });
    logins.push({ at: lastStart + 500 + i * 20, do: 'login' as const, client: `bench-client-${i}` });
  }
  return { ...p, options: { ...p.options, clientMods: true }, nodes, scenarios: [{ ...boot, durationMs: lastStart + 500 + PLAYERS * 20 + 5000, steps: [...starts, ...logins] }] };
}

/** The floor under every Python call: a line to a Python process and back, nothing run (same run, same machine). */
function roundTripsPerSecond(command: string, args: string[]): number {
  const channel = modChannel();
  const echo = 'import os\nbuf = ""\nwhile True:\n    d = os.read(0, 65536)\n    if not d: break\n    buf += d\n    while "\\n" in buf:\n        line, buf = buf.split("\\n", 1)\n        os.write(1, line + "\\n")\n';
  const id = channel.spawn({ cmd: command, args: [...args, '-c', echo], cwd: process.cwd(), env: runnerEnv() });
  const line = '{"op":"invoke","node":"lobby-4000","now":1250,"h":7,"args":[{"uid":100001,"item":"sword","__id__":"400000001"}]}';
  channel.send(id, line);
  channel.next(id, 30_000);
  const n = 5000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    channel.send(id, line);
    if (channel.next(id, 10_000)?.kind !== 'line') throw new Error('bench mods: the echo process stopped answering');
  }
  const ms = performance.now() - t0;
  channel.kill(id, true);
  return n / (ms / 1000);
}

export function benchMods(): Figure[] {
  const project = shopProject();
  const host = new PythonModHost({ projectDir: SHOP });
  if (!host.python.ok) throw new Error(`bench mods: ${host.python.message}`);
  const rates: number[] = [];
  const floors: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    floors.push(roundTripsPerSecond(host.python.command, host.python.args));
    const sim = new Simulation(project, { mods: host, scenario: 'boot', seed: r + 1 });
    const t0 = performance.now();
    sim.runScenario();
    const ms = performance.now() - t0;
    const calls = sim.mods?.invocations ?? 0;
    sim.close();
    if (calls < PLAYERS * 5) throw new Error(`bench mods: only ${calls} Python handler calls ran; the shop sample is broken`);
    rates.push(calls / (ms / 1000));
  }
  const calls = median(rates);
  const floor = median(floors);
  return [
    { name: 'mods.handler_calls_per_s', value: Math.round(calls), unit: 'calls/s' },
    { name: 'mods.roundtrips_per_s', value: Math.round(floor), unit: 'roundtrips/s' },
    { name: 'mods.handler_calls_vs_roundtrip', value: Math.round((calls / floor) * 100) / 100, unit: 'ratio' },
  ];
}
