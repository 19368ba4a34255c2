// Adding nodes as a new user does, in Chromium over web mode: "+" puts a node in free space in its
// role column (on no other card); the cards' handles are not connectors (dragging between them
// draws nothing); "+ client" in a project without a proxy offers to add one instead of failing
// validation; notices go on Reset and on another project.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject, openQuietQuickstart, type QuietApp } from './support/app';
import { screenshot } from './support/browser';
import { QUICKSTART } from './support/serve';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('"+" in the palette', () => {
  let app: QuietApp;
  beforeAll(async () => {
    app = await openQuietQuickstart('sb-canvas-adding-e2e-');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('puts a lobby at the foot of the lobby/game column, on no other card', async () => {
    const { page, problems } = app.browser;
    const before = await page.getByTestId('node-game-5001').boundingBox();
    await page.getByTestId('add-lobby').click();
    const added = page.getByTestId('node-lobby-4001');
    await added.waitFor({ timeout: 5000 });
    await expect.poll(() => app.host.doc.current.project.nodes.find((n) => n.id === 'lobby-4001')?.position).toBeTruthy();
    await page.waitForTimeout(400);
    const box = (await added.boundingBox())!;
    const lobby = (await page.getByTestId('node-lobby-4000').boundingBox())!;
    const game = (await page.getByTestId('node-game-5001').boundingBox())!;
    // Same column as the lobby, below the column's last card, and that card did not move down.
    expect(Math.abs(box.x - lobby.x)).toBeLessThan(3);
    expect(box.y).toBeGreaterThan(game.y + game.height);
    expect(game.y).toBeLessThanOrEqual(before!.y + 1);
    const others = await page.locator('.react-flow__node').evaluateAll((els) =>
      els.map((e) => ({ id: (e as unknown as { dataset: { id: string } }).dataset.id, r: (e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect() })),
    );
    for (const o of others) if (o.id !== 'lobby-4001') expect(overlap(box, o.r), `on ${o.id}`).toBe(false);
    // Another one goes below the first.
    await page.getByTestId('add-lobby').click();
    await page.getByTestId('node-lobby-4002').waitFor({ timeout: 5000 });
    // (The view may have been fitted to bring it on screen: measure again.)
    await page.waitForTimeout(700);
    const second = (await page.getByTestId('node-lobby-4002').boundingBox())!;
    const first = (await added.boundingBox())!;
    expect(Math.abs(second.x - first.x)).toBeLessThan(3);
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
    await screenshot(page, 'canvas-adding-1-plus-lobby');
    expect(problems).toEqual([]);
  });

  it('handles do not look like connectors, and dragging between cards draws no connection', async () => {
    const { page } = app.browser;
    const handle = page.locator('[data-testid="node-lobby-4000"]').locator('..').locator('.react-flow__handle').first();
    type Win = { getComputedStyle(e: unknown): { opacity: string; pointerEvents: string } };
    expect(await handle.evaluate((e) => (globalThis as unknown as Win).getComputedStyle(e).opacity)).toBe('0');
    expect(await handle.evaluate((e) => (globalThis as unknown as Win).getComputedStyle(e).pointerEvents)).toBe('none');
    const links = app.host.doc.current.project.links.length;
    const a = (await page.getByTestId('node-proxy-2000').boundingBox())!;
    const b = (await page.getByTestId('node-master').boundingBox())!;
    // From the proxy's right edge (where its handle is) to the master's left edge.
    await page.mouse.move(a.x + a.width - 1, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + 1, b.y + b.height / 2, { steps: 8 });
    expect(await page.locator('.react-flow__connectionline').count()).toBe(0);
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(app.host.doc.current.project.links.length).toBe(links);
  });
});

describe('"+ client" without a proxy, and notices', () => {
  let app: QuietApp;
  beforeAll(async () => {
    const quickstart = JSON.parse(fs.readFileSync(QUICKSTART, 'utf8')) as { nodes: { kind: string }[] };
    const noProxy = { ...quickstart, nodes: quickstart.nodes.filter((n) => n.kind !== 'proxy' && n.kind !== 'client'), links: [], scenarios: [] };
    app = await openProject('sb-canvas-noproxy-e2e-', noProxy);
    // New asks before discarding unsaved edits.
    app.browser.page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('offers to add a proxy with the client instead of a schema error', async () => {
    const { page, problems } = app.browser;
    await page.getByTestId('add-client').click();
    const offer = page.getByTestId('offer-add-proxy');
    await offer.waitFor({ timeout: 5000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('notice').textContent()).toContain('through a proxy');
    await screenshot(page, 'canvas-adding-2-client-offer');
    await offer.click();
    await page.getByTestId('node-client-101').waitFor({ timeout: 5000 });
    await page.getByTestId('node-proxy-2000').waitFor();
    const nodes = app.host.doc.current.project.nodes;
    expect(nodes.find((n) => n.id === 'client-101')?.proxy).toBe(2000);
    expect(nodes.some((n) => n.id === 'proxy-2000')).toBe(true);
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByTestId('node-form').waitFor();
    expect(await page.getByTestId('node-form').textContent()).toContain('client-101');
    await page.waitForTimeout(300);
    await screenshot(page, 'canvas-adding-3-client-with-proxy');
    // With a proxy there, "+ client" adds the client at once.
    await page.getByTestId('add-client').click();
    await page.getByTestId('node-client-102').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('Reset and another project dismiss notices', async () => {
    const { page } = app.browser;
    // A notice about this project: the offer (delete the proxy first, through the host).
    const withoutProxy = { ...app.host.doc.current.project, nodes: app.host.doc.current.project.nodes.filter((n) => n.kind !== 'proxy' && n.kind !== 'client') };
    app.host.doc.edit(withoutProxy);
    await page.getByTestId('node-proxy-2000').waitFor({ state: 'detached' });
    await page.getByTestId('add-client').click();
    await page.getByTestId('notice').waitFor();
    await page.getByTestId('btn-reset').click();
    await page.getByTestId('notice').waitFor({ state: 'detached', timeout: 5000 });

    await page.getByTestId('add-client').click();
    await page.getByTestId('notice').waitFor();
    await page.getByTestId('btn-new').click();
    await page.getByTestId('notice').waitFor({ state: 'detached', timeout: 5000 });
    expect(app.host.doc.current.name).toBe('Untitled');
    await screenshot(page, 'canvas-adding-4-new-project-no-notice');
  });
});
