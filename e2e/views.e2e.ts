// The replay views as a user meets them in Chromium over web mode: the sequence view narrows its
// lifelines (busiest N, selected nodes, the two ends of the selected RPC) and has a time column;
// the RPC timeline zooms and pans and fits again; a trace of another project makes the node list,
// the inspector and the breakpoints list the trace's nodes, not the open project's.
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

type PageGlobal = { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
const attr = async (testId: string, name: string) => (await browser.page.getByTestId(testId).first().getAttribute(name)) ?? '';
const lifelineIds = () => browser.page.locator('[data-testid="seq-lifeline"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node') ?? ''));
const viewSpan = async () => ({ start: Number(await attr('rpc-timeline', 'data-view-start')), end: Number(await attr('rpc-timeline', 'data-view-end')) });

function record(project: string, out: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'src-main/cli/main.ts'), 'run', project, '--out', out], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`switchboard run failed: ${r.stderr}`);
  return fs.readFileSync(out, 'utf8');
}

async function openTrace(name: string, body: string): Promise<void> {
  const { page } = browser;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('btn-open-trace').click()]);
  await chooser.setFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(body) });
  const length = String(body.trimEnd().split('\n').length - 1);
  await page.waitForFunction((v) => (globalThis as unknown as PageGlobal).document.querySelector('[data-testid="replay-bar"]')?.getAttribute('data-length') === v, length, { timeout: 15000 });
}

/** A click on the scrubber at `frac` of the trace. */
async function scrubTo(frac: number): Promise<void> {
  const box = await browser.page.getByTestId('replay-scrubber').boundingBox();
  if (!box) throw new Error('no scrubber');
  await browser.page.mouse.click(box.x + 8 + (box.width - 16) * frac, box.y + box.height / 2);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-views-'));
  quickstartTrace = record(QUICKSTART, path.join(dir, 'quickstart.ndjson'));
  // Another project: the quickstart's nodes under other ids, not in the open document.
  const foreign = fs
    .readFileSync(QUICKSTART, 'utf8')
    .replace(/"(client|proxy|lobby|game|service)-(\d+)"/g, '"eu-$1-$2"')
    .replace(/"(id|node)": "master"/g, '"$1": "eu-master"');
  fs.writeFileSync(path.join(dir, 'eu.switchboard.json'), foreign);
  foreignTrace = record(path.join(dir, 'eu.switchboard.json'), path.join(dir, 'eu.ndjson'));
  app = await openServed();
  browser = app.browser;
  await openTrace('quickstart.ndjson', quickstartTrace);
  await scrubTo(0.5);
});

afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the sequence view', () => {
  it('has a time column and draws all 12 nodes of the quickstart by default', async () => {
    const { page } = browser;
    await page.getByTestId('tab-sequence').click();
    await page.getByTestId('seq-arrow').first().waitFor();
    expect(await attr('sequence-view', 'data-lifelines')).toBe('12');
    const times = await page.getByTestId('seq-time').allTextContents();
    expect(times.length).toBeGreaterThan(5);
    for (const t of times) expect(t).toMatch(/^\d+(\.\d+)? (ms|s)$/);
    // The scrub moved time too (it used to stay at 0 until playing): the replay bar's time is at or
    // just after the current row's (a row is a send; the playhead may be on its delivery).
    const ms = (t: string | null) => (t?.endsWith(' s') ? parseFloat(t) * 1000 : parseFloat(t ?? 'NaN'));
    const now = ms(await page.getByTestId('replay-time').textContent());
    const row = ms(await page.locator('.sb-seq__time.is-current').textContent());
    expect(now).toBeGreaterThan(0);
    expect(now).toBeGreaterThanOrEqual(row);
    expect(now - row).toBeLessThan(200);
    // Time runs down the column.
    const secs = times.map(ms);
    expect([...secs].sort((a, b) => a - b)).toEqual(secs);
    await screenshot(page, 'views-1-sequence-all-with-time');
  });

  it('narrows to the busiest N, with one lifeline for the others', async () => {
    const { page } = browser;
    await page.getByTestId('seq-lifelines').selectOption('busiest');
    await page.getByTestId('seq-busiest-n').fill('3');
    await expect.poll(lifelineIds).toHaveLength(4);
    const ids = await lifelineIds();
    expect(ids.at(-1)).toBe('(others)');
    expect(await page.getByTestId('seq-arrow').count()).toBeGreaterThan(0);
    await screenshot(page, 'views-2-sequence-busiest-3');
  });

  it('narrows to the nodes selected on the canvas', async () => {
    const { page } = browser;
    await page.getByTestId('seq-lifelines').selectOption('selected');
    await page.getByTestId('node-lobby-4000').click();
    await page.getByTestId('node-service-8000').click({ modifiers: ['Shift'] });
    await expect.poll(async () => (await lifelineIds()).filter((id) => id !== '(others)')).toEqual(['lobby-4000', 'service-8000']);
    await screenshot(page, 'views-3-sequence-selected');
  });

  it('narrows to the two ends of the RPC selected in the RPC timeline', async () => {
    const { page } = browser;
    await page.getByTestId('seq-lifelines').selectOption('rpc');
    await page.getByTestId('tab-rpc-timeline').click();
    const row = page.locator('[data-testid="rpc-row"]').first();
    await row.click();
    const who = ((await row.textContent()) ?? '').match(/[a-z]+(-\d+)?/g) ?? [];
    await page.getByTestId('tab-sequence').click();
    const ends = (await lifelineIds()).filter((id) => id !== '(others)');
    expect(ends.length).toBeGreaterThanOrEqual(1);
    expect(ends.length).toBeLessThanOrEqual(2);
    for (const id of ends) expect(who).toContain(id);
    await screenshot(page, 'views-4-sequence-rpc');
    await page.getByTestId('seq-lifelines').selectOption('auto');
  });
});

describe('the RPC timeline', () => {
  it('zooms in and out, pans with buttons and by dragging the axis, and fits again', async () => {
    const { page } = browser;
    await page.getByTestId('tab-rpc-timeline').click();
    const all = await viewSpan();
    expect(all.end).toBeGreaterThan(all.start);
    await page.getByTestId('rpc-zoom-in').click();
    await page.getByTestId('rpc-zoom-in').click();
    const zoomed = await viewSpan();
    expect(zoomed.end - zoomed.start).toBeLessThan((all.end - all.start) / 3);
    await page.getByTestId('rpc-pan-left').click();
    await page.getByTestId('rpc-pan-left').click();
    const left = await viewSpan();
    expect(left.start).toBeLessThanOrEqual(zoomed.start);
    // Drag the axis to the left: later times come into view.
    const box = await page.getByTestId('rpc-axis').boundingBox();
    if (!box) throw new Error('no axis');
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = await viewSpan();
    expect(dragged.start).toBeGreaterThan(left.start);
    expect(dragged.end - dragged.start).toBeCloseTo(left.end - left.start, -1);
    // Ctrl+wheel over the axis zooms around the cursor.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(async () => { const v = await viewSpan(); return v.end - v.start; }).toBeLessThan(dragged.end - dragged.start);
    expect(await page.getByTestId('rpc-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'views-5-rpc-zoomed');
    // The window survives a trip to another tab.
    const kept = await viewSpan();
    await page.getByTestId('tab-sequence').click();
    await page.getByTestId('tab-rpc-timeline').click();
    expect(await viewSpan()).toEqual(kept);
    // Dark mode: the axis, the buttons and the bars stay readable.
    await page.getByTestId('btn-theme').click();
    await page.waitForTimeout(200);
    await screenshot(page, 'views-5b-rpc-zoomed-dark');
    await page.getByTestId('tab-sequence').click();
    await page.getByTestId('seq-arrow').first().waitFor();
    await screenshot(page, 'views-5c-sequence-dark');
    await page.getByTestId('btn-theme').click();
    await page.getByTestId('tab-rpc-timeline').click();
    await page.getByTestId('rpc-fit').click();
    expect(await viewSpan()).toEqual(all);
    expect(await page.getByTestId('rpc-fit').isDisabled()).toBe(true);
  });
});

describe('a trace of another project', () => {
  it('the node list, the inspector and the breakpoints follow the trace', async () => {
    const { page } = browser;
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await openTrace('eu.ndjson', foreignTrace);
    await page.getByTestId('topology-inferred').waitFor();
    // Node list: the trace's nodes, read-only (no "+").
    await page.getByTestId('palette-trace').waitFor();
    const listed = await page.getByTestId('palette-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
    expect(listed).toContain('eu-lobby-4000');
    expect(listed.some((n) => n === 'lobby-4000')).toBe(false);
    expect(await page.getByTestId('add-lobby').count()).toBe(0);
    // Inspector: what the trace holds, then a node of it.
    await page.getByTestId('trace-summary').waitFor();
    await page.getByTestId('node-eu-lobby-4000').click();
    await page.getByTestId('trace-node-inspector').waitFor();
    expect(await page.getByTestId('trace-node-inspector').textContent()).toContain('eu-lobby-4000');
    await screenshot(page, 'views-6-trace-inspector');
    // Breakpoints: a node of the trace can be picked.
    await page.getByTestId('tab-breakpoints').click();
    const options = await page.getByTestId('bp-node').locator('option').allTextContents();
    expect(options).toContain('eu-master');
    expect(options).not.toContain('master');
    await screenshot(page, 'views-7-trace-breakpoints');
    // The event log's node filter and Find (Ctrl+F) too.
    await page.getByTestId('tab-event-log').click();
    const logNodes = await page.getByTestId('filter-node').locator('option').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(logNodes).toContain('eu-game-5001');
    expect(logNodes).not.toContain('game-5001');
    await page.getByTestId('canvas').click({ position: { x: 20, y: 200 } });
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-node').locator('input').fill('eu-game-5001');
    await page.getByTestId('find-node').locator('li button').first().click();
    await expect.poll(async () => (await page.getByTestId('trace-node-inspector').textContent()) ?? '').toContain('eu-game-5001');
    // Back to the project: the document's nodes again.
    await page.getByTestId('btn-close-trace').click();
    await page.getByTestId('palette-trace').waitFor({ state: 'detached' });
    expect(await page.getByTestId('palette-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')))).toContain('lobby-4000');
    expect(browser.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
