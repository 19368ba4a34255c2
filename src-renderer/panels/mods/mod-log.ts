// What mod code did, per node, from the trace: print lines (`log` print/stderr), errors with their
// Python traceback (`error`, data {traceback, file, line}), and "not simulated" stubs (`log`
// not-simulated, the API in `reason`) with how often each was used. Pure and incremental: the
// panel feeds it new events as they stream in.
import type { TraceEvent } from '../../../core/trace/event';

export type LogKind = 'print' | 'stderr' | 'error' | 'stub';

export interface LogRow {
  /** Index of the event in the stream (trace log). */
  at: number;
  seq: number;
  t: number;
  node: string;
  kind: LogKind;
  text: string;
}

export interface StubCount {
  name: string;
  count: number;
}

/** The node a log or error event belongs to. */
export function logNode(e: TraceEvent): string | undefined {
  return e.to ?? e.from ?? e.at;
}

const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The line a `log` event carries: its data as text, or `data.text`. */
export function logText(e: TraceEvent): string {
  if (typeof e.data === 'string') return e.data;
  const d = obj(e.data);
  if (d && typeof d.text === 'string') return d.text;
  return e.reason ?? '';
}

export function toLogRow(e: TraceEvent, at: number): LogRow | null {
  const node = logNode(e);
  if (!node) return null;
  if (e.type === 'error') return { at, seq: e.seq, t: e.t, node, kind: 'error', text: errorInfo(e).message };
  if (e.type !== 'log') return null;
  if (e.detail === 'not-simulated') return { at, seq: e.seq, t: e.t, node, kind: 'stub', text: `not simulated: ${e.reason ?? logText(e)}` };
  return { at, seq: e.seq, t: e.t, node, kind: e.detail === 'stderr' ? 'stderr' : 'print', text: logText(e) };
}

export interface ErrorInfo {
  message: string;
  traceback?: string;
  /** The innermost frame of the user's code. */
  file?: string;
  line?: number;
}

export function errorInfo(e: TraceEvent): ErrorInfo {
  const d = obj(e.data);
  const message = e.reason ?? (d && typeof d.message === 'string' ? `${typeof d.type === 'string' ? `${d.type}: ` : ''}${d.message}` : 'error');
  const out: ErrorInfo = { message };
  if (d && typeof d.traceback === 'string') out.traceback = d.traceback;
  if (d && typeof d.file === 'string') out.file = d.file;
  if (d && typeof d.line === 'number' && Number.isInteger(d.line)) out.line = d.line;
  return out;
}

/** A piece of a traceback: plain text, or a `File "…", line N` reference that can be acted on. */
export type TracebackPart = { text: string } | { text: string; file: string; line: number };

const FRAME = /File "([^"]+)", line (\d+)/g;

/** Splits a Python traceback so its `File "path", line N` references can be made clickable. */
export function tracebackParts(traceback: string): TracebackPart[] {
  const parts: TracebackPart[] = [];
  let last = 0;
  for (const m of traceback.matchAll(FRAME)) {
    const i = m.index ?? 0;
    if (i > last) parts.push({ text: traceback.slice(last, i) });
    parts.push({ text: m[0], file: m[1], line: Number(m[2]) });
    last = i + m[0].length;
  }
  if (last < traceback.length) parts.push({ text: traceback.slice(last) });
  return parts;
}

/** `…/acme/acmeLogin/…/modMain.py` → `acmeLogin/…/modMain.py` when under the Apollo folder. */
export function displayPath(file: string, root?: string): string {
  if (!root) return file;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const f = norm(file);
  const r = norm(root);
  return f.startsWith(`${r}/`) ? f.slice(r.length + 1) : file;
}

/** Bound on rows kept (the oldest go first); the trace keeps everything. */
export const MAX_ROWS = 50_000;

/** Rows of every node, and stub counts per node, built incrementally from a stream's events. */
export class ModLogIndex {
  rows: LogRow[] = [];
  dropped = 0;
  private readonly stubs = new Map<string, Map<string, number>>();
  private readonly errors = new Map<string, number>();
  done = 0;

  constructor(readonly streamId: number) {}

  /** Adds events[from..] (holes skipped). */
  append(events: readonly (TraceEvent | undefined)[]): void {
    for (let i = this.done; i < events.length; i++) {
      const e = events[i];
      if (!e || (e.type !== 'log' && e.type !== 'error')) continue;
      const row = toLogRow(e, i);
      if (!row) continue;
      this.rows.push(row);
      if (row.kind === 'error') this.errors.set(row.node, (this.errors.get(row.node) ?? 0) + 1);
      if (row.kind === 'stub') {
        const name = e.reason ?? logText(e);
        const per = this.stubs.get(row.node) ?? new Map<string, number>();
        const d = obj(e.data);
        // A first use is one call; a count the runtime reports (`data.count`) adds that many.
        per.set(name, (per.get(name) ?? 0) + (d && typeof d.count === 'number' && d.count > 0 ? d.count : 1));
        this.stubs.set(row.node, per);
      }
    }
    this.done = events.length;
    if (this.rows.length > MAX_ROWS) {
      const cut = this.rows.length - MAX_ROWS;
      this.rows.splice(0, cut);
      this.dropped += cut;
    }
  }

  /**
   * Stub uses of one node (or every node), most used first. The trace records only a first use;
   * `counted` (the runtime's count of every use, per node and name) wins where it knows more.
   */
  stubCounts(node?: string | null, counted?: Record<string, Record<string, number>>): StubCount[] {
    const sum = new Map<string, number>();
    const nodes = new Set([...this.stubs.keys(), ...Object.keys(counted ?? {})]);
    for (const n of nodes) {
      if (node && n !== node) continue;
      const fromTrace = this.stubs.get(n) ?? new Map<string, number>();
      const fromRuntime = counted?.[n] ?? {};
      for (const name of new Set([...fromTrace.keys(), ...Object.keys(fromRuntime)])) {
        const c = Math.max(fromTrace.get(name) ?? 0, fromRuntime[name] ?? 0);
        sum.set(name, (sum.get(name) ?? 0) + c);
      }
    }
    return [...sum].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  }

  errorCount(node?: string | null): number {
    if (!node) return [...this.errors.values()].reduce((a, b) => a + b, 0);
    return this.errors.get(node) ?? 0;
  }
}

export function filterRows(rows: readonly LogRow[], node: string | null, kinds: ReadonlySet<LogKind>): LogRow[] {
  return rows.filter((r) => (!node || r.node === node) && kinds.has(r.kind));
}
