// What validation reports: issues named by JSON path (and line/column when the input was text).
import type { Project } from './schema';

export interface Issue {
  /** JSON path of the offending field, e.g. `$.nodes[3].serverId`. */
  path: string;
  /** 1-based; present when the project came from text and the path (or its parent) is in it. */
  line?: number;
  column?: number;
  message: string;
  /** Stable machine-readable code, e.g. `json.syntax`, `schema.invalid_type`, `node.duplicate-server-id`. */
  code: string;
}

/** An issue before it is placed: its path as segments, so it can be located in the text. */
export interface PathIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/** Collects the errors and warnings of the semantic checks. */
export class Findings {
  readonly errors: PathIssue[] = [];
  readonly warnings: PathIssue[] = [];

  error(path: (string | number)[], code: string, message: string): void {
    this.errors.push({ path, code, message });
  }

  warn(path: (string | number)[], code: string, message: string): void {
    this.warnings.push({ path, code, message });
  }
}

export type ValidationResult =
  | { ok: true; project: Project; warnings: Issue[] }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Orders issues as a reader meets them in the file; issues without a line keep their order, last. */
export function sortByPosition(issues: Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => {
      const la = a.issue.line ?? Infinity;
      const lb = b.issue.line ?? Infinity;
      if (la !== lb) return la - lb;
      const ca = a.issue.column ?? 0;
      const cb = b.issue.column ?? 0;
      return ca !== cb ? ca - cb : a.i - b.i;
    })
    .map((x) => x.issue);
}

/** A short printable form of any value for messages; never throws (bigint, cycles, toJSON). */
export function describeValue(v: unknown): string {
  try {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'string' || typeof v === 'boolean' || v === null) return JSON.stringify(v);
      return typeof v === 'number' || typeof v === 'undefined' ? String(v) : `a ${typeof v}`;
    }
    const s = JSON.stringify(v);
    if (s === undefined) return `a ${typeof v}`;
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
  }
}
