// What the overlay draws at virtual time t, as plain data: messages in flight (each moving along
// its path, interpolated by time between its send and its arrival), and short-lived markers
// (drops, unhandled events, callbacks, errors raised by mod code). Pure: the overlay component only paints this.
import { interfaceSpec } from '../../../core/api/interfaces';
import type { InFlightMessage } from '../../../core/replay/state';
import type { TraceEvent } from '../../../core/trace/event';

export type FlightKind = 'point' | 'broadcast' | 'request' | 'response';

export interface Flight {
  seq: number;
  kind: FlightKind;
  /** One node path per receiver: a broadcast has one leg per target (drawn as one act). */
  legs: string[][];
  t0: number;
  t1: number;
  /** Per-leg arrival where known (a broadcast's receivers get it at different times). */
  legEnds?: (number | undefined)[];
  event?: string;
  /** Messages this one stands for (same hop between the same cards at the same times), default 1. */
  n?: number;
  /** Legs it stands for in all (a merged broadcast), default legs × n. */
  total?: number;
}

export type MarkerKind = 'drop' | 'unhandled' | 'callback' | 'timeout' | 'error';

export interface Marker {
  seq: number;
  kind: MarkerKind;
  node: string;
  label: string;
  t: number;
}

export interface Point {
  x: number;
  y: number;
}

export function flightKind(e: TraceEvent): FlightKind {
  const shape = e.api ? interfaceSpec(e.api)?.shape : undefined;
  if (shape === 'request') return 'request';
  if (shape === 'response') return 'response';
  if (e.targets && e.targets.length > 0) return 'broadcast';
  return 'point';
}

export function legsOf(e: TraceEvent): string[][] {
  if (e.targets && e.targets.length > 0 && e.from) return e.targets.map((t) => [e.from as string, t]);
  if (e.path && e.path.length >= 2) return [e.path];
  if (e.from && e.to) return [[e.from, e.to]];
  return [];
}

export function toFlight(e: TraceEvent): Flight | null {
  if (e.type !== 'send' || e.arrive === undefined) return null;
  const legs = legsOf(e);
  return legs.length ? { seq: e.seq, kind: flightKind(e), legs, t0: e.t, t1: e.arrive, event: e.event } : null;
}

/** 0 at the send, 1 at the arrival. */
export function progress(t: number, t0: number, t1: number): number {
  if (t1 <= t0) return t >= t0 ? 1 : 0;
  return Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
}

/** A point along a polyline at fraction f, each hop taking an equal share of the time. */
export function along(points: readonly Point[], f: number): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  if (points.length === 1 || f <= 0) return points[0];
  if (f >= 1) return points[points.length - 1];
  const hops = points.length - 1;
  const x = f * hops;
  const i = Math.min(hops - 1, Math.floor(x));
  const r = x - i;
  const a = points[i];
  const b = points[i + 1];
  return { x: a.x + (b.x - a.x) * r, y: a.y + (b.y - a.y) * r };
}

/** Largest index in sorted `xs` (by key) whose key is <= t, or -1. */
export function lastAtOrBefore(n: number, key: (i: number) => number, t: number): number {
  let lo = 0;
  let hi = n - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export interface LogView {
  events: readonly (TraceEvent | undefined)[];
  sends: readonly number[];
  maxFlight: number;
}

/**
 * Sends in flight at t (sent at or before t, arriving after it), newest last. `upTo` bounds them to
 * events up to that stream index (a playhead: a send later at the same time has not happened yet).
 */
export function inFlight(log: LogView, t: number, upTo = Infinity): Flight[] {
  const out: Flight[] = [];
  const last = lastAtOrBefore(log.sends.length, (i) => log.events[log.sends[i]]?.t ?? -Infinity, t);
  for (let i = last; i >= 0; i--) {
    if (log.sends[i] > upTo) continue;
    const e = log.events[log.sends[i]];
    if (!e) continue;
    if (e.t < t - log.maxFlight) break;
    if (e.arrive !== undefined && (e.arrive > t || (e.arrive === t && e.t === t))) {
      const f = toFlight(e);
      if (f) out.push(f);
    }
  }
  return out.reverse();
}

/**
 * A message the replay state holds in flight (core/replay `InFlightMessage`), as a flight: a
 * broadcast keeps only the legs to receivers it has not reached yet.
 */
export function flightOfMessage(m: InFlightMessage): Flight | null {
  let legs: string[][] = [];
  if (m.targets && m.targets.length > 0 && m.from) {
    const done = new Set(m.done ?? []);
    legs = m.targets.filter((t) => !done.has(t)).map((t) => [m.from as string, t]);
  } else if (m.path && m.path.length >= 2) legs = [[...m.path]];
  else if (m.from && m.to) legs = [[m.from, m.to]];
  if (legs.length === 0) return null;
  const shape = m.api ? interfaceSpec(m.api)?.shape : undefined;
  const kind: FlightKind = shape === 'request' ? 'request' : shape === 'response' ? 'response' : m.broadcast ? 'broadcast' : 'point';
  return { seq: m.seq, kind, legs, t0: m.t, t1: m.arrive ?? m.t, event: m.event || undefined };
}

/** What is in flight at a replay playhead: exactly the state's messages, oldest send first. */
export function flightsOfState(messages: Iterable<InFlightMessage>): Flight[] {
  const out: Flight[] = [];
  for (const m of messages) {
    const f = flightOfMessage(m);
    if (f) out.push(f);
  }
  return out.sort((a, b) => a.seq - b.seq);
}

export function toMarker(e: TraceEvent): Marker | null {
  if (e.type === 'drop') {
    const node = e.at ?? e.to ?? e.from;
    return node ? { seq: e.seq, kind: 'drop', node, label: `dropped: ${e.reason ?? '?'}`, t: e.t } : null;
  }
  // An exception in a handler, timer or callback (a Python mod's, with its traceback): on its node, like a drop.
  if (e.type === 'error') {
    const node = e.to ?? e.from;
    return node ? { seq: e.seq, kind: 'error', node, label: short(`error: ${e.reason ?? 'exception'}`), t: e.t } : null;
  }
  if (e.type === 'unhandled' && e.to) return { seq: e.seq, kind: 'unhandled', node: e.to, label: `unhandled ${e.event ?? ''}`.trim(), t: e.t };
  // Callbacks run on the requester, which the trace names as `to` (the owner answered `from`).
  if (e.type === 'callback') {
    const node = e.to ?? e.from;
    if (!node) return null;
    return e.suc === false
      ? { seq: e.seq, kind: 'timeout', node, label: `callback(False) ${e.event ?? ''}`.trim(), t: e.t }
      : { seq: e.seq, kind: 'callback', node, label: `callback ✓ ${e.event ?? ''}`.trim(), t: e.t };
  }
  return null;
}

/** Marker labels stay one short line (a Python message can be long). */
function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Markers of events in (t - window, t], at most `max`, newest last. `lastIndex` bounds the scan to
 * events up to that index (a replay playhead: later events at the same time have not happened yet).
 */
export function markersAt(events: readonly (TraceEvent | undefined)[], t: number, window: number, max = 200, lastIndex = Infinity): Marker[] {
  const out: Marker[] = [];
  const last = Math.min(lastIndex, lastAtOrBefore(events.length, (i) => events[i]?.t ?? -Infinity, t));
  for (let i = last; i >= 0 && out.length < max; i--) {
    const e = events[i];
    if (!e) continue;
    if (e.t <= t - window) break;
    const m = toMarker(e);
    if (m) out.push(m);
  }
  return out.reverse();
}

/** Arrival of each broadcast leg, from the deliver/drop events its send caused (when recorded). */
export function withLegEnds(f: Flight, effects: readonly TraceEvent[]): Flight {
  if (f.kind !== 'broadcast' || effects.length === 0) return f;
  const at = new Map<string, number>();
  for (const e of effects) if ((e.type === 'deliver' || e.type === 'drop') && e.to && !at.has(e.to)) at.set(e.to, e.t);
  return { ...f, legEnds: f.legs.map((leg) => at.get(leg[leg.length - 1])) };
}

export interface Thinned {
  drawn: Flight[];
  total: number;
  /** Messages not drawn, counted per first hop "a|b", so dense edges still show their load. */
  hidden: Map<string, number>;
}

/** Beyond `max` flights, draw an even sample and count the rest per edge. */
export function thin(flights: readonly Flight[], max: number): Thinned {
  const total = flights.reduce((n, f) => n + (f.total ?? f.legs.length * (f.n ?? 1)), 0);
  const drawnTotal = flights.reduce((n, f) => n + f.legs.length, 0);
  if (drawnTotal <= max) return { drawn: [...flights], total, hidden: new Map() };
  const drawn: Flight[] = [];
  const hidden = new Map<string, number>();
  const stride = drawnTotal / max;
  let next = 0;
  let k = 0;
  let shown = 0;
  for (const f of flights) {
    const legs: string[][] = [];
    const ends: (number | undefined)[] = [];
    f.legs.forEach((leg, li) => {
      if (k >= next && shown < max) {
        legs.push(leg);
        ends.push(f.legEnds?.[li]);
        shown++;
        next += stride;
      } else {
        const key = leg[0] < leg[1] ? `${leg[0]}|${leg[1]}` : `${leg[1]}|${leg[0]}`;
        hidden.set(key, (hidden.get(key) ?? 0) + (f.n ?? 1));
      }
      k++;
    });
    if (legs.length) drawn.push({ ...f, legs, ...(f.legEnds ? { legEnds: ends } : {}) });
  }
  return { drawn, total, hidden };
}

/**
 * Messages drawn between cards, not nodes: those taking the same card route at the same times are
 * one arrow with a count (500 clients of one proxy saying hello at once: one arrow "×500"); a
 * broadcast keeps one leg per card it reaches. `cardOf` maps a node to its card.
 */
export function mergeByCards(flights: readonly Flight[], cardOf: (id: string) => string): Flight[] {
  const out = new Map<string, Flight>();
  for (const f of flights) {
    const legs = new Map<string, { leg: string[]; end: number | undefined; n: number }>();
    f.legs.forEach((leg, i) => {
      const route: string[] = [];
      for (const id of leg) {
        const c = cardOf(id);
        if (route[route.length - 1] !== c) route.push(c);
      }
      const k = route.join('>');
      const l = legs.get(k);
      if (l) l.n++;
      else legs.set(k, { leg: route, end: f.legEnds?.[i], n: 1 });
    });
    if (f.kind === 'broadcast' || legs.size !== 1) {
      const list = [...legs.values()];
      out.set(`#${f.seq}`, { ...f, legs: list.map((l) => l.leg), ...(f.legEnds ? { legEnds: list.map((l) => l.end) } : {}), n: Math.max(...list.map((l) => l.n)) * (f.n ?? 1), total: f.legs.length * (f.n ?? 1) });
      continue;
    }
    const [only] = legs.values();
    const key = `${f.kind}|${only.leg.join('>')}|${f.t0}|${f.t1}|${f.event ?? ''}`;
    const same = out.get(key);
    if (same) same.n = (same.n ?? 1) + (f.n ?? 1);
    else out.set(key, { ...f, legs: [only.leg], n: f.n ?? 1 });
  }
  return [...out.values()];
}

/** 1234567 → "1,234,567" (Intl formatting is too slow for every frame). */
export function fmtCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function thinnedText(shown: number, total: number): string {
  return shown < total ? `showing ${fmtCount(shown)} of ${fmtCount(total)} messages` : '';
}
