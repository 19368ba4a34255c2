// The bottom panels can be given more room: drag their top edge, and the sequence view, the RPC
// timeline and the logs show more rows; the height survives a reload; a double click restores it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQuietQuickstart, type QuietApp } from './support/app';
import { screenshot } from './support/browser';

describe('resizing the bottom panels', () => {
  let app: QuietApp;
  beforeAll(async () => {
    app = await openQuietQuickstart('sb-resize-');
    await app.browser.page.setViewportSize({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The panels' height at the default (the grid row plus what its content adds). */
  let defaultHeight = 0;
  const panelHeight = () => app.browser.page.locator('.sb-bottom').evaluate((el) => el.getBoundingClientRect().height);

  it('drags the top edge up: the panels grow, the canvas stays, and the height survives a reload', async () => {
    const { page } = app.browser;
    await page.getByTestId('tab-sequence').click();
    const before = await panelHeight();
    defaultHeight = before;
    const edge = await page.getByTestId('panel-resizer').boundingBox();
    if (!edge) throw new Error('no resizer');
    const x = edge.x + edge.width / 2;
    const y = edge.y + edge.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 120, { steps: 4 });
    await page.mouse.move(x, y - 250, { steps: 4 });
    await page.mouse.up();
    const after = await panelHeight();
    expect(after - before).toBeGreaterThan(230);
    expect(after - before).toBeLessThan(270);
    // The canvas is still there and still has room.
    const canvas = await page.getByTestId('canvas').boundingBox();
    expect(canvas?.height ?? 0).toBeGreaterThan(200);
    // The canvas refits: the lowest cards are inside the smaller drawing, not under the panels.
    await page.waitForTimeout(600);
    for (const id of ['client-4', 'service-8001', 'game-5001']) {
      const card = await page.getByTestId(`node-${id}`).boundingBox();
      expect((card?.y ?? 0) + (card?.height ?? 0)).toBeLessThanOrEqual((canvas?.y ?? 0) + (canvas?.height ?? 0));
    }
    await screenshot(page, 'panel-resize-1-taller');

    await page.reload();
    await page.getByTestId('node-master').waitFor();
    expect(Math.abs((await panelHeight()) - after)).toBeLessThan(2);
  });

  it('never takes the whole window, and a double click or the keyboard sets it back', async () => {
    const { page } = app.browser;
    const edge = await page.getByTestId('panel-resizer').boundingBox();
    if (!edge) throw new Error('no resizer');
    await page.mouse.move(edge.x + 100, edge.y + 4);
    await page.mouse.down();
    await page.mouse.move(edge.x + 100, 5, { steps: 5 });
    await page.mouse.up();
    expect(await panelHeight()).toBeLessThanOrEqual(900 - 260 + 1);
    await page.getByTestId('panel-resizer').dblclick();
    expect(Math.abs((await panelHeight()) - defaultHeight)).toBeLessThan(2);
    await page.getByTestId('panel-resizer').focus();
    await page.keyboard.press('ArrowUp');
    expect(Math.abs((await panelHeight()) - (defaultHeight + 40))).toBeLessThan(2);
  });
});
