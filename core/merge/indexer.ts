// Pass 1 of a merge: every line of every file is checked and kept without its payload (the
// payload is read again in pass 2, so memory grows with the number of lines, not their size).
// Lines are grouped into segments (one boot of one server, possibly across rotated files) and
// parts (the lines of one segment in one file, which pass 2 reads in order).
import { IssueList } from './issues';
import { CORR_KEY, parseRecordingLine, type RecordingServer, type RecordLine } from './recording';

export interface Segment {
  index: number;
  /** `serverId:boot`, the prefix of the correlation ids this segment's sends carry. */
  key: string;
  server: RecordingServer;
  boot: string;
  /** Wall clock of its earliest header line. */
  bootTs: number;
  /** Header lines (file, line, firstSeq). */
  headers: { file: number; line: number; firstSeq: number }[];
  /** Global ids of its event lines, in seq order after finish(). */
  lines: number[];
  correlate: boolean;
}

export interface Part {
  file: number;
  segment: number;
  firstLine: number;
}

export interface IndexerOptions {
  /** Event lines kept at most; beyond it the merge stops with a clear error (default 2,000,000: about 1 GB). */
  maxLines?: number;
}

export class MergeLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeLimitError';
  }
}

const PAYLOAD_KINDS = new Set(['send', 'handle', 'rpc-request', 'rpc-handle']);

/** A hash of a payload with its keys sorted (FIFO matching of uncorrelated messages prefers equal payloads). */
export function payloadHash(data: unknown): number {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  const walk = (v: unknown, depth: number): void => {
    if (depth > 32) return feed('…');
    if (Array.isArray(v)) {
      feed('[');
      for (const x of v) walk(x, depth + 1);
      feed(']');
    } else if (v !== null && typeof v === 'object') {
      feed('{');
      for (const k of Object.keys(v).sort()) {
        if (k === CORR_KEY) continue;
        feed(JSON.stringify(k));
        walk((v as Record<string, unknown>)[k], depth + 1);
      }
      feed('}');
    } else feed(typeof v === 'bigint' ? `${v}n` : (JSON.stringify(v) ?? 'undefined'));
  };
  walk(data, 0);
  return h >>> 0;
}

export class RecordingIndexer {
  readonly files: string[] = [];
  readonly segments: Segment[] = [];
  readonly parts: Part[] = [];
  readonly issues = new IssueList();
  /** Per global line id. */
  readonly recs: RecordLine[] = [];
  readonly fileOf: number[] = [];
  readonly lineOf: number[] = [];
  readonly segOf: number[] = [];
  readonly partOf: number[] = [];
  /** Payload hash of uncorrelated sends/handles (0 when not computed). */
  readonly hashOf: number[] = [];
  /** Lines read, per file (for reports). */
  readonly linesRead: number[] = [];
  /** Non-blank lines pushed, and of those the header lines. */
  nonBlank = 0;
  headerLines = 0;

  private readonly byKey = new Map<string, Segment>();
  private readonly currentSeg = new Map<number, number>();
  private readonly partByFileSeg = new Map<string, number>();
  private readonly maxLines: number;
  private finished = false;

  constructor(opts: IndexerOptions = {}) {
    this.maxLines = opts.maxLines ?? 2_000_000;
  }

  addFile(name: string): number {
    this.files.push(name);
    this.linesRead.push(0);
    return this.files.length - 1;
  }

  /** One line (without its newline) of `file`; `lineNo` 1-based. Blank lines may be left out. */
  push(file: number, lineNo: number, text: string): void {
    if (this.finished) throw new Error('RecordingIndexer: push() after finish()');
    this.linesRead[file] = Math.max(this.linesRead[file], lineNo);
    if (text.trim() === '') return;
    this.nonBlank++;
    const name = this.files[file];
    const p = parseRecordingLine(text);
    if (p.kind === 'bad') return this.issues.add('bad-line', name, lineNo, `${p.message}; line skipped`);
    if (p.kind === 'header') {
      this.headerLines++;
      const h = p.header;
      const key = `${h.server.serverId}:${h.boot}`;
      let seg = this.byKey.get(key);
      if (!seg) {
        seg = { index: this.segments.length, key, server: h.server, boot: h.boot, bootTs: h.ts, headers: [], lines: [], correlate: h.correlate !== false };
        this.segments.push(seg);
        this.byKey.set(key, seg);
      } else if (seg.server.kind !== h.server.kind) {
        this.issues.add('inconsistent', name, lineNo, `server ${h.server.serverId} boot ${h.boot} was a ${seg.server.kind} in an earlier header, here a ${h.server.kind}; the first is kept`);
      }
      seg.bootTs = Math.min(seg.bootTs, h.ts);
      seg.headers.push({ file, line: lineNo, firstSeq: h.firstSeq });
      this.currentSeg.set(file, seg.index);
      return;
    }
    const segIdx = this.currentSeg.get(file);
    if (segIdx === undefined) return this.issues.add('no-header', name, lineNo, 'event line before any header line (the file does not start like a recording); line skipped');
    if (this.recs.length >= this.maxLines) {
      throw new MergeLimitError(`more than ${this.maxLines.toLocaleString('en-US')} event lines: merge fewer files at once, or raise the limit (--max-lines)`);
    }
    const partKey = `${file}:${segIdx}`;
    let part = this.partByFileSeg.get(partKey);
    if (part === undefined) {
      part = this.parts.length;
      this.parts.push({ file, segment: segIdx, firstLine: lineNo });
      this.partByFileSeg.set(partKey, part);
    }
    const g = this.recs.length;
    this.recs.push(this.intern(p.line));
    this.fileOf.push(file);
    this.lineOf.push(lineNo);
    this.segOf.push(segIdx);
    this.partOf.push(part);
    this.hashOf.push(p.line.corr === undefined && PAYLOAD_KINDS.has(p.line.kind) && p.hasData ? payloadHash(p.data) : 0);
    this.segments[segIdx].lines.push(g);
  }

  private readonly strings = new Map<string, string>();
  private readonly objects = new Map<string, object>();

  private str(v: string | undefined): string | undefined {
    if (v === undefined || v.length > 64) return v;
    const known = this.strings.get(v);
    if (known !== undefined) return known;
    if (this.strings.size < 100_000) this.strings.set(v, v);
    return v;
  }

  private obj<T extends object>(v: T | undefined): T | undefined {
    if (v === undefined) return v;
    const key = JSON.stringify(v);
    const known = this.objects.get(key);
    if (known !== undefined) return known as T;
    if (this.objects.size < 100_000) this.objects.set(key, v);
    return v;
  }

  /** Names repeat on millions of lines: one copy of each string and of each small object. */
  private intern(l: RecordLine): RecordLine {
    l.kind = this.str(l.kind) as RecordLine['kind'];
    if (l.ns !== undefined) l.ns = this.str(l.ns);
    if (l.sys !== undefined) l.sys = this.str(l.sys);
    if (l.api !== undefined) l.api = this.str(l.api);
    if (l.event !== undefined) l.event = this.str(l.event);
    if (l.module !== undefined) l.module = this.str(l.module);
    if (l.method !== undefined) l.method = this.str(l.method);
    if (l.path !== undefined) l.path = this.str(l.path);
    if (l.from !== undefined) l.from = this.obj(l.from);
    if (l.to !== undefined) l.to = this.obj(l.to);
    if (l.listen !== undefined) l.listen = this.obj(l.listen);
    if (l.player !== undefined) l.player = this.obj(l.player);
    return l;
  }

  /** The file ended inside a line that is not a complete line: reported, nothing kept. */
  truncated(file: number, lineNo: number): void {
    this.nonBlank++;
    this.issues.add('truncated', this.files[file], lineNo, 'the file ends inside this line (the server stopped mid-write); the partial line is skipped');
  }

  /** Where a global line id came from, for messages. */
  where(g: number): string {
    return `${this.files[this.fileOf[g]]}:${this.lineOf[g]}`;
  }

  /**
   * Orders each segment's lines by seq and reports duplicates, gaps and a missing start. Files
   * are ranked by name, so the same files in another order give the same result.
   */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const fileRank = this.files.map((_, i) => i).sort((a, b) => (this.files[a] < this.files[b] ? -1 : this.files[a] > this.files[b] ? 1 : a - b));
    const rankOf = new Array<number>(this.files.length);
    fileRank.forEach((f, r) => (rankOf[f] = r));
    // Segments in a canonical order (server id, then boot time), whatever order the files came in.
    const order = [...this.segments].sort((a, b) => a.server.serverId - b.server.serverId || a.bootTs - b.bootTs || (a.boot < b.boot ? -1 : a.boot > b.boot ? 1 : 0));
    const newIndex = new Array<number>(order.length);
    order.forEach((s, i) => (newIndex[s.index] = i));
    order.forEach((s, i) => (s.index = i));
    this.segments.splice(0, this.segments.length, ...order);
    for (let g = 0; g < this.segOf.length; g++) this.segOf[g] = newIndex[this.segOf[g]];
    for (const p of this.parts) p.segment = newIndex[p.segment];
    for (const seg of this.segments) {
      seg.lines.sort((a, b) => this.recs[a].seq - this.recs[b].seq || rankOf[this.fileOf[a]] - rankOf[this.fileOf[b]] || this.lineOf[a] - this.lineOf[b]);
      const kept: number[] = [];
      let prev: number | undefined;
      for (const g of seg.lines) {
        const seq = this.recs[g].seq;
        const name = this.files[this.fileOf[g]];
        if (prev !== undefined && seq === this.recs[prev].seq) {
          this.issues.add('duplicate', name, this.lineOf[g], `seq ${seq} of ${seg.key} already read at ${this.where(prev)}; this copy is skipped`);
          continue;
        }
        if (prev === undefined) {
          const first = Math.min(...seg.headers.map((h) => h.firstSeq));
          if (seq > first) {
            const from = first;
            this.issues.add('seq-gap', name, this.lineOf[g], `server ${seg.server.serverId} (${seg.key}) starts at seq ${seq} but its header says ${from}: ${seq - from} line(s) missing`);
          } else if (first > 1) {
            this.issues.add('seq-start', name, this.lineOf[g], `server ${seg.server.serverId} (${seg.key}) starts at seq ${seq}: its earlier lines are not in the given files (rotated out, or a file left out)`);
          }
        } else if (seq > this.recs[prev].seq + 1) {
          const lost = seq - this.recs[prev].seq - 1;
          this.issues.add('seq-gap', name, this.lineOf[g], `seq jumps from ${this.recs[prev].seq} to ${seq} after ${this.where(prev)}: ${lost} line(s) of server ${seg.server.serverId} missing`);
        }
        kept.push(g);
        prev = g;
      }
      seg.lines = kept;
    }
  }

  /** The global id of a segment's line with this seq (after finish), or -1. */
  lineBySeq(seg: Segment, seq: number): number {
    const lines = seg.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.recs[lines[mid]].seq;
      if (s === seq) return lines[mid];
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  segmentByKey(key: string): Segment | undefined {
    return this.byKey.get(key);
  }

  /** Whether a seq of a segment falls in a reported gap (its line was lost) rather than past its end. */
  seqLost(seg: Segment, seq: number): boolean {
    if (seg.lines.length === 0) return true;
    const first = this.recs[seg.lines[0]].seq;
    const last = this.recs[seg.lines[seg.lines.length - 1]].seq;
    return seq >= Math.min(first, ...seg.headers.map((h) => h.firstSeq)) && seq <= last && this.lineBySeq(seg, seq) === -1;
  }
}
