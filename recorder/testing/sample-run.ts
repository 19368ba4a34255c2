// A multi-server sample project (fixtures/apollo/samples) run on Python 2.7 in the mod runtime,
// plain or with the recorder mod listed first on every server, and the per-server files the
// recorder wrote. Shared by the proof test (recorder/proof.test.ts) and the browser test of
// Open recording… (e2e/recording.e2e.ts). Needs Python 2.7 (SWITCHBOARD_PYTHON).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../../core/engine/simulation';
import type { Run } from '../../core/merge/testing/engine-runs';
import { Project } from '../../core/model/schema';
import { PythonModHost } from '../../src-main/mods/python-host';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SAMPLES = path.resolve(HERE, '../../fixtures/apollo/samples');
const RECORDER = path.resolve(HERE, '../switchboardRecorder');
export const RECORDED_KINDS = new Set(['lobby', 'game', 'master', 'service']);

export function loadProject(dir: string, name: string): Project {
  return Project.parse(JSON.parse(fs.readFileSync(path.join(dir, `${name}.switchboard.json`), 'utf8')));
}

/** The project's `boot` scenario, seed 1, with its mods; `logs`: each node's prints. */
export function runSample(project: Project, dir: string): Run & { logs: Record<string, string[]> } {
  const sim = new Simulation(project, { scenario: 'boot', seed: 1, mods: new PythonModHost({ projectDir: dir }) });
  try {
    sim.runScenario();
  } finally {
    sim.close();
  }
  const events = sim.trace.slice(0);
  const logs: Record<string, string[]> = {};
  for (const e of events) if (e.type === 'log' && e.to !== undefined) (logs[e.to] ??= []).push(`${e.detail}: ${String(e.data)}`);
  return { header: sim.trace.header, events, logs };
}

/** The sample copied under `tmp`, with the recorder mod beside its mods and listed first on every server. */
export function withRecorder(name: string, tmp: string): { dir: string; project: Project } {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(SAMPLES, name), dir, { recursive: true });
  fs.cpSync(RECORDER, path.join(dir, 'switchboardRecorder'), { recursive: true });
  const project = loadProject(dir, name);
  for (const n of project.nodes) if (RECORDED_KINDS.has(n.kind) && n.mods?.length) n.mods = ['switchboardRecorder', ...n.mods];
  return { dir, project };
}

/** The files the recorder wrote in a run of `dir` (sorted by name). */
export function recordings(dir: string): { name: string; text: string }[] {
  const rec = path.join(dir, 'switchboard-recordings');
  return fs.readdirSync(rec).sort().map((name) => ({ name, text: fs.readFileSync(path.join(rec, name), 'utf8') }));
}

/** Runs the sample with the recorder: the engine's run and the recorder's files. */
export function recordSample(name: string, tmp: string): { run: Run & { logs: Record<string, string[]> }; project: Project; files: { name: string; text: string }[] } {
  const { dir, project } = withRecorder(name, tmp);
  const run = runSample(project, dir);
  return { run, project, files: recordings(dir) };
}
