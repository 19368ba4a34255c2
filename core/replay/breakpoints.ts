// Breakpoints: pause when an event matches (interface, event name, node, type, a payload field),
// or on any RPC timeout, drop or misuse. Validated with zod (they are saved with the session).
import { z } from 'zod';
import type { TraceEvent } from '../trace/event';
import { EVENT_TYPES } from '../trace/event';
import { navMatches } from './navigation';
import { asSource, liteSource, type Events } from './source';

const Json: z.ZodType<unknown> = z.lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(Json), z.record(z.string(), Json)]));

export const FieldMatch = z.strictObject({
  /** Dotted path into the event: `data.uid`, `rpc.state`, `data.items[2].id`, `targets[0]`. */
  path: z.string().min(1).regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*$/, 'a path like data.items[2].id'),
  equals: Json,
});

export const EventMatch = z
  .strictObject({
    api: z.string().min(1).optional(),
    event: z.string().min(1).optional(),
    /** Matches `from`, `to`, any broadcast target, or `at`. */
    node: z.string().min(1).optional(),
    type: z.enum(EVENT_TYPES).optional(),
    field: FieldMatch.optional(),
  })
  .refine((m) => m.api !== undefined || m.event !== undefined || m.node !== undefined || m.type !== undefined || m.field !== undefined, {
    message: 'a breakpoint needs at least one of api, event, node, type, field',
  });

export const KindMatch = z.strictObject({ kind: z.enum(['timeout', 'drop', 'misuse']) });

export const Breakpoint = z.strictObject({
  id: z.string().min(1),
  enabled: z.boolean().default(true),
  label: z.string().optional(),
  match: z.union([KindMatch, EventMatch]),
});
export type Breakpoint = z.infer<typeof Breakpoint>;
export type BreakpointInput = z.input<typeof Breakpoint>;
export const Breakpoints = z.array(Breakpoint).superRefine((bps, ctx) => {
  const seen = new Set<string>();
  bps.forEach((b, i) => {
    if (seen.has(b.id)) ctx.addIssue({ code: 'custom', message: `duplicate breakpoint id ${b.id}`, path: [i, 'id'] });
    seen.add(b.id);
  });
});

/** Validate (throws a ZodError naming the field). */
export function parseBreakpoint(input: unknown): Breakpoint {
  return Breakpoint.parse(input);
}

export interface BreakpointHit {
  index: number;
  seq: number;
  t: number;
  /** Ids of the enabled breakpoints that match this event. */
  ids: string[];
}

function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

/** Value at a path (undefined when absent). */
export function valueAt(obj: unknown, path: string | readonly (string | number)[]): unknown {
  let v: unknown = obj;
  for (const s of typeof path === 'string' ? segments(path) : path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

type Compiled = { id: string; test: (e: TraceEvent) => boolean };

function compile(b: Breakpoint): Compiled {
  const m = b.match;
  if ('kind' in m) {
    const kind = m.kind;
    return { id: b.id, test: (e) => navMatches(e, kind) };
  }
  const seg = m.field ? segments(m.field.path) : undefined;
  const want = m.field?.equals;
  return {
    id: b.id,
    test: (e) =>
      (m.type === undefined || e.type === m.type) &&
      (m.api === undefined || e.api === m.api) &&
      (m.event === undefined || e.event === m.event) &&
      (m.node === undefined || e.from === m.node || e.to === m.node || e.at === m.node || (e.targets !== undefined && e.targets.includes(m.node))) &&
      (seg === undefined || jsonEqual(valueAt(e, seg), want)),
  };
}

/** A predicate over events for a list of breakpoints (disabled ones ignored); returns matching ids. */
export function compileBreakpoints(bps: readonly Breakpoint[]): (e: TraceEvent) => string[] {
  const list = bps.filter((b) => b.enabled).map(compile);
  return (e) => {
    let ids: string[] | undefined;
    for (const c of list) if (c.test(e)) (ids ??= []).push(c.id);
    return ids ?? NONE;
  };
}
const NONE: string[] = [];

export function matchingBreakpoints(e: TraceEvent, bps: readonly Breakpoint[]): string[] {
  return compileBreakpoints(bps)(e);
}

/** The first hit at index >= fromIndex (pass current + 1 to "continue"), or null. */
/** Whether any enabled breakpoint reads the payload (else scans skip decoding it). */
function readsData(bps: readonly Breakpoint[]): boolean {
  return bps.some((b) => b.enabled && !('kind' in b.match) && b.match.field !== undefined && /^data(\.|\[|$)/.test(b.match.field.path));
}

export function firstHit(events: Events, fromIndex: number, breakpoints: readonly Breakpoint[]): BreakpointHit | null {
  const src = readsData(breakpoints) ? asSource(events) : liteSource(events);
  const test = compileBreakpoints(breakpoints);
  for (let i = Math.max(0, fromIndex); i < src.length; i++) {
    const e = src.get(i);
    const ids = test(e);
    if (ids.length > 0) return { index: i, seq: e.seq, t: e.t, ids };
  }
  return null;
}

/** Every hit in [from, to) (whole trace by default), for marks on the timeline. */
export function allHits(events: Events, breakpoints: readonly Breakpoint[], range: { from?: number; to?: number } = {}): BreakpointHit[] {
  const src = readsData(breakpoints) ? asSource(events) : liteSource(events);
  const test = compileBreakpoints(breakpoints);
  const out: BreakpointHit[] = [];
  const end = Math.min(range.to ?? src.length, src.length);
  for (let i = Math.max(0, range.from ?? 0); i < end; i++) {
    const e = src.get(i);
    const ids = test(e);
    if (ids.length > 0) out.push({ index: i, seq: e.seq, t: e.t, ids });
  }
  return out;
}
