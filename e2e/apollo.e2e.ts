// Apollo projects in the app, in Chromium over web mode: `switchboard serve --apollo DIR` imports
// the folder (deploy.json + mod folders) as an unsaved document; the Log panel shows what the
// import found, and for a node, what its mods printed and raised; an error is marked on the canvas.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Options } from '../core/model/schema';
import type { TraceEvent, TraceHeader } from '../core/trace/event';
import { acmeOnDisk } from '../src-main/apollo/testing';
import { launchBrowser, screenshot, type Browser } from './support/browser';
import { serve, type Served } from './support/serve';

type PageGlobal = { document: { querySelector(s: string): { textContent: string | null; getAttribute(n: string): string | null } | null } };

let tmp = '';
let dir = '';
let served: Served;
let browser: Browser;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-apollo-e2e-'));
  dir = acmeOnDisk(tmp, 'acme');
  served = await serve(['--apollo', dir]);
  browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  await browser.page.goto(served.url);
  await browser.page.getByTestId('node-lobby-4000').waitFor({ timeout: 15000 });
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A trace on the acme topology with what mods produce: prints, a stub, an error with its traceback. */
function modTrace(): string {
  const file = path.join(dir, 'acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/modMain.py');
  const header: TraceHeader = {
    format: 'switchboard-trace', version: 1, project: 'acme', seed: 1, scenario: 'boot', options: Options.parse({}),
    nodes: [
      { id: 'master', kind: 'master', serverId: 0 },
      { id: 'proxy-2000', kind: 'proxy', serverId: 2000 },
      { id: 'proxy-2001', kind: 'proxy', serverId: 2001 },
      { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' },
      { id: 'game-5000', kind: 'game', serverId: 5000, type: 'battle' },
      { id: 'game-5001', kind: 'game', serverId: 5001, type: 'battle' },
      { id: 'service-8000', kind: 'service', serverId: 8000, type: 'shop_service' },
      ...[1, 2, 3, 4].map((i) => ({ id: `client-${i}`, kind: 'client' })),
    ],
  };
  const events: TraceEvent[] = [
    { seq: 1, t: 0, type: 'lifecycle', to: 'master', detail: 'start' },
    { seq: 2, t: 40, type: 'lifecycle', to: 'lobby-4000', detail: 'start' },
    { seq: 3, t: 40, type: 'log', to: 'lobby-4000', detail: 'print', data: 'acmeLogin up' },
    { seq: 4, t: 41, type: 'log', to: 'lobby-4000', detail: 'not-simulated', reason: 'GetEngineCompFactory().CreatePos' },
    { seq: 5, t: 50, type: 'log', to: 'game-5000', detail: 'print', data: 'acmeBattle up' },
    { seq: 6, t: 1060, type: 'error', to: 'lobby-4000', reason: "KeyError: 'uid'", data: { traceback: `Traceback (most recent call last):\n  File "${file}", line 9, in OnAddServerPlayer\n    uid = args['uid']\nKeyError: 'uid'\n`, file, line: 9 } },
  ];
  return [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))].join('\n') + '\n';
}

describe('an Apollo project in the app', () => {
  it('serve --apollo opens the import: the deploy.json servers on the canvas, unsaved, its findings in the Log panel', async () => {
    const { page } = browser;
    for (const id of ['master', 'proxy-2000', 'proxy-2001', 'lobby-4000', 'game-5000', 'game-5001', 'service-8000', 'client-1']) await page.getByTestId(`node-${id}`).waitFor();
    expect(await page.getByTestId('node-game-5001-serverId').textContent()).toContain('5001');
    expect(await page.getByTestId('status-project').textContent()).toContain('acme');
    expect(await page.getByTestId('mods-notice').textContent()).toContain('Its mods are your own code: they run on this computer with your rights, like your test suite.');
    expect(await page.getByTestId('mods-notice').getAttribute('title')).toBe(dir);
    // An import is not an unsaved edit to recover later.
    expect(await page.getByTestId('recovery-offer').count()).toBe(0);
    await page.getByTestId('tab-mod-log').click();
    const findings = page.getByTestId('mod-log-import');
    await findings.waitFor();
    expect(await findings.locator('summary').textContent()).toBe('Import: 0 errors, 8 warnings');
    await findings.locator('summary').click();
    expect(await findings.textContent()).toContain('acmeBattle/developer_mods/acmeBattleDev/mod.json:1');
    await screenshot(page, 'apollo-1-imported');
  });

  it('shows a node\'s mod output (print, stub count, error with its traceback) and marks the error on the canvas', async () => {
    const { page } = browser;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open-trace').click()]);
    await chooser.setFiles({ name: 'acme.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(modTrace()) });
    await page.getByTestId('mod-log-row').first().waitFor();
    expect(await page.getByTestId('mod-log-row').count()).toBe(4);

    await page.getByTestId('node-lobby-4000').click();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.querySelector('[data-testid="mod-log-scope"]')?.textContent === 'lobby 4000');
    // The inspector names the node's mod folders (relative to the project file, editable).
    expect(await page.getByTestId('field-mods').inputValue()).toBe('acmeLogin, acmeShop');
    const rows = page.getByTestId('mod-log-row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain('acmeLogin up');
    expect(await page.getByTestId('mod-log-stubs').textContent()).toContain('GetEngineCompFactory().CreatePos1×');

    await page.locator('[data-testid="mod-log-row"][data-kind="error"]').click();
    const detail = page.getByTestId('mod-log-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain("KeyError: 'uid'");
    expect(await detail.getByTestId('fileline').first().textContent()).toBe('acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/modMain.py:9');
    // The error is drawn on its node like a drop (the overlay is a canvas: look for its red marker).
    await page.getByTestId('mods-notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]')?.getAttribute('data-markers')?.includes('error@lobby-4000'), undefined, { timeout: 10000 });
    await screenshot(page, 'apollo-2-error');
    expect(browser.problems).toEqual([]);
  });
});
