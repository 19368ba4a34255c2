// Payloads of a recorded trace, kept as a flat tape in fixed-size typed-array chunks instead of one
// object per message: a retained object per message is what the young-generation GC copies
// (twice) into the old generation, and what a growing array of them doubles. `put` copies a
// JSON-compatible value onto the tape (checking it, as eventData must be checked at send) and
// returns its handle; `get` rebuilds a fresh copy. Strings and bigints (integers beyond 2^53 from
// core/json or a Python long) are kept by reference in a chunked side list.
//
// Tape entry: tag (u8), key (i32: interned member name inside an object, else 0), num (f64: the
// number, the child count of an object/array, or the index of a string/bigint in `refs`).
import { UnsendableValueError, copyJson, unsendable } from '../engine/json-copy';

const SHIFT = 16;
const SIZE = 1 << SHIFT;
const MASK = SIZE - 1;

const NUM = 1;
const STR = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const OBJ = 6;
const ARR = 7;
const BIG = 8;

/** Nesting deeper than this is refused (a cycle, most likely), as json-copy does. */
const MAX_DEPTH = 64;

const EMPTY_U8 = new Uint8Array(0);
const EMPTY_I32 = new Int32Array(0);
const EMPTY_F64 = new Float64Array(0);

/** Thrown inside `put` on the first value that cannot be sent; the public error is built after. */
const REFUSED = { refused: true };

export class PayloadTape {
  private tags: Uint8Array[] = [];
  private keys: Int32Array[] = [];
  private nums: Float64Array[] = [];
  private refChunks: unknown[][] = [];
  /** Entries written. */
  private n = 0;
  private refs = 0;
  private readonly keyIds = new Map<string, number>();
  private readonly keyNames: string[] = [''];
  /** Decode cursor (entries are read in order). */
  private at = 0;

  /** `refs` when each tape chunk was started (string refs of later entries are at or after it, less one). */
  private readonly refStart: number[] = [];
  /** First tape chunk still kept (see discardBefore). */
  private firstChunk = 0;

  /** Entries on the tape (for memory figures). */
  get entries(): number {
    return this.n;
  }

  /**
   * Forget the entries before `handle` (whole chunks), and the strings only they used: a live run
   * keeps the payloads of its newest events only. Handles before it must not be read again.
   */
  discardBefore(handle: number): void {
    const upTo = Math.min(handle, this.n) >>> SHIFT;
    if (upTo <= this.firstChunk) return;
    for (let c = this.firstChunk; c < upTo; c++) {
      this.tags[c] = EMPTY_U8;
      this.keys[c] = EMPTY_I32;
      this.nums[c] = EMPTY_F64;
    }
    this.firstChunk = upTo;
    // A string's ref is taken just before its entry is written, possibly the first of a new chunk.
    const firstRef = Math.max(0, (this.refStart[upTo] ?? this.refs) - 1);
    for (let r = 0; r < firstRef >>> SHIFT; r++) if (this.refChunks[r].length > 0) this.refChunks[r] = [];
  }

  /**
   * Copy `value` onto the tape; returns its handle. `path` names the value in the error thrown
   * (UnsendableValueError, as copyJson would throw) when it holds something JSON cannot carry;
   * nothing is kept then. Up to two extra members are set on a dict payload as an assignment on a
   * copy would (an existing key keeps its place): the engine's `__id__`, `__uid__`, ... keys.
   */
  put(value: unknown, path = 'data', k1?: string, v1?: unknown, k2?: string, v2?: unknown): number {
    const start = this.n;
    const refs = this.refs;
    try {
      if (k1 !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) this.dictWith(value as Record<string, unknown>, k1, v1, k2, v2);
      else this.value(value, 0, 0);
    } catch (e) {
      this.n = start;
      this.refs = refs;
      if (e !== REFUSED) throw e;
      // The tape only knows that something was refused; the copy names it, with its path.
      copyJson(value, path);
      throw new UnsendableValueError(path, 'a value');
    }
    return start;
  }

  /** Handle of the payload stored by the last `putCopy`. */
  lastHandle = 0;

  /**
   * `put` and a copy in one walk: what a send needs (the receiver's copy, the trace's tape).
   * `undefined` sends `{}` (the documented default). Injected keys go into a dict payload only,
   * into both the copy and the tape. Returns the copy; its handle is `lastHandle`.
   */
  putCopy(value: unknown, path: string, k1?: string, v1?: unknown, k2?: string, v2?: unknown): unknown {
    const start = this.n;
    const refs = this.refs;
    const v = value === undefined ? {} : value;
    try {
      const copy =
        k1 !== undefined && typeof v === 'object' && v !== null && !Array.isArray(v) ? this.copyDictWith(v as Record<string, unknown>, k1, v1, k2, v2) : this.copyValue(v, 0, 0);
      this.lastHandle = start;
      return copy;
    } catch (e) {
      this.n = start;
      this.refs = refs;
      if (e !== REFUSED) throw e;
      throw unsendable(v, path);
    }
  }

  /**
   * A dict copied with keys set as an assignment on the copy would set them: an existing key keeps
   * its place (its old value is still checked, as the copy made before the assignment checked it),
   * a new one goes last.
   */
  private copyDictWith(v: Record<string, unknown>, k1: string, v1: unknown, k2: string | undefined, v2: unknown): Record<string, unknown> {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw REFUSED;
    const head = this.n;
    this.entry(OBJ, 0, 0);
    let count = 0;
    let done1 = false;
    let done2 = k2 === undefined;
    const out: Record<string, unknown> = {};
    for (const k in v) {
      if (k === k1 || k === k2) {
        const n = this.n;
        const refs = this.refs;
        this.copyValue(v[k], 0, 1);
        this.n = n;
        this.refs = refs;
        const x = k === k1 ? v1 : v2;
        out[k] = this.copyValue(x, this.keyId(k), 1);
        if (k === k1) done1 = true;
        else done2 = true;
      } else {
        const c = this.copyValue(v[k], this.keyId(k), 1);
        if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else out[k] = c;
      }
      count++;
    }
    if (!done1) {
      out[k1] = this.copyValue(v1, this.keyId(k1), 1);
      count++;
    }
    if (!done2) {
      out[k2 as string] = this.copyValue(v2, this.keyId(k2 as string), 1);
      count++;
    }
    this.nums[head >>> SHIFT][head & MASK] = count;
    return out;
  }

  private copyValue(v: unknown, key: number, depth: number): unknown {
    switch (typeof v) {
      case 'number':
        if (v - v !== 0) throw REFUSED; // NaN, ±Infinity
        this.entry(NUM, key, v);
        return v;
      case 'string':
        this.entry(STR, key, this.ref(v));
        return v;
      case 'boolean':
        this.entry(v ? TRUE : FALSE, key, 0);
        return v;
      case 'bigint':
        this.entry(BIG, key, this.ref(v));
        return v;
      case 'object': {
        if (v === null) {
          this.entry(NULL, key, 0);
          return null;
        }
        if (depth > MAX_DEPTH) throw REFUSED;
        if (Array.isArray(v)) {
          this.entry(ARR, key, v.length);
          const out = new Array(v.length);
          for (let i = 0; i < v.length; i++) out[i] = this.copyValue(v[i], 0, depth + 1);
          return out;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) throw REFUSED;
        const head = this.n;
        this.entry(OBJ, key, 0);
        let count = 0;
        const out: Record<string, unknown> = {};
        for (const k in v as Record<string, unknown>) {
          const c = this.copyValue((v as Record<string, unknown>)[k], this.keyId(k), depth + 1);
          // A "__proto__" key (JSON.parse makes it an own property) must stay data.
          if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
          else out[k] = c;
          count++;
        }
        this.nums[head >>> SHIFT][head & MASK] = count;
        return out;
      }
      default:
        throw REFUSED;
    }
  }

  /** A fresh copy of the payload at `handle`. */
  get(handle: number): unknown {
    this.at = handle;
    return this.read();
  }

  private entry(tag: number, key: number, num: number): void {
    const i = this.n++;
    const c = i >>> SHIFT;
    if (c === this.tags.length) {
      this.refStart.push(this.refs);
      this.tags.push(new Uint8Array(SIZE));
      this.keys.push(new Int32Array(SIZE));
      this.nums.push(new Float64Array(SIZE));
    }
    const j = i & MASK;
    this.tags[c][j] = tag;
    this.keys[c][j] = key;
    this.nums[c][j] = num;
  }

  private ref(v: unknown): number {
    const i = this.refs++;
    const c = i >>> SHIFT;
    if (c === this.refChunks.length) this.refChunks.push([]);
    this.refChunks[c][i & MASK] = v;
    return i;
  }

  private keyId(k: string): number {
    let id = this.keyIds.get(k);
    if (id === undefined) {
      id = this.keyNames.length;
      this.keyNames.push(k);
      this.keyIds.set(k, id);
    }
    return id;
  }

  private value(v: unknown, key: number, depth: number): void {
    switch (typeof v) {
      case 'number':
        if (v - v !== 0) throw REFUSED; // NaN, ±Infinity
        return this.entry(NUM, key, v);
      case 'string':
        return this.entry(STR, key, this.ref(v));
      case 'boolean':
        return this.entry(v ? TRUE : FALSE, key, 0);
      case 'bigint':
        return this.entry(BIG, key, this.ref(v));
      case 'object': {
        if (v === null) return this.entry(NULL, key, 0);
        if (depth > MAX_DEPTH) throw REFUSED;
        if (Array.isArray(v)) {
          this.entry(ARR, key, v.length);
          for (let i = 0; i < v.length; i++) this.value(v[i], 0, depth + 1);
          return;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) throw REFUSED;
        const head = this.n;
        this.entry(OBJ, key, 0);
        let count = 0;
        for (const k in v as Record<string, unknown>) {
          this.value((v as Record<string, unknown>)[k], this.keyId(k), depth + 1);
          count++;
        }
        this.nums[head >>> SHIFT][head & MASK] = count;
        return;
      }
      default:
        throw REFUSED;
    }
  }

  private dictWith(v: Record<string, unknown>, k1: string, v1: unknown, k2: string | undefined, v2: unknown): void {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw REFUSED;
    const head = this.n;
    this.entry(OBJ, 0, 0);
    let count = 0;
    let done1 = false;
    let done2 = k2 === undefined;
    for (const k in v) {
      if (k === k1) {
        this.value(v1, this.keyId(k), 1);
        done1 = true;
      } else if (k === k2) {
        this.value(v2, this.keyId(k), 1);
        done2 = true;
      } else this.value(v[k], this.keyId(k), 1);
      count++;
    }
    if (!done1) {
      this.value(v1, this.keyId(k1), 1);
      count++;
    }
    if (!done2) {
      this.value(v2, this.keyId(k2 as string), 1);
      count++;
    }
    this.nums[head >>> SHIFT][head & MASK] = count;
  }

  private read(): unknown {
    const i = this.at++;
    const c = i >>> SHIFT;
    const j = i & MASK;
    const num = this.nums[c][j];
    switch (this.tags[c][j]) {
      case NUM:
        return num;
      case STR:
      case BIG:
        return this.refChunks[num >>> SHIFT][num & MASK];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case ARR: {
        const out = new Array(num);
        for (let k = 0; k < num; k++) out[k] = this.read();
        return out;
      }
      case OBJ: {
        const out: Record<string, unknown> = {};
        for (let k = 0; k < num; k++) {
          const m = this.at;
          const name = this.keyNames[this.keys[m >>> SHIFT][m & MASK]];
          const val = this.read();
          // A "__proto__" member (JSON.parse makes it an own property) must stay data.
          if (name === '__proto__') Object.defineProperty(out, name, { value: val, enumerable: true, writable: true, configurable: true });
          else out[name] = val;
        }
        return out;
      }
      default:
        throw new Error(`payload tape: no value at ${i}`);
    }
  }
}
