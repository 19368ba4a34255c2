#!/usr/bin/env node
// `npm start`: build what is stale, then open the quickstart project — in Electron when its binary
// is installed, otherwise in web mode (prints the URL, opens a browser when one is available).
// Options: --web (web mode even with Electron), --no-open, --port N, --project FILE, --apollo DIR, --python PATH
// (import an Apollo project: the folder holding deploy.json).
/* global process, console */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['core', 'src-main', 'src-renderer', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];
const OUTPUTS = ['out/main/index.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function buildIsStale() {
  const outs = OUTPUTS.map((o) => newestMtime(path.join(ROOT, o)));
  if (outs.some((t) => t === 0)) return true;
  const newestInput = Math.max(...INPUTS.map((i) => newestMtime(path.join(ROOT, i))));
  return newestInput > Math.min(...outs);
}

/** The Electron binary's path when it is really installed (require('electron') throws otherwise). */
function electronBinary() {
  try {
    const p = createRequire(import.meta.url)('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function parseArgs(argv) {
  const opts = { web: false, open: true, port: '0', project: path.join(ROOT, 'fixtures/projects/quickstart.switchboard.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--web') opts.web = true;
    else if (a === '--no-open') opts.open = false;
    else if (a === '--port') opts.port = argv[++i];
    else if (a === '--project') opts.project = path.resolve(argv[++i]);
    else if (a === '--apollo') opts.apollo = path.resolve(argv[++i]);
    // The Python 2.7 for mods, for Electron and web mode alike (src-main/mods/find-python.ts reads it).
    else if (a === '--python') process.env.SWITCHBOARD_PYTHON = path.resolve(argv[++i]);
    else {
      console.error(`start: unknown option ${a} (known: --web --no-open --port N --project FILE --apollo DIR --python PATH)`);
      process.exit(2);
    }
  }
  return opts;
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const opts = parseArgs(process.argv.slice(2));
if (buildIsStale()) {
  console.error('start: building (npm run build)…');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('start: the build failed (see above).');
    process.exit(r.status ?? 1);
  }
}

const electron = opts.web ? null : electronBinary();
const open = opts.apollo ? ['--apollo', opts.apollo] : ['--project', opts.project];
if (electron) {
  run(electron, ['.', ...open]);
} else {
  if (!opts.web) console.error('start: the Electron binary is not installed; starting web mode instead.');
  run(process.execPath, [path.join(ROOT, 'bin/switchboard.mjs'), 'serve', '--port', opts.port, ...open, ...(opts.open ? [] : ['--no-open'])]);
}
