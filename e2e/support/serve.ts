// Starts `switchboard serve` (the real CLI entry) as a child process on a free port, with a
// throw-away config dir, and returns the URL it prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const QUICKSTART = path.join(REPO, 'fixtures/projects/quickstart.switchboard.json');

export interface Served {
  url: string;
  origin: string;
  child: ChildProcess;
  configDir: string;
  stop(): Promise<void>;
}

export function waitForUrl(child: ChildProcess, timeoutMs = 30000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before printing a URL; stderr: ${err}`));
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function serve(args: string[] = ['--project', QUICKSTART]): Promise<Served> {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-config-'));
  const child = spawn(process.execPath, [path.join(REPO, 'bin/switchboard.mjs'), 'serve', '--port', '0', '--no-open', ...args], {
    cwd: REPO,
    env: { ...process.env, SWITCHBOARD_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  const stop = async () => {
    await stopChild(child);
    fs.rmSync(configDir, { recursive: true, force: true });
  };
  return { url, origin: new URL(url).origin, child, configDir, stop };
}
