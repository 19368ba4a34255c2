// Importing an Apollo folder from disk: where the project file goes by default (beside deploy.json,
// named after the folder), and the Apollo folder as that file sees it, so mod paths are relative.
import path from 'node:path';
import { importApollo, type ApolloImport } from '../../core/apollo';
import { projectFileName } from '../host/files/project-file';
import { diskReader } from './disk-reader';

export interface FolderImport extends ApolloImport {
  /** The Apollo folder, absolute. */
  dir: string;
  /** Where the project is (or will be) saved, absolute. */
  projectFile: string;
}

/** `DIR/<name>.switchboard.json`, named after the folder. */
export function defaultProjectFile(dir: string): string {
  const abs = path.resolve(dir);
  const name = path.basename(abs) || 'apollo';
  return path.join(abs, projectFileName({ name }));
}

/** `from` → `to` as a POSIX relative path ('.' when equal), for paths written into project files. */
export function relativePosix(from: string, to: string): string {
  const rel = path.relative(from, to);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

export function importFolder(dir: string, opts: { projectFile?: string; clients?: number; durationMs?: number } = {}): FolderImport {
  const abs = path.resolve(dir);
  const projectFile = path.resolve(opts.projectFile ?? defaultProjectFile(abs));
  const r = importApollo(diskReader(abs), {
    name: path.basename(abs) || 'apollo',
    root: relativePosix(path.dirname(projectFile), abs),
    clients: opts.clients,
    durationMs: opts.durationMs,
  });
  return { ...r, dir: abs, projectFile };
}
