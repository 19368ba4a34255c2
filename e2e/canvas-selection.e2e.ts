// Selection on the canvas as a user meets it: with a connection selected (its latency form open),
// "+ lobby" in the palette adds a lobby and selects it. This used to turn the page white (React
// error #185: the canvas and React Flow kept handing the selection back and forth).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickEdge, openQuietQuickstart, type QuietApp } from './support/app';
import { screenshot } from './support/browser';

let app: QuietApp;

beforeAll(async () => {
  app = await openQuietQuickstart('sb-canvas-selection-e2e-');
});

afterAll(async () => {
  await app?.close();
});

describe('adding a node while a connection is selected', () => {
  it('adds and selects the node; the page stays up', async () => {
    const { page, problems } = app.browser;
    await clickEdge(page, 'implied:lobby-4000->service-8000');
    await page.getByTestId('link-form').waitFor();
    await page.getByTestId('add-lobby').click();
    await page.getByTestId('node-lobby-4001').waitFor({ timeout: 5000 });
    await expect.poll(() => app.host.doc.current.project.nodes.some((n) => n.id === 'lobby-4001')).toBe(true);
    // The inspector shows the new lobby (not the connection), and the canvas still draws every node.
    await page.getByTestId('node-form').waitFor();
    expect(await page.getByTestId('node-form').textContent()).toContain('lobby-4001');
    await page.waitForTimeout(500);
    expect(await page.locator('.react-flow__node').count()).toBe(13);
    expect(await page.locator('[data-testid="node-lobby-4001"]').evaluate((el) => (el as unknown as { className: string }).className)).toContain('is-selected');
    await screenshot(page, 'canvas-selection-01-added-with-edge-selected');
    expect(problems).toEqual([]);
  });

  it('selects by clicking cards (Shift adds), and a click on the empty canvas clears it', async () => {
    const { page, problems } = app.browser;
    const selected = () => page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { id: string } }).dataset.id).sort());
    await page.getByTestId('node-master').click();
    await expect.poll(selected).toEqual(['master']);
    await page.getByTestId('node-proxy-2000').click({ modifiers: ['Shift'] });
    await expect.poll(selected).toEqual(['master', 'proxy-2000']);
    await page.getByTestId('node-game-5000').click();
    await expect.poll(selected).toEqual(['game-5000']);
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await expect.poll(selected).toEqual([]);
    expect(problems).toEqual([]);
  });
});
