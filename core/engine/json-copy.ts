// eventData is copied at send (semantics §2): JSON-compatible values only. One pass both checks
// and copies, so a mutation by the sender after the call never reaches the receiver.

export class UnsendableValueError extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(`${path}: ${what} cannot be sent (JSON values only: objects, arrays, strings, finite numbers, booleans, null)`);
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (v instanceof Map) return 'a Map';
  if (v instanceof Set) return 'a Set';
  return `a ${Object.prototype.toString.call(v).slice(8, -1)}`;
}

/** Thrown by the fast copy on the first value it cannot send; the path is found afterwards. */
const REFUSED = { refused: true };

/**
 * The copy, without building a path per value (a copy runs per message): a refusal throws REFUSED,
 * and `explain` walks the value again to name where it is.
 */
function copyValue(v: unknown, depth: number): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'bigint':
      // An integer beyond 2^53 (parsed by core/json, or a Python long): kept with every digit.
      return v;
    case 'number':
      if (v - v === 0) return v;
      throw REFUSED;
    case 'object': {
      if (v === null) return null;
      if (depth > 64) throw REFUSED;
      if (Array.isArray(v)) {
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) out[i] = copyValue(v[i], depth + 1);
        return out;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw REFUSED;
      const out: Record<string, unknown> = {};
      for (const k in v as Record<string, unknown>) {
        const c = copyValue((v as Record<string, unknown>)[k], depth + 1);
        // A "__proto__" key (JSON.parse makes it an own property) must stay data, not a prototype.
        if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else out[k] = c;
      }
      return out;
    }
    default:
      throw REFUSED;
  }
}

/** Throws the UnsendableValueError naming the first value of `v` that cannot be sent (as the copy meets them). */
function explain(v: unknown, path: string, depth: number): void {
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'bigint':
      return;
    case 'number':
      if (Number.isFinite(v)) return;
      throw new UnsendableValueError(path, describe(v));
    case 'object': {
      if (v === null) return;
      if (depth > 64) throw new UnsendableValueError(path, 'a value nested deeper than 64 levels (a cycle?)');
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) explain(v[i], `${path}[${i}]`, depth + 1);
        return;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new UnsendableValueError(path, describe(v));
      for (const k in v as Record<string, unknown>) explain((v as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
      return;
    }
    default:
      throw new UnsendableValueError(path, describe(v));
  }
}

function copyAt(value: unknown, path: string): unknown {
  try {
    return copyValue(value, 0);
  } catch (e) {
    if (e !== REFUSED) throw e;
    explain(value, path, 0);
    throw new UnsendableValueError(path, 'a value');
  }
}

/** The error copyJson would throw for `value` at `path` (for copies made elsewhere, e.g. the payload tape). */
export function unsendable(value: unknown, path: string): UnsendableValueError {
  try {
    explain(value, path, 0);
  } catch (e) {
    if (e instanceof UnsendableValueError) return e;
    throw e;
  }
  return new UnsendableValueError(path, 'a value');
}

/** Deep copy of a JSON-compatible value; throws UnsendableValueError naming the path otherwise. */
export function copyJson<T = unknown>(value: T, path = 'data'): T {
  return copyAt(value, path) as T;
}

/**
 * Copy of an eventData payload as real code sends it: any JSON-compatible value (dict, list, string,
 * number, bool, None), delivered unchanged. Not passing one sends `{}` (the documented default).
 * The reference documents a dict; the Problems view notes other payloads (core/diagnostics).
 */
export function copyPayload(value: unknown, path: string): unknown {
  return value === undefined ? {} : copyAt(value, path);
}

/** A plain object payload: the only kind that gets injected keys (`__id__`, `__uid__`, ...). */
export function isDict(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copy of a dict payload (a plain object); `extra` fields are added after the copy's own. */
export function copyDict(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UnsendableValueError(path, `${value === null ? 'null' : Array.isArray(value) ? 'an array' : describe(value)} (eventData must be a dict)`);
  }
  return copyAt(value, path) as Record<string, unknown>;
}
