// Every event the host pushes to the UI, with its payload.
import { z } from 'zod';
import type { PushEventName } from './methods';
import { DocumentState, RecentEntry, SessionStatus, TraceEventValue, TraceHeaderValue } from './values';

export const PUSHES = {
  'document.changed': DocumentState,
  'session.status': SessionStatus,
  /** A new stream replaces the old one: a fresh session, a reset, or an opened trace file. */
  'stream.reset': z.object({ streamId: z.number().int(), kind: z.enum(['session', 'trace']), name: z.string(), header: TraceHeaderValue.nullable() }),
  /** Events [from, from + events.length) of the stream, in order. */
  'stream.events': z.object({ streamId: z.number().int(), from: z.number().int(), events: z.array(TraceEventValue) }),
  /** The UI fell too far behind: events [from, to) were not sent (fetch them with stream.slice if needed). */
  'stream.skipped': z.object({ streamId: z.number().int(), from: z.number().int(), to: z.number().int() }),
  'trace.progress': z.object({ name: z.string(), loaded: z.number(), total: z.number(), done: z.boolean() }),
  /** A big project validating off the host's event loop: its file read, its JSON parsed, its checks begun; then done. */
  'project.progress': z.object({ name: z.string(), stage: z.enum(['read', 'parse', 'check']), done: z.boolean() }),
  'recent.changed': z.array(RecentEntry),
  /** A native menu item the renderer acts on (undo, redo, open/save in the browser flow, ...). */
  'menu.command': z.object({ command: z.string() }),
  'host.notice': z.object({ level: z.enum(['info', 'error']), message: z.string() }),
} as const satisfies Record<PushEventName, z.ZodType>;

export type Pushes = typeof PUSHES;
export type PushPayload<E extends PushEventName> = z.output<Pushes[E]>;
export type PushMessage = { [E in PushEventName]: { event: E; payload: PushPayload<E> } }[PushEventName];
