// Atomic file replacement: write a temp file in the same directory, fsync it, rename it over the
// target, fsync the directory. A crash at any point leaves either the old or the new file, whole.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const TEMP_MARK = '.sbtmp-';

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}${TEMP_MARK}${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
}

/** The file being replaced: the new one gets its permission bits and (where allowed) its owner. */
export interface KeepAttributes {
  mode: number;
  uid: number;
  gid: number;
}

export async function atomicWriteFile(target: string, data: string | Uint8Array, keep?: KeepAttributes): Promise<void> {
  const tmp = tempPathFor(target);
  const handle = await fs.promises.open(tmp, 'wx', keep ? 0o600 : 0o644);
  try {
    if (keep) {
      // Exact bits (the umask does not apply to chmod); the owner only where the OS lets us.
      await handle.chmod(keep.mode & 0o7777);
      if (typeof process.getuid === 'function' && (keep.uid !== process.getuid() || keep.gid !== process.getgid?.())) await handle.chown(keep.uid, keep.gid).catch(() => {});
    }
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(path.dirname(target));
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not supported on every platform (e.g. Windows), hence best effort.
  try {
    const d = await fs.promises.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* best effort */
  }
}

/** Remove temp files a killed writer left next to `target` (never the target itself). */
export async function removeStaleTemps(target: string): Promise<number> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}${TEMP_MARK}`;
  let removed = 0;
  for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && !writerAlive(name.slice(prefix.length))) {
      await fs.promises.rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

function writerAlive(suffix: string): boolean {
  const pid = Number(suffix.split('-')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
