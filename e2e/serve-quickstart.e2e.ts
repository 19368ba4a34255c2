// `switchboard serve` with neither --project nor --apollo opens the built-in quickstart, as the
// README says: a new user sees its twelve nodes and can run it at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from './support/browser';
import { serve, type Served } from './support/serve';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve([]);
  browser = await launchBrowser();
  await browser.page.goto(served.url);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('serve without --project', () => {
  it('opens the quickstart, ready to run', async () => {
    const { page } = browser;
    await page.getByTestId('node-lobby-4000').waitFor({ timeout: 15000 });
    expect(await page.locator('.react-flow__node').count()).toBe(12);
    expect(await page.getByTestId('status-project').textContent()).toContain('Quickstart');
    expect(await page.getByTestId('btn-run').isDisabled()).toBe(false);
    await screenshot(page, 'serve-quickstart-1-opened');
    expect(browser.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
