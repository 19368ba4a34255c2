import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { captureIo, QUICKSTART, REPO, scratchDir } from './testing/capture-io';

/** A project whose trace is megabytes long, so output is written in many chunks. */
function bigProject(): string {
  const steps = Array.from({ length: 3000 }, (_, i) => ({ at: i, do: 'call', node: 'lobby', api: 'BroadcastToService', args: { eventName: 'Tick', eventData: { i } } }));
  return JSON.stringify({
    format: 'switchboard-project', version: 1, name: 'big',
    nodes: [
      { id: 'master', kind: 'master', serverId: 0 },
      { id: 'proxy', kind: 'proxy', serverId: 2000 },
      { id: 'lobby', kind: 'lobby', serverId: 4000, type: 'lobby' },
      { id: 'c1', kind: 'client', uid: 1, proxy: 2000, server: 4000 },
      ...[8000, 8001, 8002].map((serverId) => ({ id: `svc-${serverId}`, kind: 'service', serverId, type: `svc${serverId}`, moduleNames: [`m${serverId}`] })),
    ],
    scenarios: [{ name: 'ticks', steps }],
  });
}

function spawnCli(entry: string, args: string[], opts: { closeStdoutEarly?: boolean } = {}): Promise<{ code: number | null; out: string; err: string }> {
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (opts.closeStdoutEarly) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('main()', () => {
  it('exits 0 for --help and --version, printing to stdout', async () => {
    const io = captureIo(REPO);
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('validate <file>');
    expect(io.out()).toContain('serve [options]');
    const io2 = captureIo(REPO);
    expect(await main(['--version'], io2)).toBe(0);
    expect(io2.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 for no command and for an unknown command', async () => {
    const io = captureIo(REPO);
    expect(await main([], io)).toBe(2);
    expect(io.err()).toContain('Usage: switchboard');
    const io2 = captureIo(REPO);
    expect(await main(['frobnicate'], io2)).toBe(2);
    expect(io2.err()).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 for a bad serve port without starting anything', async () => {
    const io = captureIo(REPO);
    expect(await main(['serve', '--port', '70000', '--no-open'], io)).toBe(2);
    expect(io.err()).toContain('expected a port number');
  });

  it('exits 2 when serve is given both a project and an Apollo folder', async () => {
    const io = captureIo(REPO);
    expect(await main(['serve', '--project', QUICKSTART, '--apollo', '.', '--no-open'], io)).toBe(2);
    expect(io.err()).toContain('either --project or --apollo');
  });
});

/** run's only stderr output: its one-line summary. */
const SUMMARY = /^[\d,]+ events · [\d.]+ s virtual · [\d,]+ drops? · .*\n$/;

describe('the CLI as a process', () => {
  it('runs from src-main/cli/main.ts and from bin/switchboard.mjs, with the same bytes as in-process', async () => {
    const io = captureIo(REPO);
    await main(['run', QUICKSTART, '--seed', '3'], io);
    const direct = await spawnCli('src-main/cli/main.ts', ['run', QUICKSTART, '--seed', '3']);
    expect(direct).toMatchObject({ code: 0, err: expect.stringMatching(SUMMARY) });
    expect(direct.out).toBe(io.out());
    const viaBin = await spawnCli(path.join(REPO, 'bin/switchboard.mjs'), ['run', QUICKSTART, '--seed', '3']);
    expect(viaBin.out).toBe(io.out());
  });

  it('sets the exit code: 1 for an invalid project, 2 for bad usage', async () => {
    expect((await spawnCli('src-main/cli/main.ts', ['validate', 'package.json'])).code).toBe(1);
    expect((await spawnCli('src-main/cli/main.ts', ['run', QUICKSTART, '--seed', 'x'])).code).toBe(2);
  });

  it('streams a large trace, and stops quietly when the reader closes the pipe (`| head`)', async () => {
    const { dir, cleanup } = scratchDir({ 'big.switchboard.json': bigProject() });
    try {
      const file = path.join(dir, 'big.switchboard.json');
      const full = await spawnCli('src-main/cli/main.ts', ['run', file]);
      expect(full).toMatchObject({ code: 0, err: expect.stringMatching(SUMMARY) });
      expect(full.out.length).toBeGreaterThan(1_000_000);
      const cut = await spawnCli('src-main/cli/main.ts', ['run', file], { closeStdoutEarly: true });
      expect(cut.err).toMatch(SUMMARY); // the summary line, no error
      expect(cut.code).toBe(0);
      expect(cut.out.length).toBeLessThan(full.out.length);
    } finally {
      cleanup();
    }
  });

  it('serve with a config dir it cannot write still starts: one line on stderr, no stack trace', async () => {
    const { dir, cleanup } = scratchDir({ 'not-a-dir': '' });
    const child = spawn(process.execPath, ['bin/switchboard.mjs', 'serve', '--port', '0', '--no-open', '--project', QUICKSTART], {
      cwd: REPO,
      env: { ...process.env, SWITCHBOARD_CONFIG_DIR: path.join(dir, 'not-a-dir', 'config') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reap = setTimeout(() => child.kill('SIGKILL'), 80_000);
    try {
      let out = '';
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
      await new Promise<void>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (s: string) => {
          out += s;
          if (out.includes('\n')) resolve();
        });
        child.on('close', (code) => reject(new Error(`serve exited early (${code}): ${err}`)));
      });
      expect(out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      child.removeAllListeners('close');
      const code = await new Promise<number | null>((resolve) => {
        child.on('close', resolve);
        child.kill('SIGINT');
      });
      expect(code).toBe(0);
      expect(err).toMatch(/cannot write .*host\.log \(ENOTDIR/);
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      clearTimeout(reap);
      cleanup();
    }
  }, 90_000);

  it('serve starts the web mode through the dynamic import, prints its URL and stops on SIGINT', async () => {
    // Through the installed bin, as a user runs it.
    const child = spawn(process.execPath, ['bin/switchboard.mjs', 'serve', '--port', '0', '--no-open', '--project', QUICKSTART], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    // Never leave a server behind, whatever fails below.
    // (on a fresh clone serve builds the renderer first, which can take a while on a loaded machine)
    const reap = setTimeout(() => child.kill('SIGKILL'), 80_000);
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('close', (code) => reject(new Error(`serve exited early (${code})`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const code = await new Promise<number | null>((resolve) => {
      child.removeAllListeners('close');
      child.on('close', resolve);
      child.kill('SIGINT');
    });
    clearTimeout(reap);
    expect(code).toBe(0);
  }, 90_000);
});
