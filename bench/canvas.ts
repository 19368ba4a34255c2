// Canvas frame times in headless Chromium, on the real app in web mode: a generated topology of
// 500 nodes with 200 messages in flight, and one of 20 nodes. Frame time = requestAnimationFrame
// delta while the overlay animates; each figure is the median of the p95s of several windows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Project, type ProjectInput } from '../core/model/schema';
import { startWebMode } from '../src-main/web/web-mode';
import { median, percentile, type Figure } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STATIC = 'out/renderer';

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
  for (let i = 0; i < clients; i++) nodes.push({ id: `client-${i}`, kind: 'client', uid: 10000 + i, proxy: 2000 + (i % proxies) });
  // Long latency: messages stay in flight (and keep moving) for the whole measurement.
  return Project.parse({ format: 'switchboard-project', version: 1, name: `canvas-${total}`, nodes, options: { defaultLatencyMs: 120_000 } });
}

async function measure(total: number, messages: number, windows: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-canvas-'));
  const file = path.join(dir, 'p.switchboard.json');
  const project = canvasProject(total);
  fs.writeFileSync(file, JSON.stringify(project));
  const web = await startWebMode({ staticDir: STATIC, project: file, configDir: path.join(dir, 'config') });
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.server.url);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 30000 });
    const session = web.host.requireSession();
    const senders = project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game');
    const services = project.nodes.filter((n) => n.kind === 'service');
    for (let i = 0; i < messages; i++) {
      const from = senders[i % senders.length];
      const to = services[i % services.length];
      session.call(from.id, 'NotifyToServiceNode', { targetId: to.serverId, eventName: 'BenchEvent', eventData: { i } });
    }
    session.run();
    type Doc = { querySelector(s: string): { dataset: Record<string, string | undefined> } | null };
    await page.waitForFunction((n) => Number((globalThis as unknown as { document: Doc }).document.querySelector('[data-testid="message-overlay"]')?.dataset.inFlight ?? 0) >= n, messages, { timeout: 30000 });
    // tsx names inner functions with an `__name` helper the page does not have.
    await page.evaluate(() => {
      (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
    });
    const p95s: number[] = [];
    for (let w = 0; w < windows; w++) {
      const deltas = await page.evaluate(
        (ms) =>
          new Promise<number[]>((resolve) => {
            // Type-checked without the DOM library: the page's rAF, narrowly typed.
            const raf = (globalThis as unknown as { requestAnimationFrame(cb: (t: number) => void): number }).requestAnimationFrame.bind(globalThis);
            const out: number[] = [];
            let last = 0;
            const start = performance.now();
            const frame = (now: number) => {
              if (last) out.push(now - last);
              last = now;
              if (now - start < ms) raf(frame);
              else resolve(out);
            };
            raf(frame);
          }),
        2000,
      );
      p95s.push(percentile(deltas, 95));
    }
    return median(p95s);
  } finally {
    await context.close();
    await web.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCanvas(): Promise<Figure[]> {
  if (!fs.existsSync(path.join(STATIC, 'index.html'))) spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  const big = await measure(500, 200, 3);
  const small = await measure(20, 20, 3);
  return [
    { name: 'canvas.p95_frame_ms', value: Math.round(big * 100) / 100, unit: 'ms' },
    { name: 'canvas.p95_frame_ms_small', value: Math.round(small * 100) / 100, unit: 'ms' },
  ];
}
