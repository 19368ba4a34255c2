// Every hop visible, as a new user sees it at 1440×900: run the quickstart at 1× and take
// screenshots at random moments — each shows a message on the canvas (moving along its edge, or
// just arriving); the transport's Step animates a hop; the legend's colours are the sequence
// view's; dark mode uses the dark set in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_COLORS } from '../core/replay/message-style';
import { openServed } from './support/app';
import { screenshot, type Browser } from './support/browser';

let app: Awaited<ReturnType<typeof openServed>>;
let browser: Browser;

type Overlay = { dataset: Record<string, string | undefined> };
type PageGlobal = { document: { querySelector(s: string): unknown } };

const overlay = () => browser.page.evaluate(() => ({ ...(((globalThis as unknown as PageGlobal).document.querySelector('[data-testid="message-overlay"]') as Overlay | null)?.dataset ?? {}) }));
const attr = async (testId: string, name: string) => (await browser.page.getByTestId(testId).first().getAttribute(name)) ?? '';

/** "rgb(r, g, b)" → "#rrggbb". */
function hex(rgb: string): string {
  const m = rgb.match(/\d+/g);
  if (!m) return rgb;
  return `#${m.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

beforeAll(async () => {
  app = await openServed();
  browser = app.browser;
});

afterAll(async () => {
  await app?.close();
});

describe('every hop visible at 1×', () => {
  it('shows a message on the canvas at random moments of a 1× quickstart run', async () => {
    const { page } = browser;
    expect(await page.getByTestId('speed').inputValue()).toBe('1');
    await page.getByTestId('btn-run').click();
    // Random moments over the first ~10 s of the run (the quickstart tour plays for longer at 1×).
    const moments = Array.from({ length: 6 }, () => 300 + Math.random() * 9000).sort((a, b) => a - b);
    const started = Date.now();
    let k = 0;
    for (const at of moments) {
      await page.waitForTimeout(Math.max(0, at - (Date.now() - started)));
      const file = await screenshot(page, `pacing-${++k}-at-${Math.round(at)}ms`);
      const d = await overlay();
      // A message is on screen: moving along an edge, or the ring of one that just arrived.
      expect(Number(d.drawn) + Number(d.arrived), `${file}: ${JSON.stringify(d)}`).toBeGreaterThan(0);
    }
    expect(await attr('transport', 'data-playing')).toBe('true');
    // The status bar and the replay bar show the same time.
    await page.getByTestId('btn-pause').click();
    await page.waitForTimeout(300);
    const status = parseFloat((await page.getByTestId('status-time').textContent()) ?? '');
    const bar = (await page.getByTestId('replay-time').textContent()) ?? '';
    const barSeconds = bar.endsWith(' ms') ? parseFloat(bar) / 1000 : parseFloat(bar);
    expect(Math.abs(status - barSeconds)).toBeLessThan(0.002);
  });

  it('Step animates one hop: a step across a hop takes about the hop time, the message moving meanwhile', async () => {
    const { page } = browser;
    const position = async () => Number(await attr('replay-bar', 'data-position'));
    // Step until a step has to cross time (a hop of ~20 virtual ms): it plays for ~600 ms of wall time.
    const quick: string[] = [];
    for (let k = 0; k < 60; k++) {
      const at = await position();
      const t0 = Number((await overlay()).t);
      const started = Date.now();
      await page.getByTestId('btn-step').click();
      await page.waitForTimeout(200);
      const mid = await overlay();
      await expect.poll(position, { timeout: 5000 }).toBeGreaterThan(at);
      const wall = Date.now() - started;
      const t1 = Number((await overlay()).t);
      if (t1 - t0 < 5) continue;
      // A step that starts part way through a hop (its message already travelling) ends sooner:
      // look for one that crossed a whole hop. Without pacing none would take 350 ms.
      if (wall <= 350 || Number(mid.t) >= t1) {
        quick.push(`${t0}→${t1} ms in ${wall} ms wall (mid-step frame at ${mid.t})`);
        continue;
      }
      // Part way through, time had moved but not arrived, and a message was on screen.
      expect(Number(mid.t)).toBeGreaterThan(t0);
      expect(Number(mid.drawn) + Number(mid.arrived)).toBeGreaterThan(0);
      await screenshot(page, 'pacing-step-mid-hop');
      return;
    }
    throw new Error(`no step crossed a whole hop at the hop's pace; steps that crossed time: ${quick.join('; ') || 'none'}`);
  });

  it('draws the legend in the sequence view’s colours, in light and dark', async () => {
    const { page } = browser;
    await page.getByTestId('tab-sequence').click();
    await page.getByTestId('seq-arrow').first().waitFor();
    for (const theme of ['light', 'dark'] as const) {
      if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('btn-theme').click();
      const legend = async (kind: string) => hex(await page.locator(`[data-testid="legend-${kind}"] span`).first().evaluate((el) => {
        const s = (globalThis as unknown as { getComputedStyle(e: unknown): { borderTopColor: string; backgroundColor: string } }).getComputedStyle(el);
        return (el as unknown as { className: string }).className.includes('glyph') ? s.backgroundColor : s.borderTopColor;
      }));
      const stroke = async (selector: string) => hex(await page.locator(selector).first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(el).stroke));
      const pairs: [string, string][] = [
        ['request', '.sb-seq__arrow.arrow-request path'],
        ['response', '.sb-seq__arrow.arrow-response path'],
        ['point', '.sb-seq__arrow.arrow-point:not(.is-thick) path'],
        ['broadcast', '.sb-seq__arrow.is-thick path'],
        ['callback', '.sb-seq__note.note-callback rect'],
      ];
      for (const [kind, selector] of pairs) {
        const l = await legend(kind);
        expect(l, `${theme} ${kind}`).toBe(MESSAGE_COLORS[theme][kind as keyof (typeof MESSAGE_COLORS)['light']]);
        expect(await stroke(selector), `${theme} ${kind} in the sequence view`).toBe(l);
      }
      await screenshot(page, `pacing-legend-sequence-${theme}`);
    }
    await page.getByTestId('btn-theme').click();
    expect(browser.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
