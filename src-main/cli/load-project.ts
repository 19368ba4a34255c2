// Reading a project file for a command: the errors go to stderr as `FILE:LINE:COL: $.path: message`
// (the form editors and CI annotate), the warnings likewise with `warning:`.
import { readFile, stat } from 'node:fs/promises';
import { LIMITS, tooBigMessage } from '../../core/limits';
import type { Issue } from '../../core/model/issues';
import type { Project } from '../../core/model/schema';
import { validateProjectText } from '../../core/model/validate';
import { CliError, EXIT_INVALID } from './exit-codes';
import { resolvePath, type CliIo } from './io';

export function formatIssue(file: string, issue: Issue, severity: 'error' | 'warning'): string {
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  return `${where}: ${severity === 'warning' ? 'warning: ' : ''}${issue.path}: ${issue.message}`;
}

/** Reads and validates FILE; prints warnings (and errors); throws CliError when it is not a valid project. */
export async function loadProject(io: CliIo, file: string): Promise<Project> {
  let text: string;
  try {
    // Refused before reading: a project is topology and rules, and validation time grows with size.
    const size = (await stat(resolvePath(io, file))).size;
    if (size > LIMITS.projectBytes) throw new CliError(`${file}: ${tooBigMessage('the file', size, LIMITS.projectBytes)} for a project`, EXIT_INVALID);
    text = await readFile(resolvePath(io, file), 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new CliError(`${file}: cannot read: ${why}`, EXIT_INVALID);
  }
  const result = validateProjectText(text, file);
  for (const w of result.warnings) io.stderr.write(`${formatIssue(file, w, 'warning')}\n`);
  if (!result.ok) {
    for (const e of result.errors) io.stderr.write(`${formatIssue(file, e, 'error')}\n`);
    const n = result.errors.length;
    throw new CliError(`${file}: not a valid project (${n} error${n === 1 ? '' : 's'})`, EXIT_INVALID);
  }
  return result.project;
}
