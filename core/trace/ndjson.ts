// The NDJSON trace file: line 1 the header, then one event per line. Keys are written in a fixed
// order so that the same run gives the same bytes (determinism is tested on the bytes) and so the
// most useful fields come first when a person reads the file.
import type { RpcRef, TraceEvent, TraceHeader } from './event';

/** seq, t, type, api, from, to, event, data, rpc, cause, reason, then the rest of TraceEvent in its order. */
export const EVENT_KEY_ORDER = [
  'seq', 't', 'type', 'api', 'from', 'to', 'event', 'data', 'rpc', 'cause', 'reason',
  'targets', 'path', 'ns', 'sys', 'suc', 'at', 'arrive', 'detail',
] as const satisfies readonly (keyof TraceEvent)[];

const RPC_KEY_ORDER = ['id', 'state', 'callbackId', 'requester'] as const satisfies readonly (keyof RpcRef)[];
const HEADER_KEY_ORDER = ['format', 'version', 'project', 'seed', 'scenario', 'options', 'nodes'] as const satisfies readonly (keyof TraceHeader)[];

/** `{"k":v,...}` with `order` first, then any other own keys in insertion order; undefined omitted. */
function encodeOrdered(obj: object, order: readonly string[], known: ReadonlySet<string>, encodeValue: (key: string, v: unknown) => string | undefined): string {
  const rec = obj as Record<string, unknown>;
  let out = '{';
  const put = (key: string): void => {
    const v = rec[key];
    if (v === undefined) return;
    const json = encodeValue(key, v);
    if (json === undefined) return; // functions and symbols have no JSON form
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${json}`;
  };
  for (const key of order) put(key);
  for (const key of Object.keys(rec)) if (!known.has(key)) put(key);
  return `${out}}`;
}

const EVENT_KEYS = new Set<string>(EVENT_KEY_ORDER);
const RPC_KEYS = new Set<string>(RPC_KEY_ORDER);
const HEADER_KEYS = new Set<string>(HEADER_KEY_ORDER);

const plain = (_key: string, v: unknown): string | undefined => JSON.stringify(v);
const encodeRpc = (rpc: object): string => encodeOrdered(rpc, RPC_KEY_ORDER, RPC_KEYS, plain);
const eventValue = (key: string, v: unknown): string | undefined =>
  key === 'rpc' && typeof v === 'object' && v !== null ? encodeRpc(v) : JSON.stringify(v);

/** One event as one line (no newline). */
export function encodeEvent(e: TraceEvent): string {
  return encodeOrdered(e, EVENT_KEY_ORDER, EVENT_KEYS, eventValue);
}

/** The header line (no newline). */
export function encodeHeader(h: TraceHeader): string {
  return encodeOrdered(h, HEADER_KEY_ORDER, HEADER_KEYS, plain);
}

/** A whole trace file: header line, one line per event, each line ending in a newline. */
export function encodeTrace(header: TraceHeader, events: Iterable<TraceEvent>): string {
  const lines = [encodeHeader(header)];
  for (const e of events) lines.push(encodeEvent(e));
  return `${lines.join('\n')}\n`;
}

/** Anything with a header and indexed events (the engine's TraceStore, a loaded trace). */
export interface EncodableTrace {
  readonly header: TraceHeader;
  readonly length: number;
  get(i: number): TraceEvent;
}

/**
 * The trace file in pieces of about `linesPerChunk` lines, so a large trace is written with
 * backpressure instead of built as one string. Concatenated, the pieces equal encodeTrace.
 */
export function* encodeTraceChunks(trace: EncodableTrace, linesPerChunk = 2000): Generator<string> {
  let chunk = `${encodeHeader(trace.header)}\n`;
  let lines = 1;
  for (let i = 0; i < trace.length; i++) {
    chunk += `${encodeEvent(trace.get(i))}\n`;
    if (++lines >= linesPerChunk) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk !== '') yield chunk;
}
