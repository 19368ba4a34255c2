import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { API_NAMES } from '../../../core/api/interfaces';
import { readTrace } from '../../../core/trace/ndjson-reader';
import { main } from '../main';
import { captureIo, QUICKSTART, REPO, scratchDir } from '../testing/capture-io';
import { parseSeed } from './run';

const { dir, cleanup } = scratchDir({ 'bad.switchboard.json': '{"format":"switchboard-project","version":1}' });
afterAll(cleanup);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir);
  const code = await main(['run', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('switchboard run', () => {
  it('writes the quickstart trace to stdout: a header, then valid events with every documented interface', async () => {
    const { code, out, err } = await run([QUICKSTART]);
    expect(err).toBe(`173 events · 9.0 s virtual · 1 drop · 1 timeout · 4 problems (switchboard check ${QUICKSTART} lists them)\n`);
    expect(code).toBe(0);
    const trace = readTrace(out);
    expect(trace.errors).toEqual([]);
    expect(trace.truncated).toBe(false);
    expect(trace.header).toMatchObject({ format: 'switchboard-trace', project: 'Quickstart', seed: 1, scenario: 'tour' });
    const apis = new Set(trace.events.map((e) => e.api));
    expect(API_NAMES.filter((a) => !apis.has(a))).toEqual([]);
  });

  it('same file + scenario + seed ⇒ the same bytes; another seed or scenario ⇒ another trace', async () => {
    const a = await run([QUICKSTART, '--scenario', 'tour', '--seed', '42']);
    const b = await run([QUICKSTART, '--seed', '42', '--scenario', 'tour']);
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect((await run([QUICKSTART, '--scenario', 'tour', '--seed', '43'])).out).not.toBe(a.out);
    const timeout = await run([QUICKSTART, '--scenario', 'rpc-timeout', '--seed', '42']);
    expect(readTrace(timeout.out).header?.scenario).toBe('rpc-timeout');
  });

  it('property: for any seed and scenario, two runs give byte-identical traces', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom('tour', 'rpc-timeout'), async (seed, scenario) => {
      const args = [QUICKSTART, '--seed', String(seed), '--scenario', scenario];
      const [a, b] = [await run(args), await run(args)];
      expect(a.code).toBe(0);
      expect(b.out).toBe(a.out);
    }), { numRuns: 8 });
  });

  it('--out writes the same bytes to a file, atomically (no temp file left behind)', async () => {
    const stdout = (await run([QUICKSTART, '--seed', '5'])).out;
    const { code, out } = await run([QUICKSTART, '--seed', '5', '--out', 'sub.ndjson']);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(readFileSync(path.join(dir, 'sub.ndjson'), 'utf8')).toBe(stdout);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--no-trace writes one line of counts: the same counts by type as the recorded trace, no events', async () => {
    const traced = readTrace((await run([QUICKSTART, '--seed', '3'])).out);
    const { code, out, err } = await run([QUICKSTART, '--seed', '3', '--no-trace']);
    expect(err).toMatch(/^[\d,]+ events · [\d.]+ s virtual · [\d,]+ drops? · problems not analysed \(no trace kept\)\n$/);
    expect(code).toBe(0);
    expect(out.split('\n')).toHaveLength(2);
    const counts = JSON.parse(out) as { project: string; scenario: string; seed: number; events: number; byType: Record<string, number>; virtualMs: number };
    expect(counts).toMatchObject({ project: 'Quickstart', scenario: 'tour', seed: 3, events: traced.events.length });
    const byType: Record<string, number> = {};
    for (const e of traced.events) byType[e.type] = (byType[e.type] ?? 0) + 1;
    expect(counts.byType).toEqual(byType);
    expect(counts.virtualMs).toBeGreaterThan(0);
  });

  it('fails cleanly when --out cannot be written, leaving nothing behind', async () => {
    const { code, err } = await run([QUICKSTART, '--out', 'no-such-dir/t.ndjson']);
    expect(code).toBe(1);
    expect(err).toMatch(/^switchboard: cannot write .*no-such-dir\/t\.ndjson: /);
    expect(existsSync(path.join(dir, 'no-such-dir'))).toBe(false);
  });

  it('exits 1 on an invalid project or an unknown scenario, with a clear message', async () => {
    const bad = await run(['bad.switchboard.json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.switchboard.json:1:1: $.name: missing required field "name"');
    expect(bad.out).toBe('');
    const unknown = await run([QUICKSTART, '--scenario', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no scenario named "nope" (scenarios: "tour", "rpc-timeout")');
  });

  it('exits 2 on bad usage: a seed that is not a 32-bit unsigned integer, an unknown option', async () => {
    for (const seed of ['x', '1.5', '-1', '4294967296', '']) {
      const r = await run([QUICKSTART, '--seed', seed]);
      expect(r.code, `--seed ${seed}`).toBe(2);
      expect(r.out).toBe('');
    }
    expect((await run([QUICKSTART, '--sed', '1'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});

describe('parseSeed', () => {
  it('takes 0..2^32-1 written as digits', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(() => parseSeed('1e3')).toThrow(/integer from 0 to 4294967295/);
  });
});

describe('switchboard run on a project with Python mods', () => {
  const ARENA = path.resolve('fixtures/apollo/samples/arena/arena.switchboard.json');

  it('runs the mods unmodified, says whose code runs, and gives the same bytes for the same seed', async () => {
    const a = await run([ARENA, '--seed', '7']);
    expect(a.code).toBe(0);
    expect(a.err).toMatch(/^switchboard: running the project's Python mods with .*python.* \(Python 2\.7\.\d+\); they are your code and run with your rights\n/);
    const trace = readTrace(a.out);
    expect(trace.errors).toEqual([]);
    const prints = trace.events.filter((e) => e.type === 'log' && e.detail === 'print').map((e) => `${e.to}: ${String(e.data)}`);
    expect(prints.filter((p) => /^game-500[01]: arena 500[01] got 1000\d\d from 4000$/.test(p))).toHaveLength(4);
    expect(trace.events.filter((e) => e.type === 'error')).toEqual([]);
    expect((await run([ARENA, '--seed', '7'])).out).toBe(a.out);
  });

  it('without a Python 2.7 says what to install, and still writes the trace with each mod node named', async () => {
    const r = await run([ARENA, '--python', path.join(dir, 'no-python2.7')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('no-python2.7 is not a working Python 2.7. Apollo mods are Python 2.7: install CPython 2.7.18');
    const errors = readTrace(r.out).events.filter((e) => e.type === 'error').map((e) => e.to);
    expect(new Set(errors)).toEqual(new Set(['master', 'lobby-4000', 'game-5000', 'game-5001', 'service-8000']));
  });
});

describe('switchboard run: bounds', () => {
  const LIVELOCK = path.join(REPO, 'fixtures/hostile/livelock.switchboard.json');

  it('a livelocking project ends (it used to run forever): the trace ends with the livelock error, stderr names the cycle, exit 1', async () => {
    const { code, out, err } = await run([LIVELOCK, '--max-events', '400000']);
    expect(code).toBe(1);
    expect(err).toMatch(/\nswitchboard: .*livelock\.switchboard\.json: the run stopped as a livelock: 100000 messages and timers at t=5 ms .*the cycle master -Ping-> service-8000 -Pong-> master repeats \(the trace ends with it, seq 300001\)\n$/);
    const last = JSON.parse(out.trimEnd().split('\n').at(-1) as string);
    expect(last).toMatchObject({ seq: 300001, type: 'error', reason: 'livelock' });
  }, 60_000);

  it('--max-events N writes the first N events and says where it stopped', async () => {
    const { code, out, err } = await run([LIVELOCK, '--max-events', '10']);
    expect(code).toBe(0);
    const trace = readTrace(out);
    expect(trace.errors).toEqual([]);
    expect(trace.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(err).toMatch(/stopped at t=5 ms after 10 events \(--max-events\)/);
  });

  it('--until MS runs to that virtual time instead of the scenario end', async () => {
    const { code, out } = await run([QUICKSTART, '--until', '300']);
    expect(code).toBe(0);
    const trace = readTrace(out);
    expect(trace.events.length).toBeGreaterThan(0);
    expect(Math.max(...trace.events.map((e) => e.t))).toBeLessThanOrEqual(300);
    const full = readTrace((await run([QUICKSTART])).out);
    expect(full.events.length).toBeGreaterThan(trace.events.length);
  });

  it('refuses bounds that are not numbers', async () => {
    expect((await run([QUICKSTART, '--max-events', '0'])).code).toBe(2);
    expect((await run([QUICKSTART, '--until', '-5'])).code).toBe(2);
  });
});
