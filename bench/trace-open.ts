// Opening a trace of about 1 GB the way the host does (src-main/host/trace/trace-reader.ts: index
// first, details read from the file on demand), in a fresh process so its peak RSS is the open's
// own: `trace.open_1gb_ms`, `trace.open_1gb_rss_mb` (aim: under 600 MB). The file is generated once
// (seeded, so always the same bytes) into the temp dir and reused by later runs.
// `npx tsx bench/trace-open.ts` runs it alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeEvent, encodeHeader } from '../core/trace/ndjson';
import { generateSampleEvents, prng, sampleHeader } from '../core/replay/testing/sample-trace';
import { readTraceFile } from '../src-main/host/trace/trace-reader';
import type { Figure } from './stats';

const TARGET_BYTES = 1e9;
const FILE = path.join(os.tmpdir(), 'switchboard-bench-1gb-v1.ndjson');

/** Write the ~1 GB trace unless a complete one is already there. */
function ensureFile(): string {
  const done = `${FILE}.done`;
  if (fs.existsSync(done) && fs.existsSync(FILE)) return FILE;
  const fd = fs.openSync(FILE, 'w');
  try {
    fs.writeSync(fd, encodeHeader(sampleHeader()) + '\n');
    let size = 0;
    let buf: string[] = [];
    let pending = 0;
    // The generator is told a count; 5.6M events of ~179 bytes make about 1 GB.
    for (const e of generateSampleEvents(Math.ceil(TARGET_BYTES / 175), { seed: 42, clients: 200 })) {
      const line = encodeEvent(e);
      buf.push(line);
      pending += line.length + 1;
      if (pending > 8_000_000) {
        fs.writeSync(fd, buf.join('\n') + '\n');
        size += pending;
        buf = [];
        pending = 0;
        if (size >= TARGET_BYTES) break;
      }
    }
    if (buf.length) fs.writeSync(fd, buf.join('\n') + '\n');
  } finally {
    fs.closeSync(fd);
  }
  fs.writeFileSync(done, '');
  return FILE;
}

/** In the child: open, a few seeks and detail reads, then report. */
async function child(file: string): Promise<void> {
  const t0 = performance.now();
  const t = await readTraceFile(file, path.basename(file), () => {});
  const ms = performance.now() - t0;
  const rnd = prng(3);
  const seeks: number[] = [];
  for (let k = 0; k < 200; k++) {
    const i = Math.floor(rnd() * t.file.length);
    const s0 = performance.now();
    t.index.stateAt(i);
    t.file.get(i);
    seeks.push(performance.now() - s0);
  }
  seeks.sort((a, b) => a - b);
  const out = {
    ms,
    events: t.file.length,
    bytes: fs.statSync(file).size,
    rssPeakMb: process.resourceUsage().maxRSS / 1024,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    seekP95: seeks[Math.floor(seeks.length * 0.95)],
    keyframes: t.index.keyframeCount,
  };
  t.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

export function benchTraceOpen(root = process.cwd()): Figure[] {
  const file = ensureFile();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/trace-open.ts'), '--child', file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench/trace-open.ts failed: ${r.stderr}`);
  const o = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { ms: number; events: number; bytes: number; rssPeakMb: number; seekP95: number };
  return [
    { name: 'trace.open_1gb_ms', value: Math.round(o.ms), unit: 'ms' },
    { name: 'trace.open_1gb_rss_mb', value: Math.round(o.rssPeakMb), unit: 'MB' },
    { name: 'trace.open_1gb_events', value: o.events, unit: 'events' },
    { name: 'trace.open_1gb_seek_p95_ms', value: Number(o.seekP95.toFixed(2)), unit: 'ms' },
  ];
}

// Run directly (not when bundled into bench/run.ts, whose own URL would match argv[1]).
if (import.meta.url === `file://${process.argv[1]}` && process.argv[1].endsWith('trace-open.ts')) {
  const i = process.argv.indexOf('--child');
  if (i >= 0) await child(process.argv[i + 1]);
  else for (const f of benchTraceOpen()) process.stdout.write(`${f.name} ${f.value} ${f.unit}\n`);
}
