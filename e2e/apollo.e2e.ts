// Apollo projects in the app, in Chromium over web mode, with the real Python mod runtime:
// `switchboard serve --apollo DIR` imports the folder (deploy.json + mod folders) as an unsaved
// document; Run boots it; the Log panel shows what the import found and, for a node, what its mods
// printed and raised (traceback, file:line); an error is marked on the canvas like a drop; the
// messages mods send move on the canvas. Needs Python 2.7 (as every mod test does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser';
import { REPO, serve, type Served } from './support/serve';

type PageGlobal = { document: { querySelector(s: string): { textContent: string | null; getAttribute(n: string): string | null } | null } };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-apollo-e2e-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of a fixture Apollo folder (the app may save beside its deploy.json). */
function copyOf(fixture: string, name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(REPO, fixture), dir, { recursive: true });
  return dir;
}

async function open(dir: string): Promise<{ served: Served; browser: Browser }> {
  const served = await serve(['--apollo', dir]);
  const browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  await browser.page.goto(served.url);
  await browser.page.getByTestId('node-lobby-4000').waitFor({ timeout: 15000 });
  return { served, browser };
}

const overlayAttr = (browser: Browser, name: string) => browser.page.getByTestId('message-overlay').getAttribute(name);

describe('a messy Apollo project: imported, run, its output and its bug', () => {
  let dir = '';
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    dir = copyOf('fixtures/apollo/import/acme', 'acme');
    ({ served, browser } = await open(dir));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('opens the import: the deploy.json servers with assigned ids, unsaved, whose code runs, and what the import found', async () => {
    const { page } = browser;
    for (const id of ['master', 'proxy-2000', 'proxy-2001', 'lobby-4000', 'game-5000', 'game-5001', 'service-8000', 'client-1']) await page.getByTestId(`node-${id}`).waitFor();
    expect(await page.getByTestId('node-game-5001-serverId').textContent()).toContain('5001');
    expect(await page.getByTestId('status-project').textContent()).toContain('acme');
    expect(await page.getByTestId('mods-notice').textContent()).toContain('Its mods are your own code: they run on this computer with your rights, like your test suite.');
    expect(await page.getByTestId('mods-notice').getAttribute('title')).toBe(dir);
    expect(await page.getByTestId('recovery-offer').count()).toBe(0);
    await page.getByTestId('tab-mod-log').click();
    // Which Python runs the mods, and where it came from (serve got it from SWITCHBOARD_PYTHON or found it).
    const python = page.getByTestId('python-status');
    await python.waitFor();
    expect(await python.getAttribute('data-found')).toBe('true');
    expect(await python.textContent()).toMatch(/Python 2\.7\.\d+/);
    // The browser cannot pick an executable: it names the command-line way instead.
    expect(await page.getByTestId('python-choose').count()).toBe(0);
    const findings = page.getByTestId('mod-log-import');
    expect(await findings.locator('summary').textContent()).toBe('Import: 0 errors, 8 warnings');
    await findings.locator('summary').click();
    expect(await findings.textContent()).toContain('acmeBattle/developer_mods/acmeBattleDev/mod.json:1');
    await screenshot(page, 'apollo-1-imported');
  });

  it('runs: the lobby prints, its bug raises, the error is on the canvas and its traceback names the line', async () => {
    const { page } = browser;
    await page.getByTestId('mods-notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('speed').selectOption('2');
    await page.getByTestId('btn-run').click();
    await page.locator('[data-testid="mod-log-row"][data-kind="error"]').first().waitFor({ timeout: 30000 });
    await page.getByTestId('btn-pause').click();

    await page.getByTestId('node-lobby-4000').click();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.querySelector('[data-testid="mod-log-scope"]')?.textContent === 'lobby 4000');
    expect(await page.getByTestId('field-mods').inputValue()).toBe('acmeLogin, acmeShop');
    const texts = await page.getByTestId('mod-log-row').allTextContents();
    // "hello": mod.json writes "welcome_text" twice; the last one counts, as in Apollo.
    expect(texts.some((t) => t.includes('hello 100001'))).toBe(true);
    expect(texts.some((t) => t.includes('bonus for 100001 2'))).toBe(true);

    await page.locator('[data-testid="mod-log-row"][data-kind="error"]').first().click();
    const detail = page.getByTestId('mod-log-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('ZeroDivisionError: integer division or modulo by zero');
    expect(await detail.getByTestId('fileline').first().textContent()).toBe('acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/loginSystem.py:25');
    expect(await detail.locator('pre').textContent()).toContain('bonus = 100 / data["coins"]');
    await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]')?.getAttribute('data-markers')?.includes('error@lobby-4000'), undefined, { timeout: 10000 });
    await screenshot(page, 'apollo-2-error');

    // A game's world call is not simulated: stubbed, and counted.
    await page.getByTestId('node-game-5000').click();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.querySelector('[data-testid="mod-log-scope"]')?.textContent === 'battle 5000');
    // Counted by the runtime (every use), shown per node.
    await page.getByTestId('mod-log-stubs').locator('td', { hasText: 'SetDisableHunger' }).first().waitFor();
    expect(await page.getByTestId('mod-log-stubs').textContent()).toMatch(/GetEngineCompFactory\(\)\.CreateGame\(\)\.SetDisableHunger\d+×/);
    await screenshot(page, 'apollo-2b-stubs');
    expect(browser.problems).toEqual([]);
  });
});

describe('a sample project (issue 8, 6c): open the folder, run it, see a mod\'s log line and a message on the canvas', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    ({ served, browser } = await open(copyOf('fixtures/apollo/samples/shop', 'shop')));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('runs the shop: the lobby mod logs a player joining, and its messages fly on the canvas', async () => {
    const { page } = browser;
    await page.getByTestId('tab-mod-log').click();
    await page.getByTestId('mods-notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('btn-run').click();
    // A mod's message in flight on the canvas (the wallet request to the shop service, ...).
    await page.waitForFunction(() => Number((globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]')?.getAttribute('data-in-flight') ?? 0) > 0, undefined, { timeout: 30000 });
    const kinds = await overlayAttr(browser, 'data-kinds');
    await screenshot(page, 'apollo-3-shop-running');
    expect(kinds).toMatch(/point|request|response|broadcast/);
    await page.getByTestId('node-lobby-4000').click();
    await page.getByTestId('speed').selectOption('4');
    await page.locator('[data-testid="mod-log-row"]', { hasText: 'player joined' }).first().waitFor({ timeout: 30000 });
    await page.getByTestId('btn-pause').click();
    await screenshot(page, 'apollo-4-shop-log');
    expect(browser.problems).toEqual([]);
  });
});
