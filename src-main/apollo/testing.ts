// Tests' Apollo project on disk: core's acme fixture written into a folder.
import fs from 'node:fs';
import path from 'node:path';
import { acmeFiles } from '../../core/apollo/testing/acme';

/** Writes the acme Apollo project into `parent/name` (after `edit` changes the file map) and returns that folder. */
export function acmeOnDisk(parent: string, name: string, edit: (files: Record<string, string>) => void = () => {}): string {
  const files = acmeFiles();
  edit(files);
  const dir = path.join(parent, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
