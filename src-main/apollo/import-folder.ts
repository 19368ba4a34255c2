// Importing an Apollo folder from disk: where the project file goes by default (beside deploy.json,
// named after the folder), and the Apollo folder as that file sees it, so mod paths are relative.
import fs from 'node:fs';
import path from 'node:path';
import { importApollo, type ApolloImport } from '../../core/apollo';
import { projectFileName } from '../host/files/project-file';
import { diskReader } from './disk-reader';
import { relativePosix } from './rebase';

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

/**
 * Where an import is saved by default: `DIR/<name>.switchboard.json`, or the first free
 * `<name>-2…` when that file exists (it may be the user's edited project: never replaced silently).
 */
export function availableProjectFile(dir: string): { file: string; taken: string | null } {
  const first = defaultProjectFile(dir);
  if (!fs.existsSync(first)) return { file: first, taken: null };
  const stem = first.slice(0, -'.switchboard.json'.length);
  for (let i = 2; i < 1000; i++) {
    const file = `${stem}-${i}.switchboard.json`;
    if (!fs.existsSync(file)) return { file, taken: first };
  }
  return { file: first, taken: first };
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
