// The Problems panel as a new user meets it, in Chromium over web mode: open a project with three
// deliberate mistakes, run it, see three grouped entries with their explanation and fix, click one
// and land on its event (playhead and event log); then open the run's trace file: the same three.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebMode } from '../src-main/web/web-mode';
import { launchBrowser, screenshot, type Browser } from './support/browser';
import { REPO } from './support/serve';

const FIXTURE = path.join(REPO, 'fixtures/problems/three-mistakes.switchboard.json');
let dir = '';
let web: Awaited<ReturnType<typeof startWebMode>>;
let browser: Browser;

type PageGlobal = { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
const waitAttr = (selector: string, name: string, value: string, timeout = 20000) =>
  browser.page.waitForFunction(([s, n, v]) => (globalThis as unknown as PageGlobal).document.querySelector(s)?.getAttribute(n) === v, [selector, name, value] as const, { timeout });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-problems-'));
  const file = path.join(dir, 'problems.switchboard.json');
  fs.copyFileSync(FIXTURE, file);
  web = await startWebMode({ staticDir: 'out/renderer', project: file, configDir: path.join(dir, 'config') });
  browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  await browser.page.goto(web.server.url);
  await browser.page.getByTestId('node-master').waitFor({ timeout: 15000 });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Problems panel', () => {
  it('a live run of three mistakes: three grouped entries, counted on the tab', async () => {
    const { page } = browser;
    await page.getByTestId('btn-run').click();
    await page.getByTestId('problems-badge').waitFor({ timeout: 20000 });
    await page.getByTestId('tab-problems').click();
    await waitAttr('[data-testid="problems"]', 'data-count', '3');
    await page.getByTestId('btn-pause').click();
    const kinds = await page.getByTestId('problem-group').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds).toEqual(['wrong-sender', 'no-route', 'wrong-target']);
    expect(await page.getByTestId('problems-badge').textContent()).toBe('3');
    const titles = await page.getByTestId('problem-title').allTextContents();
    expect(titles[0]).toContain("MatchFound from master unheard on lobby-4000: the listener names ('queue', 'queueMaster')");
    expect(titles[1]).toContain("RequestToServiceMod('rank_module', 'Top') from lobby-4000: no route");
    expect(titles[2]).toContain("NotifyToServerNode(2000, 'Kick') from master: no such target");
    await screenshot(page, 'problems-1-groups');
  });

  it('expands one: explanation and fix; clicking its event moves the playhead there and selects it', async () => {
    const { page } = browser;
    const group = page.getByTestId('problem-group').nth(1);
    await group.getByTestId('problem-title').click();
    expect(await group.getByTestId('problem-explanation').textContent()).toContain('"rank_module" is a module in the module_names of service-8000');
    expect(await group.getByTestId('problem-suggestion').textContent()).toContain("RequestToService('rank_module', 'Top', ...)");
    const link = group.getByTestId('problem-event').first();
    const seq = Number(await link.getAttribute('data-seq'));
    await link.click();
    await waitAttr('[data-testid="replay-bar"]', 'data-position', String(seq - 1));
    await waitAttr('[data-testid="problem-event"].is-current', 'data-seq', String(seq));
    await screenshot(page, 'problems-2-expanded');
    await page.getByTestId('tab-event-log').click();
    const selected = page.locator('[data-testid="event-row"].is-selected');
    await selected.waitFor();
    expect(await selected.textContent()).toContain('RequestToServiceMod');
    await screenshot(page, 'problems-3-event-selected');
  });

  it('an opened trace of the same run shows the same three groups', async () => {
    const { page } = browser;
    const trace = path.join(dir, 'mistakes.ndjson');
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src-main/cli/main.ts'), 'run', FIXTURE, '--out', trace], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open-trace').click()]);
    await chooser.setFiles(trace);
    await page.getByTestId('tab-problems').click();
    await waitAttr('[data-testid="problems"]', 'data-count', '3');
    const kinds = await page.getByTestId('problem-group').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds).toEqual(['wrong-sender', 'no-route', 'wrong-target']);
  });
});
