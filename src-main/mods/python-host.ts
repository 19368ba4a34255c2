// The mod runtime host over real CPython 2.7 processes (core/mods/types.ts ModRuntimeHost): mod
// folders resolved on disk, one runner process per simulated server, Python found once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project } from '../../core/model/schema';
import type { ModRuntimeHost } from '../../core/mods/types';
import { modChannel } from './channel';
import { findPythonCached, type PythonFound, type PythonMissing } from './find-python';
import { findSqlScripts, resolveClientMods, resolveServerMods } from './mod-folders';
import { PythonProcess } from './python-process';

export interface PythonHostOptions {
  /** Folder the project's relative mod paths start from (the project file's folder). */
  projectDir: string;
  /** A Python 2.7 the user named (--python, settings); else found on the machine. */
  python?: string | null;
  /** Wall-clock ms one piece of mod code may run before its process is stopped. */
  timeoutMs?: number;
}

export const DEFAULT_MOD_TIMEOUT_MS = 10_000;

const RUNNER = path.join('python', 'runner', 'switchboard_runner.py');

/** python/runner/switchboard_runner.py: beside the sources (tsx, tests) or the bundle (out/main). */
export function runnerPath(): string {
  if (process.env.SWITCHBOARD_RUNNER) return process.env.SWITCHBOARD_RUNNER;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, RUNNER);
    if (fs.existsSync(p)) return p;
    dir = path.dirname(dir);
  }
  return path.resolve(RUNNER);
}

/** The environment every runner gets: deterministic hashing and time zone, no stray Python paths. */
export function runnerEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, PYTHONHASHSEED: '0', TZ: 'UTC', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' };
  for (const k of ['PYTHONHOME', 'PYTHONPATH', 'PYTHONSTARTUP', 'PYTHONINSPECT', 'PYTHONUNBUFFERED']) delete env[k];
  return env;
}

export class PythonModHost implements ModRuntimeHost {
  readonly python: PythonFound | PythonMissing;

  constructor(private readonly opts: PythonHostOptions) {
    this.python = findPythonCached(opts.python);
  }

  serverMods(node: { mods?: string[] }) {
    return resolveServerMods(this.opts.projectDir, node.mods ?? []);
  }

  clientMods(project: Project) {
    const folders = project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game').flatMap((n) => n.mods ?? []);
    return resolveClientMods(this.opts.projectDir, [...new Set(folders)]);
  }

  sqlScripts(project: Project) {
    return findSqlScripts(this.opts.projectDir, [...new Set(project.nodes.flatMap((n) => n.mods ?? []))]);
  }

  start(label: string): PythonProcess | { error: string } {
    const py = this.python;
    if (!py.ok) return { error: py.message };
    return new PythonProcess(
      modChannel(),
      { cmd: py.command, args: [...py.args, '-B', runnerPath()], cwd: this.opts.projectDir, env: runnerEnv() },
      label,
      { timeoutMs: this.opts.timeoutMs ?? DEFAULT_MOD_TIMEOUT_MS },
    );
  }
}
