// The topology canvas as a new user meets it, in Chromium over web mode: add a service and set
// its type and modules, slow a link down, fire RequestToServiceMod from the lobby and watch the
// request travel, the response come back and the callback land in the event log; fire
// BroadcastToService and see one thick fan-out to every service; stop a service and see a request
// time out. Each step leaves a screenshot in test-output/canvas-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../src-main/host/host';
import { clickEdge, openQuietQuickstart, type QuietApp } from './support/app';
import { screenshot, type Browser } from './support/browser';

type Overlay = { dataset: Record<string, string | undefined> };
type PageGlobal = { document: { querySelector(s: string): unknown } };

let app: QuietApp;
let browser: Browser;
let host: Host;

beforeAll(async () => {
  app = await openQuietQuickstart('sb-canvas-e2e-');
  ({ browser, host } = app);
});

afterAll(async () => {
  await app?.close();
});

/** Overlay attributes, read in the page (a function: the CSP forbids eval). */
async function waitOverlay(pred: (d: Record<string, string | undefined>) => boolean, timeout = 8000): Promise<Record<string, string | undefined>> {
  const started = Date.now();
  for (;;) {
    const d = await browser.page.evaluate(() => ({ ...(((globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]') as Overlay | null)?.dataset ?? {}) }));
    if (pred(d)) return d;
    if (Date.now() - started > timeout) throw new Error(`overlay never matched; last: ${JSON.stringify(d)}`);
    await browser.page.waitForTimeout(30);
  }
}

async function fire(node: string, api: string, fields: Record<string, string>): Promise<void> {
  const { page } = browser;
  await page.getByTestId('tab-fire').click();
  await page.getByTestId('fire-node').selectOption(node);
  await page.getByTestId('fire-api').selectOption(api);
  for (const [name, value] of Object.entries(fields)) {
    const field = page.getByTestId(`arg-${name}`);
    if ((await field.evaluate((el) => (el as unknown as { tagName: string }).tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId('fire-send').click();
  await expect.poll(async () => page.getByTestId('fire-result').textContent()).toMatch(/^sent /);
}

describe('topology canvas in Chromium', () => {
  it('adds a service by dragging it from the palette, then sets its type and modules', async () => {
    const { page } = browser;
    await screenshot(page, 'canvas-01-loaded');
    const box = await page.getByTestId('canvas').boundingBox();
    await page.getByTestId('palette-service').dragTo(page.getByTestId('canvas'), { targetPosition: { x: (box?.width ?? 800) * 0.55, y: (box?.height ?? 500) * 0.85 } });
    await page.getByTestId('node-service-8002').waitFor({ timeout: 5000 });
    await page.getByTestId('field-type').fill('');
    await expect.poll(async () => page.getByTestId('node-form').textContent()).toMatch(/needs "type"/);
    await page.getByTestId('field-type').fill('shop');
    await page.getByTestId('field-type').press('Enter');
    // Typed at once, before the host's echo of the type edit re-renders the form: what is typed stays.
    await page.getByTestId('field-moduleNames').fill('shop, shop_admin');
    await page.getByTestId('field-moduleNames').press('Enter');
    await expect.poll(() => host.doc.current.project.nodes.find((n) => n.id === 'service-8002')).toMatchObject({ type: 'shop', moduleNames: ['shop', 'shop_admin'] });
    // The session restarted on the edited topology: the new service exists there.
    await expect.poll(() => host.session?.project.nodes.some((n) => n.id === 'service-8002')).toBe(true);
    await screenshot(page, 'canvas-02-service-added');
  });

  it('edits the latency of the lobby–service connection', async () => {
    const { page } = browser;
    await page.getByTestId('tab-inspect').click();
    await clickEdge(page, 'implied:lobby-4000->service-8000');
    await page.getByTestId('link-latencyMs').fill('1500');
    await page.getByTestId('link-latencyMs').press('Enter');
    await expect.poll(() => host.doc.current.project.links.find((l) => l.a === 'lobby-4000' && l.b === 'service-8000')?.latencyMs).toBe(1500);
    await screenshot(page, 'canvas-03-link-latency');
  });

  it('fires RequestToServiceMod from the lobby: the request travels, the response returns, the callback is logged', async () => {
    const { page } = browser;
    await fire('lobby-4000', 'RequestToServiceMod', { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: '{"uid": 101, "name": "nickname"}', timeout: '5' });
    await waitOverlay((d) => (d.kinds ?? '').includes('request:1'));
    await page.getByTestId('btn-run').click();
    const a = await waitOverlay((d) => (d.kinds ?? '').includes('request:1') && Number(d.t) > 300);
    const b = await waitOverlay((d) => (d.kinds ?? '').includes('request:1') && Number(d.t) > Number(a.t) + 200);
    expect(Number(b.t)).toBeGreaterThan(Number(a.t));
    await screenshot(page, 'canvas-04-request-travelling');
    await waitOverlay((d) => (d.kinds ?? '').includes('response:1') && Number(d.t) > 1900, 10000);
    await screenshot(page, 'canvas-05-response-returning');
    await waitOverlay((d) => (d.markers ?? '').includes('callback@lobby-4000'), 10000);
    await page.getByTestId('btn-pause').click();
    await page.getByTestId('filter-type').selectOption('callback');
    const row = page.locator('[data-testid="event-row"][data-type="callback"]').last();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/RequestToServiceMod.*suc=true/);
    await row.click();
    await page.getByTestId('event-detail').waitFor();
    expect(await page.getByTestId('event-payload').textContent()).toContain('result');
    await screenshot(page, 'canvas-06-callback-row');
    await page.getByTestId('filter-type').selectOption('');
  });

  it('fires BroadcastToService: one thick fan-out reaching every service', async () => {
    const { page } = browser;
    await fire('lobby-4000', 'BroadcastToService', { eventName: 'HelloServices', eventData: '{"hi": 1}' });
    await page.getByTestId('btn-run').click();
    const d = await waitOverlay((o) => /broadcast:3/.test(o.kinds ?? '') && Number(o.t) > 0);
    await page.getByTestId('btn-pause').click();
    expect((d.kinds ?? '').match(/broadcast:\d+/g)).toEqual(['broadcast:3']);
    await screenshot(page, 'canvas-07-broadcast-fanout');
    const sent = host.session!.sim.trace.slice(0).filter((e) => e.type === 'send' && e.api === 'BroadcastToService');
    expect(sent.at(-1)?.targets?.sort()).toEqual(['service-8000', 'service-8001', 'service-8002']);
  });

  it('stops a service: a request to it times out after its timeout, marked on the caller', async () => {
    const { page } = browser;
    await page.getByTestId('tab-fire').click();
    await page.getByTestId('fire-node').selectOption('service-8000');
    await page.getByTestId('step-stop').click();
    await expect.poll(() => host.session?.nodeState('service-8000').up).toBe(false);
    await waitOverlay((d) => (d.down ?? '').split(' ').includes('service-8000'));
    await fire('lobby-4000', 'RequestToServiceMod', { modname: 'idv_service', method: 'PlayerJoinOKEvent', args: '{}', timeout: '0.5' });
    await page.getByTestId('btn-run').click();
    await waitOverlay((d) => (d.markers ?? '').includes('timeout@lobby-4000'), 10000);
    await page.getByTestId('btn-pause').click();
    const trace = host.session!.sim.trace.slice(0);
    const send = trace.filter((e) => e.type === 'send' && e.api === 'RequestToServiceMod').at(-1)!;
    const cb = trace.find((e) => e.type === 'callback' && e.suc === false && e.t > send.t)!;
    expect(cb.t - send.t).toBe(500);
    await page.getByTestId('filter-type').selectOption('callback');
    expect(await page.locator('[data-testid="event-row"][data-type="callback"]').last().textContent()).toMatch(/suc=false/);
    await screenshot(page, 'canvas-08-timeout');
    await page.getByTestId('filter-type').selectOption('');
  });

  it('opens the command palette with every action and its shortcut; undo reverts an edit', async () => {
    const { page } = browser;
    await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    expect(await page.getByTestId('command-palette').textContent()).toMatch(/Undo.*Ctrl\+Z/s);
    await screenshot(page, 'canvas-09-command-palette');
    await page.keyboard.press('Escape');
    const before = host.doc.current.project.links.length;
    await page.keyboard.press('Control+z');
    await expect.poll(() => host.doc.current.project.links.length).toBe(before - 1);
    await page.keyboard.press('Control+y');
    await expect.poll(() => host.doc.current.project.links.length).toBe(before);
    expect(browser.problems).toEqual([]);
  });
});
