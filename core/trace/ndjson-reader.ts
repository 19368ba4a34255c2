// Reading an NDJSON trace, tolerantly: each bad line is reported by its 1-based number and skipped,
// the rest still loads, and a last line cut off mid-write (no final newline, not JSON) only sets
// `truncated`. `TraceLineReader` takes the text in chunks (any split, even mid-line) so a large
// file streams with progress; `readTrace` is the one-shot form.
import type { z } from 'zod';
import { LIMITS, traceLineTooDeep, traceLineTooLong } from '../limits';
import { describeValue } from '../model/issues';
import { formatPath } from '../model/json-paths';
import { TRACE_FORMAT, TRACE_VERSION, type TraceEvent, type TraceHeader } from './event';
import { TraceEventSchema, TraceHeaderSchema } from './trace-schema';
import { parseJson } from '../json';

export interface TraceLineError {
  /** 1-based line number. */
  line: number;
  message: string;
}

export interface TraceReadResult {
  header: TraceHeader | null;
  events: TraceEvent[];
  errors: TraceLineError[];
  /** The text ended inside a line (a writer stopped mid-event); that partial line was dropped. */
  truncated: boolean;
}

export interface TraceLineReaderOptions {
  /** Receives each valid event; when absent the reader collects them in `events`. */
  onEvent?: (event: TraceEvent, line: number) => void;
  /** Errors kept in `errors`; beyond it they are only counted (a binary file must not fill memory). Default 1000. */
  maxErrors?: number;
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${formatPath(i.path.map((s) => (typeof s === 'number' ? s : String(s))))}: ${i.message}`).join('; ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class TraceLineReader {
  header: TraceHeader | null = null;
  readonly events: TraceEvent[] = [];
  readonly errors: TraceLineError[] = [];
  /** Bad lines, including those beyond `maxErrors`. */
  errorCount = 0;
  truncated = false;
  /** Complete lines read so far. */
  lines = 0;
  /** Characters pushed so far (progress: compare with the file's length). */
  chars = 0;

  private rest = '';
  private sawFirstLine = false;
  private lastSeq = -Infinity;
  private lastT = -Infinity;
  private ended = false;
  private readonly onEvent?: (event: TraceEvent, line: number) => void;
  private readonly maxErrors: number;

  constructor(opts: TraceLineReaderOptions = {}) {
    this.onEvent = opts.onEvent;
    this.maxErrors = opts.maxErrors ?? 1000;
  }

  push(chunk: string): void {
    if (this.ended) throw new Error('TraceLineReader: push() after end()');
    this.chars += chunk.length;
    // Only the new chunk is searched for newlines, so a long line arriving in many chunks stays linear.
    let nl = chunk.indexOf('\n');
    if (nl === -1) {
      this.rest += chunk;
      // A line past the limit is not kept in memory: it is dropped up to its newline (one error).
      if (this.rest.length > LIMITS.traceLineChars) this.rest = this.rest.slice(0, LIMITS.traceLineChars + 1);
      return;
    }
    this.line(this.rest + chunk.slice(0, nl), ++this.lines);
    let start = nl + 1;
    for (nl = chunk.indexOf('\n', start); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.line(chunk.slice(start, nl), ++this.lines);
      start = nl + 1;
    }
    this.rest = chunk.slice(start);
  }

  /** Finishes the text: a last line without newline is read if it is JSON, else marks `truncated`. */
  end(): TraceReadResult {
    if (!this.ended) {
      this.ended = true;
      const last = this.rest;
      this.rest = '';
      if (last.length > LIMITS.traceLineChars) {
        this.sawFirstLine = true;
        this.error(this.lines + 1, traceLineTooLong());
      } else if (last.trim() !== '') {
        const n = this.lines + 1;
        let parsed: unknown;
        let ok = true;
        try {
          parsed = parseJson(last);
        } catch {
          ok = false;
        }
        if (ok) {
          this.lines = n;
          this.value(parsed, n);
        } else this.truncated = true;
      }
      if (!this.sawFirstLine && !this.truncated) this.error(1, `empty trace: expected a header line {"format":"${TRACE_FORMAT}",...}`);
    }
    return { header: this.header, events: this.events, errors: this.errors, truncated: this.truncated };
  }

  private error(line: number, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push({ line, message });
  }

  private line(raw: string, n: number): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.length > LIMITS.traceLineChars) {
      this.sawFirstLine = true;
      return this.error(n, traceLineTooLong());
    }
    if (text.trim() === '') return; // blank lines carry nothing; tolerated anywhere
    let parsed: unknown;
    try {
      parsed = parseJson(text);
    } catch (e) {
      this.sawFirstLine = true;
      this.error(n, `invalid JSON: ${e instanceof Error ? e.message : 'unparsable'}`);
      return;
    }
    this.value(parsed, n);
  }

  private value(v: unknown, n: number): void {
    const first = !this.sawFirstLine;
    this.sawFirstLine = true;
    // Deeper values would load, then overflow the stack of whoever serializes them (the UI stream).
    const deep = traceLineTooDeep(v);
    if (deep) return this.error(n, deep);
    const looksLikeHeader = isObject(v) && 'format' in v;
    if (first && looksLikeHeader) return this.readHeader(v, n);
    if (looksLikeHeader) return this.error(n, 'a second header line; only line 1 may be the header');
    if (first) this.error(n, `missing header: line 1 should be {"format":"${TRACE_FORMAT}","version":${TRACE_VERSION},...}; reading it as an event`);
    this.readEvent(v, n);
  }

  private readHeader(v: Record<string, unknown>, n: number): void {
    if (v.format !== TRACE_FORMAT) return this.error(n, `not a Switchboard trace: "format" is ${describeValue(v.format)}, expected "${TRACE_FORMAT}"`);
    if (typeof v.version === 'number' && v.version > TRACE_VERSION) {
      return this.error(n, `trace version ${v.version} was written by a newer Switchboard; this build reads version ${TRACE_VERSION}`);
    }
    const r = TraceHeaderSchema.safeParse(v);
    if (!r.success) return this.error(n, `invalid header: ${zodMessage(r.error)}`);
    this.header = r.data as TraceHeader;
  }

  private readEvent(v: unknown, n: number): void {
    const r = TraceEventSchema.safeParse(v);
    if (!r.success) return this.error(n, `invalid event: ${zodMessage(r.error)}`);
    const e = r.data as TraceEvent;
    if (e.seq <= this.lastSeq) return this.error(n, `seq ${e.seq} is not greater than the previous event's seq ${this.lastSeq}`);
    if (e.t < this.lastT) return this.error(n, `t ${e.t} is earlier than the previous event's t ${this.lastT} (time never goes back)`);
    if (e.cause !== undefined && e.cause >= e.seq) return this.error(n, `cause ${e.cause} must be an earlier seq than ${e.seq}`);
    this.lastSeq = e.seq;
    this.lastT = e.t;
    if (this.onEvent) this.onEvent(e, n);
    else this.events.push(e);
  }
}

/** Reads a whole trace text. Never throws. */
export function readTrace(text: string): TraceReadResult {
  const reader = new TraceLineReader({ maxErrors: Infinity });
  reader.push(text);
  return reader.end();
}
