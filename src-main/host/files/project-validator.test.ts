// Big projects are validated in a worker thread: the host keeps answering meanwhile, the answers
// are the ones inline validation gives, a worker that cannot start means inline validation, and a
// worker that dies fails only its own request.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PUSHES } from '../../../core/contract/pushes';
import type { Reply } from '../../../core/contract';
import { bigProjectText } from '../test-support/big-project';
import { quickstartText, tempDir } from '../test-support/fixtures';
import { testHost } from '../test-support/test-host';
import type { HostOptions } from '../host';
import { VALIDATOR_DEFAULTS } from './project-validator';

const MiB = 1024 * 1024;
/** About 1 s of validation on this machine (4 MB ≈ 1 s), well over the worker threshold. */
const BIG = bigProjectText(3 * MiB);
/** Over the worker threshold, quicker to check many times. */
const MID = bigProjectText(512 * 1024);
const workers = (name: string) => new URL(`../test-support/workers/${name}`, import.meta.url);

const hosts: ReturnType<typeof testHost>[] = [];
function host(validator: HostOptions['validator'] = {}) {
  const t = testHost({ host: { validator } });
  hosts.push(t);
  return t;
}
afterEach(async () => {
  for (const t of hosts.splice(0)) await t.host.close();
});

/** A copy of MID with `from` (the last time it occurs) replaced by `to`. */
function breakLast(from: string, to: string): string {
  const at = MID.lastIndexOf(from);
  return MID.slice(0, at) + to + MID.slice(at + from.length);
}

function hostLog(configDir: string): string {
  const file = path.join(configDir, 'host.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

describe('validating big projects off the event loop', () => {
  it('the worker threshold keeps the quickstart inline and multi-MB projects off the loop', () => {
    expect(quickstartText().length).toBeLessThan(VALIDATOR_DEFAULTS.workerFromBytes);
    expect(BIG.length).toBeGreaterThan(10 * VALIDATOR_DEFAULTS.workerFromBytes);
  });

  /**
   * Opens BIG and, 50 and 300 ms later, asks the host something else: how long each answer took
   * after it was asked, and whether the open had finished by then.
   */
  async function askWhileOpening(t: ReturnType<typeof testHost>) {
    const start = performance.now();
    const probes = [50, 300].map(
      (at) =>
        new Promise<{ latency: number; opened: boolean }>((resolve) => {
          setTimeout(async () => {
            const asked = performance.now();
            const r = await t.call('app.info');
            expect(r.ok).toBe(true);
            // Measured from when the question was due: a stalled loop cannot even ask it on time.
            resolve({ latency: performance.now() - Math.min(asked, start + at), opened: t.host.doc.current.name === 'Big' });
          }, at);
        }),
    );
    const opened = await t.call('project.openText', { name: 'big.switchboard.json', text: BIG });
    expect(opened).toMatchObject({ ok: true, result: { name: 'Big' } });
    return Promise.all(probes);
  }

  it('the host answers other requests within 100 ms while a 3 MiB project validates', async () => {
    const t = host();
    for (const p of await askWhileOpening(t)) {
      expect(p.opened).toBe(false);
      expect(p.latency).toBeLessThan(100);
    }
  });

  it('(validated inline, the same questions wait for the whole validation: what the worker is for)', async () => {
    const t = host(false);
    const [first] = await askWhileOpening(t);
    expect(first.latency).toBeGreaterThan(250);
  });

  it('reports its stages as project.progress pushes the contract accepts, then done', async () => {
    const t = host();
    const file = path.join(tempDir(), 'big.switchboard.json');
    fs.writeFileSync(file, BIG);
    await t.host.openFile(file);
    const progress = t.pushes.flatMap((m) => (m.event === 'project.progress' ? [PUSHES['project.progress'].parse(m.payload)] : []));
    expect(progress.map((p) => `${p.stage}${p.done ? ' done' : ''}`)).toEqual(['read', 'parse', 'check', 'check done']);
    expect(progress.every((p) => p.name === 'big.switchboard.json')).toBe(true);
    // Small projects validate inline and report nothing.
    t.pushes.length = 0;
    await t.call('project.openText', { name: 'q.switchboard.json', text: quickstartText() });
    expect(t.pushes.some((m) => m.event === 'project.progress')).toBe(false);
  });

  it('gives the same answers as inline validation: errors (file:line: path: message), warnings, project, hash', async () => {
    const cases = {
      valid: MID,
      // A bigint payload does not fit JSON: the project comes back by structured clone instead.
      bigint: breakLast('"eventData": {', '"eventData": { "big": 123456789012345678901234567890,'),
      syntax: breakLast('"uid": ', '"uid" '),
      schema: breakLast('"name": "Player x', '"name": 12, "nam": "Player x'),
      semantic: breakLast('"server": 4000', '"server": 4242'),
    };
    const worker = host();
    const inline = host(false);
    const dir = tempDir();
    for (const [name, text] of Object.entries(cases)) {
      const file = path.join(dir, `${name}.switchboard.json`);
      fs.writeFileSync(file, text);
      const viaWorker = await worker.call('project.openText', { name: `${name}.switchboard.json`, text });
      const viaInline = await inline.call('project.openText', { name: `${name}.switchboard.json`, text });
      expect(viaWorker, name).toEqual(viaInline);
      const fromFile = await worker.host.openFile(file).then(
        () => ({ project: worker.host.doc.current.project, hash: worker.host.doc.diskHash }),
        (e: { toContract(): unknown }) => e.toContract(),
      );
      const fromFileInline = await inline.host.openFile(file).then(
        () => ({ project: inline.host.doc.current.project, hash: inline.host.doc.diskHash }),
        (e: { toContract(): unknown }) => e.toContract(),
      );
      expect(fromFile, name).toEqual(fromFileInline);
      if (name !== 'valid' && name !== 'bigint') {
        const r = viaWorker as Extract<Reply, { ok: false }>;
        expect(r.error.message, name).toMatch(/^.+\.switchboard\.json is not a valid Switchboard project \(line \d+, [\w.[\]$]+: .+\)$/);
      }
    }
    await worker.call('project.openText', { name: 'bigint.switchboard.json', text: cases.bigint });
    expect(JSON.stringify(worker.host.doc.current.project, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).toContain('"big":"123456789012345678901234567890n"');
  });

  it('a worker that cannot start: inline validation (the request is answered) and the log says why', async () => {
    for (const entry of [workers('missing-worker.mjs'), workers('broken-worker.mjs')]) {
      const t = host({ entry });
      expect(await t.call('project.openText', { name: 'big.switchboard.json', text: BIG })).toMatchObject({ ok: true, result: { name: 'Big' } });
      expect(hostLog(t.configDir)).toMatch(/Starting the project validation worker.*(does not exist|cannot load).*validated on the event loop/);
    }
  });

  it('a worker that crashes, runs out of memory or hangs: a clear error for that request, and the host stays up', async () => {
    const cases = [
      { entry: workers('exit-worker.mjs'), why: /could not be validated: the validation worker stopped unexpectedly \(exit code 7\)/ },
      { entry: workers('oom-worker.mjs'), maxHeapMb: 32, why: /could not be validated: checking it needs more than the 32 MiB of memory the validation worker may use/ },
      { entry: workers('hang-worker.mjs'), timeoutMs: 500, why: /could not be validated: it took longer than 0\.5 s/ },
    ];
    for (const { why, ...validator } of cases) {
      const t = host(validator);
      const r = await t.call('project.openText', { name: 'big.switchboard.json', text: BIG });
      expect(r).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(why) } });
      expect(hostLog(t.configDir)).toContain('Validating big.switchboard.json in the worker');
      // Still up: it answers, opens a small project (inline), runs it, and tries a new worker for the next big one.
      expect(await t.call('app.info')).toMatchObject({ ok: true });
      expect(await t.call('project.openText', { name: 'q.switchboard.json', text: quickstartText() })).toMatchObject({ ok: true, result: { name: 'Quickstart' } });
      expect(await t.call('session.run')).toMatchObject({ ok: true });
      t.run(500);
      expect(t.host.requireSession().status().events).toBeGreaterThan(0);
      expect(await t.call('project.openText', { name: 'big.switchboard.json', text: BIG })).toMatchObject({ ok: false, error: { message: expect.stringMatching(why) } });
    }
  });

  it('an open that finishes after a later one began is dropped; edits of a big project apply in order', async () => {
    const t = host();
    const big = t.call('project.openText', { name: 'big.switchboard.json', text: BIG });
    const small = await t.call('project.openText', { name: 'q.switchboard.json', text: quickstartText() });
    expect(small).toMatchObject({ ok: true, result: { name: 'Quickstart' } });
    expect(await big).toMatchObject({ ok: false, error: { message: 'Opening big.switchboard.json was cancelled: another project was opened meanwhile.' } });
    expect(t.host.doc.current.name).toBe('Quickstart');

    await t.call('project.openText', { name: 'big.switchboard.json', text: BIG });
    const project = t.host.doc.current.project;
    const edits = await Promise.all(['first', 'second', 'third'].map((description) => t.call('project.edit', { project: { ...project, description } })));
    expect(edits.map((e) => e.ok)).toEqual([true, true, true]);
    expect(t.host.doc.current.project.description).toBe('third');
  });
});
