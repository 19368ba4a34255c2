// OTLP/JSON (ExportTraceServiceRequest) of the RPC calls: a CLIENT span per call on the requester
// and, when the request reached its owner, a SERVER child span for the handler. Ids are derived
// from the trace (project, seed, rpc id), so the same trace always exports the same ids.
import type { TraceHeader } from '../trace/event';
import { rpcCalls, type RpcCall } from './rpc-calls';
import type { Events } from './source';

export interface OtlpAttribute {
  key: string;
  value: { stringValue: string } | { intValue: string } | { doubleValue: number } | { boolValue: boolean };
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** 2 = SERVER, 3 = CLIENT (SpanKind). */
  kind: 2 | 3;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpAttribute[];
  events: { timeUnixNano: string; name: string; attributes: OtlpAttribute[] }[];
  /** code: 0 UNSET, 1 OK, 2 ERROR. */
  status: { code: 0 | 1 | 2; message?: string };
}
export interface OtlpExport {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { scope: { name: string; version: string }; spans: OtlpSpan[] }[] }[];
}

export const SPAN_KIND_SERVER = 2;
export const SPAN_KIND_CLIENT = 3;

/** 32-bit FNV-1a with a seed, for deterministic ids. */
function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3 fmix32).
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

function hexId(s: string, words: number): string {
  let out = '';
  for (let w = 0; w < words; w++) out += fnv(s, w * 0x9e3779b9).toString(16).padStart(8, '0');
  if (/^0+$/.test(out)) out = out.slice(0, -1) + '1'; // all-zero ids are invalid
  return out;
}

export function traceIdOf(rpcId: number, header?: TraceHeader | null): string {
  return hexId(`${header?.project ?? ''}/${header?.seed ?? 0}/${header?.scenario ?? ''}/rpc/${rpcId}`, 4);
}
export function spanIdOf(rpcId: number, side: 'client' | 'server', header?: TraceHeader | null): string {
  return hexId(`${header?.project ?? ''}/${header?.seed ?? 0}/${header?.scenario ?? ''}/rpc/${rpcId}/${side}`, 2);
}

function nanos(ms: number, epochMs: number): string {
  // Exact decimal: whole ms as BigInt, the fraction rounded to ns.
  const total = ms + epochMs;
  const whole = Math.floor(total);
  const frac = Math.round((total - whole) * 1e6);
  return (BigInt(whole) * 1000000n + BigInt(frac)).toString();
}

const str = (key: string, v: string): OtlpAttribute => ({ key, value: { stringValue: v } });
const int = (key: string, v: number): OtlpAttribute => ({ key, value: { intValue: String(Math.trunc(v)) } });

export interface OtlpOptions {
  /** Wall-clock ms of virtual time 0 (default 0: 1970). core/ has no clock; the caller may pass one. */
  epochMs?: number;
}

export function toOtlpJson(events: Events, header?: TraceHeader | null, opts: OtlpOptions = {}): OtlpExport {
  const epoch = opts.epochMs ?? 0;
  const calls = rpcCalls(events);
  const lastT = calls.reduce((m, c) => Math.max(m, c.endT ?? c.requestedT), 0);
  const byNode = new Map<string, OtlpSpan[]>();
  const add = (node: string, s: OtlpSpan) => {
    const l = byNode.get(node) ?? [];
    l.push(s);
    byNode.set(node, l);
  };
  const stateEvents = (c: RpcCall) =>
    (
      [
        ['requested', c.requestedT],
        ['delivered', c.deliveredT],
        ['handling', c.handlingT],
        ['responded', c.respondedT],
        [c.endState, c.stateT],
        ['callback', c.callbackT],
      ] as const
    )
      .filter(([, t]) => t !== undefined)
      .map(([name, t]) => ({ timeUnixNano: nanos(t as number, epoch), name, attributes: [] }));
  for (const c of calls) {
    const traceId = traceIdOf(c.id, header);
    const clientId = spanIdOf(c.id, 'client', header);
    const end = c.endT ?? lastT;
    const error = c.endState === 'timedOut' || c.endState === 'noRoute' || c.endState === 'noHandler';
    const attrs = [
      str('rpc.system', 'apollo'),
      str('rpc.method', c.method),
      str('switchboard.api', c.api),
      int('switchboard.rpc.id', c.id),
      str('switchboard.rpc.end_state', c.endState),
      ...(c.owner ? [str('server.address', c.owner)] : []),
      ...(c.requesterServerId !== undefined ? [int('switchboard.requester.server_id', c.requesterServerId)] : []),
      ...(c.callbackId !== undefined ? [int('switchboard.callback_id', c.callbackId)] : []),
    ];
    const status: OtlpSpan['status'] = error ? { code: 2, message: c.reason ?? c.endState } : c.endState === 'completed' ? { code: 1 } : { code: 0 };
    if (c.requester !== null) {
      add(c.requester, {
        traceId,
        spanId: clientId,
        name: `${c.api} ${c.method}`,
        kind: SPAN_KIND_CLIENT,
        startTimeUnixNano: nanos(c.requestedT, epoch),
        endTimeUnixNano: nanos(end, epoch),
        attributes: attrs,
        events: stateEvents(c),
        status,
      });
    }
    if (c.owner !== null && c.deliveredT !== undefined) {
      const start = c.handlingT ?? c.deliveredT;
      const sEnd = c.respondedT ?? (c.endState === 'noHandler' ? (c.stateT ?? start) : end);
      add(c.owner, {
        traceId,
        spanId: spanIdOf(c.id, 'server', header),
        parentSpanId: clientId,
        name: `${c.api} ${c.method}`,
        kind: SPAN_KIND_SERVER,
        startTimeUnixNano: nanos(start, epoch),
        endTimeUnixNano: nanos(Math.max(start, sEnd), epoch),
        attributes: [str('rpc.system', 'apollo'), str('rpc.method', c.method), int('switchboard.rpc.id', c.id)],
        events: [],
        status: c.endState === 'noHandler' ? { code: 2, message: 'no-handler' } : c.respondedT !== undefined ? { code: 1 } : error ? { code: 2, message: 'no response' } : { code: 0 },
      });
    }
  }
  return {
    resourceSpans: [...byNode.entries()].map(([node, spans]) => ({
      resource: { attributes: [str('service.name', node), ...(header ? [str('switchboard.project', header.project)] : [])] },
      scopeSpans: [{ scope: { name: 'switchboard', version: '1' }, spans }],
    })),
  };
}
