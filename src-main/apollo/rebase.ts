// Mod folders are written into a project relative to its file, so a project travels with the code.
// When the file moves (Save As into another folder), every relative mod path and `apollo.root` is
// rewritten so it still names the same folder on disk. Absolute paths are left alone.
import path from 'node:path';
import type { Project } from '../../core/model/schema';

/** `from` → `to` as a POSIX relative path ('.' when equal), the form project files hold. */
export function relativePosix(from: string, to: string): string {
  const rel = path.relative(from, to);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

function isAbsoluteAnywhere(p: string): boolean {
  return path.isAbsolute(p) || path.posix.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p);
}

/** The folder a project-relative path names, absolute. */
export function resolveFromProject(projectDir: string, rel: string): string {
  return isAbsoluteAnywhere(rel) ? rel : path.resolve(projectDir, ...rel.split(/[\\/]/));
}

/** The project with its relative paths re-based from `fromDir` to `toDir` (a new object; the input is not changed). */
export function rebaseProject(project: Project, fromDir: string, toDir: string): Project {
  const from = path.resolve(fromDir);
  const to = path.resolve(toDir);
  if (from === to) return project;
  const move = (rel: string): string => (isAbsoluteAnywhere(rel) ? rel : relativePosix(to, resolveFromProject(from, rel)));
  return {
    ...project,
    ...(project.apollo ? { apollo: { ...project.apollo, root: move(project.apollo.root) } } : {}),
    nodes: project.nodes.map((n) => (n.mods ? { ...n, mods: n.mods.map(move) } : n)),
  };
}
