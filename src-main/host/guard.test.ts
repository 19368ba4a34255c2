// The host survives hostile input and faults: each test reproduces an attack or a fault that used
// to end the process (or lose data), and checks the host still answers afterwards.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Project } from '../../core/model/schema';
import { encodeTraceChunks } from '../../core/trace/ndjson';
import { LIMITS } from '../../core/limits';
import { createSimulation } from './simulation-factory';
import { HANDLERS } from './handlers';
import { HostLog, installProcessGuard } from './guard';
import { exited, quickstartText, REPO, spawnTs, tempDir, waitForLine } from './test-support/fixtures';
import { testHost } from './test-support/test-host';

function nested(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** A real trace of the quickstart tour with one more event whose payload is `depth` levels deep. */
function traceWithDeepPayload(depth: number): string {
  const sim = createSimulation(Project.parse(JSON.parse(quickstartText())), { seed: 1, scenario: 'tour' });
  sim.runUntil(3000);
  const text = [...encodeTraceChunks(sim.trace)].join('');
  const n = sim.trace.length;
  const last = sim.trace.get(n - 1);
  const deep = `{"seq":${n + 1},"t":${last.t},"type":"log","data":${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}}\n`;
  return text + deep;
}

async function alive(call: ReturnType<typeof testHost>['call']): Promise<void> {
  expect(await call('app.info')).toMatchObject({ ok: true, result: { mode: 'web' } });
}

afterEach(() => vi.restoreAllMocks());

describe('hostile input', () => {
  it('a trace with a payload nested 6,000 deep: the line is refused with the limit named, the stream keeps flowing', async () => {
    const { call, run, pushes } = testHost();
    const opened = await call('trace.openText', { name: 'deep.ndjson', text: traceWithDeepPayload(6000) });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const info = opened.result as { badLines: number; issues: { message: string }[]; events: number };
    expect(info.badLines).toBe(1);
    expect(info.issues[0].message).toMatch(new RegExp(`nested deeper than ${LIMITS.traceLineDepth} levels \\(the limit\\).* at \\$\\.data\\.a`));
    // The next ticks serialize the stream for the UI: this used to overflow the stack and exit.
    run(500);
    const streamed = pushes.filter((m) => m.event === 'stream.events').reduce((k, m) => k + (m.event === 'stream.events' ? m.payload.events.length : 0), 0);
    expect(streamed).toBe(info.events);
    await alive(call);
  });

  it('session.apply with args nested 1,500 deep is refused before validation, naming the limit', async () => {
    const { call } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const r = await call('session.apply', { step: { at: 0, do: 'call', node: 'client-1', api: 'NotifyToServer', args: { data: nested(1500) } } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!r.ok) expect(r.error.message).toMatch(/^session\.apply params is nested deeper than 256 levels \(the limit\).* at \$\.step\.args\.data\.a\.a/);
    await alive(call);
  });

  it('params that share or cycle (as structured clone over IPC can send) are refused', async () => {
    const { call } = testHost();
    const cyclic: Record<string, unknown> = { at: 0, do: 'call', node: 'x', api: 'NotifyToServer' };
    cyclic.args = { self: cyclic };
    expect(await call('session.apply', { step: cyclic })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await alive(call);
  });
});

describe('the guard around requests, ticks and timers', () => {
  it('a handler that fails unexpectedly: error reply, a log entry, a notice, the session paused', async () => {
    const { call, host, notices } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    await call('session.run');
    vi.spyOn(HANDLERS, 'session.nodeState').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const r = await call('session.nodeState', { id: 'client-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'failed', message: 'session.nodeState failed: Maximum call stack size exceeded' } });
    expect(host.session?.running).toBe(false);
    expect(notices().at(-1)).toMatchObject({ level: 'error', message: expect.stringMatching(/session\.nodeState failed: Maximum call stack.*The session is paused/) });
    expect(fs.readFileSync(host.log.file, 'utf8')).toMatch(/error The request session\.nodeState: RangeError: Maximum call stack size exceeded\n\s+at /);
    vi.restoreAllMocks();
    await alive(call);
  });

  it('a tick that throws: no exception escapes, the session pauses, one notice however many ticks fail', async () => {
    const { call, host, run, notices } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    await call('session.run');
    const s = host.requireSession();
    vi.spyOn(s, 'advance').mockImplementation(() => {
      throw new Error('boom in the engine');
    });
    run(100);
    expect(s.running).toBe(false);
    await call('session.run');
    run(100);
    expect(notices().filter((n) => n.message.includes('boom in the engine'))).toHaveLength(1);
    vi.restoreAllMocks();
    await call('session.run');
    run(100);
    expect(s.running).toBe(true);
  });

  it('a full disk while recording (ENOSPC in the tick): the recording stops, the UI is told, the host lives', async () => {
    const { call, host, run, notices } = testHost({ record: true });
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    await call('session.run');
    run(300);
    const s = host.requireSession();
    const file = s.recorder!.file;
    const realWrite = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (s.recorder && fd === (s.recorder as unknown as { fd: number }).fd) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    run(1000);
    expect(s.running).toBe(false);
    expect(s.recorder?.failed).toBeTruthy();
    expect(notices().at(-1)?.message).toMatch(new RegExp(`Recording to .*${path.basename(file)} failed: the disk is full \\(ENOSPC.*\\)\\. The session is paused`));
    const status = await call('session.status');
    expect(status).toMatchObject({ ok: true, result: { running: false } });
    vi.restoreAllMocks();
    // Run goes on without the recording; what was written before the fault is still a valid trace.
    await call('session.run');
    run(300);
    expect(s.running).toBe(true);
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toContain('switchboard-trace');
  });

  it('a config dir that cannot be written: the session runs without a recording, and says so', async () => {
    const blocker = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(blocker, '');
    const { call, host, notices } = testHost({ configDir: path.join(blocker, 'config'), record: true });
    expect(await call('project.openText', { name: 'q.json', text: quickstartText() })).toMatchObject({ ok: true });
    expect(host.session?.recorder).toBeNull();
    expect(notices().some((n) => /Starting the recording failed: .*ENOTDIR.*runs without one/.test(n.message))).toBe(true);
  });
});

describe('HostLog', () => {
  it('rolls over at its size limit and never throws', () => {
    const dir = tempDir();
    const log = new HostLog(path.join(dir, 'host.log'), 300);
    for (let i = 0; i < 20; i++) log.write('error', 'test', `entry ${i}`);
    expect(fs.statSync(path.join(dir, 'host.log')).size).toBeLessThanOrEqual(300);
    expect(fs.existsSync(path.join(dir, 'host.log.1'))).toBe(true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    new HostLog(path.join(dir, 'host.log', 'x', 'host.log')).write('error', 'nowhere', 'still fine');
    new HostLog(path.join(dir, 'host.log', 'x', 'host.log')).write('error', 'with a stack', 'Error: first line\n    at somewhere (file.ts:1:1)');
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toMatch(/cannot write .*logging to stderr[\s\S]*switchboard: error: nowhere: still fine\n/);
    expect(printed).toContain('switchboard: error: with a stack: Error: first line\n');
    expect(printed).not.toContain('at somewhere');
  });

  it('installProcessGuard routes uncaught errors to the host', () => {
    const failures: string[] = [];
    const proc = new EventEmitter();
    const off = installProcessGuard({ fail: (where, err) => failures.push(`${where}: ${(err as Error).message}`) }, proc as unknown as NodeJS.Process);
    proc.emit('uncaughtException', new Error('thrown in a timer'));
    proc.emit('unhandledRejection', new Error('nobody awaited'));
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    off();
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0);
    expect(failures).toEqual(['uncaught exception: thrown in a timer', 'unhandled promise rejection: nobody awaited']);
  });
});

describe('a host process with the process guard', () => {
  it('survives a throw in a timer and an unhandled rejection, logging both', async () => {
    const configDir = tempDir();
    const child = spawnTs(path.join(REPO, 'src-main/host/test-support/fault-child.ts'), [configDir]);
    try {
      await waitForLine(child, /survived\n/);
      const log = fs.readFileSync(path.join(configDir, 'host.log'), 'utf8');
      expect(log).toMatch(/uncaught exception: Error: thrown in a timer/);
      expect(log).toMatch(/unhandled promise rejection: Error: rejected, nobody awaited/);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
  });
});
