// Loading an NDJSON trace, index first (issue 12): the bytes are scanned line by line into a
// TraceFile (where each line is, its time, type, RPC id) and the replay index (keyframes, jumps,
// RPC rows); payloads and every other detail stay in the bytes until asked for. It accepts and
// rejects exactly what core/trace/ndjson-reader.ts does (same rules, same messages; a differential
// test holds them together): a byte scanner (core/trace/line-scanner.ts) takes the lines it can
// vouch for without JSON.parse, everything else goes the slow way (JSON.parse, then the zod schema
// for the message of a line that fails).
import type { z } from 'zod';
import { parseJson } from '../json';
import { LIMITS, traceLineTooDeep, traceLineTooLong } from '../limits';
import { describeValue } from '../model/issues';
import { formatPath } from '../model/json-paths';
import { EVENT_TYPES, RPC_STATES, TRACE_FORMAT, TRACE_VERSION, type RpcRef, type TraceEvent, type TraceHeader } from '../trace/event';
import { EventLineScanner, type ScannedEvent } from '../trace/line-scanner';
import { encodeEvent, encodeHeader } from '../trace/ndjson';
import { TraceEventSchema, TraceHeaderSchema } from '../trace/trace-schema';
import { decodeUtf8, encodeUtf8 } from '../trace/utf8';
import { ReplayIndex, type ReplayIndexOptions } from './replay-index';
import { ChunkSource, TraceFile, type ByteSource } from './trace-file';

export interface LoadError {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

const TYPES = new Set<string>(EVENT_TYPES);
const STATES = new Set<string>(RPC_STATES);
const STR_KEYS = ['api', 'from', 'to', 'event', 'reason', 'ns', 'sys', 'at', 'detail'] as const;
const TYPE_CODE = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const LIFECYCLE = EVENT_TYPES.indexOf('lifecycle');
const FAULT = EVENT_TYPES.indexOf('fault');

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
    if (r.deadline !== undefined && (typeof r.deadline !== 'number' || !Number.isFinite(r.deadline))) return false;
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

/** The event as replay reads it: what the scanner found (payload only on lifecycle and fault). */
function liteOf(s: ScannedEvent, b: Uint8Array): TraceEvent {
  const e: TraceEvent = { seq: s.seq, t: s.t, type: EVENT_TYPES[s.type] };
  if (s.api !== undefined) e.api = s.api;
  if (s.from !== undefined) e.from = s.from;
  if (s.to !== undefined) e.to = s.to;
  if (s.event !== undefined) e.event = s.event;
  if (s.dataStart >= 0 && (s.type === LIFECYCLE || s.type === FAULT)) e.data = parseJson(decodeUtf8(b, s.dataStart, s.dataEnd));
  if (s.rpcId >= 0) {
    const rpc: RpcRef = { id: s.rpcId, state: RPC_STATES[s.rpcState] };
    if (s.callbackId !== undefined) rpc.callbackId = s.callbackId;
    if (s.requester !== undefined) rpc.requester = s.requester;
    if (s.deadline !== undefined) rpc.deadline = s.deadline;
    e.rpc = rpc;
  }
  if (s.cause >= 0) e.cause = s.cause;
  if (s.reason !== undefined) e.reason = s.reason;
  if (s.targets !== undefined) e.targets = s.targets as string[];
  if (s.path !== undefined) e.path = s.path as string[];
  if (s.ns !== undefined) e.ns = s.ns;
  if (s.sys !== undefined) e.sys = s.sys;
  if (s.suc !== 0) e.suc = s.suc === 2;
  if (s.at !== undefined) e.at = s.at;
  if (s.arrive !== undefined) e.arrive = s.arrive;
  if (s.detail !== undefined) e.detail = s.detail;
  return e;
}

function liteOfParsed(v: TraceEvent): TraceEvent {
  if (v.data === undefined || v.type === 'lifecycle' || v.type === 'fault') return v;
  const { data: _data, ...rest } = v;
  return rest;
}

export interface TraceLoaderOptions extends ReplayIndexOptions {
  /** Errors kept (beyond: only counted). Default 1000. */
  maxErrors?: number;
  /** Total characters (text) or bytes of the file, for progress. */
  sizeHint?: number;
}

export interface TraceFileLoaderOptions extends TraceLoaderOptions {
  /**
   * Where `get(i)` reads the bytes back: the file itself (the host). Without it the loader keeps
   * every chunk it is given (then do not reuse their buffers).
   */
  source?: ByteSource;
  /** Skip a UTF-8 byte order mark at the start (as a file decoder would). Default true. */
  stripBom?: boolean;
}

/** Feed a file's bytes in chunks (any split, even mid-line) with `write`, then `end()`. */
export class TraceFileLoader {
  readonly file: TraceFile;
  readonly index: ReplayIndex;
  header: TraceHeader | null = null;
  readonly errors: LoadError[] = [];
  /** Bad lines, including those beyond maxErrors. */
  errorCount = 0;
  /** The bytes ended inside a line that is not JSON (a writer stopped mid-event). */
  truncated = false;
  /** Complete lines read so far. */
  lines = 0;
  /** Bytes consumed (progress: compare with the file's size). */
  bytes = 0;
  /** Lines the byte scanner could not vouch for (read by JSON.parse instead). */
  slowLines = 0;
  private readonly kept: ChunkSource | null;
  private readonly scanner = new EventLineScanner();
  /** The unfinished line so far, as the pieces that came (joined once, when its newline comes). */
  private restParts: Uint8Array[] = [];
  private restLength = 0;
  private restAt = 0;
  private sawFirstLine = false;
  private lastSeq = -Infinity;
  private lastT = -Infinity;
  private ended = false;
  private readonly maxErrors: number;
  private readonly stripBom: boolean;

  constructor(opts: TraceFileLoaderOptions = {}) {
    this.kept = opts.source ? null : new ChunkSource();
    this.file = new TraceFile(opts.source ?? (this.kept as ChunkSource));
    this.index = new ReplayIndex(this.file, opts);
    this.maxErrors = opts.maxErrors ?? 1000;
    this.stripBom = opts.stripBom ?? true;
  }

  write(bytes: Uint8Array): void {
    if (this.ended) throw new Error('TraceFileLoader: write() after end()');
    if (bytes.length === 0) return;
    // A Node Buffer (a Uint8Array subclass) makes every view a Buffer: read it as plain bytes.
    const chunk = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    this.kept?.add(chunk);
    const base = this.bytes;
    this.bytes += chunk.length;
    let start = 0;
    if (base === 0 && this.stripBom && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = 3;
    let nl = chunk.indexOf(10, start);
    if (nl === -1) {
      this.carry(chunk, start, chunk.length, base);
      return;
    }
    if (this.restParts.length > 0) {
      this.carry(chunk, 0, nl, base);
      const line = this.takeRest();
      const at = this.restAt;
      this.line(line, 0, line.length, at, ++this.lines);
    } else this.line(chunk, start, nl, base + start, ++this.lines);
    start = nl + 1;
    for (nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.line(chunk, start, nl, base + start, ++this.lines);
      start = nl + 1;
    }
    if (start < chunk.length) this.carry(chunk, start, chunk.length, base);
  }

  private carry(chunk: Uint8Array, start: number, end0: number, base: number): void {
    // A line past the limit is not kept whole (nor copied again and again): its first bytes are
    // enough to refuse it, once, when its newline comes.
    const end = Math.min(end0, start + Math.max(0, LIMITS.traceLineChars + 1 - this.restLength));
    if (this.restParts.length === 0) this.restAt = base + start;
    else if (end <= start) return;
    this.restParts.push(chunk.slice(start, end));
    this.restLength += end - start;
  }

  private takeRest(): Uint8Array {
    const parts = this.restParts;
    this.restParts = [];
    this.restLength = 0;
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** Finish: read a last line without newline if it is JSON (else `truncated`). */
  end(): ReplayIndex {
    if (!this.ended) {
      this.ended = true;
      const last = this.restParts.length > 0 ? this.takeRest() : null;
      if (last !== null && last.length > LIMITS.traceLineChars) {
        this.sawFirstLine = true;
        this.error(this.lines + 1, traceLineTooLong());
      } else if (last !== null && decodeUtf8(last).trim() !== '') {
        let parsed: unknown;
        let ok = true;
        try {
          parsed = parseJson(decodeUtf8(last));
        } catch {
          ok = false;
        }
        if (ok) {
          this.lines++;
          this.value(parsed, this.lines, this.restAt, last.length);
        } else this.truncated = true;
      }
      if (!this.sawFirstLine && !this.truncated) this.error(1, `empty trace: expected a header line {"format":"${TRACE_FORMAT}",...}`);
    }
    return this.index;
  }

  private error(line: number, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push({ line, message });
  }

  private line(b: Uint8Array, start: number, end0: number, at: number, n: number): void {
    const end = end0 > start && b[end0 - 1] === 13 ? end0 - 1 : end0;
    if (end - start > LIMITS.traceLineChars) {
      this.sawFirstLine = true;
      return this.error(n, traceLineTooLong());
    }
    if (this.sawFirstLine && this.scanner.scan(b, start, end)) {
      const s = this.scanner.ev;
      if (s.seq > this.lastSeq && s.t >= this.lastT && s.cause < s.seq) {
        this.lastSeq = s.seq;
        this.lastT = s.t;
        this.file.add(at, end - start, s.seq, s.t, s.type, s.rpcId >= 0 ? s.rpcId : undefined);
        this.index.observeAppended(liteOf(s, b));
        return;
      }
    }
    // The slow way: the line as text, as core/trace's reader reads it.
    this.slowLines++;
    const text = decodeUtf8(b, start, end);
    let parsed: unknown;
    try {
      parsed = parseJson(text);
    } catch (e) {
      if (text.trim() === '') return; // blank lines are tolerated anywhere
      this.sawFirstLine = true;
      this.error(n, `invalid JSON: ${e instanceof Error ? e.message : 'unparsable'}`);
      return;
    }
    this.value(parsed, n, at, end - start);
  }

  private value(v: unknown, n: number, at: number, length: number): void {
    // Deeper values would load, then overflow the stack of whoever serializes them (the UI stream).
    const deep = traceLineTooDeep(v);
    if (deep) {
      this.sawFirstLine = true;
      return this.error(n, deep);
    }
    if (this.sawFirstLine) {
      if (isObject(v) && 'format' in v) return this.error(n, 'a second header line; only line 1 may be the header');
      if (isTraceEvent(v)) return this.event(v, n, at, length);
      return this.invalid(v, n, at, length);
    }
    this.sawFirstLine = true;
    if (isObject(v) && 'format' in v) return this.readHeader(v, n);
    this.error(n, `missing header: line 1 should be {"format":"${TRACE_FORMAT}","version":${TRACE_VERSION},...}; reading it as an event`);
    if (isTraceEvent(v)) this.event(v, n, at, length);
    else this.invalid(v, n, at, length);
  }

  private invalid(v: unknown, n: number, at: number, length: number): void {
    const r = TraceEventSchema.safeParse(v);
    // r.success would mean isTraceEvent and the schema disagree; read it then, as the reader would.
    if (r.success) return this.event(r.data as TraceEvent, n, at, length);
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

  private event(e: TraceEvent, n: number, at: number, length: number): void {
    if (e.seq <= this.lastSeq) return this.error(n, `seq ${e.seq} is not greater than the previous event's seq ${this.lastSeq}`);
    if (e.t < this.lastT) return this.error(n, `t ${e.t} is earlier than the previous event's t ${this.lastT} (time never goes back)`);
    if (e.cause !== undefined && e.cause >= e.seq) return this.error(n, `cause ${e.cause} must be an earlier seq than ${e.seq}`);
    this.lastSeq = e.seq;
    this.lastT = e.t;
    this.file.add(at, length, e.seq, e.t, TYPE_CODE.get(e.type) as number, e.rpc?.id);
    this.index.observeAppended(liteOfParsed(e));
  }
}

/** Feed text chunks (any split, even mid-line) with `write`, then `end()`: the text is kept as UTF-8. */
export class TraceLoader {
  private readonly loader: TraceFileLoader;
  /** Characters consumed (progress: compare with the text's length). */
  chars = 0;
  private pending = '';

  constructor(opts: TraceLoaderOptions = {}) {
    this.loader = new TraceFileLoader({ ...opts, stripBom: false });
  }

  get index(): ReplayIndex {
    return this.loader.index;
  }
  get header(): TraceHeader | null {
    return this.loader.header;
  }
  get errors(): LoadError[] {
    return this.loader.errors;
  }
  get errorCount(): number {
    return this.loader.errorCount;
  }
  get truncated(): boolean {
    return this.loader.truncated;
  }
  get lines(): number {
    return this.loader.lines;
  }

  write(chunk: string): void {
    this.chars += chunk.length;
    // A surrogate pair split between chunks is encoded whole.
    let text = this.pending + chunk;
    this.pending = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pending = text.slice(-1);
      text = text.slice(0, -1);
    }
    this.loader.write(encodeUtf8(text));
  }

  end(): ReplayIndex {
    if (this.pending) this.loader.write(encodeUtf8(this.pending));
    this.pending = '';
    return this.loader.end();
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
