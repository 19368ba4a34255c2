// A real-sized Apollo network as a user meets it at 1440×900: 1 master, 4 proxies, 40 lobby/game,
// 10 services and 2,000 clients. Fit view keeps every server name readable (≥ 11 CSS px on
// screen, measured); clients are one card per proxy with a count and live activity, expandable;
// a burst of messages is drawn as a few arrows with counts; traffic mode shows rates per edge and a
// click on an edge lists its exact messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkProject } from '../bench/network-topology';
import { openProject, type QuietApp } from './support/app';
import { screenshot } from './support/browser';

let app: QuietApp;

type El = { textContent: string | null; offsetHeight: number; getBoundingClientRect(): { height: number }; closest(s: string): { getAttribute(n: string): string | null } | null };
type PageGlobal = { document: { querySelectorAll(s: string): ArrayLike<El>; querySelector(s: string): { dataset: Record<string, string | undefined> } | null }; getComputedStyle(e: El): { fontSize: string } };

const overlay = () => app.browser.page.evaluate(() => ({ ...((globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]')?.dataset ?? {}) }));

beforeAll(async () => {
  app = await openProject('sb-canvas-scale-e2e-', networkProject());
});

afterAll(async () => {
  await app?.close();
});

describe('a 2,000-client network', () => {
  it('fits readably: every server card name is at least 11 px on screen; clients are one card per proxy', async () => {
    const { page } = app.browser;
    await page.waitForTimeout(800);
    const names = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobal;
      return Array.from(g.document.querySelectorAll('.react-flow__node .sb-node__name')).map((el) => ({
        card: el.closest('[data-kind]')?.getAttribute('data-kind') ?? '',
        text: el.textContent ?? '',
        // CSS font size × the on-screen scale of the element (React Flow's zoom).
        px: (parseFloat(g.getComputedStyle(el).fontSize) * el.getBoundingClientRect().height) / el.offsetHeight,
      }));
    });
    await screenshot(page, 'scale-1-fit-2000-clients');
    const servers = names.filter((n) => n.card !== 'client');
    expect(servers.map((n) => n.text)).toEqual(expect.arrayContaining(['Master', 'Proxy 2000', '10 lobby servers', '30 game servers', 'Idv service', 'Log service']));
    for (const n of servers) expect(n.px, n.text).toBeGreaterThanOrEqual(11);
    expect(names.filter((n) => n.card === 'client').map((n) => n.text)).toEqual(['500 clients', '500 clients', '500 clients', '500 clients']);
    expect(await page.locator('.react-flow__node').count()).toBe(4 + 4 + 2 + 1 + 10);
    expect(await page.getByTestId('node-group:clients@2000-state').textContent()).toContain('500 online');
  });

  it('draws a burst from 1,000 clients as a few arrows with counts, and the client cards show the activity', async () => {
    const { page } = app.browser;
    const s = app.host.requireSession();
    for (let i = 0; i < 1000; i++) s.call(`client-${i + 1}`, 'NotifyToServer', { eventName: 'Hello', eventData: { i } });
    await expect.poll(async () => Number((await overlay()).inFlight), { timeout: 10000 }).toBe(1000);
    await page.getByTestId('mode-messages').click();
    await page.getByTestId('btn-run').click();
    await expect.poll(async () => Number(await page.getByTestId('node-group:clients@2000').getAttribute('data-moving')), { timeout: 5000 }).toBeGreaterThan(0);
    const d = await overlay();
    expect(d.mode).toBe('messages');
    // A few arrows (one per card route), not a thousand, each saying how many it stands for.
    expect(Number(d.drawn)).toBeLessThan(20);
    await screenshot(page, 'scale-2-burst-messages');
  });

  it('switches to traffic: rates per edge, and a click on an edge lists its messages', async () => {
    const { page } = app.browser;
    const s = app.host.requireSession();
    for (let i = 0; i < 1000; i++) s.call(`client-${1001 + i}`, 'NotifyToServer', { eventName: 'Move', eventData: { i } });
    await page.getByTestId('mode-traffic').click();
    await expect.poll(async () => Number((await overlay()).lanes), { timeout: 10000 }).toBeGreaterThan(0);
    const d = await overlay();
    expect(d.mode).toBe('traffic');
    expect(Number(d.rateMax)).toBeGreaterThan(0);
    await screenshot(page, 'scale-3-traffic');
    await page.getByTestId('btn-pause').click();
    const edge = page.locator('[data-testid^="rf__edge-cards:group:clients@2000->proxy-2000"]');
    await edge.dispatchEvent('click');
    await page.getByTestId('edge-messages').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('edge-messages').getAttribute('data-count'))).toBeGreaterThan(0);
    await page.getByTestId('edge-message').first().click();
    await expect.poll(async () => page.locator('[data-testid="event-row"].is-selected').count()).toBe(1);
    await screenshot(page, 'scale-4-edge-messages');
  });

  it('expands a client group into its players and folds it back', async () => {
    const { page } = app.browser;
    await page.getByTestId('mode-auto').click();
    await page.getByTestId('node-group:clients@2003-toggle').click();
    await page.locator('[data-testid="node-client-4"]').waitFor({ state: 'attached', timeout: 10000 });
    await page.getByTestId('node-client-4').scrollIntoViewIfNeeded();
    await screenshot(page, 'scale-5-expanded');
    await page.getByTestId('node-group:clients@2003-toggle').click();
    await page.locator('[data-testid="node-client-4"]').waitFor({ state: 'detached' });
    expect(app.browser.problems).toEqual([]);
  });

  it('the sequence view draws the busiest nodes, not 2,055 columns, and a selected group card stands for its busiest members', async () => {
    const { page } = app.browser;
    await page.getByTestId('tab-sequence').click();
    await page.getByTestId('seq-arrow').first().waitFor();
    const lifelines = async () => Number(await page.getByTestId('sequence-view').getAttribute('data-lifelines'));
    // auto: the busiest 10 of the window, and one "(others)".
    expect(await lifelines()).toBeLessThanOrEqual(11);
    expect(await lifelines()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('seq-time').count()).toBeGreaterThan(0);
    await screenshot(page, 'scale-6-sequence-busiest');
    await page.getByTestId('seq-lifelines').selectOption('selected');
    await page.getByTestId('node-group:clients@2000').click();
    await expect.poll(async () => (await page.locator('[data-testid="seq-lifeline"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node') ?? ''))).filter((id) => id.startsWith('client-')).length).toBeGreaterThan(0);
    expect(await lifelines()).toBeLessThanOrEqual(41);
    await page.waitForTimeout(200);
    await screenshot(page, 'scale-7-sequence-selected-group');
    // 41 lifelines are wider than the pane: scrolled sideways, the time column stays at its left.
    const pane = page.getByTestId('sequence-view').locator('.sb-pane__main');
    await pane.evaluate((el) => ((el as unknown as { scrollLeft: number }).scrollLeft = 1500));
    await page.waitForTimeout(100);
    expect(await pane.evaluate((el) => (el as unknown as { scrollLeft: number }).scrollLeft)).toBeGreaterThan(0);
    const paneBox = (await pane.boundingBox())!;
    const timeBox = (await page.locator('.sb-seq__body .sb-seq__timecol').boundingBox())!;
    expect(Math.abs(timeBox.x - paneBox.x)).toBeLessThan(2);
    await screenshot(page, 'scale-8-sequence-scrolled-sideways');
    await page.getByTestId('seq-lifelines').selectOption('auto');
    expect(app.browser.problems).toEqual([]);
  });
});
