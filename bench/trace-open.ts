// Opening a trace of about 1 GB the way the host does (issue 11): `trace.open_1gb_ms`,
// `trace.open_1gb_rss_mb` (aim: under 600 MB), the events it held and the p95 of a seek with its
// detail read. The file is generated (seeded: always the same bytes) into a fresh temp folder,
// opened by bench/trace-open-child.ts in a process of its own (so the peak RSS is the open's), and
// the folder is removed afterwards, also when the child fails or the bench is interrupted (writes
// and the child are awaited, so Ctrl-C / SIGTERM are handled at once: child killed, folder removed).
// `npm run bench -- trace-1gb` runs it alone (about a minute on a quiet machine).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeEvent, encodeHeader } from '../core/trace/ndjson';
import { generateSampleEvents, sampleHeader } from '../core/replay/testing/sample-trace';
import type { Figure } from './stats';

const TARGET_BYTES = 1e9;
/** The child gets this long to open the file (the whole bench must stay within a few minutes). */
const CHILD_TIMEOUT_MS = 150_000;

/** Write a ~1 GB trace (about 5.5M events of ~180 bytes) to `file`; returns its size. */
async function generate(file: string): Promise<number> {
  const fh = await fs.promises.open(file, 'w');
  let size = 0;
  try {
    const header = encodeHeader(sampleHeader()) + '\n';
    await fh.write(header);
    size = header.length;
    let buf: string[] = [];
    let pending = 0;
    for (const e of generateSampleEvents(Math.ceil(TARGET_BYTES / 175), { seed: 42, clients: 200 })) {
      const line = encodeEvent(e);
      buf.push(line);
      pending += line.length + 1;
      if (pending > 8_000_000) {
        await fh.write(buf.join('\n') + '\n');
        size += pending;
        buf = [];
        pending = 0;
        if (size >= TARGET_BYTES) break;
      }
    }
    if (buf.length) {
      await fh.write(buf.join('\n') + '\n');
      size += pending;
    }
  } finally {
    await fh.close();
  }
  return size;
}

/** The child: the bundled one beside the bundled bench, else the source through tsx. */
function childCommand(): string[] {
  const here = fileURLToPath(import.meta.url);
  const bundled = path.join(path.dirname(here), 'trace-open-child.mjs');
  if (here.endsWith('.mjs') && fs.existsSync(bundled)) return [bundled];
  return ['--import', 'tsx', path.join(path.dirname(here), 'trace-open-child.ts')];
}

/** Run the child on `file`: its stdout, or an error (exit status, signal, time limit). */
function runChild(file: string, onChild: (kill: () => void) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childCommand(), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    onChild(() => child.kill('SIGKILL'));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`bench/trace-open-child failed: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`bench/trace-open-child failed (${code ?? signal}${signal === 'SIGKILL' ? `, over ${CHILD_TIMEOUT_MS / 1000} s or interrupted` : ''}): ${err}`));
    });
  });
}

export async function benchTraceOpen(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-1gb-'));
  let killChild = () => {};
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    killChild();
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', cleanup);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const file = path.join(dir, 'trace.ndjson');
    const g0 = performance.now();
    await generate(file);
    const genMs = performance.now() - g0;
    const stdout = await runChild(file, (kill) => (killChild = kill));
    const o = JSON.parse(stdout.trim().split('\n').pop() as string) as { ms: number; events: number; bytes: number; rssStartMb: number; rssPeakMb: number; seekP95: number };
    return [
      { name: 'trace.open_1gb_ms', value: Math.round(o.ms), unit: 'ms' },
      { name: 'trace.open_1gb_rss_mb', value: Math.round(o.rssPeakMb), unit: 'MB' },
      { name: 'trace.open_1gb_rss_at_start_mb', value: Math.round(o.rssStartMb), unit: 'MB' },
      { name: 'trace.open_1gb_bytes', value: o.bytes, unit: 'bytes' },
      { name: 'trace.open_1gb_events', value: o.events, unit: 'events' },
      { name: 'trace.open_1gb_seek_p95_ms', value: Number(o.seekP95.toFixed(2)), unit: 'ms' },
      { name: 'trace.open_1gb_generate_ms', value: Math.round(genMs), unit: 'ms' },
    ];
  } finally {
    cleanup();
    process.off('exit', cleanup);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// Run directly: `npx tsx bench/trace-open.ts` (not when bundled into bench/run.ts).
if (process.argv[1]?.endsWith('trace-open.ts')) for (const f of await benchTraceOpen()) process.stdout.write(`${f.name} ${f.value} ${f.unit}\n`);
