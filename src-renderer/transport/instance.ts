// The app's one Transport and what React renders from it. Its dependencies are connected at
// start-up (service.ts), so any module can import the transport without import cycles.
import { create } from 'zustand';
import { DEFAULT_HOP_MS, Transport, type TransportDeps } from './transport';

let deps: TransportDeps | null = null;
const none = { length: 0, timeOf: () => 0, indexAfterTime: () => 0 };

/** Calls go to the connected dependencies; before start-up, to an empty stream with no host. */
const lazy: TransportDeps = {
  timeline: () => deps?.timeline() ?? none,
  host: {
    status: () => deps?.host.status() ?? null,
    run: () => deps?.host.run() ?? Promise.resolve(),
    pause: () => deps?.host.pause() ?? Promise.resolve(),
    step: () => deps?.host.step() ?? Promise.resolve(),
    setSpeed: (s) => deps?.host.setSpeed(s) ?? Promise.resolve(),
  },
  moving: (t, upTo) => deps?.moving(t, upTo) ?? { hops: [], instants: 0 },
  hits: () => deps?.hits() ?? [],
  changed: (r) => deps?.changed(r),
};

export function connectTransport(d: TransportDeps): void {
  deps = d;
}

export const transport = new Transport(lazy);

const HOP_KEY = 'switchboard.hopMs';
const SPEED_KEY = 'switchboard.speed';

/** The user's pacing setting and speed survive a reload. */
export function restoreSettings(): void {
  const hop = Number(globalThis.localStorage?.getItem(HOP_KEY) ?? DEFAULT_HOP_MS);
  transport.hopMs = Number.isFinite(hop) ? hop : DEFAULT_HOP_MS;
  const speed = Number(globalThis.localStorage?.getItem(SPEED_KEY) ?? 1);
  transport.speed = Number.isFinite(speed) && speed > 0 ? speed : 1;
}

export function saveSettings(): void {
  globalThis.localStorage?.setItem(HOP_KEY, String(transport.hopMs));
  globalThis.localStorage?.setItem(SPEED_KEY, String(transport.speed));
}

export interface TransportView {
  playing: boolean;
  /** Playing or animating a step. */
  moving: boolean;
  speed: number;
  hopMs: number;
  /** Displayed virtual time, refreshed ~10×/s while moving. */
  t: number;
  /** At the head of the stream. */
  follow: boolean;
  /** How far the live host's clock is ahead of the picture (virtual ms), 0 without a host. */
  ahead: number;
}

export const useTransportStore = create<TransportView>(() => ({ playing: false, moving: false, speed: 1, hopMs: DEFAULT_HOP_MS, t: 0, follow: true, ahead: 0 }));
