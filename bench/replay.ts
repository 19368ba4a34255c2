// Replay bench (issues 5, 12): load 1M events from NDJSON bytes (written by core/trace's codec, in
// 4 MB chunks as a file read gives them) index first with core/replay's loader, the floor it is
// measured against in the same rounds (JSON.parse of every line, nothing else), random seeks,
// memory per loaded event. `npx tsx bench/replay.ts` runs it alone; bench/run.ts runs it in its
// own process (bench/replay-figures.ts) so its memory figure starts from a clean heap.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TraceFileLoader } from '../core/replay/load';
import type { ReplayIndex } from '../core/replay/replay-index';
import { encodeEvent, encodeHeader } from '../core/trace/ndjson';
import { generateSampleEvents, prng, sampleHeader } from '../core/replay/testing/sample-trace';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const N = 1_000_000;
/** What the host gives its loader (src-main/host/trace/trace-reader.ts). */
const KEYFRAME_ENTRIES_PER_EVENT = 0.25;

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

function encode(n: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const push = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    chunks.push(new Uint8Array(b.buffer, b.byteOffset, b.length));
  };
  push(encodeHeader(sampleHeader()) + '\n');
  let buf: string[] = [];
  let size = 0;
  for (const e of generateSampleEvents(n, { seed: 42, clients: 200 })) {
    const line = encodeEvent(e);
    buf.push(line);
    size += line.length + 1;
    if (size > 4_000_000) {
      push(buf.join('\n') + '\n');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) push(buf.join('\n') + '\n');
  return chunks;
}

function load(chunks: readonly Uint8Array[]): ReplayIndex {
  const l = new TraceFileLoader({ keyframeEntriesPerEvent: KEYFRAME_ENTRIES_PER_EVENT });
  for (const c of chunks) l.write(c);
  const index = l.end();
  if (l.errors.length) throw new Error(`bench trace has bad lines: ${l.errors[0].message}`);
  return index;
}

/** The floor: every line through JSON.parse (chunks decoded to text first), nothing kept. */
function parseFloor(chunks: readonly Uint8Array[]): number {
  const decoder = new TextDecoder();
  let n = 0;
  let rest = '';
  for (const c of chunks) {
    const text = rest + decoder.decode(c, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      if ((JSON.parse(text.slice(start, nl)) as { seq?: number }).seq !== undefined) n++;
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  return n;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

export async function benchReplay(): Promise<BenchResult[]> {
  const gc = gcFn();
  const chunks = encode(N);
  const bytes = chunks.reduce((s, c) => s + c.length, 0);

  // Memory: one load measured against a collected baseline (heap + typed-array backing stores).
  // The file's bytes are the bench's own (a file on disk in the host), already in the baseline.
  const mem = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc?.();
  const before = mem();
  let index: ReplayIndex | null = load(chunks);
  gc?.();
  const perEvent = (mem() - before) / index.length;

  // Load time and the JSON.parse floor, interleaved: median of 3 rounds each, ratio per round.
  const loads: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < 3; r++) {
    index = null;
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    index = load(chunks);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    gc?.();
    const f0 = performance.now();
    parseFloor(chunks);
    const floor = performance.now() - f0;
    loads.push(ms);
    floors.push(floor);
    ratios.push(ms / floor);
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
    { name: 'trace.load_1m_events_ms', value: Math.round(median(loads)), unit: 'ms', note: `NDJSON ${(bytes / 1e6).toFixed(0)} MB → scan + index + keyframes + RPC rows; median of 3; process CPU ${Math.round(median(cpus))} ms (all threads)` },
    { name: 'trace.json_parse_floor_1m_ms', value: Math.round(median(floors)), unit: 'ms', note: 'JSON.parse of every line, nothing kept, same rounds' },
    { name: 'trace.load_vs_json_parse_floor', value: Math.round(median(ratios) * 100) / 100, unit: 'ratio' },
    { name: 'trace.seek_p95_ms', value: Number(median(p95s).toFixed(3)), unit: 'ms', note: `stateAt over ${ix.length} events, ${ix.keyframeCount} keyframes` },
    { name: 'trace.bytes_in_memory_per_event', value: Math.round(perEvent), unit: 'bytes', note: gc ? 'heapUsed + arrayBuffers delta after gc (details stay in the file bytes)' : 'no gc available: includes garbage' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchReplay().then((r) => console.log(JSON.stringify(r, null, 2)));
}
