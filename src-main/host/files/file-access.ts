// Which files the host may open and save on behalf of a UI. Electron: any file (the user picks it
// in a native dialog, or names it on the command line). Web mode: only the files the user chose in
// this run: the --project file, and nothing else (the browser uploads and downloads instead), so a
// page cannot use the recent list or a recovered autosave to read or overwrite other files.
import path from 'node:path';
import { HostError } from '../errors';

export type FileAccessPolicy = 'any' | 'chosen';

export class FileAccess {
  private readonly chosen = new Set<string>();

  constructor(readonly policy: FileAccessPolicy) {}

  /** The user chose this file in this run (command line, native dialog). */
  choose(file: string): void {
    this.chosen.add(path.resolve(file));
  }

  allows(file: string): boolean {
    return this.policy === 'any' || this.chosen.has(path.resolve(file));
  }

  check(file: string, action: 'open' | 'save'): void {
    if (!this.allows(file)) {
      throw new HostError('unsupported', `Web mode ${action === 'open' ? 'opens' : 'saves'} only the file given with --project; use the upload and download buttons for other files.`);
    }
  }
}
