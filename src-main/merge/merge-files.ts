// `switchboard merge` and Open recording… share this: recording files merged into one trace,
// streaming. Pass 1 reads every file once into the indexer (no payloads kept); pass 2 reads the
// lines again in the order the plan writes them, one reader per (file, segment) part, with chunk
// sizes that keep all readers within a fixed memory budget. Events go to `sink` in batches, so a
// caller may write them to disk as they come.
import { analyze } from '../../core/merge/analyze';
import { TraceEmitter } from '../../core/merge/emit';
import { RecordingIndexer } from '../../core/merge/indexer';
import { isInferred, mergedHeader, pushLastLine } from '../../core/merge/merge';
import { buildReport, type MergeReport } from '../../core/merge/report';
import type { TraceEvent, TraceHeader } from '../../core/trace/event';
import type { RecordingFile } from './collect';
import { FileLines } from './file-lines';

export interface MergeFilesOptions {
  /** Title of the trace (`Recording: <name>`). */
  name: string;
  maxLines?: number;
  /** Bytes read so far of the total (both passes count, so total = 2 × the files' size). */
  onProgress?: (loaded: number, total: number) => void;
  /** Called once, before any event. */
  onHeader: (header: TraceHeader) => Promise<void> | void;
  /** Batches of events in trace order. */
  onEvents: (events: TraceEvent[]) => Promise<void> | void;
}

const READ_BUDGET = 64 << 20;
const BATCH = 4096;

export async function mergeRecordingFiles(files: readonly RecordingFile[], opts: MergeFilesOptions): Promise<MergeReport> {
  const total = 2 * files.reduce((s, f) => s + f.size, 0);
  let loaded = 0;
  const bytes = (n: number) => {
    loaded += n;
    opts.onProgress?.(Math.min(loaded, total), total);
  };

  // Pass 1.
  const ix = new RecordingIndexer({ maxLines: opts.maxLines });
  for (const f of files) {
    const file = ix.addFile(f.name);
    const reader = new FileLines(f.path, 1 << 20, bytes);
    for (let l = await reader.read(); l; l = await reader.read()) {
      if (l.last) pushLastLine(ix, file, { lineNo: l.lineNo, text: l.text });
      else ix.push(file, l.lineNo, l.text);
    }
  }

  const a = analyze(ix);
  await opts.onHeader(mergedHeader(a, opts.name));

  // Pass 2: one reader per part, opened when first needed. A part whose lines are not in seq order
  // in its file (a damaged file) cannot be read forward: its lines are read into memory first.
  const chunk = Math.max(16 << 10, Math.min(1 << 20, Math.floor(READ_BUDGET / Math.max(1, ix.parts.length))));
  const readers = new Map<number, { readLine(n: number): Promise<string | null> }>();
  const lastLine = new Int32Array(ix.parts.length);
  const unordered = new Set<number>();
  for (const g of a.order) {
    const p = ix.partOf[g];
    if (ix.lineOf[g] <= lastLine[p]) unordered.add(p);
    lastLine[p] = ix.lineOf[g];
  }
  const em = new TraceEmitter(a);
  let batch: TraceEvent[] = [];
  let events = 0;
  let inferred = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const out = batch;
    batch = [];
    events += out.length;
    for (const e of out) if (isInferred(e)) inferred++;
    await opts.onEvents(out);
  };
  for (let g = em.next(); g >= 0; g = em.next()) {
    const part = ix.partOf[g];
    let reader = readers.get(part);
    if (!reader) {
      const path = files[ix.fileOf[g]].path;
      reader = unordered.has(part) ? await preload(path, part, ix.partOf, ix.lineOf, a.order) : new FileLines(path, chunk, bytes);
      readers.set(part, reader);
    }
    const text = await reader.readLine(ix.lineOf[g]);
    if (text === null) throw new Error(`${ix.files[ix.fileOf[g]]} changed while it was merged (line ${ix.lineOf[g]} is gone)`);
    for (const e of em.lineText(g, text)) batch.push(e);
    if (batch.length >= BATCH) await flush();
  }
  for (const e of em.end()) batch.push(e);
  await flush();
  opts.onProgress?.(total, total);
  return buildReport(a, events, inferred, em.silentLines);
}

/** All lines of one part, read at once (for a part that cannot be read forward). */
async function preload(path: string, part: number, partOf: readonly number[], lineOf: readonly number[], order: Int32Array): Promise<{ readLine(n: number): Promise<string | null> }> {
  const wanted = new Set<number>();
  for (const g of order) if (partOf[g] === part) wanted.add(lineOf[g]);
  const lines = new Map<number, string>();
  const reader = new FileLines(path);
  for (let l = await reader.read(); l; l = await reader.read()) if (wanted.has(l.lineNo)) lines.set(l.lineNo, l.text);
  return { readLine: async (n) => lines.get(n) ?? null };
}
