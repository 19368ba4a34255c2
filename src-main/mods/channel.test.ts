// The blocking channel to child processes, with a real Python 2.7 echo: round trips, many
// processes at once, lines far bigger than the shared frame, deaths and hangs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ModChannel } from './channel';
import { runnerEnv } from './python-host';
import { pythonForTests } from './testing/python';

const py = pythonForTests();
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ECHO = [
  'import os, sys',
  'buf = ""',
  'while True:',
  '    d = os.read(0, 65536)',
  '    if not d: break',
  '    buf += d',
  '    while "\\n" in buf:',
  '        line, buf = buf.split("\\n", 1)',
  '        if line == "die": sys.exit(3)',
  '        if line == "hang":',
  '            while True: pass',
  '        if line == "err": sys.stderr.write("boom\\n")',
  '        os.write(1, line + "\\n")',
].join('\n');

const channel = new ModChannel();
const spawned: number[] = [];
function echo(): number {
  const id = channel.spawn({ cmd: py.command, args: [...py.args, '-c', ECHO], cwd: process.cwd(), env: runnerEnv() });
  spawned.push(id);
  return id;
}
afterAll(() => spawned.forEach((id) => channel.kill(id, true)));

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The OS no longer has process `pid` (signal 0 only asks). */
function exited(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('mod channel', () => {
  it('answers in order, and keeps each process its own lines', () => {
    const a = echo();
    const b = echo();
    for (let i = 0; i < 200; i++) {
      channel.send(a, `{"a":${i}}`);
      channel.send(b, `{"b":${i}}`);
    }
    for (let i = 0; i < 200; i++) {
      expect(channel.next(b, 5000)).toEqual({ kind: 'line', text: `{"b":${i}}` });
      expect(channel.next(a, 5000)).toEqual({ kind: 'line', text: `{"a":${i}}` });
    }
  });

  it('carries a line much bigger than a shared frame, intact', () => {
    const id = echo();
    const big = `"${'é'.repeat(3_000_000)}x"`;
    channel.send(id, big);
    const got = channel.next(id, 20_000);
    expect(got?.kind).toBe('line');
    expect(got && got.kind === 'line' && got.text).toBe(big);
  });

  it('reports stderr lines and a process exit with its code', () => {
    const id = echo();
    channel.send(id, 'err');
    expect(channel.next(id, 5000)).toEqual({ kind: 'stderr', text: 'boom' });
    expect(channel.next(id, 5000)).toEqual({ kind: 'line', text: 'err' });
    channel.send(id, 'die');
    const end = channel.next(id, 5000);
    expect(end).toMatchObject({ kind: 'exit' });
    expect(end && end.kind === 'exit' && end.message).toContain('code 3');
  });

  it('gives up on a hung process after the timeout, without blocking longer', () => {
    const id = echo();
    channel.send(id, 'hang');
    const t = performance.now();
    expect(channel.next(id, 300)).toBeNull();
    expect(performance.now() - t).toBeLessThan(2000);
    channel.kill(id, true);
    expect(channel.next(id, 100)).toEqual({ kind: 'exit', message: 'the process was stopped' });
  });

  it('a hung process that is stopped is really gone (a busy loop ignores end of input)', async () => {
    const id = channel.spawn({ cmd: py.command, args: [...py.args, '-c', 'import os, sys\nos.write(1, "%d\\n" % os.getpid())\nsys.stdin.readline()\nwhile True: pass'], cwd: process.cwd(), env: runnerEnv() });
    const first = channel.next(id, 5000);
    const pid = Number(first && first.kind === 'line' ? first.text : NaN);
    expect(Number.isInteger(pid)).toBe(true);
    channel.send(id, 'hang');
    expect(channel.next(id, 200)).toBeNull();
    channel.kill(id, true);
    await until(() => exited(pid));
    await until(() => !channel.childPids.includes(pid));
  });

  it('a host that exits leaves no mod process behind', async () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'testing', 'leave-hung-child.ts')], { encoding: 'utf8', timeout: 60_000 });
    const pid = Number(r.stdout.trim());
    expect(Number.isInteger(pid)).toBe(true);
    await until(() => exited(pid));
  });

  it('a command that cannot start is an exit, not a hang', () => {
    const id = channel.spawn({ cmd: '/nonexistent/python2.7', args: [], cwd: process.cwd(), env: runnerEnv() });
    const end = channel.next(id, 5000);
    expect(end).toMatchObject({ kind: 'exit' });
    expect(end && end.kind === 'exit' && end.message).toContain('ENOENT');
  });
});
