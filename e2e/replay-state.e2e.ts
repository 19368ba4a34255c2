// The canvas follows the replay playhead, as a new user meets it in Chromium over web mode: open a
// trace recorded by the CLI, scrub and step to just after a transfer and a node stop, and see the
// client on its new server and the stopped node DOWN (and back before them, the old state); export
// Perfetto and OTLP files and read them; then open a trace of a project that is not the open one
// and see it drawn on the topology inferred from it, until "Back to the project".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServed } from './support/app';
import { screenshot, type Browser } from './support/browser';
import { QUICKSTART, REPO } from './support/serve';

let app: Awaited<ReturnType<typeof openServed>>;
let browser: Browser;
let dir = '';
let quickstartTrace = '';
let foreignTrace = '';
let events: { seq: number; type: string; detail?: string; from?: string; to?: string; rpc?: { state: string } }[] = [];

type PageGlobal = { document: { querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null } };
const attr = async (testId: string, name: string) => (await browser.page.getByTestId(testId).first().getAttribute(name)) ?? '';
const position = async () => Number(await attr('replay-bar', 'data-position'));
const text = async (testId: string) => (await browser.page.getByTestId(testId).first().textContent()) ?? '';
const waitAttr = (selector: string, name: string, value: string) =>
  browser.page.waitForFunction(([s, n, v]) => (globalThis as unknown as PageGlobal).document.querySelector(s)?.getAttribute(n) === v, [selector, name, value] as const, { timeout: 15000 });
const waitText = (selector: string, value: string) =>
  browser.page.waitForFunction(([s, v]) => ((globalThis as unknown as PageGlobal).document.querySelector(s)?.textContent ?? '').includes(v), [selector, value] as const, { timeout: 15000 });

function record(project: string, out: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src-main/cli/main.ts'), 'run', project, '--out', out], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`switchboard run failed: ${r.stderr}`);
  return fs.readFileSync(out, 'utf8');
}

/** Index (playhead position) of the first event matching. */
function indexOf(pred: (e: (typeof events)[number]) => boolean): number {
  const i = events.findIndex(pred);
  if (i < 0) throw new Error('no such event in the trace');
  return i;
}

async function openTrace(name: string, body: string): Promise<void> {
  const { page } = browser;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open-trace').click()]);
  await chooser.setFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(body) });
  await waitAttr('[data-testid="replay-bar"]', 'data-length', String(body.trimEnd().split('\n').length - 1));
}

/** Scrub near event `target` (a click on the scrubber), then step to it exactly, as a user would. */
async function goTo(target: number): Promise<void> {
  const { page } = browser;
  const length = Number(await attr('replay-bar', 'data-length'));
  const box = await page.getByTestId('replay-scrubber').boundingBox();
  if (!box) throw new Error('no scrubber');
  await page.mouse.click(box.x + 8 + ((box.width - 16) * (target + 1)) / length, box.y + box.height / 2);
  for (let k = 0; k < 60; k++) {
    const at = await position();
    if (at === target) return;
    // A step forward animates its hop; wait for it to land before the next one.
    await page.getByTestId(at < target ? 'btn-step' : 'btn-step-back').click();
    await expect.poll(position, { timeout: 5000 }).not.toBe(at);
  }
  throw new Error(`could not reach event ${target} (at ${await position()})`);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-replay-state-'));
  quickstartTrace = record(QUICKSTART, path.join(dir, 'quickstart.ndjson'));
  events = quickstartTrace.trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as (typeof events)[number]);
  // Another project: the quickstart's nodes under other ids (an "eu-" region), not in the open document.
  const foreign = fs
    .readFileSync(QUICKSTART, 'utf8')
    .replace(/"(client|proxy|lobby|game|service)-(\d+)"/g, '"eu-$1-$2"')
    .replace(/"(id|node)": "master"/g, '"$1": "eu-master"')
    .replace(/"name": "Quickstart"/, '"name": "Quickstart EU"');
  fs.writeFileSync(path.join(dir, 'eu.switchboard.json'), foreign);
  foreignTrace = record(path.join(dir, 'eu.switchboard.json'), path.join(dir, 'eu.ndjson'));
  app = await openServed();
  browser = app.browser;
});

afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the canvas at the playhead', () => {
  it('opens a trace of the open project on the project’s own layout, before any event', async () => {
    await openTrace('quickstart.ndjson', quickstartTrace);
    expect(await position()).toBe(-1);
    expect(await browser.page.getByTestId('topology-inferred').count()).toBe(0);
    // Before the first event nobody is logged in yet.
    await waitText('[data-testid="node-client-1-on"]', 'offline');
  });

  it('after the transfer, the client is on its new server; after the stop, the node is DOWN', async () => {
    const { page } = browser;
    const transferEnd = indexOf((e) => e.type === 'lifecycle' && e.detail === 'transfer-end' && e.from === 'client-2');
    await goTo(transferEnd);
    await waitText('[data-testid="node-client-2-on"]', '5000');
    expect(await text('node-client-2-on')).toBe('5000');
    expect(await text('node-game-5000-players')).toBe('Player 2');
    expect(await text('node-lobby-4000-players')).not.toContain('Player 2');
    expect(await text('node-client-1-on')).toBe('4000');

    // During the transfer: still on the lobby, moving to the game.
    await page.getByTestId('btn-step-back').click();
    await waitText('[data-testid="node-client-2-on"]', '4000 → 5000');

    const stop = indexOf((e) => e.type === 'lifecycle' && e.detail === 'stop');
    await goTo(stop);
    await waitAttr('[data-testid="node-service-8001"]', 'data-down', 'true');
    expect(await page.getByTestId('node-service-8001-down').textContent()).toBe('down');
    await waitAttr('[data-testid="message-overlay"]', 'data-down', 'service-8001');
    expect(await attr('node-service-8000', 'data-down')).toBe('false');
    expect(await text('node-client-2-on')).toBe('5000');
    // Markers of the events the scrub passed (callbacks seconds earlier) are not popped up.
    await page.waitForTimeout(300);
    expect(await attr('message-overlay', 'data-markers')).toBe('');
    await screenshot(page, 'replay-state-1-after-transfer-and-stop');

    // The master's request to the stopped rank service: pending on the master, and in flight.
    const request = indexOf((e) => e.type === 'send' && e.from === 'master' && e.rpc?.state === 'requested');
    await goTo(request);
    await page.getByTestId('node-master-rpcs').waitFor();
    expect(await attr('node-master-rpcs', 'data-count')).toBe('1');
    expect(await attr('node-master-rpcs', 'data-states')).toBe('requested');
    await page.waitForFunction(() => Number((globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]')?.getAttribute('data-in-flight') ?? '0') >= 1, undefined, { timeout: 15000 });
    await screenshot(page, 'replay-state-2-rpc-pending-in-flight');

    // Back before the stop and the transfer: up again, and on the lobby.
    await goTo(transferEnd - 2);
    await waitAttr('[data-testid="node-service-8001"]', 'data-down', 'false');
    await waitText('[data-testid="node-client-2-on"]', '4000');
    expect(await text('node-client-2-on')).toBe('4000');
    expect(await text('node-lobby-4000-players')).toContain('Player 2');
    expect(await page.getByTestId('node-master-rpcs').count()).toBe(0);
  });

  it('downloads a Perfetto trace-event file and an OTLP file that parse', async () => {
    const { page } = browser;
    const read = async (testId: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), json: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> };
    };
    const chrome = await read('export-chrome-trace');
    expect(chrome.name).toBe('quickstart.chrome-trace.json');
    const traceEvents = chrome.json.traceEvents as { ph: string; ts: number; pid: number; tid: number }[];
    expect(Array.isArray(traceEvents)).toBe(true);
    expect(traceEvents.length).toBeGreaterThan(events.length / 2);
    for (const e of traceEvents) expect(typeof e.ph).toBe('string');
    expect(traceEvents.some((e) => e.ph === 'X')).toBe(true);
    const otlp = await read('export-otlp');
    expect(otlp.name).toBe('quickstart.otlp.json');
    const spans = (otlp.json.resourceSpans as { scopeSpans: { spans: { name: string }[] }[] }[]).flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    expect(spans.length).toBeGreaterThan(0);
  });

  it('draws a trace of another project on the topology inferred from it, read-only, with a way back', async () => {
    const { page } = browser;
    await openTrace('eu.ndjson', foreignTrace);
    const notice = page.getByTestId('topology-inferred');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Topology inferred from the trace');
    expect(await attr('topology-inferred', 'data-nodes')).toBe('12');
    await page.getByTestId('node-eu-lobby-4000').waitFor();
    for (const id of ['eu-master', 'eu-proxy-2000', 'eu-game-5001', 'eu-service-8001', 'eu-client-4']) expect(await page.getByTestId(`node-${id}`).count()).toBe(1);
    expect(await page.getByTestId('node-lobby-4000').count()).toBe(0);
    expect(await page.getByTestId('node-eu-lobby-4000-kind').textContent()).toBe('lobby');
    // Its state replays on it too.
    const eu = foreignTrace.trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as (typeof events)[number]);
    await goTo(eu.findIndex((e) => e.detail === 'stop'));
    await waitText('[data-testid="node-eu-client-2-on"]', '5000');
    await waitAttr('[data-testid="node-eu-service-8001"]', 'data-down', 'true');
    await page.waitForTimeout(400);
    await screenshot(page, 'replay-state-3-inferred-topology');

    await page.getByTestId('btn-close-trace').click();
    await notice.waitFor({ state: 'detached' });
    await page.getByTestId('node-lobby-4000').waitFor();
    expect(await page.getByTestId('node-eu-lobby-4000').count()).toBe(0);
    await waitAttr('[data-testid="replay-bar"]', 'data-live', 'true');
    await page.waitForTimeout(400);
    await screenshot(page, 'replay-state-4-back-to-project');
    expect(browser.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
