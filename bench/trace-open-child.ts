// The child of bench/trace-open.ts: opens the trace named on its command line with the host's
// reader (src-main/host/trace/trace-reader.ts: index first, details read from the file on demand),
// a few random seeks with their detail reads, and prints one JSON line. Its own process, so the
// peak RSS it reports is the open's (plus Node's own start-up, ~40 MB). Bundled by scripts/bench.mjs
// to out/bench/trace-open-child.mjs (no loader in the way of the RSS figure).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prng } from '../core/replay/testing/sample-trace';
import { readTraceFile } from '../src-main/host/trace/trace-reader';

const file = process.argv[2];
if (!file) throw new Error('usage: trace-open-child FILE');
const rssStart = process.memoryUsage().rss;
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
  rssStartMb: rssStart / 2 ** 20,
  rssPeakMb: process.resourceUsage().maxRSS / 1024,
  seekP95: seeks[Math.floor(seeks.length * 0.95)],
  keyframes: t.index.keyframeCount,
};
t.close();
process.stdout.write(`${JSON.stringify(out)}\n`);
