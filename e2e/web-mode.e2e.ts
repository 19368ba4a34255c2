// The app in Chromium over web mode: quickstart drawn, simulation runs, files via browser pickers.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser';
import { QUICKSTART, serve, type Served } from './support/serve';

const quickstart = JSON.parse(fs.readFileSync(QUICKSTART, 'utf8')) as { name: string; nodes: { id: string; kind: string; serverId?: number; type?: string }[] };

let served: Served;
let browser: Browser;

const text = async (testId: string) => (await browser.page.getByTestId(testId).textContent()) ?? '';
const count = async () => Number(await text('status-events'));
const seconds = async () => parseFloat(await text('status-time'));
// Wait until a status-bar number passes `min`. A function, not a string: the page's CSP forbids
// eval. This file is type-checked without the DOM library, hence the narrow cast.
type PageGlobal = { document: { querySelector(s: string): { textContent: string | null } | null } };
const waitAbove = (testId: string, min: number) =>
  browser.page.waitForFunction(
    ([id, m]) => parseFloat((globalThis as unknown as PageGlobal).document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '0') > m,
    [testId, min] as const,
    { timeout: 10000 },
  );

beforeAll(async () => {
  served = await serve();
  browser = await launchBrowser();
  await browser.page.goto(served.url);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('web mode in Chromium', () => {
  it('drops the token from the address bar and draws every quickstart node with kind, serverId and type', async () => {
    const { page } = browser;
    expect(page.url()).toBe(`${served.origin}/`);
    for (const n of quickstart.nodes) {
      const node = page.getByTestId(`node-${n.id}`);
      await node.waitFor({ state: 'visible', timeout: 15000 });
      expect(await page.getByTestId(`node-${n.id}-kind`).textContent()).toBe(n.kind);
      if (n.serverId !== undefined) expect(await page.getByTestId(`node-${n.id}-serverId`).textContent()).toBe(String(n.serverId));
      if (n.type !== undefined) expect(await page.getByTestId(`node-${n.id}-type`).textContent()).toBe(n.type);
    }
    expect(await text('status-project')).toBe(quickstart.name);
  });

  it('lays the roles out left to right', async () => {
    const x = async (id: string) => (await browser.page.getByTestId(`node-${id}`).boundingBox())?.x ?? NaN;
    const [client, proxy, lobby, master, service] = await Promise.all(['client-1', 'proxy-2000', 'lobby-4000', 'master', 'service-8000'].map(x));
    expect(client).toBeLessThan(proxy);
    expect(proxy).toBeLessThan(lobby);
    expect(lobby).toBeLessThan(master);
    expect(master).toBeLessThan(service);
  });

  it('runs the simulation for a virtual second: time and the event count rise', async () => {
    const { page } = browser;
    const before = await count();
    // At 1× every hop of the tour takes 600 ms on screen: a virtual second is ~10 s of watching.
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('btn-run').click();
    await waitAbove('status-time', 0.999);
    await page.getByTestId('btn-pause').click();
    await page.getByTestId('speed').selectOption('1');
    await page.getByTestId('btn-run').waitFor();
    expect(await seconds()).toBeGreaterThanOrEqual(1);
    const after = await count();
    expect(after).toBeGreaterThan(before);
    // The event log received the streamed events.
    await page.getByTestId('event-row').first().waitFor();
    expect(await page.getByTestId('event-row').count()).toBeGreaterThan(0);
    // Selecting a node shows its spec and live state in the inspector.
    await page.getByTestId('node-client-1').click();
    await page.getByTestId('inspector-state').waitFor();
    expect(await page.getByTestId('inspector-state').textContent()).toMatch(/^up · on 4000 · player /);
    const file = await screenshot(page, 'web-mode');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it('steps one event at a time', async () => {
    const before = await count();
    await browser.page.getByTestId('btn-step').click();
    await waitAbove('status-events', before);
  });

  it('switches to the dark theme', async () => {
    const { page } = browser;
    await page.getByTestId('btn-theme').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await screenshot(page, 'web-mode-dark');
    await page.getByTestId('btn-theme').click();
  });

  it('downloads the project through the browser (Save As → Download)', async () => {
    const { page } = browser;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-save-as').click()]);
    expect(download.suggestedFilename()).toBe('Quickstart.switchboard.json');
    const saved = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8'));
    expect(saved.nodes.map((n: { id: string }) => n.id)).toEqual(quickstart.nodes.map((n) => n.id));
  });

  it('refuses an invalid upload and names the problem, keeping the open project', async () => {
    const { page } = browser;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open').click()]);
    await chooser.setFiles({ name: 'broken.switchboard.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"switchboard-project","version":1,"name":"B","nodes":[{"id":"x","kind":"robot"}]}') });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('broken.switchboard.json is not a valid Switchboard project');
    expect(await text('status-project')).toBe(quickstart.name);
  });

  it('had no console errors or CSP violations', () => {
    expect(browser.problems).toEqual([]);
  });
});
