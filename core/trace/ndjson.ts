// The NDJSON trace file: line 1 the header, then one event per line. Keys are written in a fixed
// order so that the same run gives the same bytes (determinism is tested on the bytes) and so the
// most useful fields come first when a person reads the file.
import type { RpcRef, TraceEvent, TraceHeader } from './event';
import { stringifyJson } from '../json';

/** seq, t, type, api, from, to, event, data, rpc, cause, reason, then the rest of TraceEvent in its order. */
export const EVENT_KEY_ORDER = [
  'seq', 't', 'type', 'api', 'from', 'to', 'event', 'data', 'rpc', 'cause', 'reason',
  'targets', 'path', 'ns', 'sys', 'suc', 'at', 'arrive', 'detail',
] as const satisfies readonly (keyof TraceEvent)[];

const RPC_KEY_ORDER = ['id', 'state', 'callbackId', 'requester', 'deadline'] as const satisfies readonly (keyof RpcRef)[];
const HEADER_KEY_ORDER = ['format', 'version', 'project', 'seed', 'scenario', 'options', 'nodes'] as const satisfies readonly (keyof TraceHeader)[];

type ValueEncoder = (key: string, v: unknown) => string | undefined;

/** For one key order: each key's `"key":` written once, and the set of known keys. */
interface Layout {
  keys: readonly string[];
  prefixes: readonly string[];
  known: ReadonlySet<string>;
}

function layout(keys: readonly string[]): Layout {
  return { keys, prefixes: keys.map((k) => `${JSON.stringify(k)}:`), known: new Set(keys) };
}

/**
 * `{"k":v,...}` with the layout's keys first, then any other own keys in insertion order; undefined
 * (and values JSON cannot hold: functions, symbols) omitted. Hot when a trace is written, so no
 * closures or arrays per call.
 */
function encodeOrdered(obj: object, l: Layout, encodeValue: ValueEncoder): string {
  const rec = obj as Record<string, unknown>;
  let out = '';
  for (let i = 0; i < l.keys.length; i++) {
    const v = rec[l.keys[i]];
    if (v === undefined) continue;
    const json = encodeValue(l.keys[i], v);
    if (json !== undefined) out += `${out === '' ? '' : ','}${l.prefixes[i]}${json}`;
  }
  for (const key in rec) {
    if (l.known.has(key) || !Object.prototype.hasOwnProperty.call(rec, key)) continue;
    const v = rec[key];
    const json = v === undefined ? undefined : encodeValue(key, v);
    if (json !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${json}`;
  }
  return `{${out}}`;
}

const EVENT_LAYOUT = layout(EVENT_KEY_ORDER);
const RPC_LAYOUT = layout(RPC_KEY_ORDER);
const HEADER_LAYOUT = layout(HEADER_KEY_ORDER);

const plain: ValueEncoder = (_key, v) => stringifyJson(v);
const eventValue: ValueEncoder = (key, v) => {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  return key === 'rpc' && typeof v === 'object' && v !== null ? encodeOrdered(v, RPC_LAYOUT, plain) : stringifyJson(v);
};

/** One event as one line (no newline). */
export function encodeEvent(e: TraceEvent): string {
  return encodeOrdered(e, EVENT_LAYOUT, eventValue);
}

/** The header line (no newline). */
export function encodeHeader(h: TraceHeader): string {
  return encodeOrdered(h, HEADER_LAYOUT, plain);
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
