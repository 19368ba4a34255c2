// How every view tells messages apart: one colour per kind (light and dark), one line style per
// kind. The canvas overlay, its legend, the sequence view (as CSS variables), and the SVG and
// Mermaid exports all read this table, so a request is the same purple everywhere.
import type { TraceEvent } from '../trace/event';

/** What a user tells apart: thin point messages, thick broadcasts, RPC requests and responses,
 * callbacks (the requester runs its ServerCallback), and what went wrong (timeouts, drops,
 * unhandled events, errors raised by mod code). */
export const MESSAGE_KINDS = ['point', 'broadcast', 'request', 'response', 'callback', 'timeout', 'drop', 'unhandled', 'error'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type ColorScheme = 'light' | 'dark';

export const MESSAGE_COLORS: Record<ColorScheme, Record<MessageKind, string>> = {
  light: {
    point: '#1f6feb',
    broadcast: '#d9480f',
    request: '#8250df',
    response: '#1a7f37',
    callback: '#0e7490',
    timeout: '#bf3989',
    drop: '#cf222e',
    unhandled: '#9a6700',
    error: '#9f1239',
  },
  dark: {
    point: '#58a6ff',
    broadcast: '#ff8c42',
    request: '#b48cff',
    response: '#3fb950',
    callback: '#2dd4bf',
    timeout: '#f778ba',
    drop: '#ff6b6b',
    unhandled: '#d29922',
    error: '#fb7185',
  },
};

export interface MessageLook {
  label: string;
  /** Line width on the canvas (CSS px); a broadcast is the thick one. */
  width: number;
  /** Dash pattern ([] = solid): responses are dashed in every view. */
  dash: number[];
  /** Glyph of a marker kind (events that are not a message on the wire). */
  glyph?: string;
}

export const MESSAGE_LOOK: Record<MessageKind, MessageLook> = {
  point: { label: 'message', width: 2.5, dash: [] },
  broadcast: { label: 'broadcast', width: 6, dash: [] },
  request: { label: 'RPC request', width: 3, dash: [] },
  response: { label: 'RPC response', width: 3, dash: [7, 4] },
  callback: { label: 'callback', width: 0, dash: [], glyph: '✓' },
  timeout: { label: 'timeout', width: 0, dash: [], glyph: '!' },
  drop: { label: 'dropped', width: 0, dash: [], glyph: '✕' },
  unhandled: { label: 'unhandled', width: 0, dash: [], glyph: '?' },
  /** An exception raised by mod code (a handler, timer or callback). */
  error: { label: 'mod error', width: 0, dash: [], glyph: 'E' },
};

/** The kind of a send: request / response by its RPC role, broadcast by its fan-out, else point. */
export function sendKind(e: Pick<TraceEvent, 'api' | 'rpc' | 'targets'>): MessageKind {
  if (e.api === 'ResponseToServer') return 'response';
  if (e.rpc?.state === 'requested') return 'request';
  if (e.targets !== undefined) return 'broadcast';
  return 'point';
}

/** `--msg-<kind>` CSS variables of a scheme (the sequence view's stylesheet uses them). */
export function messageColorVars(scheme: ColorScheme): Record<string, string> {
  return Object.fromEntries(MESSAGE_KINDS.map((k) => [`--msg-${k}`, MESSAGE_COLORS[scheme][k]]));
}
