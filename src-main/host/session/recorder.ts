// Streams a live trace to NDJSON files while the session runs. Events are read from the engine's
// TraceStore by index (everything appended since the last flush) and written in one write per
// flush; the host flushes several times a second, so a kill -9 loses at most the events of the
// last flush interval (page-cache writes survive a process kill; fdatasync once a second bounds
// what a power loss can take).
//
// Rolling: a recording is a series of segment files (`NAME.ndjson`, `NAME.part2.ndjson`, ...), each
// a valid trace on its own (header line, then events with their run-wide seqs). A segment holds
// `segmentEvents` events; beyond `keepSegments` segments the oldest file is removed, so a live run
// that never stops keeps its newest events on disk, not all of them. `copyTo` / `stream` join the
// kept segments into one trace (one header).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { TraceStore } from '../../../core/engine/types';
import { encodeEvent, encodeHeader } from '../../../core/trace/ndjson';

const CHUNK = 4096;

export interface RecordingOptions {
  /** Events per segment file (default: no limit, one file). */
  segmentEvents?: number;
  /** Segment files kept, the one being written included (default 3). */
  keepSegments?: number;
  now?: () => number;
  syncEveryMs?: number;
}

interface Segment {
  file: string;
  events: number;
  bytes: number;
}

export class TraceRecorder {
  private fd: number | undefined;
  private written = 0;
  private lastSync = 0;
  private readonly header: string;
  private readonly segments: Segment[] = [];
  private parts = 0;
  /** Events written to segments that were removed since. */
  droppedEvents = 0;
  /** Set once a write failed: the recording stopped there (its files keep what was written). */
  failed: unknown = null;
  private readonly segmentEvents: number;
  private readonly keepSegments: number;
  private readonly now: () => number;
  private readonly syncEveryMs: number;

  constructor(
    /** The first segment's path; later segments are named after it. */
    readonly file: string,
    private readonly trace: TraceStore,
    opts: RecordingOptions = {},
  ) {
    this.segmentEvents = Math.max(1, opts.segmentEvents ?? Infinity);
    this.keepSegments = Math.max(1, opts.keepSegments ?? 3);
    this.now = opts.now ?? Date.now;
    this.syncEveryMs = opts.syncEveryMs ?? 1000;
    this.header = encodeHeader(trace.header) + '\n';
    this.written = trace.first;
    this.open();
    this.lastSync = this.now();
  }

  /** Events written so far (in this recording's files, kept or removed since). */
  get eventsWritten(): number {
    return this.written;
  }

  /** Bytes in the segment files still kept. */
  get bytesWritten(): number {
    return this.segments.reduce((n, s) => n + s.bytes, 0);
  }

  /** The segment files still kept, oldest first. */
  get files(): string[] {
    return this.segments.map((s) => s.file);
  }

  /** Append every event recorded since the last flush. */
  flush(): void {
    if (this.fd === undefined) return;
    const end = this.trace.length;
    // Events the live run already discarded cannot be written (the session never lets that happen).
    if (this.written < this.trace.first) this.written = this.trace.first;
    while (this.written < end) {
      const seg = this.segments[this.segments.length - 1];
      if (seg.events >= this.segmentEvents) {
        this.roll();
        continue;
      }
      const to = Math.min(end, this.written + CHUNK, this.written + (this.segmentEvents - seg.events));
      let chunk = '';
      for (const e of this.trace.slice(this.written, to)) chunk += encodeEvent(e) + '\n';
      this.write(chunk);
      seg.events += to - this.written;
      this.written = to;
    }
    const t = this.now();
    if (t - this.lastSync >= this.syncEveryMs) {
      fs.fdatasyncSync(this.fd);
      this.lastSync = t;
    }
  }

  /** Stop after a failed write: close without flushing more, never throw. */
  abandon(err: unknown): void {
    this.failed = err;
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* the descriptor is gone either way */
    }
    this.fd = undefined;
  }

  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** The kept segments as one trace: the header once, then their events in order. */
  stream(): Readable {
    const files = this.files;
    const skip = Buffer.byteLength(this.header);
    return Readable.from(
      (async function* () {
        for (let i = 0; i < files.length; i++) {
          // Segments after the first repeat the header: leave it out.
          for await (const chunk of fs.createReadStream(files[i], { start: i === 0 ? 0 : skip })) yield chunk as Buffer;
        }
      })(),
    );
  }

  async copyTo(target: string): Promise<void> {
    if (this.segments.length === 1) return fs.promises.copyFile(this.file, target);
    const out = fs.createWriteStream(target);
    await new Promise<void>((resolve, reject) => {
      out.on('error', reject).on('finish', () => resolve());
      this.stream().on('error', reject).pipe(out);
    });
  }

  private open(): void {
    this.parts++;
    const file = this.parts === 1 ? this.file : this.file.replace(/(\.ndjson)?$/, `.part${this.parts}.ndjson`);
    this.fd = fs.openSync(file, 'w', 0o644);
    this.segments.push({ file, events: 0, bytes: 0 });
    this.write(this.header);
  }

  /** Close the full segment, start the next, remove the oldest beyond keepSegments. */
  private roll(): void {
    fs.fsyncSync(this.fd as number);
    fs.closeSync(this.fd as number);
    this.fd = undefined;
    this.open();
    while (this.segments.length > this.keepSegments) {
      const old = this.segments.shift() as Segment;
      this.droppedEvents += old.events;
      fs.rmSync(old.file, { force: true });
    }
  }

  private write(s: string): void {
    const buf = Buffer.from(s, 'utf8');
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd as number, buf, off, buf.length - off);
    this.segments[this.segments.length - 1].bytes += buf.length;
  }
}
