// A byte-level scanner for one NDJSON event line: validates the whole line as JSON (as JSON.parse
// would) and checks the event (as isTraceEvent would) while extracting only what an index needs:
// numbers, interned strings (repeated ids cost no allocation: they are looked up by their bytes),
// and the byte range of `data`. It never builds the payload. Anything it is not sure of (escaped
// keys, a "format" key, order errors, odd nesting) it leaves to the slow path (JSON.parse and the
// zod messages): `scan` returning false only means "not the fast path", never "invalid".
import { LIMITS } from '../limits';
import { EVENT_TYPES, RPC_STATES } from './event';
import { decodeUtf8 } from './utf8';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const D0 = 0x30;
const D9 = 0x39;

/** Thrown (and caught in `scan`) when the line leaves the fast path. */
const LEAVE = { leave: true };

const TYPE_CODE = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
const STATE_CODE = new Map<string, number>(RPC_STATES.map((s, i) => [s, i]));
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Strings and arrays up to this many bytes are interned by their bytes; longer ones are decoded each time. */
const INTERN_MAX_BYTES = 256;
const INTERN_MAX_ENTRIES = 1 << 20;
/**
 * Nesting the fast path vouches for: a line that may be nested deeper than LIMITS.traceLineDepth
 * (a value's depth here is 2 less than in the whole line, with a level of margin) takes the slow
 * path, which refuses it when it is.
 */
const MAX_DEPTH = LIMITS.traceLineDepth - 3;

// Top-level keys the index reads.
const K_UNKNOWN = 0;
const K_SEQ = 1;
const K_T = 2;
const K_TYPE = 3;
const K_API = 4;
const K_FROM = 5;
const K_TO = 6;
const K_EVENT = 7;
const K_DATA = 8;
const K_RPC = 9;
const K_CAUSE = 10;
const K_REASON = 11;
const K_TARGETS = 12;
const K_PATH = 13;
const K_NS = 14;
const K_SYS = 15;
const K_SUC = 16;
const K_AT = 17;
const K_ARRIVE = 18;
const K_DETAIL = 19;
const K_FORMAT = 20;

const KEY_NAMES: [string, number][] = [
  ['seq', K_SEQ], ['t', K_T], ['type', K_TYPE], ['api', K_API], ['from', K_FROM], ['to', K_TO], ['event', K_EVENT], ['data', K_DATA], ['rpc', K_RPC],
  ['cause', K_CAUSE], ['reason', K_REASON], ['targets', K_TARGETS], ['path', K_PATH], ['ns', K_NS], ['sys', K_SYS], ['suc', K_SUC], ['at', K_AT],
  ['arrive', K_ARRIVE], ['detail', K_DETAIL], ['format', K_FORMAT],
];
const RPC_KEY_NAMES: [string, number][] = [['id', 1], ['state', 2], ['callbackId', 3], ['requester', 4], ['deadline', 5]];

/** Known keys by (length, first byte), to match a key by its bytes without making a string. */
function keyTable(names: [string, number][]): Map<number, [Uint8Array, number][]> {
  const m = new Map<number, [Uint8Array, number][]>();
  for (const [name, code] of names) {
    const k = name.length * 256 + name.charCodeAt(0);
    const bytes = Uint8Array.from(name, (ch) => ch.charCodeAt(0));
    const list = m.get(k);
    if (list) list.push([bytes, code]);
    else m.set(k, [[bytes, code]]);
  }
  return m;
}
const KEYS = keyTable(KEY_NAMES);
const RPC_KEYS = keyTable(RPC_KEY_NAMES);

/** The K_ code of a top-level key of `len` bytes at s (branches instead of a lookup: it runs ~10 times a line). */
function topKey(b: Uint8Array, s: number, len: number): number {
  const c = b[s];
  switch (len) {
    case 1:
      return c === 0x74 ? K_T : K_UNKNOWN;
    case 2:
      if (c === 0x74 && b[s + 1] === 0x6f) return K_TO;
      if (c === 0x6e && b[s + 1] === 0x73) return K_NS;
      if (c === 0x61 && b[s + 1] === 0x74) return K_AT;
      return K_UNKNOWN;
    case 3:
      if (c === 0x73 && b[s + 1] === 0x65 && b[s + 2] === 0x71) return K_SEQ;
      return matchKey(KEYS, b, s, s + 3);
    default:
      return len > 7 ? K_UNKNOWN : matchKey(KEYS, b, s, s + len);
  }
}

function matchKey(table: Map<number, [Uint8Array, number][]>, b: Uint8Array, start: number, end: number): number {
  const list = table.get((end - start) * 256 + b[start]);
  if (list === undefined) return 0;
  for (const [bytes, code] of list) {
    let k = 1;
    while (k < bytes.length && bytes[k] === b[start + k]) k++;
    if (k === bytes.length) return code;
  }
  return 0;
}

/** Values of one scanned line (reset before each line). */
export class ScannedEvent {
  seq = 0;
  t = 0;
  /** EVENT_TYPES index. */
  type = 0;
  api: string | undefined = undefined;
  from: string | undefined = undefined;
  to: string | undefined = undefined;
  event: string | undefined = undefined;
  reason: string | undefined = undefined;
  ns: string | undefined = undefined;
  sys: string | undefined = undefined;
  at: string | undefined = undefined;
  detail: string | undefined = undefined;
  /** -1: none. */
  cause = -1;
  /** -1: no rpc. */
  rpcId = -1;
  /** RPC_STATES index. */
  rpcState = 0;
  callbackId: number | undefined = undefined;
  requester: number | undefined = undefined;
  deadline: number | undefined = undefined;
  /** 0 none, 1 false, 2 true. */
  suc = 0;
  arrive: number | undefined = undefined;
  targets: readonly string[] | undefined = undefined;
  path: readonly string[] | undefined = undefined;
  /** Byte range of the `data` value in the scanned buffer (-1: none). */
  dataStart = -1;
  dataEnd = -1;

  reset(): void {
    this.api = this.from = this.to = this.event = this.reason = this.ns = this.sys = this.at = this.detail = undefined;
    this.cause = this.rpcId = this.dataStart = this.dataEnd = -1;
    this.suc = 0;
    this.callbackId = this.requester = this.deadline = this.arrive = undefined;
    this.targets = this.path = undefined;
  }
}

/** Byte strings → values, by an open-addressing table over their bytes (FNV-1a). */
class ByteInterner<V> {
  private table = new Int32Array(1 << 12);
  private hashes: number[] = [];
  private starts: number[] = [];
  private lens: number[] = [];
  private readonly values: V[] = [];
  private pool = new Uint8Array(1 << 14);
  private used = 0;

  get size(): number {
    return this.values.length;
  }

  find(b: Uint8Array, start: number, end: number, h: number): V | undefined {
    const mask = this.table.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = this.table[slot] - 1;
      if (e < 0) return undefined;
      if (this.hashes[e] !== h || this.lens[e] !== len) continue;
      const s = this.starts[e];
      let k = 0;
      while (k < len && this.pool[s + k] === b[start + k]) k++;
      if (k === len) return this.values[e];
    }
  }

  add(b: Uint8Array, start: number, end: number, h: number, v: V): void {
    const len = end - start;
    if (this.used + len > this.pool.length) {
      const p = new Uint8Array(Math.max(this.pool.length * 2, this.used + len));
      p.set(this.pool);
      this.pool = p;
    }
    this.pool.set(b.subarray(start, end), this.used);
    const e = this.values.length;
    this.values.push(v);
    this.hashes.push(h);
    this.starts.push(this.used);
    this.lens.push(len);
    this.used += len;
    if (this.values.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(e);
  }

  private place(e: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[e] & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = e + 1;
  }

  private rehash(n: number): void {
    this.table = new Int32Array(n);
    for (let e = 0; e < this.values.length; e++) this.place(e);
  }
}

/** A hash of a short byte string from its length and a few of its bytes (candidates are compared in full). */
function quickHash(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  let h = Math.imul(n, 0x9e3779b1) ^ b[start];
  h = Math.imul(h ^ b[end - 1], 16777619);
  h = Math.imul(h ^ b[start + (n >> 1)], 16777619);
  h = Math.imul(h ^ b[start + (n >> 2)], 16777619);
  return Math.imul(h ^ b[end - 1 - (n >> 2)], 16777619);
}

function fnv(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 16777619);
  return h;
}

export class EventLineScanner {
  readonly ev = new ScannedEvent();
  private b: Uint8Array = new Uint8Array(0);
  private p = 0;
  private end = 0;
  private readonly strings = new ByteInterner<string>();
  private readonly arrays = new ByteInterner<readonly string[]>();
  /** For the string just read: did it hold an escape or a non-ASCII byte. */
  private plain = true;
  /** The last long number read per field (t, arrive, other): its bytes and value. */
  private readonly numBytes = [new Uint8Array(32), new Uint8Array(32), new Uint8Array(32)];
  private readonly numLens = [0, 0, 0];
  private readonly numVals = [0, 0, 0];
  private readonly codes: number[] = [];

  /**
   * Scan bytes [start, end) of `b` (one line, no newline). True: the line is one valid trace event
   * (as JSON.parse + isTraceEvent would judge it) whose fields are in `ev`. False: leave the line to
   * the slow path (it may still be valid). Pass a plain Uint8Array: views of a Node Buffer are
   * Buffers, and slower to make.
   */
  scan(b: Uint8Array, start: number, end: number): boolean {
    this.b = b;
    this.p = start;
    this.end = end;
    const ev = this.ev;
    ev.reset();
    try {
      return this.object();
    } catch (e) {
      if (e === LEAVE || e instanceof RangeError) return false;
      throw e;
    }
  }

  private ws(): void {
    const b = this.b;
    let p = this.p;
    while (p < this.end) {
      const c = b[p];
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) break;
      p++;
    }
    this.p = p;
  }

  private expect(c: number): void {
    if (this.p >= this.end || this.b[this.p] !== c) throw LEAVE;
    this.p++;
  }

  private object(): boolean {
    const ev = this.ev;
    this.ws();
    this.expect(0x7b);
    this.ws();
    let seen = 0;
    if (this.b[this.p] === 0x7d) throw LEAVE; // {}: not an event
    for (;;) {
      const key = this.key();
      this.ws();
      this.expect(COLON);
      this.ws();
      switch (key) {
        case K_SEQ: {
          const v = this.count();
          if (!Number.isSafeInteger(v) || v < 0) throw LEAVE;
          ev.seq = v;
          seen |= 1;
          break;
        }
        case K_T: {
          const v = this.number(0);
          if (!(v >= 0) || v === Infinity) throw LEAVE;
          ev.t = v;
          seen |= 2;
          break;
        }
        case K_TYPE: {
          const code = TYPE_CODE.get(this.string());
          if (code === undefined) throw LEAVE;
          ev.type = code;
          seen |= 4;
          break;
        }
        case K_API:
          ev.api = this.string();
          break;
        case K_FROM:
          ev.from = this.string();
          break;
        case K_TO:
          ev.to = this.string();
          break;
        case K_EVENT:
          ev.event = this.string();
          break;
        case K_REASON:
          ev.reason = this.string();
          break;
        case K_NS:
          ev.ns = this.string();
          break;
        case K_SYS:
          ev.sys = this.string();
          break;
        case K_AT:
          ev.at = this.string();
          break;
        case K_DETAIL:
          ev.detail = this.string();
          break;
        case K_CAUSE: {
          const v = this.count();
          if (!Number.isSafeInteger(v) || v < 0) throw LEAVE;
          ev.cause = v;
          break;
        }
        case K_SUC:
          ev.suc = this.bool() ? 2 : 1;
          break;
        case K_ARRIVE: {
          const v = this.number(1);
          if (v - v !== 0) throw LEAVE;
          ev.arrive = v;
          break;
        }
        case K_DATA:
          ev.dataStart = this.p;
          this.skip(0);
          ev.dataEnd = this.p;
          break;
        case K_RPC:
          this.rpc();
          break;
        case K_TARGETS:
          ev.targets = this.stringArray();
          break;
        case K_PATH:
          ev.path = this.stringArray();
          break;
        case K_FORMAT:
          throw LEAVE; // a header, or an event that looks like one: the slow path decides
        default:
          this.skip(0);
      }
      this.ws();
      if (this.p >= this.end) throw LEAVE;
      const c = this.b[this.p++];
      if (c === COMMA) {
        this.ws();
        continue;
      }
      if (c !== 0x7d) throw LEAVE;
      break;
    }
    this.ws();
    if (this.p !== this.end || seen !== 7) throw LEAVE;
    return true;
  }

  /** A key: its K_ code (keys with escapes leave the fast path: they might spell a known key). */
  private key(): number {
    this.expect(QUOTE);
    const b = this.b;
    const start = this.p;
    let p = start;
    while (p < this.end) {
      const c = b[p];
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < 0x20) throw LEAVE;
      p++;
    }
    if (p >= this.end) throw LEAVE;
    this.p = p + 1;
    return topKey(b, start, p - start);
  }

  /** The end of a string starting at p (on its opening quote); validates escapes, sets `plain`. */
  private stringEnd(): number {
    const b = this.b;
    let p = this.p + 1;
    let plain = true;
    for (;;) {
      if (p >= this.end) throw LEAVE;
      const c = b[p];
      if (c === QUOTE) break;
      if (c < 0x20) throw LEAVE;
      if (c === BACKSLASH) {
        plain = false;
        const x = b[p + 1];
        if (x === 0x75) {
          for (let k = 2; k < 6; k++) {
            const h = b[p + k];
            if (!((h >= D0 && h <= D9) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66))) throw LEAVE;
          }
          p += 6;
          continue;
        }
        if (x !== QUOTE && x !== BACKSLASH && x !== 0x2f && x !== 0x62 && x !== 0x66 && x !== 0x6e && x !== 0x72 && x !== 0x74) throw LEAVE;
        p += 2;
        continue;
      }
      if (c >= 0x80) plain = false;
      p++;
    }
    this.plain = plain;
    return p;
  }

  /** A string value (interned by its bytes when short). */
  private string(): string {
    const b = this.b;
    const start = this.p;
    if (b[start] !== QUOTE) throw LEAVE;
    // Most strings were seen before: find the closing quote natively, look the bytes up by a cheap
    // hash, and an equal interned string vouches for them (it was validated when first seen).
    const q = b.indexOf(QUOTE, start + 1);
    if (q > start && q < this.end && b[q - 1] !== BACKSLASH && q - start <= INTERN_MAX_BYTES) {
      const hit = this.strings.find(b, start + 1, q, quickHash(b, start + 1, q));
      if (hit !== undefined) {
        this.p = q + 1;
        return hit;
      }
    }
    const close = this.stringEnd();
    this.p = close + 1;
    const len = close + 1 - start;
    if (len <= INTERN_MAX_BYTES) {
      const h = quickHash(b, start + 1, close);
      const hit = this.strings.find(b, start + 1, close, h);
      if (hit !== undefined) return hit;
      const s = this.decodeString(start, close);
      // Interned by the bytes between the quotes (an escaped and a plain spelling are two entries).
      if (this.strings.size < INTERN_MAX_ENTRIES) this.strings.add(b, start + 1, close, h, s);
      return s;
    }
    return this.decodeString(start, close);
  }

  private decodeString(open: number, close: number): string {
    if (this.plain) {
      const codes = this.codes;
      codes.length = close - open - 1;
      for (let k = open + 1; k < close; k++) codes[k - open - 1] = this.b[k];
      return String.fromCharCode.apply(null, codes);
    }
    return JSON.parse(decodeUtf8(this.b, open, close + 1)) as string;
  }

  private stringArray(): readonly string[] {
    const b = this.b;
    if (b[this.p] !== 0x5b) throw LEAVE;
    const start = this.p;
    // Validate and find the end first, then intern the whole array by its bytes.
    const items: string[] = [];
    this.p++;
    this.ws();
    if (b[this.p] === 0x5d) this.p++;
    else {
      for (;;) {
        items.push(this.string());
        this.ws();
        if (this.p >= this.end) throw LEAVE;
        const c = b[this.p++];
        if (c === COMMA) {
          this.ws();
          continue;
        }
        if (c !== 0x5d) throw LEAVE;
        break;
      }
    }
    const end = this.p;
    if (end - start > INTERN_MAX_BYTES) return items;
    const h = fnv(b, start, end);
    const hit = this.arrays.find(b, start, end, h);
    if (hit !== undefined) return hit;
    // Shared by every event with the same bytes: frozen, as replay state entries are immutable.
    Object.freeze(items);
    if (this.arrays.size < INTERN_MAX_ENTRIES) this.arrays.add(b, start, end, h, items);
    return items;
  }

  private bool(): boolean {
    const b = this.b;
    const p = this.p;
    if (p + 4 <= this.end && b[p] === 0x74 && b[p + 1] === 0x72 && b[p + 2] === 0x75 && b[p + 3] === 0x65) {
      this.p += 4;
      return true;
    }
    if (p + 5 <= this.end && b[p] === 0x66 && b[p + 1] === 0x61 && b[p + 2] === 0x6c && b[p + 3] === 0x73 && b[p + 4] === 0x65) {
      this.p += 5;
      return false;
    }
    throw LEAVE;
  }

  /**
   * A JSON number (strict grammar). Up to 15 significant digits and no exponent: exact integer
   * arithmetic and one division by a power of ten (correctly rounded, as JSON.parse is); else
   * Number() of its text, which rounds the same way.
   */
  private number(slot = 2): number {
    const b = this.b;
    const start = this.p;
    // The same text as the last long number of this field (times repeat from line to line): its
    // value, without reading the digits again. The text was valid then; it must end here too.
    const cachedLen = this.numLens[slot];
    if (cachedLen > 0 && start + cachedLen < this.end) {
      const after = b[start + cachedLen];
      if (after < D0 || after > D9) {
        const cache = this.numBytes[slot];
        let k = 0;
        while (k < cachedLen && cache[k] === b[start + k]) k++;
        if (k === cachedLen && after !== DOT && after !== 0x65 && after !== 0x45) {
          this.p = start + cachedLen;
          return this.numVals[slot];
        }
      }
    }
    let p = start;
    const neg = b[p] === MINUS;
    if (neg) p++;
    let m = 0;
    let digits = 0;
    let c = b[p];
    if (c === D0) {
      p++;
    } else if (c > D0 && c <= D9) {
      while (p < this.end && (c = b[p]) >= D0 && c <= D9) {
        m = m * 10 + (c - D0);
        digits++;
        p++;
      }
    } else throw LEAVE;
    let frac = 0;
    if (p < this.end && b[p] === DOT) {
      p++;
      const f0 = p;
      while (p < this.end && (c = b[p]) >= D0 && c <= D9) {
        m = m * 10 + (c - D0);
        if (m !== 0) digits++;
        p++;
      }
      frac = p - f0;
      if (frac === 0) throw LEAVE;
    }
    let exp = false;
    if (p < this.end && (b[p] === 0x65 || b[p] === 0x45)) {
      exp = true;
      p++;
      if (b[p] === PLUS || b[p] === MINUS) p++;
      const e0 = p;
      while (p < this.end && (c = b[p]) >= D0 && c <= D9) p++;
      if (p === e0) throw LEAVE;
    }
    this.p = p;
    // An integer literal of 16+ digits may be one core/json reads as a bigint: the slow path decides.
    if (!exp && frac === 0 && digits >= 16) throw LEAVE;
    if (!exp && digits <= 15 && frac <= 22) {
      const v = frac === 0 ? m : m / POW10[frac];
      return neg ? -v : v;
    }
    // Long numbers (times print with up to 17 digits) repeat from line to line: reuse the last value.
    const len = p - start;
    const cache = this.numBytes[slot];
    const codes = this.codes;
    codes.length = len;
    for (let k = 0; k < len; k++) codes[k] = b[start + k];
    const v = Number(String.fromCharCode.apply(null, codes));
    if (len <= 32) {
      cache.set(b.subarray(start, p));
      this.numLens[slot] = len;
      this.numVals[slot] = v;
    }
    return v;
  }

  private rpc(): void {
    const ev = this.ev;
    const b = this.b;
    this.expect(0x7b);
    this.ws();
    let id = -1;
    let state = -1;
    if (b[this.p] === 0x7d) throw LEAVE;
    for (;;) {
      if (b[this.p] !== QUOTE) throw LEAVE;
      const k0 = this.p + 1;
      const close = this.stringEnd();
      this.p = close + 1;
      if (!this.plain) throw LEAVE; // an escaped key might spell a known one
      const k = close === k0 ? 0 : matchKey(RPC_KEYS, b, k0, close);
      this.ws();
      this.expect(COLON);
      this.ws();
      if (k === 1) {
        const v = this.count();
        if (!Number.isSafeInteger(v)) throw LEAVE;
        id = v;
      } else if (k === 2) {
        const s = STATE_CODE.get(this.string());
        if (s === undefined) throw LEAVE;
        state = s;
      } else if (k === 3) {
        const v = this.count();
        if (!Number.isSafeInteger(v)) throw LEAVE;
        ev.callbackId = v;
      } else if (k === 4) {
        const v = this.count();
        if (!Number.isSafeInteger(v)) throw LEAVE;
        ev.requester = v;
      } else if (k === 5) {
        const v = this.number();
        if (v - v !== 0) throw LEAVE;
        ev.deadline = v;
      } else this.skip(1);
      this.ws();
      if (this.p >= this.end) throw LEAVE;
      const c = b[this.p++];
      if (c === COMMA) {
        this.ws();
        continue;
      }
      if (c !== 0x7d) throw LEAVE;
      break;
    }
    // A negative id (valid, but never written by the engine) goes the slow way: -1 means "none" here.
    if (id < 0 || state < 0) throw LEAVE;
    ev.rpcId = id;
    ev.rpcState = state;
  }

  /** Validate and pass over any JSON value. */
  private skip(depth: number): void {
    if (depth > MAX_DEPTH) throw LEAVE;
    const b = this.b;
    const c = b[this.p];
    if (c === QUOTE) {
      this.p = this.stringEnd() + 1;
      return;
    }
    if (c === 0x7b || c === 0x5b) {
      const close = c === 0x7b ? 0x7d : 0x5d;
      this.p++;
      this.ws();
      if (b[this.p] === close) {
        this.p++;
        return;
      }
      for (;;) {
        if (c === 0x7b) {
          if (b[this.p] !== QUOTE) throw LEAVE;
          this.p = this.stringEnd() + 1;
          this.ws();
          this.expect(COLON);
          this.ws();
        }
        this.skip(depth + 1);
        this.ws();
        if (this.p >= this.end) throw LEAVE;
        const x = b[this.p++];
        if (x === COMMA) {
          this.ws();
          continue;
        }
        if (x !== close) throw LEAVE;
        return;
      }
    }
    if (c === 0x74) {
      if (this.p + 4 <= this.end && b[this.p + 1] === 0x72 && b[this.p + 2] === 0x75 && b[this.p + 3] === 0x65) {
        this.p += 4;
        return;
      }
      throw LEAVE;
    }
    if (c === 0x66) {
      this.bool();
      return;
    }
    if (c === 0x6e) {
      if (this.p + 4 <= this.end && b[this.p + 1] === 0x75 && b[this.p + 2] === 0x6c && b[this.p + 3] === 0x6c) {
        this.p += 4;
        return;
      }
      throw LEAVE;
    }
    this.skipNumber();
  }

  /** Validate a number without computing it (payload numbers). */
  private skipNumber(): void {
    const b = this.b;
    const end = this.end;
    let p = this.p;
    let c = b[p];
    if (c === MINUS) c = b[++p];
    if (c === D0) p++;
    else if (c > D0 && c <= D9) {
      p++;
      while (p < end && (c = b[p]) >= D0 && c <= D9) p++;
    } else throw LEAVE;
    if (p < end && b[p] === DOT) {
      const f0 = ++p;
      while (p < end && (c = b[p]) >= D0 && c <= D9) p++;
      if (p === f0) throw LEAVE;
    }
    if (p < end && (b[p] === 0x65 || b[p] === 0x45)) {
      p++;
      if (b[p] === PLUS || b[p] === MINUS) p++;
      const e0 = p;
      while (p < end && (c = b[p]) >= D0 && c <= D9) p++;
      if (p === e0) throw LEAVE;
    }
    this.p = p;
  }

  /** A non-negative integer written as plain digits (seq, cause, ids), else the general number. */
  private count(): number {
    const b = this.b;
    const start = this.p;
    let p = start;
    let c = b[p];
    if (c > D0 && c <= D9 && this.end - p > 15) {
      let v = 0;
      while ((c = b[p]) >= D0 && c <= D9 && p - start < 15) {
        v = v * 10 + (c - D0);
        p++;
      }
      c = b[p];
      if (c !== DOT && c !== 0x65 && c !== 0x45 && (c < D0 || c > D9)) {
        this.p = p;
        return v;
      }
    }
    return this.number();
  }
}
