// Reading and writing project files. Reading never throws for bad content: it returns the
// validator's issues so the UI can name the problem; only I/O failures throw.
import fs from 'node:fs';
import path from 'node:path';
import type { Project } from '../../../core/model/schema';
import { validateProjectText } from '../../../core/model/validate';
import type { Issue } from '../../../core/contract';
import { stringifyJson } from '../../../core/json';
import { LIMITS, tooBigMessage } from '../../../core/limits';
import { contentHash, saveTextFile } from './save-file';

export type ProjectRead =
  | { ok: true; project: Project; warnings: Issue[]; hash?: string }
  | ProjectRefusal;
export type ProjectRefusal = { ok: false; errors: Issue[]; warnings: Issue[] };

/** How far a project's validation has come: its bytes read, its JSON parsed, the checks begun. */
export type ProjectStage = 'read' | 'parse' | 'check';
export type OnStage = (stage: ProjectStage) => void;

/** Larger files are refused before parsing (a project is topology + rules, not data). */
export const MAX_PROJECT_BYTES = LIMITS.projectBytes;

function tooBig(what: string, size: number): ProjectRefusal {
  return { ok: false, errors: [{ path: '', message: tooBigMessage(what, size, MAX_PROJECT_BYTES) }], warnings: [] };
}

/** Uploaded or edited text; `name` is how a refusal names it. */
export function parseProjectText(text: string, name = 'the project', onStage?: OnStage): ProjectRead {
  // UTF-8 is at least one byte a character: longer text is over the limit without counting bytes.
  if (text.length > MAX_PROJECT_BYTES || Buffer.byteLength(text, 'utf8') > MAX_PROJECT_BYTES) return tooBig(name, Buffer.byteLength(text, 'utf8'));
  onStage?.('parse');
  const r = validateProjectText(text, undefined, onStage && (() => onStage('check')));
  if (r.ok) return { ok: true, project: r.project, warnings: r.warnings.map(toIssue) };
  return { ok: false, errors: r.errors.map(toIssue), warnings: r.warnings.map(toIssue) };
}

/** A file's bytes: decoded, validated, and hashed (so Save notices when another program changes the file). */
export function parseProjectBytes(bytes: Uint8Array, name: string, onStage?: OnStage): ProjectRead {
  const r = parseProjectText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), name, onStage);
  return r.ok ? { ...r, hash: contentHash(bytes) } : r;
}

/**
 * The bytes of a project file, or why it is refused unread (not a file, over the limit); `onSize`
 * hears its size before it is read. I/O errors throw.
 */
export async function readProjectBytes(file: string, onSize?: (bytes: number) => void): Promise<{ ok: true; bytes: Buffer } | ProjectRefusal> {
  const stat = await fs.promises.stat(file);
  if (!stat.isFile()) return { ok: false, errors: [{ path: '', message: `${file} is not a file` }], warnings: [] };
  if (stat.size > MAX_PROJECT_BYTES) return tooBig(path.basename(file), stat.size);
  onSize?.(stat.size);
  return { ok: true, bytes: await fs.promises.readFile(file) };
}

/** Reads and validates a project file here, on the caller's thread (small files, tests). */
export async function readProjectFile(file: string): Promise<ProjectRead> {
  const read = await readProjectBytes(file);
  return read.ok ? parseProjectBytes(read.bytes, path.basename(file)) : read;
}

export function serializeProject(project: Project): string {
  return stringifyJson(project, 2) + '\n';
}

/** Writes the project (following symlinks, keeping mode and hard links); returns the hash written. */
export async function writeProjectFile(file: string, project: Project): Promise<string> {
  return saveTextFile(file, serializeProject(project));
}

/** A file name for downloads and untitled saves: the project name, made safe. */
export function projectFileName(project: Pick<Project, 'name'>): string {
  const base = project.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'project';
  return `${base}.switchboard.json`;
}

function toIssue(i: { path: string | (string | number)[]; line?: number; message: string }): Issue {
  const p = Array.isArray(i.path) ? i.path.join('.') : i.path;
  return i.line === undefined ? { path: p, message: i.message } : { path: p, line: i.line, message: i.message };
}
