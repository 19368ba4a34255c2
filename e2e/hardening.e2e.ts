// The host under hostile input, seen from the browser: a livelocking project stops with an error
// the user can read (naming the cycle), and the app keeps answering; a Save over a file another
// program changed asks first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser';
import { QUICKSTART, REPO, serve, type Served } from './support/serve';
import { bigProjectText } from '../src-main/host/test-support/big-project';

const LIVELOCK = path.join(REPO, 'fixtures/hostile/livelock.switchboard.json');

describe('a livelocking project in the browser', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    served = await serve(['--project', LIVELOCK]);
    browser = await launchBrowser();
    await browser.page.setViewportSize({ width: 1440, height: 900 });
    await browser.page.goto(served.url);
    await browser.page.getByTestId('node-master').waitFor({ timeout: 15000 });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('stops with an error naming the cycle; the host stays up and answers', async () => {
    const { page } = browser;
    await page.getByTestId('btn-run').click();
    const alert = page.getByRole('alert').filter({ hasText: 'livelock' });
    await alert.waitFor({ timeout: 30000 });
    expect(await alert.textContent()).toMatch(/The run stopped \(livelock\): 100000 messages and timers at t=5 ms .*the cycle master -Ping-> service-8000 -Pong-> master repeats\. Reset to run again\./);
    await screenshot(page, 'hardening-livelock');
    // Still alive: Reset starts a fresh session.
    await page.getByTestId('btn-reset').click();
    await page.waitForFunction(() => Number((globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('[data-testid="status-events"]')?.textContent ?? 'NaN') < 1000, undefined, { timeout: 10000 });
    expect(served.child.exitCode).toBeNull();
  }, 60000);
});

describe('Save over a file changed on disk', () => {
  let served: Served;
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-conflict-'));
    file = path.join(dir, 'mine.switchboard.json');
    fs.copyFileSync(QUICKSTART, file);
    served = await serve(['--project', file]);
    browser = await launchBrowser();
    await browser.page.setViewportSize({ width: 1440, height: 900 });
    await browser.page.goto(served.url);
    await browser.page.getByTestId('node-lobby-4000').waitFor({ timeout: 15000 });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('asks before overwriting; Cancel keeps the other program\'s version', async () => {
    const { page } = browser;
    const theirs = fs.readFileSync(file, 'utf8').replace('"Quickstart"', '"Changed elsewhere"');
    fs.writeFileSync(file, theirs);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.keyboard.press('Control+s');
    await expect.poll(() => asked.length, { timeout: 10000 }).toBe(1);
    expect(asked[0]).toMatch(/mine\.switchboard\.json was changed on disk by another program since it was opened\. Overwrite it with this version\?/);
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
  }, 60000);
});

describe('a big project uploaded in the browser', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    served = await serve();
    browser = await launchBrowser();
    await browser.page.setViewportSize({ width: 1440, height: 900 });
    await browser.page.goto(served.url);
    await browser.page.getByTestId('node-lobby-4000').waitFor({ timeout: 15000 });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('is checked in the host\'s worker, the status bar saying so meanwhile; then it opens', async () => {
    const { page } = browser;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open').click()]);
    await chooser.setFiles({ name: 'big.switchboard.json', mimeType: 'application/json', buffer: Buffer.from(bigProjectText(2 * 1024 * 1024)) });
    const progress = page.getByTestId('project-progress');
    await progress.waitFor({ timeout: 15000 });
    expect(await progress.textContent()).toMatch(/^opening big\.switchboard\.json: (parsing|checking)…$/);
    await screenshot(page, 'hardening-big-project-progress');
    await expect.poll(async () => page.getByTestId('status-project').textContent(), { timeout: 60000 }).toBe('Big');
    await progress.waitFor({ state: 'detached', timeout: 10000 });
    // The worker did the checking: had it not started, the host would have logged why.
    const log = path.join(served.configDir, 'host.log');
    expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').not.toMatch(/worker/);
    expect(served.child.exitCode).toBeNull();
  }, 90000);
});
