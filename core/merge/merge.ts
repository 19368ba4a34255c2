// A merge from start to end: the header of the merged trace, and the one-call form for texts
// already in memory (tests, browser uploads). Large directories go through the same steps with
// streaming reads (src-main/merge/): pass 1 pushes lines into a RecordingIndexer, analyze()
// plans, pass 2 feeds the lines again to a TraceEmitter in the order it asks.
import { Options } from '../model/schema';
import { compareNodes } from '../replay/topology';
import { TRACE_FORMAT, TRACE_VERSION, type TraceEvent, type TraceHeader } from '../trace/event';
import { analyze, type Analysis } from './analyze';
import { INFERRED, TraceEmitter } from './emit';
import { RecordingIndexer, type IndexerOptions } from './indexer';
import { LineSplitter } from './lines';
import { parseRecordingLine } from './recording';
import { buildReport, type MergeReport } from './report';

/** The merged trace's header: the nodes the recordings show, t = 0 as the clock epoch, the skews. */
export function mergedHeader(a: Analysis, name: string): TraceHeader {
  const nodes = a.nodes.all().sort(compareNodes).map((n) => ({
    id: n.id, kind: n.kind, ...(n.serverId !== undefined ? { serverId: n.serverId } : {}), ...(n.type !== undefined ? { type: n.type } : {}), name: n.name,
  }));
  const header: TraceHeader & { recording: unknown } = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    project: `Recording: ${name}`,
    seed: 0,
    scenario: null,
    options: Options.parse({ clockEpochMs: a.originMs }),
    nodes,
    recording: { originMs: a.originMs, servers: a.clocks.map((c) => ({ node: c.node, skewMs: c.offsetMs, method: c.method })) },
  };
  return header;
}

/** Feeds a file's last line when the text did not end with a newline: kept if whole, else reported cut. */
export function pushLastLine(ix: RecordingIndexer, file: number, last: { lineNo: number; text: string } | null): void {
  if (!last) return;
  if (last.text.trim() !== '' && parseRecordingLine(last.text).kind === 'bad') ix.truncated(file, last.lineNo);
  else ix.push(file, last.lineNo, last.text);
}

export function isInferred(e: TraceEvent): boolean {
  return e.detail !== undefined && e.detail.startsWith(INFERRED);
}

export interface MergeResult {
  header: TraceHeader;
  events: TraceEvent[];
  report: MergeReport;
}

/** Merges recordings held in memory. `name` titles the trace (e.g. the folder's name). */
export function mergeTexts(files: readonly { name: string; text: string }[], name = 'recording', opts: IndexerOptions = {}): MergeResult {
  const ix = new RecordingIndexer(opts);
  const lines: Map<number, string>[] = [];
  for (const f of files) {
    const file = ix.addFile(f.name);
    const byNo = new Map<number, string>();
    lines.push(byNo);
    const split = new LineSplitter();
    split.push(f.text, (no, text) => {
      byNo.set(no, text);
      ix.push(file, no, text);
    });
    const last = split.end();
    if (last) byNo.set(last.lineNo, last.text);
    pushLastLine(ix, file, last);
  }
  const a = analyze(ix);
  const header = mergedHeader(a, name);
  const em = new TraceEmitter(a);
  const events: TraceEvent[] = [];
  for (let g = em.next(); g >= 0; g = em.next()) events.push(...em.lineText(g, lines[ix.fileOf[g]].get(ix.lineOf[g]) as string));
  events.push(...em.end());
  const inferred = events.filter(isInferred).length;
  return { header, events, report: buildReport(a, events.length, inferred, em.silentLines) };
}
