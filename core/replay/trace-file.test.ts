// Opening a trace index first: the same events, states, jumps and RPC rows as a load that keeps
// every event, from bytes split anywhere, with details read back from the bytes on demand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../trace/utf8';
import { TraceFileLoader, toNdjson } from './load';
import { ReplayIndex } from './replay-index';
import { rpcCalls } from './rpc-calls';
import { replayFromStart } from './state';
import { generateSampleEvents, sampleHeader, sampleTrace } from './testing/sample-trace';
import { ChunkSource, TraceFile } from './trace-file';

const events = [...sampleTrace(), ...generateSampleEvents(3000, { seed: 5, clients: 30 })].map((e, i) => ({ ...e, seq: i + 1, cause: e.cause !== undefined && e.cause < i + 1 ? e.cause : undefined }));
// Keep time order across the two joined traces; some text that is not ASCII.
let last = 0;
for (const e of events) last = e.t = Math.max(e.t, last);
for (const i of [3, 300, 2900]) if (events[i].event) events[i].event = `ロビー🎮${i}`;
const bytes = encodeUtf8(toNdjson(events, sampleHeader()));

function load(chunks: Uint8Array[], opts = {}): TraceFileLoader {
  const l = new TraceFileLoader(opts);
  for (const c of chunks) l.write(c);
  l.end();
  return l;
}

function split(b: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, b.length]) {
    out.push(b.slice(prev, c));
    prev = c;
  }
  return out;
}

describe('TraceFile / TraceFileLoader', () => {
  it('gives back every event exactly, from bytes split anywhere (mid-line, mid-character)', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
      const l = load(split(bytes, cuts));
      expect(l.errors).toEqual([]);
      expect(l.header).toEqual(sampleHeader());
      expect(l.file.length).toBe(events.length);
      for (const i of [0, 1, 255, 256, 257, 1000, events.length - 1]) expect(l.index.get(i)).toEqual(events[i]);
      expect(l.slowLines).toBe(1); // the header
    }), { numRuns: 30 });
  });

  it('reads details from a byte source, not from what it was given: the loader keeps no chunk then', () => {
    const source = new ChunkSource();
    source.add(bytes);
    const l = new TraceFileLoader({ source });
    // Chunks handed over are overwritten right after, as a reused read buffer would be.
    const buf = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i += buf.length) {
      const n = Math.min(buf.length, bytes.length - i);
      buf.set(bytes.subarray(i, i + n));
      l.write(buf.subarray(0, n));
      buf.fill(0x7b);
    }
    l.end();
    expect(l.file.slice(0)).toEqual(events);
  });

  it('states, jumps and RPC rows equal an index over the events themselves, with keyframes bounded by state size', () => {
    const l = load([bytes], { keyframeEvery: 16, keyframeEntriesPerEvent: 0.05 });
    const plain = new ReplayIndex(events, { keyframeEvery: 16 });
    const calls = new Map(rpcCalls(events).map((c) => [c.id, c]));
    const ctx = { timeoutAt: (id: number) => (calls.get(id)?.callbackSuc === false ? calls.get(id)!.callbackT : undefined) };
    expect(l.index.keyframeCount).toBeLessThan(plain.keyframeCount);
    for (const i of [-1, 0, 17, 400, 1999, events.length - 1]) {
      expect(l.index.stateAt(i)).toEqual(plain.stateAt(i));
      expect(l.index.stateAt(i)).toEqual(replayFromStart(events, i + 1, ctx));
    }
    expect(l.index.rpcCalls()).toEqual(plain.rpcCalls());
    for (const k of ['rpc', 'drop', 'callback', 'lifecycle', 'rpcEvent'] as const) expect([...l.index.indexesOf(k)]).toEqual([...plain.indexesOf(k)]);
    expect(l.index.indexAtTime(events[1500].t)).toBe(plain.indexAtTime(events[1500].t));
    expect(l.index.indexOfSeq(events[42].seq)).toBe(42);
  });

  it('sparse seqs are looked up by binary search over the index', () => {
    const sparse = events.slice(0, 500).map((e, i) => ({ ...e, seq: 10 + i * 3, cause: undefined }));
    const l = load([encodeUtf8(toNdjson(sparse, sampleHeader()))]);
    const f = l.file as TraceFile;
    expect(f.seqAt(7)).toBe(31);
    expect(l.index.indexOfSeq(31)).toBe(7);
    expect(l.index.indexOfSeq(32)).toBe(-1);
  });

  it('a byte order mark at the start of a file is skipped', () => {
    const l = load([Uint8Array.of(0xef, 0xbb, 0xbf), bytes]);
    expect(l.errors).toEqual([]);
    expect(l.file.length).toBe(events.length);
  });
});

describe('ChunkSource', () => {
  it('reads any range, across chunks', () => {
    const s = new ChunkSource();
    const all = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    for (const part of split(all, [3, 4, 100, 640, 999])) s.add(part);
    fc.assert(fc.property(fc.nat({ max: 999 }), fc.nat({ max: 1000 }), (off, len0) => {
      const len = Math.min(len0, 1000 - off);
      expect([...s.read(off, len)]).toEqual([...all.subarray(off, off + len)]);
    }));
  });
});
