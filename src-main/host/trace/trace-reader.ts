// Opens a recorded NDJSON trace (a file, or uploaded text) with progress reports, through the
// trace codec's tolerant line reader: a partial last line (a writer killed mid-write) is dropped
// and reported; other bad lines are skipped and listed.
import fs from 'node:fs';
import type { TraceEvent, TraceHeader } from '../../../core/trace/event';
import { TraceLineReader } from '../../../core/trace/ndjson-reader';
import type { Issue } from '../../../core/contract';
import { HostError } from '../errors';

export interface LoadedTrace {
  header: TraceHeader;
  events: TraceEvent[];
  truncated: boolean;
  badLines: number;
  issues: Issue[];
}

export type Progress = (loaded: number, total: number) => void;

function finish(reader: TraceLineReader, name: string): LoadedTrace {
  const r = reader.end();
  const issues = r.errors.slice(0, 20).map((e) => ({ path: '', line: e.line, message: e.message }));
  if (!r.header) throw new HostError('invalid-file', `${name} is not a Switchboard trace (${issues[0]?.message ?? 'no header line'})`, issues);
  return { header: r.header, events: r.events, truncated: r.truncated, badLines: reader.errorCount, issues };
}

export async function readTraceFile(file: string, name: string, onProgress: Progress): Promise<LoadedTrace> {
  const total = (await fs.promises.stat(file)).size;
  const reader = new TraceLineReader({ maxErrors: 100 });
  let loaded = 0;
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    reader.push(decoder.decode(chunk, { stream: true }));
    loaded += chunk.length;
    onProgress(loaded, total);
  }
  reader.push(decoder.decode());
  if (total === 0) onProgress(0, 0);
  return finish(reader, name);
}

export async function parseTraceText(text: string, name: string, onProgress: Progress): Promise<LoadedTrace> {
  const reader = new TraceLineReader({ maxErrors: 100 });
  const step = 1 << 20;
  for (let i = 0; i < text.length; i += step) {
    reader.push(text.slice(i, i + step));
    onProgress(Math.min(text.length, i + step), text.length);
    // Yield so progress pushes reach the UI while a large upload parses.
    await new Promise((r) => setImmediate(r));
  }
  if (text.length === 0) onProgress(0, 0);
  return finish(reader, name);
}
