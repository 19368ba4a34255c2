// One trace event: what a line of the NDJSON trace holds after the header, and what every view reads.
import type { Options } from '../model/schema';

export const TRACE_FORMAT = 'switchboard-trace';
export const TRACE_VERSION = 1;

export const EVENT_TYPES = [
  'send', // a message left its sender (point: `to`; broadcast: `targets`)
  'deliver', // a message arrived at its receiver (cause = its send)
  'drop', // a message was lost; `reason` says why, `at` where
  'unhandled', // delivered, but no listener / handler for it
  'handle', // a listener or RPC handler ran (cause = its deliver)
  'rpc', // an RPC changed state (`rpc.state`)
  'callback', // an RPC callback ran: `suc`, `data`
  'misuse', // a wrong call (§5): `api`, `from`, `reason`
  'lifecycle', // player login/transfer/logout, node start/stop, engine events
  'fault', // link cut/restore/loss change
  'http', // a master HTTP request or response
  'register', // ListenForEvent / RegisterRpcMethod* / RegisterMasterHttp (and replacements)
  'error', // a handler threw something other than a misuse (mods: the Python traceback in `data`)
  'log', // mod output on a node: a print line (`detail` print/stderr), or a first "not simulated" use (`detail` not-simulated, `reason` = the API)
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const RPC_STATES = ['requested', 'delivered', 'handling', 'responded', 'completed', 'timedOut', 'noRoute', 'noHandler'] as const;
export type RpcState = (typeof RPC_STATES)[number];

export interface RpcRef {
  /** Trace-wide RPC id (1, 2, ...). */
  id: number;
  state: RpcState;
  callbackId?: number;
  /** Requester serverId. */
  requester?: number;
  /** On a request sent with a callback: the virtual ms at which it times out. */
  deadline?: number;
}

export interface TraceEvent {
  seq: number;
  /** Virtual ms. */
  t: number;
  type: EventType;
  /** The documented interface name, where one applies. */
  api?: string;
  from?: string;
  to?: string;
  event?: string;
  data?: unknown;
  rpc?: RpcRef;
  /** seq of the event that caused this one. */
  cause?: number;
  reason?: string;
  /** Broadcast receivers (a send with `targets` is one thick fan-out). */
  targets?: string[];
  /** Node ids a message passes through, sender first, receiver last. */
  path?: string[];
  /** Sender system identity for sends; listener identity for handles. */
  ns?: string;
  sys?: string;
  /** Callback success flag. */
  suc?: boolean;
  /** Where a drop happened, if not at the receiver. */
  at?: string;
  /** Scheduled arrival (virtual ms) on a send, for drawing messages in flight. */
  arrive?: number;
  /** Free-form detail (lifecycle kind, register key, ...). */
  detail?: string;
}

/**
 * A node as the trace's header names it: enough to draw the topology and to explain problems
 * (services' module names, clients' uid and proxy) without the project.
 */
export interface TraceHeaderNode {
  id: string;
  kind: string;
  serverId?: number;
  type?: string;
  name?: string;
  moduleNames?: string[];
  uid?: number;
  /** A client's proxy (serverId). */
  proxy?: number;
}

export interface TraceHeader {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  project: string;
  seed: number;
  scenario: string | null;
  options: Options;
  /** The topology the trace ran on (nodes without rules), so a trace replays without its project. */
  nodes?: TraceHeaderNode[];
}
