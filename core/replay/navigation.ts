// "Jump to the next / previous X": the kinds of events the playhead can jump between.
import type { TraceEvent } from '../trace/event';
import { liteSource, type Events } from './source';

export const NAV_KINDS = [
  'rpc', // an RPC starts: the request send (rpc.state 'requested')
  'rpcEvent', // any event that belongs to an RPC (carries `rpc`)
  'drop',
  'timeout', // an RPC timed out: `rpc` event with state timedOut
  'misuse',
  'error',
  'unhandled',
  'callback',
  'lifecycle',
  'fault',
] as const;
export type NavKind = (typeof NAV_KINDS)[number];

export function navMatches(e: TraceEvent, kind: NavKind): boolean {
  switch (kind) {
    case 'rpc':
      return e.type === 'send' && e.rpc?.state === 'requested';
    case 'rpcEvent':
      return e.rpc !== undefined;
    case 'timeout':
      return e.type === 'rpc' && e.rpc?.state === 'timedOut';
    default:
      return e.type === kind;
  }
}

/** Kinds an event belongs to. */
export function navKindsOf(e: TraceEvent): NavKind[] {
  return NAV_KINDS.filter((k) => navMatches(e, k));
}

/** First index > from whose event is of that kind, or -1. from = -1 searches from the start. */
export function nextIndexOf(events: Events, kind: NavKind, from: number): number {
  const src = liteSource(events);
  for (let i = Math.max(0, from + 1); i < src.length; i++) if (navMatches(src.get(i), kind)) return i;
  return -1;
}

/** Last index < from whose event is of that kind, or -1. */
export function prevIndexOf(events: Events, kind: NavKind, from: number): number {
  const src = liteSource(events);
  for (let i = Math.min(from, src.length) - 1; i >= 0; i--) if (navMatches(src.get(i), kind)) return i;
  return -1;
}
