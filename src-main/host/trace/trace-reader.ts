// Opens a recorded NDJSON trace (a file, or uploaded text) index first (core/replay/load.ts): one
// pass over the bytes with progress reports keeps where each event is, its time, type and RPC,
// and the replay index; events are read back from the file on demand, so a trace of gigabytes
// opens in bounded memory. A partial last line (a writer killed mid-write) is dropped and
// reported; other bad lines are skipped and listed.
import fs from 'node:fs';
import { TraceFileLoader } from '../../../core/replay/load';
import type { ReplayIndex } from '../../../core/replay/replay-index';
import type { TraceFile } from '../../../core/replay/trace-file';
import type { TraceHeader } from '../../../core/trace/event';
import type { Issue } from '../../../core/contract';
import { HostError } from '../errors';
import { FileBytes } from './file-bytes';

export interface LoadedTrace {
  header: TraceHeader;
  /** The events, read back from the bytes by index. */
  file: TraceFile;
  /** Keyframes, jumps and RPC rows over `file`. */
  index: ReplayIndex;
  truncated: boolean;
  badLines: number;
  issues: Issue[];
  /** Release the file (the trace is replaced or closed). */
  close(): void;
}

export type Progress = (loaded: number, total: number) => void;

/** Bytes read per step (and the progress granularity). */
const READ_BYTES = 4 << 20;
/** Keyframes cost at most a quarter of a state entry per event (see ReplayIndexOptions). */
const KEYFRAME_ENTRIES_PER_EVENT = 0.25;

function finish(loader: TraceFileLoader, name: string, close: () => void): LoadedTrace {
  const index = loader.end();
  const issues = loader.errors.slice(0, 20).map((e) => ({ path: '', line: e.line, message: e.message }));
  if (!loader.header) {
    close();
    throw new HostError('invalid-file', `${name} is not a Switchboard trace (${issues[0]?.message ?? 'no header line'})`, issues);
  }
  return { header: loader.header, file: loader.file, index, truncated: loader.truncated, badLines: loader.errorCount, issues, close };
}

export async function readTraceFile(file: string, name: string, onProgress: Progress): Promise<LoadedTrace> {
  const total = (await fs.promises.stat(file)).size;
  const bytes = new FileBytes(file);
  try {
    const loader = new TraceFileLoader({ source: bytes, maxErrors: 100, keyframeEntriesPerEvent: KEYFRAME_ENTRIES_PER_EVENT });
    const handle = await fs.promises.open(file, 'r');
    try {
      // One buffer, reused: the loader copies what it keeps (a line cut at the end of a read).
      const buf = new Uint8Array(READ_BYTES);
      let loaded = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buf, 0, buf.length, loaded);
        if (bytesRead === 0) break;
        loader.write(buf.subarray(0, bytesRead));
        loaded += bytesRead;
        onProgress(Math.min(loaded, total), total);
      }
    } finally {
      await handle.close();
    }
    if (total === 0) onProgress(0, 0);
    return finish(loader, name, () => bytes.close());
  } catch (e) {
    bytes.close();
    throw e;
  }
}

export async function parseTraceText(text: string, name: string, onProgress: Progress): Promise<LoadedTrace> {
  // The text is kept (as UTF-8) for the details: an upload is in memory anyway.
  const bytes = Buffer.from(text, 'utf8');
  const loader = new TraceFileLoader({ maxErrors: 100, keyframeEntriesPerEvent: KEYFRAME_ENTRIES_PER_EVENT });
  for (let i = 0; i < bytes.length; i += READ_BYTES) {
    loader.write(bytes.subarray(i, Math.min(bytes.length, i + READ_BYTES)));
    onProgress(Math.min(bytes.length, i + READ_BYTES), bytes.length);
    // Yield so progress pushes reach the UI while a large upload parses.
    await new Promise((r) => setImmediate(r));
  }
  if (bytes.length === 0) onProgress(0, 0);
  return finish(loader, name, () => undefined);
}
