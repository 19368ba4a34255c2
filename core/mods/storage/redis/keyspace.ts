// The keyspace of the one simulated Redis: typed values, expiry on the virtual clock (lazy, as
// Redis does on access), and a running count of stored bytes for the size cap.
import { compareCodePoints, utf8Length } from '../text';
import { OOM, RedisError, WRONGTYPE } from './reply';

export interface ZSet {
  scores: Map<string, number>;
  /** Members in Redis order (score, then bytes), rebuilt on demand after a change. */
  order: string[] | null;
}

export type Value =
  | { type: 'string'; value: string }
  | { type: 'hash'; value: Map<string, string> }
  | { type: 'list'; value: string[] }
  | { type: 'set'; value: Set<string> }
  | { type: 'zset'; value: ZSet };

export type RedisType = Value['type'];
interface ValueTypes {
  string: string;
  hash: Map<string, string>;
  list: string[];
  set: Set<string>;
  zset: ZSet;
}
type ValueOf<T extends RedisType> = ValueTypes[T];

export interface Slot {
  value: Value;
  /** Virtual ms at which the key disappears, or null. */
  expireAt: number | null;
  /** Bytes counted for this key (key + contents). */
  bytes: number;
}

/** Bytes a zset member costs: the member and its 8-byte score. */
export const SCORE_BYTES = 8;

export function measure(key: string, value: Value): number {
  let n = utf8Length(key);
  switch (value.type) {
    case 'string':
      return n + utf8Length(value.value);
    case 'hash':
      for (const [f, v] of value.value) n += utf8Length(f) + utf8Length(v);
      return n;
    case 'list':
      for (const v of value.value) n += utf8Length(v);
      return n;
    case 'set':
      for (const v of value.value) n += utf8Length(v);
      return n;
    case 'zset':
      for (const m of value.value.scores.keys()) n += utf8Length(m) + SCORE_BYTES;
      return n;
  }
}

export function zsetOrder(z: ZSet): string[] {
  if (z.order === null) {
    z.order = [...z.scores.keys()].sort((a, b) => {
      const d = (z.scores.get(a) as number) - (z.scores.get(b) as number);
      return d < 0 ? -1 : d > 0 ? 1 : compareCodePoints(a, b);
    });
  }
  return z.order;
}

export class Keyspace {
  private readonly slots = new Map<string, Slot>();
  /** Bytes held by every key, expired-but-not-yet-removed ones included. */
  used = 0;
  now = 0;

  constructor(readonly maxBytes: number) {}

  /** The live slot of a key (an expired key is removed here, as Redis does on access). */
  lookup(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (slot !== undefined && slot.expireAt !== null && slot.expireAt <= this.now) {
      this.remove(key);
      return undefined;
    }
    return slot;
  }

  /** The value of a key of the given type, undefined when the key is missing; WRONGTYPE otherwise. */
  read<T extends RedisType>(key: string, type: T): ValueOf<T> | undefined {
    const slot = this.lookup(key);
    if (slot === undefined) return undefined;
    if (slot.value.type !== type) throw new RedisError(WRONGTYPE);
    return slot.value.value as unknown as ValueOf<T>;
  }

  /** The slot of a key of the given type, created empty when missing; WRONGTYPE otherwise. */
  open<T extends RedisType>(key: string, type: T): Slot & { value: Extract<Value, { type: T }> } {
    let slot = this.lookup(key);
    if (slot === undefined) {
      slot = { value: emptyValue(type), expireAt: null, bytes: utf8Length(key) };
      this.slots.set(key, slot);
      this.used += slot.bytes;
    } else if (slot.value.type !== type) throw new RedisError(WRONGTYPE);
    return slot as Slot & { value: Extract<Value, { type: T }> };
  }

  /** Stores a whole value under a key, replacing any value; the expiry is cleared unless kept. */
  put(key: string, value: Value, expireAt: number | null = null): Slot {
    this.remove(key);
    const slot: Slot = { value, expireAt, bytes: measure(key, value) };
    this.slots.set(key, slot);
    this.used += slot.bytes;
    return slot;
  }

  /** Accounts a change of size made in place. */
  grow(slot: Slot, delta: number): void {
    slot.bytes += delta;
    this.used += delta;
  }

  remove(key: string): boolean {
    const slot = this.slots.get(key);
    if (slot === undefined) return false;
    this.slots.delete(key);
    this.used -= slot.bytes;
    return true;
  }

  /** Removes a collection key once it holds nothing (Redis never keeps empty collections). */
  dropIfEmpty(key: string, slot: Slot): void {
    const v = slot.value;
    const size = v.type === 'string' ? 1 : v.type === 'zset' ? v.value.scores.size : v.type === 'list' ? v.value.length : v.value.size;
    if (size === 0) this.remove(key);
  }

  /** Live keys in byte order (Redis answers KEYS in hash order; sorted is the deterministic choice). */
  liveKeys(): string[] {
    this.purgeExpired();
    return [...this.slots.keys()].sort(compareCodePoints);
  }

  size(): number {
    this.purgeExpired();
    return this.slots.size;
  }

  /** Bytes recounted from scratch (tests check the running count against it). */
  recount(): number {
    let n = 0;
    for (const [key, slot] of this.slots) n += measure(key, slot.value);
    return n;
  }

  clear(): void {
    this.slots.clear();
    this.used = 0;
  }

  /** Refuses a write once the store is over its cap, as Redis with maxmemory and noeviction. */
  checkRoom(): void {
    if (this.used <= this.maxBytes) return;
    this.purgeExpired();
    if (this.used > this.maxBytes) throw new RedisError(OOM);
  }

  private purgeExpired(): void {
    for (const [key, slot] of this.slots) {
      if (slot.expireAt !== null && slot.expireAt <= this.now) this.remove(key);
    }
  }
}

function emptyValue(type: RedisType): Value {
  switch (type) {
    case 'string':
      return { type, value: '' };
    case 'hash':
      return { type, value: new Map() };
    case 'list':
      return { type, value: [] };
    case 'set':
      return { type, value: new Set() };
    case 'zset':
      return { type, value: { scores: new Map(), order: null } };
  }
}
