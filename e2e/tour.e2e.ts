// The RPC tour as a new user follows it in Chromium: start it, let the app run the quickstart tour
// scenario, predict every hop (one wrong guess on purpose), and reach the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServed } from './support/app';
import { screenshot, type Browser } from './support/browser';

type PageGlobal = { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };

let app: Awaited<ReturnType<typeof openServed>>;
let browser: Browser;

beforeAll(async () => {
  app = await openServed();
  ({ browser } = app);
});

afterAll(async () => {
  await app?.close();
});

// The right answer to each prediction of the RPC tour, by the step it leads to.
const ANSWERS: Record<number, string> = { 1: 'service-8000', 2: 'service-8000', 3: 'lobby-4000', 4: 'lobby-4000' };

describe('the RPC tour', () => {
  it('runs the tour scenario when the trace lacks it, then walks the five steps with predictions', async () => {
    const { page } = browser;
    await page.getByTestId('speed').selectOption('4');
    await page.getByTestId('tab-tours').click();
    await page.getByTestId('tour-start-rpc').click();
    await page.getByTestId('tour-record-rpc').click();
    const card = page.getByTestId('tour-card');
    await card.waitFor({ timeout: 30000 });
    expect(await page.getByTestId('tour-step-title').textContent()).toContain('registers');
    expect(await page.getByTestId('node-service-8000').getAttribute('class')).toContain('is-selected');
    await page.getByTestId('tab-event-log').click();
    await screenshot(page, 'tour-1-register');

    for (let step = 1; step <= 4; step++) {
      await page.getByTestId('tour-next').click();
      await page.getByTestId('tour-question').waitFor();
      // The hop is not shown before the learner answers.
      expect(await card.getAttribute('data-step')).toBe(String(step - 1));
      const guess = step === 1 ? 'lobby-4000' : ANSWERS[step];
      await page.locator(`[data-testid="tour-option"][data-label="${guess}"]`).click();
      const fb = page.getByTestId('tour-feedback');
      expect(await fb.getAttribute('data-correct')).toBe(String(step !== 1));
      if (step === 1) await screenshot(page, 'tour-2-wrong-guess');
      await page.getByTestId('tour-next').click();
      expect(await card.getAttribute('data-step')).toBe(String(step));
      // The request step animates its own hop on the canvas, at the tour's 1×.
      if (step === 1) {
        await page.waitForFunction(() => ((globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]')?.getAttribute('data-kinds') ?? '').includes('request:1'), null, { timeout: 5000 });
        expect(await page.getByTestId('speed').inputValue()).toBe('1');
        await screenshot(page, 'tour-2b-request-hop');
      }
      expect(await page.locator(`[data-testid="node-${ANSWERS[step]}"]`).getAttribute('class')).toContain('is-selected');
      // The event log follows: the step's event is the selected row.
      await page.locator('[data-testid="event-row"].is-selected').waitFor();
      if (step === 3) await screenshot(page, 'tour-3-response');
    }
    expect(await page.getByTestId('tour-step-title').textContent()).toContain('ServerCallback');
    await page.getByTestId('tour-next').click();
    expect(await page.getByTestId('tour-done').textContent()).toContain('3 of 4');
    await screenshot(page, 'tour-4-done');
    // The tour played at 1×; closing it gives the speed chosen before back.
    await page.getByTestId('tour-close').click();
    // The store change renders on the next frame: read it once it has (CI once read it before).
    await expect.poll(() => page.getByTestId('speed').inputValue(), { timeout: 3000 }).toBe('4');
  });

  it('draws the four interface diagrams from the routing table', async () => {
    const { page } = browser;
    await page.getByTestId('tab-interfaces').click();
    for (const d of ['client', 'lobby-game', 'master', 'service']) await page.getByTestId(`diagram-${d}`).waitFor();
    const devEdge = page.locator('[data-testid="diagram-service"] [data-api="NotifyToServiceNode"][data-from="lobby/game"]');
    expect(await devEdge.textContent()).toContain('NeteaseExtraApi/extraApiDev');
    await screenshot(page, 'tour-5-interface-diagrams');
    expect(browser.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
