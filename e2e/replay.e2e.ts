// Replay as a new user would meet it, in Chromium over web mode: open a trace recorded by the CLI
// (with one corrupt line), scrub to the middle, step back over an RPC response and see the RPC
// pending again, then set a breakpoint on any timeout and watch playback stop on it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServed } from './support/app';
import { screenshot, type Browser } from './support/browser';
import { QUICKSTART, REPO } from './support/serve';

let app: Awaited<ReturnType<typeof openServed>>;
let browser: Browser;
let traceText = '';
let events = 0;
const BAD_LINE = 50;

const attr = async (testId: string, name: string) => (await browser.page.getByTestId(testId).first().getAttribute(name)) ?? '';
const position = async () => Number(await attr('replay-bar', 'data-position'));
type PageGlobal = { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
const waitAttr = (selector: string, name: string, value: string) =>
  browser.page.waitForFunction(([s, n, v]) => (globalThis as unknown as PageGlobal).document.querySelector(s)?.getAttribute(n) === v, [selector, name, value] as const, { timeout: 15000 });

let dir = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-replay-'));
  const out = path.join(dir, 'quickstart.ndjson');
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src-main/cli/main.ts'), 'run', QUICKSTART, '--out', out], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`switchboard run failed: ${r.stderr}`);
  const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
  events = lines.length - 1;
  // A recorder that hiccuped: one corrupt line in the middle; the rest must still load.
  lines.splice(BAD_LINE - 1, 0, '{"seq": oops');
  traceText = lines.join('\n') + '\n';
  app = await openServed();
  browser = app.browser;
});

afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('replaying a recorded trace', () => {
  it('opens the file: every good event loads and the bad line is reported with its number', async () => {
    const { page } = browser;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open-trace').click()]);
    await chooser.setFiles({ name: 'quickstart.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(traceText) });
    await waitAttr('[data-testid="replay-bar"]', 'data-length', String(events));
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`line ${BAD_LINE}`);
    expect(await position()).toBe(-1);
    await screenshot(page, 'replay-1-opened');
  });

  it('scrubs to the middle: the event log selects the event under the playhead', async () => {
    const { page } = browser;
    const box = await page.getByTestId('replay-scrubber').boundingBox();
    if (!box) throw new Error('no scrubber');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const at = await position();
    expect(Math.abs(at - events / 2)).toBeLessThan(events / 10);
    await page.locator('[data-testid="event-row"].is-selected').waitFor();
    expect(Number(await page.locator('[data-testid="event-row"].is-selected').getAttribute('data-seq'))).toBe(at + 1);
    await screenshot(page, 'replay-2-middle');
  });

  it('steps back over an RPC response and sees the RPC pending again', async () => {
    const { page } = browser;
    await page.getByTestId('tab-rpc-timeline').click();
    const row = page.locator('[data-testid="rpc-row"][data-rpc="2"]');
    await row.click();
    expect(await row.getAttribute('data-phase')).toBe('requested');
    // Each step animates its hop: wait for the playhead to land before reading the phase.
    for (let k = 0; k < 30 && (await row.getAttribute('data-phase')) !== 'completed'; k++) {
      const at = await position();
      await page.getByTestId('btn-step').click();
      await expect.poll(position, { timeout: 5000 }).toBe(at + 1);
    }
    expect(await row.getAttribute('data-phase')).toBe('completed');
    expect(await attr('machine-state-completed', 'data-lit')).toBe('true');
    await screenshot(page, 'replay-3-rpc-completed');
    await page.getByTestId('btn-step-back').click();
    await expect.poll(() => row.getAttribute('data-phase')).toBe('responded');
    expect(await row.getAttribute('class')).toContain('is-pending');
    expect(await attr('machine-state-responded', 'data-lit')).toBe('true');
    expect(await page.getByTestId('rpc-detail-phase').textContent()).toBe('responded');
    await screenshot(page, 'replay-4-rpc-pending-again');
  });

  it('stops playback on a breakpoint set on any RPC timeout', async () => {
    const { page } = browser;
    await page.getByTestId('tab-breakpoints').click();
    await page.getByTestId('bp-add-timeout').click();
    await page.getByTestId('bp-mark').first().waitFor();
    expect(await page.getByTestId('bp-hits').textContent()).toBe('1 hits');
    const hitIndex = Number(await attr('bp-mark', 'data-index'));
    const box = await page.getByTestId('replay-scrubber').boundingBox();
    if (!box) throw new Error('no scrubber');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    await page.getByTestId('speed').selectOption('16');
    await page.getByTestId('btn-run').click();
    await page.getByTestId('replay-stopped').waitFor({ timeout: 20000 });
    expect(await position()).toBe(hitIndex);
    expect(await page.getByTestId('replay-position').textContent()).toContain('timedOut');
    await page.getByTestId('tab-rpc-timeline').click();
    expect(await page.locator('[data-testid="rpc-row"][data-rpc="4"]').getAttribute('data-phase')).toBe('timedOut');
    await screenshot(page, 'replay-5-breakpoint-timeout');
  });

  it('shows the sequence view around the playhead', async () => {
    const { page } = browser;
    await page.getByTestId('tab-sequence').click();
    await page.getByTestId('seq-arrow').first().waitFor();
    expect(Number(await attr('sequence-view', 'data-rows'))).toBeGreaterThan(10);
    await screenshot(page, 'replay-6-sequence');
    expect(browser.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
