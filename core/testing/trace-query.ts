// Find events in a trace by the fields they must have (compared with ===), for engine tests.
import type { TraceEvent } from '../trace/event';

export type EventFilter = { [K in keyof TraceEvent]?: TraceEvent[K] };

function hits(e: TraceEvent, f: EventFilter): boolean {
  for (const [k, v] of Object.entries(f)) {
    if (v !== undefined && (e as unknown as Record<string, unknown>)[k] !== v) return false;
  }
  return true;
}

/** Every event matching the filter, in trace order. */
export function findAll(events: readonly TraceEvent[], f: EventFilter): TraceEvent[] {
  return events.filter((e) => hits(e, f));
}

/** The one event matching the filter; throws when there is none or more than one. */
export function findOne(events: readonly TraceEvent[], f: EventFilter): TraceEvent {
  const found = findAll(events, f);
  if (found.length !== 1) {
    throw new Error(`expected one event matching ${JSON.stringify(f)}, found ${found.length}${found.length ? ':\n  ' + found.map((e) => JSON.stringify(e)).join('\n  ') : ''}`);
  }
  return found[0];
}
