// Loading an NDJSON trace straight into a ReplayIndex, in chunks (a worker streams a file and
// reports progress). It accepts and rejects exactly what core/trace/ndjson-reader.ts does (same
// rules, same messages; a differential test holds them together) but checks each event with a
// hand-written test first and asks the zod schema only for the message of a line that fails:
// the zod check per line would cost more than the whole load budget on a 1M-event trace.
import type { z } from 'zod';
import { describeValue } from '../model/issues';
import { formatPath } from '../model/json-paths';
import { EVENT_TYPES, RPC_STATES, TRACE_FORMAT, TRACE_VERSION, type TraceEvent, type TraceHeader } from '../trace/event';
import { encodeEvent, encodeHeader } from '../trace/ndjson';
import { TraceEventSchema, TraceHeaderSchema } from '../trace/trace-schema';
import { PUSH_INVALID, type TraceColumns } from './columns';
import { ReplayIndex, type ReplayIndexOptions } from './replay-index';
import { parseJson } from '../json';

export interface LoadError {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

const TYPES = new Set<string>(EVENT_TYPES);
const STATES = new Set<string>(RPC_STATES);
const STR_KEYS = ['api', 'from', 'to', 'event', 'reason', 'ns', 'sys', 'at', 'detail'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
function strArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/** The same verdict as TraceEventSchema.safeParse(v).success, without zod. */
export function isTraceEvent(v: unknown): v is TraceEvent {
  if (!isObject(v)) return false;
  const seq = v.seq;
  if (!isInt(seq) || seq < 0) return false;
  const t = v.t;
  if (typeof t !== 'number' || !(t >= 0) || t === Infinity) return false;
  if (typeof v.type !== 'string' || !TYPES.has(v.type)) return false;
  for (const k of STR_KEYS) {
    const s = v[k];
    if (s !== undefined && typeof s !== 'string') return false;
  }
  const c = v.cause;
  if (c !== undefined && (!isInt(c) || c < 0)) return false;
  const r = v.rpc;
  if (r !== undefined) {
    if (!isObject(r) || !isInt(r.id) || typeof r.state !== 'string' || !STATES.has(r.state)) return false;
    if (r.callbackId !== undefined && !isInt(r.callbackId)) return false;
    if (r.requester !== undefined && !isInt(r.requester)) return false;
  }
  if (v.targets !== undefined && !strArray(v.targets)) return false;
  if (v.path !== undefined && !strArray(v.path)) return false;
  if (v.suc !== undefined && typeof v.suc !== 'boolean') return false;
  const a = v.arrive;
  if (a !== undefined && (typeof a !== 'number' || !Number.isFinite(a))) return false;
  return true;
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${formatPath(i.path.map((s) => (typeof s === 'number' ? s : String(s))))}: ${i.message}`).join('; ');
}

export interface TraceLoaderOptions extends ReplayIndexOptions {
  /** Errors kept (beyond: only counted). Default 1000. */
  maxErrors?: number;
  /** Total characters of the file, to size the columns once. */
  sizeHint?: number;
}

/** Feed text chunks (any split, even mid-line) with `write`, then `end()`. */
export class TraceLoader {
  readonly index: ReplayIndex;
  header: TraceHeader | null = null;
  readonly errors: LoadError[] = [];
  /** Bad lines, including those beyond maxErrors. */
  errorCount = 0;
  /** The text ended inside a line that is not JSON (a writer stopped mid-event). */
  truncated = false;
  /** Complete lines read so far. */
  lines = 0;
  /** Characters consumed (progress: compare with the file's length). */
  chars = 0;
  private rest = '';
  private sawFirstLine = false;
  private lastSeq = -Infinity;
  private lastT = -Infinity;
  private ended = false;
  private readonly maxErrors: number;

  constructor(opts: TraceLoaderOptions = {}) {
    this.index = new ReplayIndex(undefined, { ...opts, capacity: opts.capacity ?? (opts.sizeHint ? Math.ceil(opts.sizeHint / 110) : undefined) });
    this.maxErrors = opts.maxErrors ?? 1000;
  }

  write(chunk: string): void {
    if (this.ended) throw new Error('TraceLoader: write() after end()');
    this.chars += chunk.length;
    let nl = chunk.indexOf('\n');
    if (nl === -1) {
      this.rest += chunk;
      return;
    }
    if (this.rest.length > 0) {
      const first = this.rest + chunk.slice(0, nl);
      this.rest = '';
      this.line(first, 0, first.length, ++this.lines);
    } else this.line(chunk, 0, nl, ++this.lines);
    let start = nl + 1;
    for (nl = chunk.indexOf('\n', start); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.line(chunk, start, nl, ++this.lines);
      start = nl + 1;
    }
    this.rest = start < chunk.length ? chunk.slice(start) : '';
  }

  /** Finish: read a last line without newline if it is JSON (else `truncated`), trim storage. */
  end(): ReplayIndex {
    if (!this.ended) {
      this.ended = true;
      const last = this.rest;
      this.rest = '';
      if (last.trim() !== '') {
        let parsed: unknown;
        let ok = true;
        try {
          parsed = parseJson(last);
        } catch {
          ok = false;
        }
        if (ok) {
          this.lines++;
          this.value(parsed, this.lines);
        } else this.truncated = true;
      }
      if (!this.sawFirstLine && !this.truncated) this.error(1, `empty trace: expected a header line {"format":"${TRACE_FORMAT}",...}`);
      this.index.trim();
    }
    return this.index;
  }

  private error(line: number, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push({ line, message });
  }

  private line(buf: string, start: number, end0: number, n: number): void {
    const end = end0 > start && buf.charCodeAt(end0 - 1) === 13 ? end0 - 1 : end0;
    const text = start === 0 && end === buf.length ? buf : buf.slice(start, end);
    let parsed: unknown;
    try {
      parsed = parseJson(text);
    } catch (e) {
      if (text.trim() === '') return; // blank lines are tolerated anywhere
      this.sawFirstLine = true;
      this.error(n, `invalid JSON: ${e instanceof Error ? e.message : 'unparsable'}`);
      return;
    }
    this.value(parsed, n);
  }

  private value(v: unknown, n: number): void {
    if (this.sawFirstLine) {
      if (isObject(v) && !('format' in v)) {
        // Fast path: check and store in one read of the fields.
        const cols = this.index.source as TraceColumns;
        const i = cols.pushChecked(v, this.lastSeq, this.lastT);
        if (i >= 0) {
          this.lastSeq = cols.seq[i];
          this.lastT = cols.t[i];
          this.index.indexLastStored(v as unknown as TraceEvent);
          return;
        }
        if (i !== PUSH_INVALID) return this.event(v as unknown as TraceEvent, n); // order errors: same messages below
        return this.invalid(v, n);
      }
      if (isObject(v) && 'format' in v) return this.error(n, 'a second header line; only line 1 may be the header');
      return this.invalid(v, n);
    }
    this.sawFirstLine = true;
    if (isObject(v) && 'format' in v) return this.readHeader(v, n);
    this.error(n, `missing header: line 1 should be {"format":"${TRACE_FORMAT}","version":${TRACE_VERSION},...}; reading it as an event`);
    if (isTraceEvent(v)) this.event(v, n);
    else this.invalid(v, n);
  }

  private invalid(v: unknown, n: number): void {
    const r = TraceEventSchema.safeParse(v);
    // r.success would mean isTraceEvent and the schema disagree; read it then, as the reader would.
    if (r.success) return this.event(r.data as TraceEvent, n);
    this.error(n, `invalid event: ${zodMessage(r.error)}`);
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

  private event(e: TraceEvent, n: number): void {
    if (e.seq <= this.lastSeq) return this.error(n, `seq ${e.seq} is not greater than the previous event's seq ${this.lastSeq}`);
    if (e.t < this.lastT) return this.error(n, `t ${e.t} is earlier than the previous event's t ${this.lastT} (time never goes back)`);
    if (e.cause !== undefined && e.cause >= e.seq) return this.error(n, `cause ${e.cause} must be an earlier seq than ${e.seq}`);
    this.lastSeq = e.seq;
    this.lastT = e.t;
    this.index.push(e);
  }
}

export interface LoadResult {
  header: TraceHeader | null;
  index: ReplayIndex;
  errors: LoadError[];
  truncated: boolean;
}

/** Load a whole NDJSON text. Never throws on bad content. */
export function loadTrace(text: string, opts: TraceLoaderOptions = {}): LoadResult {
  const l = new TraceLoader({ sizeHint: text.length, ...opts });
  l.write(text);
  const index = l.end();
  return { header: l.header, index, errors: l.errors, truncated: l.truncated };
}

/** Encode a trace as NDJSON with the codec's stable key order (header first when given). */
export function toNdjson(events: Iterable<TraceEvent>, header?: TraceHeader): string {
  const parts: string[] = [];
  if (header) parts.push(encodeHeader(header));
  for (const e of events) parts.push(encodeEvent(e));
  return parts.join('\n') + '\n';
}
