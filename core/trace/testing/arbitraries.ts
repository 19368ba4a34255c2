// fast-check generators for trace tests: valid headers and event sequences (seq strictly
// increasing, t non-decreasing, cause earlier than seq).
import fc from 'fast-check';
import { Options } from '../../model/schema';
import { EVENT_TYPES, RPC_STATES, TRACE_FORMAT, TRACE_VERSION, type TraceEvent, type TraceHeader } from '../event';

export function sampleHeader(): TraceHeader {
  return {
    format: TRACE_FORMAT, version: TRACE_VERSION, project: 'sample', seed: 7, scenario: 'main',
    options: Options.parse({}), nodes: [{ id: 'm', kind: 'master', serverId: 0 }],
  };
}

const name = fc.string({ maxLength: 12 });
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** One event's optional fields (seq, t and cause are filled in by `traceEvents`). */
const eventBody = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  api: optional(name),
  from: optional(name),
  to: optional(name),
  event: optional(name),
  // through JSON text once: it has no -0, so a payload is what a trace line can hold
  data: optional(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown)),
  rpc: optional(fc.record({ id: fc.nat(), state: fc.constantFrom(...RPC_STATES), callbackId: optional(fc.nat()), requester: optional(fc.nat()) })),
  reason: optional(name),
  targets: optional(fc.array(name, { maxLength: 4 })),
  suc: optional(fc.boolean()),
  arrive: optional(fc.double({ min: 0, max: 1e6, noNaN: true })),
  detail: optional(name),
});

/** A valid event sequence; `undefined` fields are left out, as the encoder would. */
export const traceEvents: fc.Arbitrary<TraceEvent[]> = fc
  .array(fc.tuple(eventBody, fc.integer({ min: 1, max: 3 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.boolean()), { maxLength: 25 })
  .map((rows) => {
    let seq = 0;
    let t = 0;
    return rows.map(([body, dSeq, dT, caused]) => {
      seq += dSeq;
      t += dT;
      const e: Record<string, unknown> = { seq, t, ...(caused && seq > 1 ? { cause: seq - 1 } : {}) };
      for (const [k, v] of Object.entries(body)) if (v !== undefined) e[k] = v;
      if (e.rpc) e.rpc = Object.fromEntries(Object.entries(e.rpc).filter(([, v]) => v !== undefined));
      return e as unknown as TraceEvent;
    });
  });
