// Limits on data where it enters the app (a UI request, a trace line, a project file). Each one
// keeps a hostile or accidental input from exhausting the stack or memory of the host; each refusal
// names the limit and where it was hit. The numbers are documented in the README ("Limits").

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Nesting of a request's params (a project is at most MAX_JSON_DEPTH = 200 deep, plus its envelope). */
  requestDepth: 256,
  /** Nesting of one trace line (engine payloads are at most 64 deep: see core/engine/json-copy.ts). */
  traceLineDepth: 100,
  /** Characters in one trace line; a longer line is skipped as bad. */
  traceLineChars: 16 * MiB,
  /**
   * A project file: topology and rules, not data (the 2,000-client bench topology is 0.3 MB).
   * The host validates big projects in a worker thread (about 1 s per 4 MB, off its event loop);
   * this bounds the memory that takes (16 MiB: about 650 MB peak for the whole host) and the stall
   * of taking the checked project back and starting its session (see src-main/CONTEXT.md).
   */
  projectBytes: 16 * MiB,
  /** Text uploaded from a browser or sent over IPC (a project or a trace). */
  uploadChars: 64 * MiB,
  /** One WebSocket message (UTF-8 bytes): an upload at its limit plus its envelope fits. */
  socketMessageBytes: 80 * MiB,
} as const;

/** The refusal of a trace line over LIMITS.traceLineChars (the same words from every trace reader). */
export function traceLineTooLong(): string {
  return `line longer than ${LIMITS.traceLineChars} characters (the limit for one trace line); skipped`;
}

/** The refusal of a trace line nested deeper than LIMITS.traceLineDepth, or undefined when it is not. */
export function traceLineTooDeep(v: unknown): string | undefined {
  if (!jsonTooDeep(v, LIMITS.traceLineDepth)) return undefined;
  return `${tooDeepMessage('the line', LIMITS.traceLineDepth, findTooDeep(v, LIMITS.traceLineDepth) ?? [])}; skipped`;
}

/** "8 MiB" for a refusal message. */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** The refusal for data over a size limit, naming both sizes. */
export function tooBigMessage(what: string, size: number, limit: number): string {
  return `${what} is ${formatBytes(size)}; the limit is ${formatBytes(limit)}`;
}

/**
 * The path (keys and indexes) to the first container nested deeper than `limit`, or undefined.
 * Iterative, so it never overflows the stack however deep the value is; cycles count as too deep.
 */
export function findTooDeep(value: unknown, limit: number): (string | number)[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // Parallel stacks: the value, its depth, and how it was reached (parent index + key).
  const values: unknown[] = [value];
  const depths: number[] = [1];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [''];
  const seen: { depth: number; parent: number; key: string | number }[] = [];
  // A part reached again (shared: structured clone keeps sharing) is walked again only when reached
  // deeper than before, so the walk stays linear in practice and a cycle ends as "too deep".
  const deepest = new Map<object, number>();
  while (values.length > 0) {
    const v = values.pop() as object;
    const depth = depths.pop() as number;
    const parent = parents.pop() as number;
    const key = keys.pop() as string | number;
    const me = seen.length;
    seen.push({ depth, parent, key });
    if (depth > limit) {
      const path: (string | number)[] = [];
      for (let i = me; seen[i].parent !== -1; i = seen[i].parent) path.push(seen[i].key);
      return path.reverse();
    }
    if ((deepest.get(v) ?? 0) >= depth) continue;
    deepest.set(v, depth);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (typeof c === 'object' && c !== null) push(c, depth + 1, me, i);
      }
    } else {
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        const c: unknown = (v as Record<string, unknown>)[k];
        if (typeof c === 'object' && c !== null) push(c, depth + 1, me, k);
      }
    }
  }
  return undefined;

  function push(c: unknown, depth: number, parent: number, key: string | number): void {
    values.push(c);
    depths.push(depth);
    parents.push(parent);
    keys.push(key);
  }
}

/**
 * True when a value parsed from JSON (a tree: no cycles, no shared parts) nests deeper than
 * `limit`. The recursion stops at `limit`, so it cannot overflow; cheap enough for every trace line.
 * For values that may share parts (structured clone), use findTooDeep.
 */
export function jsonTooDeep(value: unknown, limit: number): boolean {
  return typeof value === 'object' && value !== null && deeper(value, limit - 1);
}

function deeper(v: object, budget: number): boolean {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      if (typeof c === 'object' && c !== null && (budget === 0 || deeper(c, budget - 1))) return true;
    }
    return false;
  }
  for (const k in v) {
    const c: unknown = (v as Record<string, unknown>)[k];
    if (typeof c === 'object' && c !== null && (budget === 0 || deeper(c, budget - 1))) return true;
  }
  return false;
}

/** `$.a.b[3]`-style rendering of a path from findTooDeep. */
export function formatLimitPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}

/** One message shape for every refusal: what, which limit, where. */
export function tooDeepMessage(what: string, limit: number, path: readonly (string | number)[]): string {
  const shown = formatLimitPath(path.slice(0, 8)) + (path.length > 8 ? '…' : '');
  return `${what} is nested deeper than ${limit} levels (the limit), or is circular, at ${shown}`;
}
