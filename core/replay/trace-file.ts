// An NDJSON trace opened index first: one pass over the file's bytes keeps, per event, only where
// its line is (offset, length), its time, type and RPC id in chunked typed arrays (about 25 bytes an
// event, never copied as it grows), and feeds the replay index (keyframes, jumps, RPC rows).
// Everything else is read back from the bytes when asked: `get(i)` reads the line (a block of lines
// at a time, through a small cache) and parses it. The bytes come from a `ByteSource`: the file
// itself in the host (so a trace of gigabytes opens in bounded memory), or chunks kept in memory.
import { parseJson } from '../json';
import { EVENT_TYPES, type TraceEvent } from '../trace/event';
import { decodeUtf8 } from '../trace/utf8';
import type { EventSource } from './source';

/** Synchronous random access to the trace's bytes. */
export interface ByteSource {
  /** Bytes [offset, offset + length); may be a view that is only valid until the next read. */
  read(offset: number, length: number): Uint8Array;
}

/** Byte chunks kept in memory, in file order (a loaded text, an upload, a test). */
export class ChunkSource implements ByteSource {
  private readonly chunks: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private size = 0;

  /** Append the next bytes of the file (kept as given: do not reuse the buffer). */
  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.starts.push(this.size);
    this.size += chunk.length;
  }

  get length(): number {
    return this.size;
  }

  read(offset: number, length: number): Uint8Array {
    // Last chunk starting at or before offset.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >>> 1;
      if (this.starts[m] <= offset) lo = m;
      else hi = m - 1;
    }
    const c = this.chunks[lo];
    const at = offset - this.starts[lo];
    if (at + length <= c.length) return c.subarray(at, at + length);
    const out = new Uint8Array(length);
    let filled = 0;
    for (let k = lo; k < this.chunks.length && filled < length; k++) {
      const from = k === lo ? at : 0;
      const part = this.chunks[k].subarray(from, Math.min(this.chunks[k].length, from + length - filled));
      out.set(part, filled);
      filled += part.length;
    }
    return out;
  }
}

const SHIFT = 16;
const ROWS = 1 << SHIFT;
const MASK = ROWS - 1;
/** Lines per block read by `get` (and blocks kept). */
const BLOCK_SHIFT = 8;
const BLOCKS_KEPT = 32;

const LIFECYCLE = EVENT_TYPES.indexOf('lifecycle');
const FAULT = EVENT_TYPES.indexOf('fault');
const SEND = EVENT_TYPES.indexOf('send');
const DELIVER = EVENT_TYPES.indexOf('deliver');

interface Block {
  first: number;
  base: number;
  bytes: Uint8Array;
}

/** The index of an opened trace: where each event's line is, and what replay needs to find it. */
export class TraceFile implements EventSource {
  length = 0;
  private readonly offs: Float64Array[] = [];
  private readonly lens: Int32Array[] = [];
  private readonly ts: Float64Array[] = [];
  private readonly types: Uint8Array[] = [];
  /** rpc id + 1 on send/deliver events with an rpc ref (0 otherwise; -1: see rpcOverflow). */
  private readonly rpcs: Int32Array[] = [];
  /** RPC ids that do not fit the column (negative, or beyond 2^31), by row. */
  private readonly rpcOverflow = new Map<number, number>();
  /** seq = seqBase + index while `seqs` is null (dense, as the engine writes); else per row. */
  private seqBase = 0;
  private seqs: Float64Array[] | null = null;
  private readonly blocks = new Map<number, Block>();

  constructor(readonly bytes: ByteSource) {}

  /** Bytes held by the index (typed arrays), for memory figures. */
  get indexBytes(): number {
    return this.offs.length * ROWS * (8 + 4 + 8 + 1 + 4) + (this.seqs ? this.seqs.length * ROWS * 8 : 0);
  }

  /** Append the row of a valid event line; `rpcId` only matters on sends and delivers. */
  add(offset: number, length: number, seq: number, t: number, type: number, rpcId: number | undefined): void {
    const i = this.length;
    const c = i >>> SHIFT;
    if (c === this.offs.length) {
      this.offs.push(new Float64Array(ROWS));
      this.lens.push(new Int32Array(ROWS));
      this.ts.push(new Float64Array(ROWS));
      this.types.push(new Uint8Array(ROWS));
      this.rpcs.push(new Int32Array(ROWS));
      if (this.seqs) this.seqs.push(new Float64Array(ROWS));
    }
    const j = i & MASK;
    this.offs[c][j] = offset;
    this.lens[c][j] = length;
    this.ts[c][j] = t;
    this.types[c][j] = type;
    if (rpcId !== undefined && (type === SEND || type === DELIVER)) {
      if (rpcId >= 0 && rpcId < 0x7ffffffe) this.rpcs[c][j] = rpcId + 1;
      else {
        this.rpcs[c][j] = -1;
        this.rpcOverflow.set(i, rpcId);
      }
    }
    if (i === 0) this.seqBase = seq;
    else if (this.seqs === null && seq !== this.seqBase + i) this.sparseSeqs();
    if (this.seqs !== null) this.seqs[c][j] = seq;
    this.length = i + 1;
  }

  private sparseSeqs(): void {
    this.seqs = this.offs.map(() => new Float64Array(ROWS));
    for (let k = 0; k < this.length; k++) this.seqs[k >>> SHIFT][k & MASK] = this.seqBase + k;
  }

  seqAt(i: number): number {
    return this.seqs === null ? this.seqBase + i : this.seqs[i >>> SHIFT][i & MASK];
  }

  timeAt(i: number): number {
    return this.ts[i >>> SHIFT][i & MASK];
  }

  typeAt(i: number): number {
    return this.types[i >>> SHIFT][i & MASK];
  }

  /** The rpc id of event i when it is a send or deliver of an RPC, else undefined. */
  rpcOfSendOrDeliver(i: number): number | undefined {
    const r = this.rpcs[i >>> SHIFT][i & MASK];
    return r === 0 ? undefined : r === -1 ? this.rpcOverflow.get(i) : r - 1;
  }

  /** File offset and length of event i's line. */
  lineOf(i: number): { offset: number; length: number } {
    return { offset: this.offs[i >>> SHIFT][i & MASK], length: this.lens[i >>> SHIFT][i & MASK] };
  }

  /** The line of event i, parsed (a fresh object each call). */
  get(i: number): TraceEvent {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no event at index ${i} (${this.length} indexed)`);
    const k = i >>> BLOCK_SHIFT;
    let block = this.blocks.get(k);
    if (block === undefined) {
      const first = k << BLOCK_SHIFT;
      const last = Math.min(this.length, first + (1 << BLOCK_SHIFT)) - 1;
      const base = this.offs[first >>> SHIFT][first & MASK];
      const end = this.offs[last >>> SHIFT][last & MASK] + this.lens[last >>> SHIFT][last & MASK];
      block = { first, base, bytes: this.bytes.read(base, end - base) };
      // Only complete blocks are kept: the last one may still grow while a file loads.
      if (last === first + (1 << BLOCK_SHIFT) - 1) {
        if (this.blocks.size >= BLOCKS_KEPT) this.blocks.delete(this.blocks.keys().next().value as number);
        this.blocks.set(k, block);
      }
    } else {
      // Most recently used last.
      this.blocks.delete(k);
      this.blocks.set(k, block);
    }
    const at = this.offs[i >>> SHIFT][i & MASK] - block.base;
    return parseJson(decodeUtf8(block.bytes, at, at + this.lens[i >>> SHIFT][i & MASK])) as TraceEvent;
  }

  /** Event i without its payload, except where replay state needs it (lifecycle, fault). */
  getLite(i: number): TraceEvent {
    const e = this.get(i);
    const ty = this.typeAt(i);
    if (e.data !== undefined && ty !== LIFECYCLE && ty !== FAULT) delete e.data;
    return e;
  }

  slice(from = 0, to = this.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.get(i));
    return out;
  }
}

