// A live run keeps only its newest events (discardBefore): what it keeps is exactly what a run that
// keeps everything recorded, payloads included, and what it dropped is refused, not made up.
import { describe, expect, it } from 'vitest';
import { Project } from '../model/schema';
import { Simulation } from '../engine/simulation';
import { encodeEvent } from './ndjson';
import { CHUNK_ROWS } from './recorder';

/** Master and service answering each other 1 ms apart, forever, with string payloads. */
function echo(): Project {
  const data = { word: 'hello', nested: { list: [1, 'two', { three: 3 }] } };
  return Project.parse({
    format: 'switchboard-project',
    version: 1,
    name: 'Echo',
    options: { defaultLatencyMs: 1 },
    nodes: [
      { id: 'master', kind: 'master', serverId: 0, systems: [{ namespace: 'm', systemName: 'm', rules: [{ on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiService', event: 'Pong', actions: [{ call: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'Ping', eventData: data } }] }] }] },
      { id: 'service-8000', kind: 'service', serverId: 8000, type: 'echo', moduleNames: ['echo'], systems: [{ namespace: 's', systemName: 's', rules: [{ on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiMaster', event: 'Ping', actions: [{ call: 'NotifyToMaster', args: { eventName: 'Pong', eventData: { got: { $ref: 'args' } } } }] }] }] },
    ],
    scenarios: [{ name: 'go', steps: [{ at: 1, do: 'call', node: 'master', api: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'Ping', eventData: data } }] }],
  });
}

describe('TraceRecorder.discardBefore (the live-run cap)', () => {
  it('keeps the newest events exactly as a full run records them; older ones are refused', () => {
    const keep = 50_000;
    const windowed = new Simulation(echo(), { scenario: 'go' });
    const full = new Simulation(echo(), { scenario: 'go' });
    for (let t = 10_000; windowed.trace.length < 3 * CHUNK_ROWS; t += 10_000) {
      windowed.runUntil(t);
      full.runUntil(t);
      windowed.trace.discardBefore(windowed.trace.length - keep);
    }
    const w = windowed.trace;
    expect(w.length).toBe(full.trace.length);
    expect(w.first).toBeGreaterThan(0);
    expect(w.first % CHUNK_ROWS).toBe(0);
    expect(w.length - w.first).toBeLessThan(keep + CHUNK_ROWS);
    for (let i = w.first; i < w.length; i += 997) expect(encodeEvent(w.get(i))).toBe(encodeEvent(full.trace.get(i)));
    expect(encodeEvent(w.get(w.length - 1))).toBe(encodeEvent(full.trace.get(w.length - 1)));
    expect(() => w.get(w.first - 1)).toThrow(/was discarded/);
    expect(w.slice(0, w.first + 2).map((e) => e.seq)).toEqual([w.first + 1, w.first + 2]);
    // The run goes on after discarding: later events are still right.
    windowed.runUntil(windowed.now + 3000);
    full.runUntil(full.now + 3000);
    expect(encodeEvent(w.get(w.length - 1))).toBe(encodeEvent(full.trace.get(full.trace.length - 1)));
  }, 60_000);
});
