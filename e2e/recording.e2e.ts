// Open recording… as a user meets it in web mode: a folder of recorder files (one per server, one
// server's clock 3 s ahead, one line lost) picked with the browser's folder dialog, uploaded,
// merged by the host with a progress bar, replayed like any trace: canvas on the recorded topology,
// the Recording tab with the skew corrected and the lost line by file:line, the RPC timeline.
// Then the files the recorder mod itself wrote in a run of the arena sample (Python 2.7), one
// clock skewed and one line lost: progress bar, canvas, Recording tab, RPC timeline, sequence view
// and Problems, each looked at in a screenshot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeTexts } from '../core/merge/merge';
import { engineRun } from '../core/merge/testing/engine-runs';
import { synthesizeRecordings } from '../core/merge/testing/synth';
import { pythonForTests } from '../src-main/mods/testing/python';
import { recordSample } from '../recorder/testing/sample-run';
import { openServed } from './support/app';
import { screenshot, type Browser } from './support/browser';

let app: Awaited<ReturnType<typeof openServed>>;
let browser: Browser;
let dir = '';
let expectedEvents = 0;
let lostAt = '';

type PageGlobal = { document: { querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null } };
const waitAttr = (selector: string, name: string, value: string) =>
  browser.page.waitForFunction(([s, n, v]) => (globalThis as unknown as PageGlobal).document.querySelector(s)?.getAttribute(n) === v, [selector, name, value] as const, { timeout: 30000 });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-recording-e2e-'));
  const folder = path.join(dir, 'prod-2026-01-01');
  fs.mkdirSync(folder);
  const run = engineRun('quickstart');
  const opts = { skewMs: { 'lobby-4000': 3000, 'service-8000': -1500 }, lose: (node: string, seq: number) => node === 'master' && seq === 9 };
  const files = synthesizeRecordings(run.header, run.events, opts);
  for (const f of files) fs.writeFileSync(path.join(folder, f.name), f.text);
  fs.writeFileSync(path.join(folder, 'README.txt'), 'not a recording: left out');
  const merged = mergeTexts(files.map((f) => ({ name: f.name, text: f.text })), 'prod-2026-01-01');
  expectedEvents = merged.events.length;
  const gap = merged.report.issues.find((i) => i.kind === 'seq-gap');
  if (!gap) throw new Error('the lost line made no gap');
  lostAt = `${gap.file}:${gap.line}`;
  app = await openServed();
  browser = app.browser;
  await browser.page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Open recording…', () => {
  it('takes a folder, merges it and replays it on the recorded topology', async () => {
    const { page } = browser;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open-recording').click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(path.join(dir, 'prod-2026-01-01'));
    await waitAttr('[data-testid="replay-bar"]', 'data-length', String(expectedEvents));
    const notice = page.getByRole('alert').first();
    await notice.waitFor();
    expect(await notice.textContent()).toContain('prod-2026-01-01: merged 6 files from 6 servers');
    expect(await notice.textContent()).toContain('lobby-4000: −3000 ms (traffic both ways)');
    // Not the open project's trace: drawn on the topology the recordings show.
    await page.getByTestId('topology-inferred').waitFor();
    await page.getByTestId('node-service-8000').waitFor();
    await page.getByTestId('node-client-101').waitFor();
    await screenshot(page, 'recording-1-opened');
  });

  it('shows the merge report: skew per server, the lost line by file and line', async () => {
    const { page } = browser;
    await page.getByRole('alert').first().getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('tab-recording').click();
    const skews = page.getByTestId('recording-skews');
    await skews.waitFor();
    expect(await page.getByTestId('skew-lobby-4000').textContent()).toContain('−3000 ms');
    expect(await page.getByTestId('skew-service-8000').textContent()).toContain('+1500 ms');
    expect(await page.getByTestId('skew-master').textContent()).toContain('reference clock');
    const issues = await page.getByTestId('recording-issues').textContent();
    expect(issues).toContain(lostAt);
    expect(issues).toContain('seq-gap');
    await screenshot(page, 'recording-2-report');
  });

  it('replays like any trace: the RPC timeline and the canvas at the playhead', async () => {
    const { page } = browser;
    await page.getByTestId('tab-rpc-timeline').click();
    await page.locator('.sb-rpc__row').first().waitFor();
    expect(await page.locator('.sb-rpc__row').count()).toBe(5);
    const box = await page.getByTestId('replay-scrubber').boundingBox();
    if (!box) throw new Error('no scrubber');
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.waitForTimeout(300);
    await screenshot(page, 'recording-3-rpc-timeline');
    expect(browser.problems).toEqual([]);
  });
});

describe('Open recording… on the files the recorder mod wrote (arena sample on Python 2.7)', () => {
  const folderName = 'arena-recorded';
  let expected = 0;
  let lost = '';
  let rpcs = 0;

  beforeAll(() => {
    pythonForTests();
    const { files } = recordSample('arena', dir);
    // game-5001's clock 2 s ahead; the service's first handle of a server's message lost.
    const rows = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const service = rows((files.find((f) => f.name === 'service-8000.ndjson') as { text: string }).text);
    const lostSeq = (service.find((r) => r.kind === 'handle' && r.corr !== undefined) as { seq: number }).seq;
    const damaged = files.map((f) => {
      let rs = rows(f.text);
      if (f.name === 'game-5001.ndjson') rs = rs.map((r) => ({ ...r, ts: (r.ts as number) + 2000 }));
      if (f.name === 'service-8000.ndjson') rs = rs.filter((r) => !(r.kind === 'handle' && r.seq === lostSeq));
      return { name: f.name, text: `${rs.map((r) => JSON.stringify(r)).join('\n')}\n` };
    });
    const folder = path.join(dir, folderName);
    fs.mkdirSync(folder);
    for (const f of damaged) fs.writeFileSync(path.join(folder, f.name), f.text);
    const m = mergeTexts(damaged, folderName);
    expected = m.events.length;
    rpcs = new Set(m.events.filter((e) => e.rpc).map((e) => e.rpc?.id)).size;
    const gap = m.report.issues.find((i) => i.kind === 'seq-gap' && i.file === 'service-8000.ndjson');
    if (!gap) throw new Error('the lost line made no gap');
    lost = `${gap.file}:${gap.line}`;
  }, 120_000);

  it('merges the folder with a progress bar and draws the recorded servers', async () => {
    const { page } = browser;
    // Every state of the progress bar, as the page showed it (uploading, then merging).
    await page.evaluate(() => {
      const g = globalThis as unknown as { sbProgress: string[]; document: { body: unknown; querySelector(s: string): { textContent: string | null; querySelector(s: string): unknown } | null }; MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void } };
      g.sbProgress = [];
      new g.MutationObserver(() => {
        const el = g.document.querySelector('[data-testid="trace-progress"]');
        if (el && el.querySelector('progress')) g.sbProgress.push(el.textContent ?? '');
      }).observe(g.document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    // A slow link: each uploaded chunk leaves 400 ms late, so the bar stays up long enough to be seen.
    await page.evaluate(() => {
      type Ws = { prototype: { send(this: unknown, d: unknown): void } };
      const ws = (globalThis as unknown as { WebSocket: Ws }).WebSocket;
      const send = ws.prototype.send;
      ws.prototype.send = function (this: unknown, d: unknown) {
        if (typeof d === 'string' && d.includes('"recording.upload"')) setTimeout(() => send.call(this, d), 400);
        else send.call(this, d);
      };
    });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open-recording').click()]);
    await chooser.setFiles(path.join(dir, folderName));
    await page.locator('[data-testid="trace-progress"] progress').waitFor();
    await screenshot(page, 'recording-4-arena-uploading');
    await waitAttr('[data-testid="replay-bar"]', 'data-length', String(expected));
    const shown = await page.evaluate(() => (globalThis as unknown as { sbProgress: string[] }).sbProgress);
    expect(shown.some((t) => t.includes(`uploading ${folderName}`))).toBe(true);
    const notice = page.getByRole('alert').first();
    await notice.waitFor();
    const text = await notice.textContent();
    expect(text).toContain(`${folderName}: merged 5 files from 5 servers`);
    expect(text).toContain('game-5001: −2000 ms (traffic one way)');
    expect(text).toContain(lost);
    for (const id of ['master', 'lobby-4000', 'game-5000', 'game-5001', 'service-8000']) await page.getByTestId(`node-${id}`).waitFor();
    // The node list names what the canvas shows (the recording's servers), not the open project's.
    await page.getByTestId('palette-trace').waitFor();
    expect(await page.getByTestId('palette').textContent()).toContain('Game 5001');
    // Nothing is selected in a trace just opened (the event selected in the previous one is not carried over by seq).
    await page.getByTestId('tab-event-log').click();
    await page.waitForTimeout(200);
    expect(await page.getByTestId('event-detail').count()).toBe(0);
    // The log starts where the playhead is (the first event), not scrolled to the recording's end.
    await page.getByTestId('event-row').first().waitFor();
    expect(await page.locator('.sb-eventlog__rows').evaluate((el) => el.scrollTop)).toBe(0);
    const seqs = await page.getByTestId('event-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
    expect(Math.min(...seqs)).toBeLessThan(20);
    await screenshot(page, 'recording-5-arena-opened');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('shows the skew and the lost line by file:line in the Recording tab', async () => {
    const { page } = browser;
    await page.getByTestId('tab-recording').click();
    await page.getByTestId('recording-skews').waitFor();
    expect(await page.getByTestId('skew-game-5001').textContent()).toContain('−2000 ms');
    expect(await page.getByTestId('skew-lobby-4000').textContent()).toContain('0 ms');
    expect(await page.getByTestId('recording-issues').textContent()).toContain(lost);
    await screenshot(page, 'recording-6-arena-report');
  });

  it('replays: RPC timeline, sequence view, Problems', async () => {
    const { page } = browser;
    await page.getByTestId('tab-rpc-timeline').click();
    await page.locator('.sb-rpc__row').first().waitFor();
    expect(await page.locator('.sb-rpc__row').count()).toBe(rpcs);
    const box = await page.getByTestId('replay-scrubber').boundingBox();
    if (!box) throw new Error('no scrubber');
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.waitForTimeout(300);
    // The time shown is the event's at the playhead (the players logged in by then: seconds in).
    const at = Number(await page.getByTestId('replay-bar').getAttribute('data-position'));
    expect(at).toBeGreaterThan(50);
    expect(parseFloat((await page.getByTestId('status-time').textContent()) ?? '')).toBeGreaterThan(1);
    await screenshot(page, 'recording-7-arena-rpc');
    await page.getByTestId('tab-sequence').click();
    await page.getByTestId('seq-arrow').first().waitFor();
    expect(await page.getByTestId('seq-arrow').count()).toBeGreaterThan(3);
    await screenshot(page, 'recording-8-arena-sequence');
    await page.getByTestId('tab-problems').click();
    // The lost handle line leaves a message the service listened for but never handled: a drop.
    await page.getByTestId('problems-summary').waitFor();
    expect(await page.getByTestId('problems').textContent()).toContain('drop');
    await screenshot(page, 'recording-9-arena-problems');
  });

  it('stops playback on a breakpoint on drops, at the message the lost line left unseen', async () => {
    const { page } = browser;
    await page.getByTestId('tab-breakpoints').click();
    await page.getByTestId('bp-add-drop').click();
    await page.getByTestId('bp-mark').first().waitFor();
    expect(await page.getByTestId('bp-mark').count()).toBe(1);
    const hitIndex = Number(await page.getByTestId('bp-mark').getAttribute('data-index'));
    const box = await page.getByTestId('replay-scrubber').boundingBox();
    if (!box) throw new Error('no scrubber');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    await page.getByTestId('speed').selectOption('100');
    await page.getByTestId('btn-run').click();
    await page.getByTestId('replay-stopped').waitFor({ timeout: 30000 });
    expect(Number(await page.getByTestId('replay-bar').getAttribute('data-position'))).toBe(hitIndex);
    expect(await page.getByTestId('replay-position').textContent()).toContain('ReportScore');
    await screenshot(page, 'recording-10-arena-breakpoint');
    expect(browser.problems).toEqual([]);
  });
});
