// Find a CPython 2.7 the way a user's machine offers one: an explicit setting, then PATH
// (python2.7, python2, python), then pyenv's versions, then the Windows `py -2.7` launcher and the
// usual install folders. Each candidate is run once to read its real version: pyenv shims and
// Windows store aliases exist on PATH and fail when run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PythonFound {
  ok: true;
  /** Executable, and the arguments that select 2.7 (`py -2.7`). */
  command: string;
  args: string[];
  version: string;
  /** How it was found, for messages ("--python", "PATH", "pyenv", ...). */
  source: string;
}

export interface PythonMissing {
  ok: false;
  message: string;
  tried: string[];
}

export interface FindPythonOptions {
  /** A path from the user (--python, settings); tried first and alone when it works. */
  explicit?: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

interface Candidate {
  command: string;
  args: string[];
  source: string;
}

const VERSION_PROBE = "import sys; sys.stdout.write('%d.%d.%d' % sys.version_info[:3])";

function probe(c: Candidate, env: NodeJS.ProcessEnv): string | null {
  const r = spawnSync(c.command, [...c.args, '-c', VERSION_PROBE], { env, encoding: 'utf8', timeout: 10_000, windowsHide: true });
  if (r.status !== 0 || typeof r.stdout !== 'string') return null;
  const v = r.stdout.trim();
  return /^\d+\.\d+\.\d+$/.test(v) ? v : null;
}

function pathDirs(env: NodeJS.ProcessEnv): string[] {
  return (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
}

function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const exts = platform === 'win32' ? ['.exe', ''] : [''];
  const found: string[] = [];
  for (const dir of pathDirs(env)) {
    for (const ext of exts) {
      const p = path.join(dir, name + ext);
      try {
        if (fs.statSync(p).isFile()) found.push(p);
      } catch {
        // not here
      }
    }
  }
  return found;
}

function pyenvPythons(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const roots = [env.PYENV_ROOT, env.PYENV, path.join(env.HOME ?? os.homedir(), '.pyenv'), path.join(os.homedir(), '.pyenv', 'pyenv-win')].filter((r): r is string => !!r);
  const out: string[] = [];
  for (const root of roots) {
    let versions: string[];
    try {
      versions = fs.readdirSync(path.join(root, 'versions'));
    } catch {
      continue;
    }
    // Newest 2.7 first: 2.7.18 before 2.7.9.
    const v27 = versions.filter((v) => /^2\.7(\.\d+)?$/.test(v)).sort((a, b) => Number(b.split('.')[2] ?? 0) - Number(a.split('.')[2] ?? 0));
    for (const v of v27) {
      out.push(platform === 'win32' ? path.join(root, 'versions', v, 'python.exe') : path.join(root, 'versions', v, 'bin', 'python2.7'));
    }
  }
  return out;
}

function candidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Candidate[] {
  const list: Candidate[] = [];
  for (const name of ['python2.7', 'python2', 'python']) for (const p of onPath(name, env, platform)) list.push({ command: p, args: [], source: 'PATH' });
  for (const p of pyenvPythons(env, platform)) list.push({ command: p, args: [], source: 'pyenv' });
  if (platform === 'win32') {
    for (const p of onPath('py', env, platform)) list.push({ command: p, args: ['-2.7'], source: 'the py launcher' });
    for (const drive of ['C:\\', 'D:\\']) list.push({ command: path.win32.join(drive, 'Python27', 'python.exe'), args: [], source: 'C:\\Python27' });
  }
  return list;
}

const INSTALL_HINT =
  'Apollo mods are Python 2.7: install CPython 2.7.18 (pyenv: `pyenv install 2.7.18`; Windows: the python.org 2.7.18 installer, or `py -2.7` from it) ' +
  'or point Switchboard at one: --python PATH, the SWITCHBOARD_PYTHON environment variable, or (desktop app) Choose… on the Log panel\'s Python line.';

/** A Python 2.7, or a message saying what to install. Runs each candidate once (≈20 ms each). */
export function findPython(opts: FindPythonOptions = {}): PythonFound | PythonMissing {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const tried: string[] = [];
  const explicit = opts.explicit ?? env.SWITCHBOARD_PYTHON ?? null;
  const list: Candidate[] = explicit ? [{ command: explicit, args: [], source: opts.explicit ? '--python' : 'SWITCHBOARD_PYTHON' }] : candidates(env, platform);
  const seen = new Set<string>();
  for (const c of list) {
    const key = [c.command, ...c.args].join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const version = probe(c, env);
    tried.push(version ? `${key} (Python ${version})` : `${key} (does not run)`);
    if (version && version.startsWith('2.7.')) return { ok: true, command: c.command, args: c.args, version, source: c.source };
  }
  const where = explicit ? `${explicit} is not a working Python 2.7` : 'No Python 2.7 was found';
  return { ok: false, message: `${where}. ${INSTALL_HINT}`, tried };
}

let cached: { key: string; result: PythonFound | PythonMissing } | null = null;

/** Look again on the next findPythonCached (the user installed or chose a Python). */
export function forgetFoundPython(): void {
  cached = null;
}

/** findPython, remembered for the process until forgotten (probing runs each candidate). */
export function findPythonCached(explicit?: string | null): PythonFound | PythonMissing {
  const key = explicit ?? process.env.SWITCHBOARD_PYTHON ?? '';
  if (!cached || cached.key !== key) cached = { key, result: findPython({ explicit }) };
  return cached.result;
}
