// The messages moving at the picture's time, computed once per animation frame and shared: the
// transport paces by their hops, the overlay paints them. Cached on (t, playhead, log size).
import { traceLog } from '../../trace/trace-log';
import { inFlight, withLegEnds, type Flight } from './flights';

export interface FrameFlights {
  flights: Flight[];
  /** Virtual duration of each moving leg's hop (a leg of n nodes has n - 1 hops). */
  hops: number[];
}

let key = '';
let cached: FrameFlights = { flights: [], hops: [] };

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
  const k = `${traceLog.streamId}:${traceLog.length}:${t}:${upTo}`;
  if (k === key) return cached;
  const flights = inFlight(traceLog, t, upTo).map((f) => (f.kind === 'broadcast' ? withLegEnds(f, traceLog.effectsOf(f.seq)) : f));
  cached = { flights, hops: hopsOf(flights, t) };
  key = k;
  return cached;
}
