// Open recording…: recorder files merged into a trace the host then shows like any opened trace.
// Electron hands a folder (native dialog); a browser uploads the folder's files, in chunks, into a
// host-owned upload folder (names are the host's, the page's paths are only labels), merged and
// removed in one request. The merged trace is streamed to a file in the config dir and opened like
// a trace file (index first: memory does not grow with the trace), and removed when it is closed.
import fs from 'node:fs';
import path from 'node:path';
import type { Issue, MergeSummary } from '../../../core/contract';
import { MergeLimitError } from '../../../core/merge/indexer';
import type { MergeReport } from '../../../core/merge/report';
import { CollectError, collectRecordingFiles, MAX_FILES, type RecordingFile } from '../../merge/collect';
import { mergeRecordingFiles } from '../../merge/merge-files';
import { fileSink } from '../../merge/trace-writer';
import { checkFileId } from '../files/file-id';
import { HostError } from '../errors';
import { readTraceFile, type LoadedTrace, type Progress } from './trace-reader';

export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const MAX_SUMMARY_ISSUES = 500;

export interface MergedTrace extends LoadedTrace {
  merge: MergeSummary;
}

export function summarize(r: MergeReport): MergeSummary {
  return {
    servers: r.servers, originMs: r.originMs, files: r.files.length, lines: r.lines, events: r.events, inferred: r.inferred,
    deliveries: r.deliveries, rpcs: r.rpcs, clockConflicts: r.clockConflicts, issueTotal: r.issueTotal,
    issueCounts: r.issueCounts as Record<string, number>, issues: r.issues.slice(0, MAX_SUMMARY_ISSUES),
  };
}

/** Merges recorder files into a trace file under `outDir`, then opens it (with progress for both). */
export async function mergeToTrace(files: RecordingFile[], name: string, outDir: string, onProgress: Progress): Promise<MergedTrace> {
  await fs.promises.mkdir(outDir, { recursive: true });
  const out = path.join(outDir, `${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}-${process.pid}-${Date.now().toString(36)}.ndjson`);
  const sink = await fileSink(out);
  let report: MergeReport;
  try {
    report = await mergeRecordingFiles(files, {
      name,
      // Two phases on one bar: merging (first half), then opening the merged trace.
      onProgress: (loaded, total) => onProgress(Math.floor((500 * loaded) / Math.max(1, total)), 1000),
      onHeader: (h) => sink.header(h),
      onEvents: (es) => sink.events(es),
    });
    if (report.accounting.headers === 0) {
      throw new HostError('invalid-file', `${name}: no recorder file among ${files.length} file(s) (no "switchboard-recording" header line; see recorder/FORMAT.md)`);
    }
    await sink.commit();
  } catch (e) {
    await sink.abort();
    if (e instanceof MergeLimitError) throw new HostError('invalid-file', e.message);
    throw e;
  }
  let t: LoadedTrace;
  try {
    t = await readTraceFile(out, name, (loaded, total) => onProgress(500 + Math.floor((500 * loaded) / Math.max(1, total)), 1000));
  } catch (e) {
    await fs.promises.rm(out, { force: true });
    throw e;
  }
  // The contract's issue list: the first issues as file:line messages.
  const issues: Issue[] = report.issues.slice(0, 20).map((i) => ({ path: i.file, line: i.line, message: `${i.kind}: ${i.message}` }));
  const close = t.close;
  return {
    ...t, truncated: false, badLines: report.accounting.skipped, issues, merge: summarize(report),
    close: () => {
      close();
      fs.rmSync(out, { force: true });
    },
  };
}

/** The recorder files in a folder the user picked. */
export async function folderFiles(dir: string): Promise<RecordingFile[]> {
  try {
    return await collectRecordingFiles([dir]);
  } catch (e) {
    if (e instanceof CollectError) throw new HostError('invalid-file', e.message);
    throw e;
  }
}

interface Upload {
  dir: string;
  files: RecordingFile[];
  byName: Map<string, RecordingFile>;
  bytes: number;
}

/** Browser uploads of recorder folders, under `<configDir>/uploads/<id>/`. */
export class RecorderUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly root: string) {}

  /** Removes what a previous run left (a host killed mid-upload). */
  async sweep(): Promise<void> {
    await fs.promises.rm(this.root, { recursive: true, force: true }).catch(() => {});
  }

  async add(id: string, file: string, text: string, append: boolean): Promise<{ files: number; bytes: number }> {
    let up = this.uploads.get(id);
    if (!up) {
      if (this.uploads.size >= 4) throw new HostError('failed', 'Too many uploads at once; merge or reload first.');
      const dir = path.join(this.root, checkFileId(id, 'upload'));
      await fs.promises.rm(dir, { recursive: true, force: true });
      await fs.promises.mkdir(dir, { recursive: true });
      up = { dir, files: [], byName: new Map(), bytes: 0 };
      this.uploads.set(id, up);
    }
    const size = Buffer.byteLength(text, 'utf8');
    if (up.bytes + size > MAX_UPLOAD_BYTES) throw new HostError('invalid-file', `The recording is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB: merge it with \`switchboard merge\` and open the trace.`);
    let f = up.byName.get(file);
    if (f && !append) throw new HostError('invalid-request', `${file} was already uploaded.`);
    if (!f) {
      if (up.files.length >= MAX_FILES) throw new HostError('invalid-file', `More than ${MAX_FILES} files.`);
      // The host names the file; the page's path is only its label in reports.
      f = { path: path.join(up.dir, `${String(up.files.length).padStart(5, '0')}.ndjson`), name: file, size: 0 };
      up.files.push(f);
      up.byName.set(file, f);
    }
    try {
      await fs.promises.appendFile(f.path, text, 'utf8');
    } catch (e) {
      throw new HostError('failed', `Cannot store the upload: ${(e as Error).message}`);
    }
    f.size += size;
    up.bytes += size;
    return { files: up.files.length, bytes: up.bytes };
  }

  /** The upload's files, handed over once: the upload is forgotten and its folder removed by `done`. */
  take(id: string): { files: RecordingFile[]; done: () => Promise<void> } {
    const up = this.uploads.get(checkFileId(id, 'upload'));
    if (!up || up.files.length === 0) throw new HostError('not-found', 'Nothing was uploaded under that id.');
    this.uploads.delete(id);
    return { files: up.files, done: () => fs.promises.rm(up.dir, { recursive: true, force: true }).catch(() => {}) };
  }
}
