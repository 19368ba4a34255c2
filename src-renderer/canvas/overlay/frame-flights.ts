// The messages moving at the picture's time, shared by the transport (it paces by their hops) and
// the overlay (it paints them). The set only changes when the playhead moves (a send or an arrival
// is an event) or when the clock reaches a message's end, so it is reused across frames until then.
import { traceLog } from '../../trace/trace-log';
import { inFlight, withLegEnds, type Flight } from './flights';

export interface FrameFlights {
  flights: Flight[];
  /** Virtual duration of each moving leg's hop (a leg of n nodes has n - 1 hops). */
  hops: number[];
  /** Distinct send times among the moving messages (a burst has few). */
  instants: number;
}

let key = '';
let cachedT = Infinity;
let validUntil = -Infinity;
let cached: FrameFlights = { flights: [], hops: [], instants: 0 };

export function hopsOf(flights: readonly Flight[], t: number): number[] {
  const hops: number[] = [];
  for (const f of flights) {
    f.legs.forEach((leg, i) => {
      const end = f.legEnds?.[i] ?? f.t1;
      if (end > t || (end === t && f.t0 === t)) hops.push((end - f.t0) / Math.max(1, leg.length - 1));
    });
  }
  return hops;
}

export function flightsFrame(t: number, upTo: number): FrameFlights {
  const k = `${traceLog.streamId}:${traceLog.length}:${upTo}`;
  if (k === key && t >= cachedT && t < validUntil) return cached;
  const flights = inFlight(traceLog, t, upTo).map((f) => (f.kind === 'broadcast' ? withLegEnds(f, traceLog.effectsOf(f.seq)) : f));
  cached = { flights, hops: hopsOf(flights, t), instants: new Set(flights.map((f) => f.t0)).size };
  key = k;
  cachedT = t;
  // Valid while every message is still moving (and no new one started: that moves the playhead).
  validUntil = Infinity;
  for (const f of flights) {
    if (f.t0 === t) validUntil = Math.min(validUntil, t + Number.EPSILON * Math.max(1, Math.abs(t)));
    f.legs.forEach((_, i) => (validUntil = Math.min(validUntil, f.legEnds?.[i] ?? f.t1)));
  }
  return cached;
}
