// Canvas cost per frame in headless Chromium, on the real app in web mode, from Chromium's own
// metrics (a frame-interval p95 is pinned at the 60 Hz clock and cannot tell 20 nodes from 500):
// - canvas.script_p95_ms_*: JavaScript time per frame, p95 — a trace (devtools.timeline) cut into
//   frames at each animation-frame callback; a frame's script time is the union of the top-level
//   script slices (FunctionCall, FireAnimationFrame, TimerFire, EventDispatch, RunMicrotasks, ...)
//   on the renderer's main thread;
// - canvas.main_ms_per_frame_*: main-thread busy time per frame — Performance.getMetrics
//   TaskDuration over a window, divided by the frames the page painted in it.
// At 20 nodes / 20 messages in flight (the quickstart's size), and at the 2,000-client network
// (1 master, 4 proxies, 40 lobby/game, 10 services, 2,000 clients) with 2,000 in flight. Each
// figure is the median over several windows. Latency is long so messages stay in flight.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { Project, type ProjectInput } from '../core/model/schema';
import { startWebMode } from '../src-main/web/web-mode';
import { networkProject } from './network-topology';
import { median, percentile, type Figure } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STATIC = 'out/renderer';
const LATENCY_MS = 120_000;

/** `total` nodes: 1 master, proxies, lobby/game servers, services, and clients for the rest. */
export function canvasProject(total: number): Project {
  const proxies = Math.max(1, Math.round(total * 0.02));
  const servers = Math.max(2, Math.round(total * 0.08));
  const services = Math.max(1, Math.round(total * 0.04));
  const clients = total - 1 - proxies - servers - services;
  const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0 }];
  for (let i = 0; i < proxies; i++) nodes.push({ id: `proxy-${2000 + i}`, kind: 'proxy', serverId: 2000 + i });
  for (let i = 0; i < servers; i++) {
    nodes.push({ id: `game-${5000 + i}`, kind: i === 0 ? 'lobby' : 'game', serverId: 5000 + i, type: i === 0 ? 'lobby' : 'game', systems: [{ namespace: 'benchNamespace', systemName: 'serverSystem' }] });
  }
  for (let i = 0; i < services; i++) nodes.push({ id: `service-${8000 + i}`, kind: 'service', serverId: 8000 + i, type: `svc_${i}`, moduleNames: [`module_${i}`] });
  for (let i = 0; i < clients; i++) nodes.push({ id: `client-${i}`, kind: 'client', uid: 10000 + i, proxy: 2000 + (i % proxies), server: 5000 });
  return Project.parse({ format: 'switchboard-project', version: 1, name: `canvas-${total}`, nodes, options: { defaultLatencyMs: LATENCY_MS } });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const SCRIPT = new Set(['FunctionCall', 'FireAnimationFrame', 'TimerFire', 'EventDispatch', 'EvaluateScript', 'RunMicrotasks', 'v8.run', 'V8.Execute', 'FireIdleCallback', 'XHRReadyStateChange']);

/** Script ms per frame on the renderer main thread, frames cut at each animation-frame callback. */
export function scriptPerFrame(events: readonly TraceEvent[]): number[] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b);
  const slices = onMain.filter((e) => SCRIPT.has(e.name)).map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const).sort((a, b) => a[0] - b[0]);
  // Union of the script slices (they nest), then cut at the frame starts.
  const merged: [number, number][] = [];
  for (const [a, b] of slices) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const out: number[] = [];
  let j = 0;
  for (let f = 0; f + 1 < frames.length; f++) {
    const [from, to] = [frames[f], frames[f + 1]];
    let sum = 0;
    while (j < merged.length && merged[j][1] <= from) j++;
    for (let k = j; k < merged.length && merged[k][0] < to; k++) sum += Math.min(to, merged[k][1]) - Math.max(from, merged[k][0]);
    out.push(sum / 1000);
  }
  return out;
}

async function traceWindow(cdp: CDPSession, page: Page, ms: number): Promise<{ script: number[]; mainPerFrame: number }> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,__metadata', transferMode: 'ReportEvents' });
  const task0 = await taskDuration(cdp);
  const frames0 = await page.evaluate(() => (globalThis as unknown as { __frames: number }).__frames);
  await page.waitForTimeout(ms);
  const task1 = await taskDuration(cdp);
  const frames1 = await page.evaluate(() => (globalThis as unknown as { __frames: number }).__frames);
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return { script: scriptPerFrame(events), mainPerFrame: ((task1 - task0) * 1000) / Math.max(1, frames1 - frames0) };
}

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

async function measure(project: Project, messages: number, windows: number): Promise<{ scriptP95: number; mainPerFrame: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-canvas-'));
  const file = path.join(dir, 'p.switchboard.json');
  fs.writeFileSync(file, JSON.stringify(project));
  const web = await startWebMode({ staticDir: STATIC, project: file, configDir: path.join(dir, 'config') });
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.server.url);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60000 });
    const session = web.host.requireSession();
    const senders = project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game');
    const clients = project.nodes.filter((n) => n.kind === 'client' && n.server !== undefined);
    const services = project.nodes.filter((n) => n.kind === 'service');
    for (let i = 0; i < messages; i++) {
      // Half from clients through their proxy to their server, half from servers to services.
      if (i % 2 === 0 && clients.length) session.call(clients[(i >> 1) % clients.length].id, 'NotifyToServer', { eventName: 'BenchHello', eventData: { i } });
      else session.call(senders[i % senders.length].id, 'NotifyToServiceNode', { targetId: services[i % services.length].serverId, eventName: 'BenchEvent', eventData: { i } });
    }
    // CANVAS_VIEW=messages|traffic picks the overlay's mode (default auto: traffic beyond 200 in flight).
    const view = process.env.CANVAS_VIEW;
    if (view === 'messages' || view === 'traffic') await page.getByTestId(`mode-${view}`).click();
    await page.getByTestId('btn-run').click();
    type Doc = { querySelector(s: string): { dataset: Record<string, string | undefined> } | null };
    await page.waitForFunction((n) => Number((globalThis as unknown as { document: Doc }).document.querySelector('[data-testid="message-overlay"]')?.dataset.inFlight ?? 0) >= n, messages, { timeout: 60000 });
    // tsx names inner functions with an `__name` helper the page does not have.
    await page.evaluate(() => {
      const g = globalThis as unknown as { __name: (f: unknown) => unknown; __frames: number; requestAnimationFrame(cb: () => void): number };
      g.__name = (f) => f;
      g.__frames = 0;
      const tick = () => {
        g.__frames++;
        g.requestAnimationFrame(tick);
      };
      g.requestAnimationFrame(tick);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(500);
    const p95s: number[] = [];
    const mains: number[] = [];
    for (let w = 0; w < windows; w++) {
      const r = await traceWindow(cdp, page, 2000);
      if (r.script.length) p95s.push(percentile(r.script, 95));
      mains.push(r.mainPerFrame);
    }
    return { scriptP95: median(p95s), mainPerFrame: median(mains) };
  } finally {
    await context.close();
    await web.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Newest modification time (ms) of the files under `dirs`, 0 when there are none. */
export function newestMtime(dirs: readonly string[]): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return newest;
}

/** The renderer the figures are taken from is rebuilt when missing or older than its sources (a
 * stale out/renderer measured yesterday's canvas: 9.4 ms script p95 at 2,000 against 1.5–2 fresh). */
function ensureFreshRenderer(): void {
  const index = path.join(STATIC, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : -1;
  if (builtAt >= newestMtime(['src-renderer', 'core', 'fixtures'])) return;
  console.error(builtAt < 0 ? 'canvas: building out/renderer' : 'canvas: out/renderer is older than its sources, rebuilding');
  const r = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error('canvas: electron-vite build failed (run `npm run build` to see why)');
}

export async function benchCanvas(): Promise<Figure[]> {
  ensureFreshRenderer();
  const small = await measure(canvasProject(20), 20, 3);
  const big = await measure(networkProject(undefined, { latencyMs: LATENCY_MS }), 2000, 3);
  return [
    { name: 'canvas.script_p95_ms_20', value: round(small.scriptP95), unit: 'ms' },
    { name: 'canvas.main_ms_per_frame_20', value: round(small.mainPerFrame), unit: 'ms' },
    { name: 'canvas.script_p95_ms_2000', value: round(big.scriptP95), unit: 'ms' },
    { name: 'canvas.main_ms_per_frame_2000', value: round(big.mainPerFrame), unit: 'ms' },
  ];
}
