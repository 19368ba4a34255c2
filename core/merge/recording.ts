// The recorder's line format (recorder/FORMAT.md, version 1) as types, and the check of one line.
// Hand-written rather than zod: a merge reads millions of lines, and each bad line needs one plain
// message for the report. Unknown keys are ignored (a newer recorder may add some).

import { ENGINE_NAMESPACE, ENGINE_SYSTEM } from '../api/interfaces';
import { parseJson } from '../json';

export const RECORDING_FORMAT = 'switchboard-recording';
export const RECORDING_VERSION = 1;
export const CORR_KEY = '__sbrec__';

export const RECORD_KINDS = [
  'register', 'send', 'handle', 'rpc-request', 'rpc-handle', 'rpc-response', 'callback',
  'http-request', 'http-response', 'error', 'stop',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type ServerKind = 'lobby' | 'game' | 'master' | 'service';
const SERVER_KINDS: readonly string[] = ['lobby', 'game', 'master', 'service'];

export interface RecordingServer {
  kind: ServerKind;
  serverId: number;
  type?: string;
  modules?: string[];
}

export interface RecordingHeader {
  format: typeof RECORDING_FORMAT;
  version: number;
  boot: string;
  firstSeq: number;
  ts: number;
  server: RecordingServer;
  correlate?: boolean;
  recorder?: string;
}

/** Where a call was addressed (the `to` object); which keys depend on the interface. */
export interface RecordTarget {
  playerId?: string;
  serverId?: number;
  type?: string;
  module?: string;
  uid?: number;
  proxyId?: number;
}

/** One event line, payload aside (`data` stays in the text; the merge reads it again when it writes). */
export interface RecordLine {
  seq: number;
  ts: number;
  kind: RecordKind;
  cause?: number;
  ns?: string;
  sys?: string;
  api?: string;
  event?: string;
  to?: RecordTarget;
  corr?: string;
  dlv?: number;
  from?: { ns?: string; sys?: string };
  listen?: { ns?: string; sys?: string; event?: string; priority?: number };
  module?: string;
  method?: string;
  path?: string;
  requester?: number;
  callbackId?: number;
  handle?: number;
  req?: number;
  suc?: boolean;
  timeout?: number;
  callback?: boolean;
  clientId?: number;
  error?: string;
  reason?: string;
  /** A `stop` line of a server that shut down (not a recorder failure). */
  clean?: boolean;
  /** Identity facts read from the payload (engine events and client messages say who the player is). */
  player?: PlayerFacts;
  truncated?: boolean;
}

export interface PlayerFacts {
  playerId?: string;
  uid?: number;
  proxyId?: number;
  isTransfer?: boolean;
}

export type ParsedLine =
  | { kind: 'header'; header: RecordingHeader }
  | { kind: 'event'; line: RecordLine; data: unknown; hasData: boolean }
  | { kind: 'bad'; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function header(o: Record<string, unknown>): ParsedLine {
  if (o.version !== RECORDING_VERSION) return { kind: 'bad', message: `recording version ${JSON.stringify(o.version)} is not supported (this build reads version ${RECORDING_VERSION})` };
  const s = o.server;
  if (!isObj(s)) return { kind: 'bad', message: 'header: "server" must be an object' };
  if (!isStr(s.kind) || !SERVER_KINDS.includes(s.kind)) return { kind: 'bad', message: `header: server.kind must be one of ${SERVER_KINDS.join(', ')}` };
  if (!isInt(s.serverId)) return { kind: 'bad', message: 'header: server.serverId must be an integer' };
  if (!isStr(o.boot) || o.boot.length === 0) return { kind: 'bad', message: 'header: "boot" must be a non-empty string' };
  if (!isInt(o.firstSeq) || o.firstSeq < 1) return { kind: 'bad', message: 'header: "firstSeq" must be an integer >= 1' };
  if (!isNum(o.ts)) return { kind: 'bad', message: 'header: "ts" must be a number (ms since 1970)' };
  const server: RecordingServer = { kind: s.kind as ServerKind, serverId: s.serverId };
  if (isStr(s.type)) server.type = s.type;
  if (Array.isArray(s.modules)) server.modules = s.modules.filter(isStr);
  const h: RecordingHeader = { format: RECORDING_FORMAT, version: RECORDING_VERSION, boot: o.boot, firstSeq: o.firstSeq, ts: o.ts, server };
  if (typeof o.correlate === 'boolean') h.correlate = o.correlate;
  if (isStr(o.recorder)) h.recorder = o.recorder;
  return { kind: 'header', header: h };
}

function target(v: unknown): RecordTarget | undefined {
  if (!isObj(v)) return undefined;
  const t: RecordTarget = {};
  if (v.playerId !== undefined && v.playerId !== null) t.playerId = String(v.playerId);
  if (isInt(v.serverId)) t.serverId = v.serverId;
  if (isStr(v.type)) t.type = v.type;
  if (isStr(v.module)) t.module = v.module;
  if (isInt(v.uid)) t.uid = v.uid;
  if (isInt(v.proxyId)) t.proxyId = v.proxyId;
  return t;
}

function pair(v: unknown): { ns?: string; sys?: string } | undefined {
  if (!isObj(v)) return undefined;
  return { ...(isStr(v.ns) ? { ns: v.ns } : {}), ...(isStr(v.sys) ? { sys: v.sys } : {}) };
}

/**
 * Who a payload names. Engine player events carry `id`, `uid`, `proxyId`, `isTransfer`; a message
 * from a client carries `__id__` (to a lobby/game) or `__uid__` and `__neteaseProxyId__` (to a
 * service). Mods' own `uid` keys say nothing about the sender, so only engine events read them.
 */
export function playerFacts(data: unknown, engineEvent: boolean): PlayerFacts | undefined {
  if (!isObj(data)) return undefined;
  const f: PlayerFacts = {};
  const pid = engineEvent ? data.id : data.__id__;
  if (isStr(pid) || isInt(pid)) f.playerId = String(pid);
  const uid = engineEvent ? data.uid : data.__uid__;
  if (isInt(uid)) f.uid = uid;
  const proxy = engineEvent ? data.proxyId : data.__neteaseProxyId__;
  if (isInt(proxy)) f.proxyId = proxy;
  if (engineEvent && typeof data.isTransfer === 'boolean') f.isTransfer = data.isTransfer;
  return f.playerId !== undefined || f.uid !== undefined || f.proxyId !== undefined ? f : undefined;
}

/** Required keys per kind, beyond seq/ts/kind. */
const REQUIRED: Partial<Record<RecordKind, readonly string[]>> = {
  register: ['api'],
  send: ['api', 'event'],
  handle: ['event'],
  'rpc-request': ['api', 'event'],
  'rpc-handle': ['event'],
  'rpc-response': ['to'],
  callback: ['suc'],
  'http-request': ['path'],
  'http-response': ['clientId'],
};

/** Checks one parsed JSON value; `text` is the line (for the message of a non-object). */
export function parseRecordingValue(o: unknown): ParsedLine {
  if (!isObj(o)) return { kind: 'bad', message: 'a line must be a JSON object' };
  if (o.format !== undefined) {
    if (o.format !== RECORDING_FORMAT) return { kind: 'bad', message: `not a Switchboard recording line (format ${JSON.stringify(o.format)})` };
    return header(o);
  }
  if (!isInt(o.seq) || o.seq < 1) return { kind: 'bad', message: '"seq" must be an integer >= 1' };
  if (!isNum(o.ts) || o.ts < 0) return { kind: 'bad', message: '"ts" must be a number >= 0 (ms since 1970)' };
  if (!isStr(o.kind) || !(RECORD_KINDS as readonly string[]).includes(o.kind)) return { kind: 'bad', message: `unknown kind ${JSON.stringify(o.kind)}` };
  const kind = o.kind as RecordKind;
  for (const k of REQUIRED[kind] ?? []) if (o[k] === undefined || o[k] === null) return { kind: 'bad', message: `a ${kind} line needs "${k}"` };
  const l: RecordLine = { seq: o.seq, ts: o.ts, kind };
  if (isInt(o.cause)) l.cause = o.cause;
  if (isStr(o.ns)) l.ns = o.ns;
  if (isStr(o.sys)) l.sys = o.sys;
  if (isStr(o.api)) l.api = o.api;
  if (o.event !== undefined && o.event !== null) l.event = String(o.event);
  const to = target(o.to);
  if (to) l.to = to;
  if (isStr(o.corr)) l.corr = o.corr;
  if (isInt(o.dlv)) l.dlv = o.dlv;
  const from = pair(o.from);
  if (from) l.from = from;
  if (isObj(o.listen)) {
    l.listen = { ...pair(o.listen), ...(o.listen.event !== undefined ? { event: String(o.listen.event) } : {}), ...(isNum(o.listen.priority) ? { priority: o.listen.priority } : {}) };
  }
  if (isStr(o.module)) l.module = o.module;
  if (o.method !== undefined && o.method !== null) l.method = String(o.method);
  if (isStr(o.path)) l.path = o.path;
  if (isInt(o.requester)) l.requester = o.requester;
  if (isInt(o.callbackId)) l.callbackId = o.callbackId;
  if (isInt(o.handle)) l.handle = o.handle;
  if (isInt(o.req)) l.req = o.req;
  if (typeof o.suc === 'boolean') l.suc = o.suc;
  if (isNum(o.timeout)) l.timeout = o.timeout;
  if (typeof o.callback === 'boolean') l.callback = o.callback;
  if (isInt(o.clientId)) l.clientId = o.clientId;
  if (isStr(o.error)) l.error = o.error;
  if (isStr(o.reason)) l.reason = o.reason;
  if (o.clean === true) l.clean = true;
  if (isObj(o.trunc)) l.truncated = true;
  const hasData = Object.prototype.hasOwnProperty.call(o, 'data');
  const data = payload(o);
  if (kind === 'handle') {
    const f = playerFacts(o.data, l.from?.ns === ENGINE_NAMESPACE && l.from?.sys === ENGINE_SYSTEM);
    if (f) l.player = f;
  }
  return { kind: 'event', line: l, data, hasData: hasData || isObj(o.trunc) };
}

function payload(o: Record<string, unknown>): unknown {
  if (Object.prototype.hasOwnProperty.call(o, 'data')) return o.data;
  return isObj(o.trunc) ? { $truncated: o.trunc.bytes ?? null, head: o.trunc.head ?? '' } : undefined;
}

/** Just the payload of a line already checked in pass 1 (a truncated one as {$truncated, head}). */
export function payloadOf(text: string): unknown {
  try {
    const o: unknown = parseJson(text);
    return isObj(o) ? payload(o) : undefined;
  } catch {
    return undefined;
  }
}

/** One line of text (without its newline). */
export function parseRecordingLine(text: string): ParsedLine {
  let o: unknown;
  try {
    o = parseJson(text);
  } catch (e) {
    return { kind: 'bad', message: `not JSON (${(e as Error).message})` };
  }
  return parseRecordingValue(o);
}
