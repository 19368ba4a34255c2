// Writing a merged trace as it is produced: to a file atomically (a temp file beside it, fsynced,
// renamed over the target on success, removed on failure) or to a stream with backpressure.
import fs from 'node:fs';
import path from 'node:path';
import type { TraceEvent, TraceHeader } from '../../core/trace/event';
import { encodeEvent, encodeHeader } from '../../core/trace/ndjson';

const FLUSH_CHARS = 1 << 20;

export interface TraceSink {
  header(h: TraceHeader): Promise<void>;
  events(es: readonly TraceEvent[]): Promise<void>;
  /** Everything written: make it visible (rename the temp file). */
  commit(): Promise<void>;
  /** Failure: leave nothing behind. */
  abort(): Promise<void>;
}

export async function fileSink(target: string): Promise<TraceSink> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  const fh = await fs.promises.open(tmp, 'wx', 0o644);
  let buf = '';
  let closed = false;
  const flush = async () => {
    if (buf.length === 0) return;
    const out = buf;
    buf = '';
    await fh.write(out);
  };
  return {
    async header(h) {
      buf += `${encodeHeader(h)}\n`;
    },
    async events(es) {
      for (const e of es) buf += `${encodeEvent(e)}\n`;
      if (buf.length >= FLUSH_CHARS) await flush();
    },
    async commit() {
      await flush();
      await fh.sync();
      await fh.close();
      closed = true;
      await fs.promises.rename(tmp, target);
    },
    async abort() {
      if (!closed) await fh.close().catch(() => {});
      closed = true;
      await fs.promises.rm(tmp, { force: true });
    },
  };
}

export function streamSink(stream: NodeJS.WritableStream): TraceSink {
  let failed: Error | undefined;
  stream.on('error', (e: Error) => {
    failed = e;
  });
  const write = async (text: string) => {
    if (failed) return;
    if (!stream.write(text)) await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
    });
  };
  return {
    header: (h) => write(`${encodeHeader(h)}\n`),
    async events(es) {
      let out = '';
      for (const e of es) out += `${encodeEvent(e)}\n`;
      await write(out);
    },
    async commit() {
      if (failed && (failed as NodeJS.ErrnoException).code !== 'EPIPE') throw failed;
    },
    async abort() {},
  };
}
