// Loading an NDJSON trace (header line, then one event per line) into an index, in chunks so a
// worker can stream a file and report progress. A bad line is reported with its number and skipped;
// the rest still loads.
import type { TraceEvent, TraceHeader } from '../trace/event';
import { EVENT_TYPES, TRACE_FORMAT } from '../trace/event';
import { ReplayIndex, type ReplayIndexOptions } from './replay-index';

export interface LoadError {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

const TYPES = new Set<string>(EVENT_TYPES);

function checkEvent(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'not an object';
  const e = v as Record<string, unknown>;
  if (typeof e.seq !== 'number') return 'seq is not a number';
  if (typeof e.t !== 'number') return 't is not a number';
  if (typeof e.type !== 'string' || !TYPES.has(e.type)) return `unknown type ${JSON.stringify(e.type)}`;
  return null;
}

/** Feed text chunks (any split, even mid-line), then `end()`. */
export class TraceLoader {
  readonly index: ReplayIndex;
  header: TraceHeader | null = null;
  readonly errors: LoadError[] = [];
  /** Lines seen so far. */
  lines = 0;
  /** Characters consumed (for a progress bar: bytesRead / fileSize is close enough). */
  chars = 0;
  private rest = '';
  private lastT = -Infinity;

  /** `sizeHint`: total characters (or bytes) of the file, to size the columns once. */
  constructor(opts: ReplayIndexOptions & { maxErrors?: number; sizeHint?: number } = {}) {
    this.index = new ReplayIndex(undefined, { ...opts, capacity: opts.capacity ?? (opts.sizeHint ? Math.ceil(opts.sizeHint / 120) : undefined) });
    this.maxErrors = opts.maxErrors ?? 1000;
  }
  private readonly maxErrors: number;
  /** Errors beyond maxErrors are counted, not kept. */
  errorCount = 0;

  write(chunk: string): void {
    this.chars += chunk.length;
    let text = this.rest.length > 0 ? this.rest + chunk : chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.line(text, start, nl);
      start = nl + 1;
    }
    this.rest = start < text.length ? text.slice(start) : '';
    text = '';
  }

  /** Finish: the last line without a newline, trim storage. Returns the index. */
  end(): ReplayIndex {
    if (this.rest.length > 0) {
      const r = this.rest;
      this.rest = '';
      this.line(r, 0, r.length);
    }
    this.index.trim();
    return this.index;
  }

  private error(message: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push({ line: this.lines, message });
  }

  private line(text: string, from: number, to: number): void {
    this.lines++;
    let end = to;
    if (end > from && text.charCodeAt(end - 1) === 13) end--; // \r\n
    if (end <= from) return;
    let v: unknown;
    try {
      v = JSON.parse(from === 0 && end === text.length ? text : text.slice(from, end));
    } catch (err) {
      this.error(`bad JSON: ${(err as Error).message}`);
      return;
    }
    if (this.header === null && this.index.length === 0 && v !== null && typeof v === 'object' && (v as { format?: unknown }).format === TRACE_FORMAT) {
      this.header = v as TraceHeader;
      return;
    }
    const bad = checkEvent(v);
    if (bad) {
      this.error(bad);
      return;
    }
    const e = v as TraceEvent;
    if (e.t < this.lastT) {
      this.error(`time goes back (${e.t} after ${this.lastT})`);
      return;
    }
    this.lastT = e.t;
    this.index.push(e);
  }
}

/** Load a whole NDJSON text. */
export function loadTrace(text: string, opts: ReplayIndexOptions = {}): { header: TraceHeader | null; index: ReplayIndex; errors: LoadError[] } {
  const l = new TraceLoader(opts);
  l.write(text);
  const index = l.end();
  return { header: l.header, index, errors: l.errors };
}

/** Encode a trace as NDJSON (header first when given). */
export function toNdjson(events: Iterable<TraceEvent>, header?: TraceHeader): string {
  const parts: string[] = [];
  if (header) parts.push(JSON.stringify(header));
  for (const e of events) parts.push(JSON.stringify(e));
  return parts.join('\n') + '\n';
}
