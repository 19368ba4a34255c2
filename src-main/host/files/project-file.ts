// Reading and writing project files. Reading never throws for bad content: it returns the
// validator's issues so the UI can name the problem; only I/O failures throw.
import fs from 'node:fs';
import path from 'node:path';
import type { Project } from '../../../core/model/schema';
import { validateProjectText } from '../../../core/model/validate';
import type { Issue } from '../../../core/contract';
import { atomicWriteFile } from './atomic-write';
import { stringifyJson } from '../../../core/json';

export type ProjectRead =
  | { ok: true; project: Project; warnings: Issue[]; text: string }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Larger files are refused before parsing (a project is topology + rules, not data). */
export const MAX_PROJECT_BYTES = 64 * 1024 * 1024;

export function parseProjectText(text: string): ProjectRead {
  const r = validateProjectText(text);
  if (r.ok) return { ok: true, project: r.project, warnings: r.warnings.map(toIssue), text };
  return { ok: false, errors: r.errors.map(toIssue), warnings: r.warnings.map(toIssue) };
}

export async function readProjectFile(file: string): Promise<ProjectRead> {
  const stat = await fs.promises.stat(file);
  if (!stat.isFile()) return { ok: false, errors: [{ path: '', message: `${file} is not a file` }], warnings: [] };
  if (stat.size > MAX_PROJECT_BYTES) {
    return { ok: false, errors: [{ path: '', message: `${path.basename(file)} is ${stat.size} bytes; projects are limited to ${MAX_PROJECT_BYTES}` }], warnings: [] };
  }
  return parseProjectText(await fs.promises.readFile(file, 'utf8'));
}

export function serializeProject(project: Project): string {
  return stringifyJson(project, 2) + '\n';
}

export async function writeProjectFile(file: string, project: Project): Promise<void> {
  await atomicWriteFile(file, serializeProject(project));
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
