// The breakpoint form's fields → a breakpoint match (core/replay validates it), and a breakpoint
// → one line of text for the list.
import type { Breakpoint } from '../../core/replay/breakpoints';
import type { EventType } from '../../core/trace/event';
import { parseJson, stringifyJson } from '../../core/json';

export interface BreakpointForm {
  api: string;
  event: string;
  node: string;
  type: EventType | '';
  path: string;
  /** JSON, or bare text taken as a string. */
  value: string;
}

export const EMPTY_FORM: BreakpointForm = { api: '', event: '', node: '', type: '', path: '', value: '' };

export function parseValue(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}

export function matchFromForm(f: BreakpointForm): Breakpoint['match'] {
  return {
    ...(f.api ? { api: f.api } : {}),
    ...(f.event.trim() ? { event: f.event.trim() } : {}),
    ...(f.node ? { node: f.node } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.path.trim() ? { field: { path: f.path.trim(), equals: parseValue(f.value.trim()) } } : {}),
  };
}

export function describeBreakpoint(b: Breakpoint): string {
  const m = b.match;
  if ('kind' in m) return `any ${m.kind === 'timeout' ? 'RPC timeout' : m.kind}`;
  const parts = [m.type, m.api, m.event && `"${m.event}"`, m.node && `at ${m.node}`, m.field && `${m.field.path} = ${stringifyJson(m.field.equals)}`].filter(Boolean);
  return b.label ?? parts.join(' ');
}
