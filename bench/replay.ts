// Replay bench (issue 5): load 1M events from NDJSON text (written by core/trace's codec) into the
// replay index with core/replay's loader (same verdicts as core/trace's reader), random seeks,
// memory per loaded event. `npx tsx bench/replay.ts` runs it alone; bench/run.ts may import it.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TraceLoader } from '../core/replay/load';
import { encodeEvent, encodeHeader } from '../core/trace/ndjson';
import type { ReplayIndex } from '../core/replay/replay-index';
import { generateSampleEvents, prng, sampleHeader } from '../core/replay/testing/sample-trace';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const N = 1_000_000;

function gcFn(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString('--expose_gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function encode(n: number): string[] {
  // NDJSON text in chunks of ~4 MB (as a file reader would hand them over).
  const chunks: string[] = [encodeHeader(sampleHeader()) + '\n'];
  let buf: string[] = [];
  let size = 0;
  for (const e of generateSampleEvents(n, { seed: 42, clients: 200 })) {
    const line = encodeEvent(e);
    buf.push(line);
    size += line.length + 1;
    if (size > 4_000_000) {
      chunks.push(buf.join('\n') + '\n');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) chunks.push(buf.join('\n') + '\n');
  return chunks;
}

function load(chunks: readonly string[]): ReplayIndex {
  const l = new TraceLoader({ sizeHint: chunks.reduce((s, c) => s + c.length, 0) });
  for (const c of chunks) l.write(c);
  const index = l.end();
  if (l.errors.length) throw new Error(`bench trace has bad lines: ${l.errors[0].message}`);
  return index;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

export async function benchReplay(): Promise<BenchResult[]> {
  const gc = gcFn();
  const chunks = encode(N);
  const bytes = chunks.reduce((s, c) => s + c.length, 0);

  // Memory: one load measured against a collected baseline (heap + typed-array backing stores).
  const mem = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc?.();
  const before = mem();
  let index: ReplayIndex | null = load(chunks);
  gc?.();
  const perEvent = (mem() - before) / index.length;

  // Load time: median of 3 (the first run above warmed the code).
  const loads: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < 3; r++) {
    index = null;
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    index = load(chunks);
    loads.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const ix = index as ReplayIndex;

  // Seeks: 1000 random stateAt calls, p95; median of 3 rounds.
  const rnd = prng(7);
  const p95s: number[] = [];
  for (let r = 0; r < 3; r++) {
    const times: number[] = [];
    for (let k = 0; k < 1000; k++) {
      const i = Math.floor(rnd() * ix.length);
      const t0 = performance.now();
      ix.stateAt(i);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    p95s.push(times[Math.floor(times.length * 0.95)]);
  }
  return [
    { name: 'trace.load_1m_events_ms', value: Math.round(median(loads)), unit: 'ms', note: `NDJSON ${(bytes / 1e6).toFixed(0)} MB → parse + check + columns + keyframes + RPC rows; median of 3; process CPU ${Math.round(median(cpus))} ms (all threads)` },
    { name: 'trace.seek_p95_ms', value: Number(median(p95s).toFixed(3)), unit: 'ms', note: `stateAt over ${ix.length} events, keyframe every ${ix.keyframeEvery}` },
    { name: 'trace.bytes_in_memory_per_event', value: Math.round(perEvent), unit: 'bytes', note: gc ? 'heapUsed + arrayBuffers delta after gc' : 'no gc available: includes garbage' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchReplay().then((r) => console.log(JSON.stringify(r, null, 2)));
}
