// The trace codec used to size events (core/trace/ndjson.ts once it exists; plain JSON before).
import type { TraceEvent } from '../core/trace/event';
export function encodeEvent(e: TraceEvent): string {
  return JSON.stringify(e);
}
