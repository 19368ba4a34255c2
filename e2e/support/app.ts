// The two ways the browser tests start the app, each opened in Chromium and waited for:
// - openServed: the real `switchboard serve` child process on the quickstart project;
// - openQuietQuickstart: web mode in-process on a copy of the quickstart without its scenarios,
//   so only what the test fires happens, with the host at hand for exact assertions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Host } from '../../src-main/host/host';
import { startWebMode } from '../../src-main/web/web-mode';
import { launchBrowser, type Browser } from './browser';
import { QUICKSTART, serve, type Served } from './serve';

async function openIn(url: string, readyTestId: string): Promise<Browser> {
  const browser = await launchBrowser();
  await browser.page.goto(url);
  await browser.page.getByTestId(readyTestId).waitFor({ timeout: 15000 });
  return browser;
}

export async function openServed(readyTestId = 'node-lobby-4000'): Promise<{ served: Served; browser: Browser; close(): Promise<void> }> {
  const served = await serve();
  const browser = await openIn(served.url, readyTestId);
  return {
    served,
    browser,
    async close() {
      await browser.close();
      await served.stop();
    },
  };
}

export interface QuietApp {
  web: Awaited<ReturnType<typeof startWebMode>>;
  host: Host;
  browser: Browser;
  close(): Promise<void>;
}

export async function openQuietQuickstart(prefix: string): Promise<QuietApp> {
  const project = JSON.parse(fs.readFileSync(QUICKSTART, 'utf8')) as Record<string, unknown>;
  return openProject(prefix, { ...project, scenarios: [] });
}

/** Web mode in-process on `project` (written to a temp file), opened in Chromium. */
export async function openProject(prefix: string, project: unknown, readyTestId = 'node-master'): Promise<QuietApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'project.switchboard.json');
  fs.writeFileSync(file, JSON.stringify(project));
  const web = await startWebMode({ staticDir: 'out/renderer', project: file, configDir: path.join(dir, 'config') });
  const browser = await openIn(web.server.url, readyTestId);
  return {
    web,
    host: web.host,
    browser,
    async close() {
      await browser.close();
      await web.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Select a canvas edge as a click on it does. The click is dispatched on the edge itself: in
 * headless Chromium, hit-testing React Flow's per-edge SVGs at a point on the line was flaky (a
 * level edge also has a 0 px tall box, which Playwright's actionability checks call hidden). */
export async function clickEdge(page: Browser['page'], edgeId: string): Promise<void> {
  const edge = page.locator(`[data-testid="rf__edge-${edgeId}"]`);
  await edge.waitFor({ state: 'attached' });
  await edge.dispatchEvent('click');
  await page.waitForFunction((id) => ((globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document.querySelector(`[data-testid="rf__edge-${id}"]`)?.getAttribute('class') ?? '').includes('is-selected'), edgeId, { timeout: 5000 });
}
