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

function copyValue(v: unknown, path: string, depth: number): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'bigint':
      // An integer beyond 2^53 (parsed by core/json, or a Python long): kept with every digit.
      return v;
    case 'number':
      if (Number.isFinite(v)) return v;
      throw new UnsendableValueError(path, describe(v));
    case 'object': {
      if (v === null) return null;
      if (depth > 64) throw new UnsendableValueError(path, 'a value nested deeper than 64 levels (a cycle?)');
      if (Array.isArray(v)) {
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) out[i] = copyValue(v[i], `${path}[${i}]`, depth + 1);
        return out;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new UnsendableValueError(path, describe(v));
      const out: Record<string, unknown> = {};
      for (const k in v as Record<string, unknown>) {
        const c = copyValue((v as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
        // A "__proto__" key (JSON.parse makes it an own property) must stay data, not a prototype.
        if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else out[k] = c;
      }
      return out;
    }
    default:
      throw new UnsendableValueError(path, describe(v));
  }
}

/** Deep copy of a JSON-compatible value; throws UnsendableValueError naming the path otherwise. */
export function copyJson<T = unknown>(value: T, path = 'data'): T {
  return copyValue(value, path, 0) as T;
}

/**
 * Copy of an eventData payload as real code sends it: any JSON-compatible value (dict, list, string,
 * number, bool, None), delivered unchanged. Not passing one sends `{}` (the documented default).
 * The reference documents a dict; the Problems view notes other payloads (core/diagnostics).
 */
export function copyPayload(value: unknown, path: string): unknown {
  return value === undefined ? {} : copyValue(value, path, 0);
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
  return copyValue(value, path, 0) as Record<string, unknown>;
}
