// Open recording… as a user meets it in web mode: a folder of recorder files (one per server, one
// server's clock 3 s ahead, one line lost) picked with the browser's folder dialog, uploaded,
// merged by the host with a progress bar, replayed like any trace: canvas on the recorded topology,
// the Recording tab with the skew corrected and the lost line by file:line, the RPC timeline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeTexts } from '../core/merge/merge';
import { engineRun } from '../core/merge/testing/engine-runs';
import { synthesizeRecordings } from '../core/merge/testing/synth';
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
