// The editor as a user meets it, in Chromium over web mode: change a project option and see a
// message take the new time; type a bad connection latency and see the message at once; add a
// scenario, give it a step with typed fields, run it; record what the fire panel sends as steps;
// rename a node id and see its references follow. Screenshots in test-output/editor-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../src-main/host/host';
import { clickEdge, openQuietQuickstart, type QuietApp } from './support/app';
import { screenshot, type Browser } from './support/browser';

let app: QuietApp;
let browser: Browser;
let host: Host;

beforeAll(async () => {
  app = await openQuietQuickstart('sb-editor-e2e-');
  ({ browser, host } = app);
});

afterAll(async () => {
  await app?.close();
});

const trace = () => host.session!.sim.trace.slice(0);

/** Run until `done` holds for the session's trace, then pause. */
async function runUntil(done: () => boolean, timeout = 15000): Promise<void> {
  const { page } = browser;
  await page.getByTestId('btn-run').click();
  await expect.poll(done, { timeout }).toBe(true);
  await page.getByTestId('btn-pause').click();
}

describe('editor in Chromium', () => {
  it('edits a project option (default latency) with inline validation; a message takes the new time', async () => {
    const { page } = browser;
    await page.getByTestId('tab-inspect').click();
    await page.getByTestId('project-form').waitFor();
    const field = page.getByTestId('option-defaultLatencyMs');
    await field.fill('slow');
    await expect.poll(async () => page.getByTestId('project-form').textContent()).toMatch(/must be a number/);
    await field.fill('300');
    await expect.poll(async () => page.getByTestId('project-form').textContent()).not.toMatch(/must be a number/);
    await field.press('Enter');
    await expect.poll(() => host.doc.current.project.options.defaultLatencyMs).toBe(300);
    await expect.poll(() => host.session?.project.options.defaultLatencyMs).toBe(300);
    await screenshot(page, 'editor-01-project-options');

    // lobby → service is an implied connection: it now takes the default, 300 ms.
    await page.getByTestId('tab-fire').click();
    await page.getByTestId('fire-node').selectOption('lobby-4000');
    await page.getByTestId('fire-api').selectOption('NotifyToServiceNode');
    await page.getByTestId('arg-targetId').selectOption('8001');
    await page.getByTestId('arg-eventName').fill('SlowHello');
    await page.getByTestId('fire-send').click();
    await expect.poll(async () => page.getByTestId('fire-result').textContent()).toMatch(/^sent /);
    await page.getByTestId('speed').selectOption('0.5');
    await page.getByTestId('btn-run').click();
    await expect.poll(() => host.session!.status().now, { timeout: 10000 }).toBeGreaterThan(120);
    await screenshot(page, 'editor-02-message-on-slow-link');
    await expect.poll(() => trace().some((e) => e.type === 'deliver' && e.event === 'SlowHello'), { timeout: 10000 }).toBe(true);
    await page.getByTestId('btn-pause').click();
    await page.getByTestId('speed').selectOption('1');
    const send = trace().find((e) => e.type === 'send' && e.event === 'SlowHello')!;
    const deliver = trace().find((e) => e.type === 'deliver' && e.event === 'SlowHello')!;
    expect(deliver.t - send.t).toBe(300);
  });

  it('validates a connection field while typing', async () => {
    const { page } = browser;
    await page.getByTestId('tab-inspect').click();
    await clickEdge(page, 'implied:lobby-4000->service-8000');
    const latency = page.getByTestId('link-latencyMs');
    await latency.fill('-3');
    await expect.poll(async () => page.getByTestId('link-form').textContent()).toMatch(/must be ≥ 0/);
    await screenshot(page, 'editor-03-link-live-error');
    await latency.fill('40');
    await expect.poll(async () => page.getByTestId('link-form').textContent()).not.toMatch(/must be/);
    await latency.press('Enter');
    await expect.poll(() => host.doc.current.project.links.find((l) => l.a === 'lobby-4000' && l.b === 'service-8000')?.latencyMs).toBe(40);
    // A click on the empty canvas leaves the connection: the inspector shows the project again.
    await page.getByTestId('canvas').click({ position: { x: 300, y: 12 } });
    await page.getByTestId('project-form').waitFor();
  });

  it('adds a scenario, gives it a typed step and runs it', async () => {
    const { page } = browser;
    await page.getByTestId('tab-scenarios').click();
    await page.getByTestId('scenario-add').click();
    await expect.poll(() => host.doc.current.project.scenarios.map((s) => s.name)).toEqual(['scenario']);
    await page.getByTestId('scenario-name').fill('hello services');
    await page.getByTestId('scenario-name').press('Enter');
    await expect.poll(() => host.doc.current.project.scenarios.map((s) => s.name)).toEqual(['hello services']);
    await page.getByTestId('step-add').click();
    await page.getByTestId('scenario-step').first().waitFor();
    await page.getByTestId('step-0-node').selectOption('lobby-4000');
    await page.getByTestId('step-0-api').selectOption('NotifyToServiceNode');
    await page.getByTestId('arg-targetId').selectOption('8001');
    await page.getByTestId('arg-eventName').fill('FromScenario');
    await page.getByTestId('step-0-at').click();
    await page.getByTestId('step-0-at').fill('-5');
    await expect.poll(async () => page.getByTestId('scenario-step').first().textContent()).toMatch(/must be at least 0/);
    await screenshot(page, 'editor-04-step-inline-error');
    await page.getByTestId('step-0-at').fill('200');
    await page.getByTestId('step-0-at').press('Enter');
    await expect.poll(() => host.doc.current.project.scenarios[0].steps).toEqual([
      { at: 200, do: 'call', node: 'lobby-4000', api: 'NotifyToServiceNode', args: { targetId: 8001, eventName: 'FromScenario', eventData: {} } },
    ]);
    await screenshot(page, 'editor-05-scenario-step');
    await page.getByTestId('scenario-run-this').click();
    await expect.poll(() => host.session?.opts.scenario).toBe('hello services');
    await expect.poll(() => page.getByTestId('scenario-run').inputValue()).toBe('hello services');
    await runUntil(() => trace().some((e) => e.type === 'deliver' && e.event === 'FromScenario'));
    const send = trace().find((e) => e.type === 'send' && e.event === 'FromScenario')!;
    expect(send.t).toBe(200);
    expect(trace().find((e) => e.type === 'deliver' && e.event === 'FromScenario')!.t).toBe(500);
    await screenshot(page, 'editor-06-scenario-ran');
  });

  it('records what the fire panel sends as steps of the scenario', async () => {
    const { page } = browser;
    await page.getByTestId('scenario-record').click();
    await page.getByTestId('tab-fire').click();
    await page.getByTestId('fire-node').selectOption('service-8000');
    await page.getByTestId('step-stop').click();
    await expect.poll(() => host.session?.nodeState('service-8000').up).toBe(false);
    // the panel counts the step once the apply request answers, a moment after the host acts
    await expect.poll(() => page.getByTestId('scenario-record').textContent()).toMatch(/1 step/);
    await screenshot(page, 'editor-07-recording');
    await page.getByTestId('scenario-record').click();
    await expect.poll(() => host.doc.current.project.scenarios[0].steps.map((s) => s.do)).toEqual(['call', 'stop']);
    expect(host.doc.current.project.scenarios[0].steps[1]).toMatchObject({ do: 'stop', node: 'service-8000' });
    expect(host.doc.current.project.scenarios[0].steps[1].at).toBeGreaterThanOrEqual(500);
  });

  it('renames a node id: duplicates are refused inline, links and scenario steps follow', async () => {
    const { page } = browser;
    await page.getByTestId('tab-inspect').click();
    await page.getByTestId('node-lobby-4000').click();
    const id = page.getByTestId('field-id');
    await id.fill('game-5000');
    await expect.poll(async () => page.getByTestId('node-form').textContent()).toMatch(/already the id/);
    await id.press('Enter');
    expect(host.doc.current.project.nodes.filter((n) => n.id === 'game-5000')).toHaveLength(1);
    await id.fill('lobby');
    await id.press('Enter');
    await page.getByTestId('node-lobby').waitFor();
    await expect.poll(() => host.doc.current.project.scenarios[0].steps[0]).toMatchObject({ node: 'lobby' });
    expect(host.doc.current.project.links.some((l) => l.a === 'lobby' || l.b === 'lobby')).toBe(true);
    expect(await page.getByTestId('field-id').inputValue()).toBe('lobby');
    expect(await page.getByTestId('step-0-node').inputValue()).toBe('lobby');
    // The running scenario still runs, on the renamed node.
    expect(host.session?.opts.scenario).toBe('hello services');
    await screenshot(page, 'editor-08-renamed');
    expect(browser.problems).toEqual([]);
  });
});
