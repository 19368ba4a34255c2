// Shared by host tests: temp dirs, the quickstart project, running a TypeScript child via tsx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const QUICKSTART = path.join(REPO, 'fixtures/projects/quickstart.switchboard.json');

const made: string[] = [];
// Vitest loads this module once per test file: the dirs a file made go when its tests are done.
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temp dir, removed after the test file's tests (tests leave no litter in /tmp). */
export function tempDir(prefix = 'sb-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function quickstartText(): string {
  return fs.readFileSync(QUICKSTART, 'utf8');
}

/** Run a .ts file in a child Node with tsx's loader. */
export function spawnTs(script: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolve with the first stdout line matching `re` (rejects on exit or timeout). */
export function waitForLine(child: ChildProcess, re: RegExp, timeoutMs = 20000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${re}; stderr: ${err}`)), timeoutMs);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = buf.match(re);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before ${re}; stderr: ${err}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
