// core's ApolloReader over the disk, bounded: files over MAX_FILE_BYTES are not read (deploy.json
// and mod.json are small; a mod folder may hold big worlds and packs we never open), listings stop
// at MAX_ENTRIES, and nothing outside the Apollo folder is reachable by a path.
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloReader, DirEntry, ReadResult } from '../../core/apollo';

export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_ENTRIES = 5000;

export function diskReader(root: string, limits: { maxFileBytes?: number; maxEntries?: number } = {}): ApolloReader {
  const base = path.resolve(root);
  const maxFile = limits.maxFileBytes ?? MAX_FILE_BYTES;
  const maxEntries = limits.maxEntries ?? MAX_ENTRIES;
  const resolve = (rel: string): string | null => {
    const abs = path.resolve(base, rel.split('/').join(path.sep));
    return abs === base || abs.startsWith(base + path.sep) ? abs : null;
  };
  return {
    read(rel): ReadResult {
      const abs = resolve(rel);
      if (!abs) return { ok: false, reason: 'unreadable', message: `${rel} is outside the Apollo folder` };
      let stat: fs.Stats;
      try {
        stat = fs.statSync(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, reason: 'missing', message: `${rel} does not exist` } : { ok: false, reason: 'unreadable', message: (e as Error).message };
      }
      if (!stat.isFile()) return { ok: false, reason: 'not-a-file', message: `${rel} is not a file` };
      if (stat.size > maxFile) return { ok: false, reason: 'too-large', message: `${rel} is ${stat.size} bytes; at most ${maxFile} are read` };
      try {
        return { ok: true, text: fs.readFileSync(abs, 'utf8') };
      } catch (e) {
        return { ok: false, reason: 'unreadable', message: (e as Error).message };
      }
    },
    list(rel): DirEntry[] | null {
      const abs = resolve(rel);
      if (!abs) return null;
      let dir: fs.Dir;
      try {
        dir = fs.opendirSync(abs);
      } catch {
        return null;
      }
      const out: DirEntry[] = [];
      try {
        for (let d = dir.readSync(); d !== null && out.length < maxEntries; d = dir.readSync()) {
          let isDir = d.isDirectory();
          // A symlinked mod folder (common in development setups) counts as what it points to.
          if (d.isSymbolicLink()) {
            try {
              isDir = fs.statSync(path.join(abs, d.name)).isDirectory();
            } catch {
              continue;
            }
          }
          out.push({ name: d.name, dir: isDir });
        }
      } catch {
        // An unreadable entry ends the listing; what was read is used.
      } finally {
        dir.closeSync();
      }
      return out;
    },
  };
}
