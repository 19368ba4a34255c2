// Saving over a file the way its owner expects: a symlink is followed and its target written (the
// link stays a link), the file keeps its permission bits and owner, and a file with several hard
// links is rewritten in place so every name still shows the same file. Otherwise the write is
// atomic (temp file + rename). `contentHash` lets the document notice that another program changed
// the file since it was opened.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { atomicWriteFile } from './atomic-write';

export function contentHash(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** The hash of what is on disk now, or null when there is no file. */
export async function diskHash(file: string): Promise<string | null> {
  try {
    return contentHash(await fs.promises.readFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Where a write to `file` must land: the end of its symlink chain (which may not exist yet). */
export async function writeTarget(file: string): Promise<string> {
  let p = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = await fs.promises.lstat(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return p;
      throw err;
    }
    if (!st.isSymbolicLink()) return p;
    p = path.resolve(path.dirname(p), await fs.promises.readlink(p));
  }
  throw Object.assign(new Error(`${file}: too many levels of symbolic links`), { code: 'ELOOP' });
}

/** Write `text` to `file` (see the header); returns the hash of what was written. */
export async function saveTextFile(file: string, text: string): Promise<string> {
  const target = await writeTarget(file);
  const data = Buffer.from(text, 'utf8');
  const st = await fs.promises.stat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (st && !st.isFile()) throw Object.assign(new Error(`${target} is not a regular file`), { code: 'EISDIR' });
  if (st && st.nlink > 1) await rewriteInPlace(target, data);
  else await atomicWriteFile(target, data, st ? { mode: st.mode, uid: st.uid, gid: st.gid } : undefined);
  return contentHash(data);
}

/**
 * For hard-linked files: truncate and write the same inode. Not atomic (a crash mid-write can tear
 * it), which is why the document's autosave slot is only removed once this has returned.
 */
async function rewriteInPlace(target: string, data: Buffer): Promise<void> {
  const handle = await fs.promises.open(target, 'r+');
  try {
    await handle.truncate(0);
    await handle.write(data, 0, data.length, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
