// Reading a project: JSON text (or a parsed value) → migrated → schema → semantic checks.
// Every problem comes back as a typed Issue naming its JSON path (and line/column for text);
// nothing here throws, whatever the input.
import { getLocation } from 'jsonc-parser';
import { describeValue, sortByPosition, type Issue, type PathIssue, type ValidationResult } from './issues';
import { findExcessiveNesting, formatPath, JsonDocument, LineIndex, MAX_JSON_DEPTH, type TextPosition } from './json-paths';
import { migrate } from './migrate';
import { Project } from './schema';
import { semanticChecks } from './semantic-checks';
import { fromZodIssues } from './zod-issues';
import { parseJson } from '../json';

type Locate = (path: readonly (string | number)[]) => TextPosition | undefined;
type Segment = string | number;

function place(issue: PathIssue, locate?: Locate): Issue {
  const pos = locate?.(issue.path);
  return { path: formatPath(issue.path), ...(pos ? { line: pos.line, column: pos.column } : {}), message: issue.message, code: issue.code };
}

function failure(errors: Issue[], warnings: Issue[]): ValidationResult {
  return { ok: false, errors: sortByPosition(errors), warnings: sortByPosition(warnings) };
}

/** Path of the first container nested deeper than MAX_JSON_DEPTH (or reachable through a cycle). */
function excessiveDepth(value: unknown): Segment[] | undefined {
  const stack: { v: unknown; path: Segment[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= MAX_JSON_DEPTH) return path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
    else for (const key of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
  }
  return undefined;
}

/**
 * Path of the first number JSON text can write but no program can send (1e999 reads as Infinity):
 * named exactly (`…eventData.items[3]`), where zod's union error would name only the parent.
 */
function nonFiniteNumber(value: unknown): Segment[] | undefined {
  const stack: { v: unknown; path: Segment[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return path;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    else for (const key of Object.keys(v).reverse()) stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
  }
  return undefined;
}

/** Keys the schema does not know: zod drops them silently, a misspelt "serverID" deserves a word. */
function unknownFields(input: unknown, output: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  const stack: { i: unknown; o: unknown; path: Segment[] }[] = [{ i: input, o: output, path: [] }];
  while (stack.length > 0) {
    const { i, o, path } = stack.pop()!;
    if (typeof i !== 'object' || i === null || typeof o !== 'object' || o === null) continue;
    if (Array.isArray(i)) {
      if (Array.isArray(o)) i.forEach((item, k) => stack.push({ i: item, o: o[k], path: [...path, k] }));
      continue;
    }
    const oo = o as Record<string, unknown>;
    for (const [key, v] of Object.entries(i)) {
      if (!Object.prototype.hasOwnProperty.call(oo, key)) {
        if (v !== undefined) out.push({ path: [...path, key], code: 'schema.unknown-field', message: `unknown field "${key}" is ignored` });
      } else stack.push({ i: v, o: oo[key], path: [...path, key] });
    }
  }
  return out.reverse();
}

function validateValue(value: unknown, locate: Locate | undefined, textWarnings: Issue[]): ValidationResult {
  const deep = excessiveDepth(value);
  if (deep) {
    return failure([place({ path: deep, code: 'json.too-deep', message: `nested deeper than ${MAX_JSON_DEPTH} levels (or circular)` }, locate)], textWarnings);
  }
  const infinite = nonFiniteNumber(value);
  if (infinite) {
    return failure([place({ path: infinite, code: 'json.number-too-large', message: 'this number is too large to be a finite number (it would read as Infinity); no call can send it' }, locate)], textWarnings);
  }
  const migrated = migrate(value);
  if (!migrated.ok) return failure([place(migrated.error, locate)], textWarnings);

  const parsed = Project.safeParse(migrated.value);
  if (!parsed.success) {
    return failure(fromZodIssues(parsed.error.issues, migrated.value).map((i) => place(i, locate)), textWarnings);
  }
  const project = parsed.data;
  const findings = semanticChecks(project);
  const warnings = [...textWarnings, ...[...unknownFields(migrated.value, project), ...findings.warnings].map((i) => place(i, locate))];
  if (findings.errors.length > 0) return failure(findings.errors.map((i) => place(i, locate)), warnings);
  return { ok: true, project, warnings: sortByPosition(warnings) };
}

function internalError(e: unknown): ValidationResult {
  // Reaching this is a bug in validation itself; it still must not crash the caller.
  const detail = e instanceof Error ? e.message : describeValue(e);
  return failure([{ path: '$', code: 'internal', message: `validation failed unexpectedly: ${detail}` }], []);
}

/** Validates a parsed project value (e.g. from the app's memory). Issues carry paths, no lines. */
export function validateProject(value: unknown): ValidationResult {
  try {
    return validateValue(value, undefined, []);
  } catch (e) {
    return internalError(e);
  }
}

/**
 * Validates the text of a *.switchboard.json file: issues carry paths and line/column. `onCheck` is
 * told when the text has been parsed and the checks begin (progress of a big project).
 */
export function validateProjectText(text: string, fileName?: string, onCheck?: () => void): ValidationResult {
  try {
    // A byte-order mark is not JSON; a space in its place keeps every offset where it was.
    const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    const deepAt = findExcessiveNesting(source);
    if (deepAt >= 0) {
      const pos = new LineIndex(source).position(deepAt);
      return failure([{ path: '$', ...pos, code: 'json.too-deep', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }], []);
    }
    const doc = new JsonDocument(source);
    if (doc.syntaxErrors.length > 0) {
      // Later syntax errors are mostly echoes of the first; report the first, where it is.
      const first = doc.syntaxErrors[0];
      const path = formatPath(getLocation(source, first.offset).path);
      return failure([{ path, line: first.line, column: first.column, code: 'json.syntax', message: `invalid JSON: ${first.message}` }], []);
    }
    let value: unknown;
    try {
      // Integers beyond 2^53 in payloads and templates keep every digit (bigint).
      value = parseJson(source);
    } catch (e) {
      return failure([{ path: '$', line: 1, column: 1, code: 'json.syntax', message: `invalid JSON: ${e instanceof Error ? e.message : describeValue(e)}` }], []);
    }
    const warnings: Issue[] = doc.duplicateKeys().map(({ path, key, position }) => ({
      path: formatPath(path), ...position, code: 'json.duplicate-key', message: `"${key}" is written twice in this object; the last one counts`,
    }));
    if (fileName !== undefined && !fileName.endsWith('.switchboard.json')) {
      warnings.push({ path: '$', code: 'file.name', message: `project files are named *.switchboard.json; "${fileName}" is read anyway` });
    }
    onCheck?.();
    return validateValue(value, (p) => doc.locate(p), warnings);
  } catch (e) {
    return internalError(e);
  }
}
