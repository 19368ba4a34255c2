// Traffic mode (Vizceral / Kiali style) as plain data: how many messages per virtual second went
// over each hop between two cards, per message kind, in a window ending at the picture's time.
// The overlay draws each (hop, kind) as a lane whose thickness and moving particles follow its
// rate; a click on the edge lists the exact messages (EdgeMessages). Pure.
import { sendKind, type MessageKind } from '../../../core/replay/message-style';
import type { TraceEvent } from '../../../core/trace/event';
import { fmtCount, lastAtOrBefore, legsOf, type LogView } from './flights';

export const TRAFFIC_WINDOW_MS = 1000;

export interface Lane {
  /** Cards, in the direction the messages went. */
  from: string;
  to: string;
  kind: MessageKind;
  /** Messages per virtual second over the window. */
  rate: number;
  count: number;
}

/**
 * Lanes of the sends in (t - window, t] among events up to stream index `upTo`; each leg counts
 * once per hop between different cards. Scans at most `maxScan` sends (newest first).
 */
export function trafficAt(log: LogView, t: number, cardOf: (id: string) => string, opts: { window?: number; upTo?: number; maxScan?: number } = {}): Lane[] {
  const window = opts.window ?? TRAFFIC_WINDOW_MS;
  const upTo = opts.upTo ?? Infinity;
  const maxScan = opts.maxScan ?? 50000;
  const lanes = new Map<string, Lane>();
  const last = lastAtOrBefore(log.sends.length, (i) => log.events[log.sends[i]]?.t ?? -Infinity, t);
  let scanned = 0;
  for (let i = last; i >= 0 && scanned < maxScan; i--, scanned++) {
    if (log.sends[i] > upTo) continue;
    const e = log.events[log.sends[i]] as TraceEvent | undefined;
    if (!e) continue;
    if (e.t <= t - window) break;
    const kind = sendKind(e);
    for (const leg of legsOf(e)) {
      let prev = cardOf(leg[0]);
      for (let h = 1; h < leg.length; h++) {
        const next = cardOf(leg[h]);
        if (next === prev) continue;
        const key = `${prev}>${next}>${kind}`;
        const lane = lanes.get(key);
        if (lane) lane.count++;
        else lanes.set(key, { from: prev, to: next, kind, rate: 0, count: 1 });
        prev = next;
      }
    }
  }
  for (const l of lanes.values()) l.rate = (l.count * 1000) / window;
  return [...lanes.values()];
}

/**
 * What the overlay draws. Auto shows rates once too many messages are in flight to draw one by
 * one, but only when the window holds sends: with long latencies everything may be in flight and
 * nothing recent, and rate lanes would then show an empty canvas while messages are moving.
 */
export function overlayMode(viewMode: 'auto' | 'messages' | 'traffic', tooManyToDraw: boolean, lanes: number): 'traffic' | 'messages' {
  if (viewMode !== 'auto') return viewMode;
  return tooManyToDraw && lanes > 0 ? 'traffic' : 'messages';
}

/** Line width for a rate: thin for a trickle, thick (capped) for a flood; log scale. */
export function laneWidth(rate: number): number {
  return Math.min(12, 1.5 + 2.2 * Math.log10(1 + rate));
}

/** Particles on a lane: more for busier lanes, at most 14. */
export function particleCount(rate: number): number {
  return rate <= 0 ? 0 : Math.min(14, 1 + Math.floor(2 * Math.log2(1 + rate)));
}

export function rateText(rate: number): string {
  return rate >= 100 ? `${fmtCount(rate)}/s` : `${Math.round(rate * 10) / 10}/s`;
}
