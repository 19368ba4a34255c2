// Streams a live trace to an NDJSON file while the session runs. Events are read from the
// engine's TraceStore by index (everything appended since the last flush) and written in one
// write per flush; the host flushes several times a second, so a kill -9 loses at most the
// events of the last flush interval (page-cache writes survive a process kill; fdatasync once a
// second bounds what a power loss can take).
import fs from 'node:fs';
import type { TraceStore } from '../../../core/engine/types';
import { encodeEvent, encodeHeader } from '../../../core/trace/ndjson';

const CHUNK = 4096;

export class TraceRecorder {
  private fd: number | undefined;
  private written = 0;
  private bytes = 0;
  private lastSync = 0;
  /** Set once a write failed: the recording stopped there (its file keeps what was written). */
  failed: unknown = null;

  constructor(
    readonly file: string,
    private readonly trace: TraceStore,
    private readonly now: () => number = Date.now,
    private readonly syncEveryMs = 1000,
  ) {
    this.fd = fs.openSync(file, 'w', 0o644);
    this.write(encodeHeader(trace.header) + '\n');
    this.lastSync = now();
  }

  get eventsWritten(): number {
    return this.written;
  }

  get bytesWritten(): number {
    return this.bytes;
  }

  /** Append every event recorded since the last flush. */
  flush(): void {
    if (this.fd === undefined) return;
    const end = this.trace.length;
    while (this.written < end) {
      const to = Math.min(end, this.written + CHUNK);
      let chunk = '';
      for (const e of this.trace.slice(this.written, to)) chunk += encodeEvent(e) + '\n';
      this.write(chunk);
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

  private write(s: string): void {
    const buf = Buffer.from(s, 'utf8');
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd as number, buf, off, buf.length - off);
    this.bytes += buf.length;
  }
}
