// `switchboard merge DIR_OR_FILES… [--out trace.ndjson] [--report report.json]`: the recorder
// mod's per-server files (recorder/FORMAT.md) into one Switchboard trace, streamed (memory grows
// with the number of lines, not their size). The report — skew corrected per server, matches,
// RPC outcomes, every unmatched or inconsistent line by file:line — goes to stderr (and, as JSON,
// to --report). Exit 0 when a trace was written (issues included: they are reported, not fatal);
// 1 when no recording could be read or a limit was hit; 2 for bad usage.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { MergeLimitError } from '../../../core/merge/indexer';
import { formatReport } from '../../../core/merge/report';
import { CollectError, collectRecordingFiles } from '../../merge/collect';
import { mergeRecordingFiles } from '../../merge/merge-files';
import { fileSink, streamSink, type TraceSink } from '../../merge/trace-writer';
import { CliError, EXIT_INVALID, EXIT_OK } from '../exit-codes';
import { resolvePath, type CliIo } from '../io';

interface MergeOptions {
  out?: string;
  report?: string;
  name?: string;
  maxLines?: number;
  quiet?: boolean;
}

function positiveInt(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function registerMerge(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('merge')
    .description('merge per-server recordings of the recorder mod into one trace (stdout, or --out)')
    .argument('<paths...>', 'recording files, or folders holding them (*.ndjson, *.jsonl, *.ndjson.1)')
    .option('--out <path>', 'write the trace to this file (atomically) instead of stdout')
    .option('--report <path>', 'also write the merge report as JSON')
    .option('--name <title>', 'title of the trace (default: the folder or file name)')
    .option('--max-lines <n>', 'refuse more event lines than this (default 2,000,000)', positiveInt)
    .option('--quiet', 'print only issues, not the summary')
    .action(async (paths: string[], opts: MergeOptions) => {
      let files;
      try {
        files = await collectRecordingFiles(paths, io.cwd);
      } catch (e) {
        if (e instanceof CollectError) throw new CliError(e.message, EXIT_INVALID);
        throw e;
      }
      const name = opts.name ?? path.basename(path.resolve(io.cwd, paths[0]));
      const sink: TraceSink = opts.out !== undefined ? await fileSink(resolvePath(io, opts.out)) : streamSink(io.stdout);
      let report;
      try {
        report = await mergeRecordingFiles(files, {
          name,
          maxLines: opts.maxLines,
          onHeader: (h) => sink.header(h),
          onEvents: (es) => sink.events(es),
        });
        if (report.accounting.headers === 0) throw new CliError(`${paths.join(' ')}: no recording header line found: these are not recorder files (recorder/FORMAT.md)`, EXIT_INVALID);
        await sink.commit();
      } catch (e) {
        await sink.abort();
        if (e instanceof MergeLimitError) throw new CliError(e.message, EXIT_INVALID);
        throw e;
      }
      io.stderr.write(formatReport(report, { summary: !opts.quiet }));
      if (opts.report !== undefined) await writeFile(resolvePath(io, opts.report), `${JSON.stringify(report, null, 2)}\n`);
      done(EXIT_OK);
    });
}
