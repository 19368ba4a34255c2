// How core reads an Apollo folder without a file system: src-main implements ApolloReader over
// the disk (bounded), tests over a map. Paths are POSIX, relative to the folder holding deploy.json.

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; message: string };

export interface DirEntry {
  name: string;
  dir: boolean;
}

export interface ApolloReader {
  /** The text of a file (UTF-8). */
  read(path: string): ReadResult;
  /** The entries of a directory, or null when there is no directory there. Order does not matter. */
  list(path: string): DirEntry[] | null;
}

/** A reader over an in-memory tree: `{ 'deploy.json': '…', 'modA/developer_mods/…/modMain.py': '' }`. */
export function memoryReader(files: Record<string, string>): ApolloReader {
  const dirs = new Map<string, Map<string, boolean>>();
  const addEntry = (dir: string, name: string, isDir: boolean): void => {
    let entries = dirs.get(dir);
    if (!entries) dirs.set(dir, (entries = new Map()));
    if (!entries.get(name)) entries.set(name, isDir);
  };
  dirs.set('', new Map());
  for (const path of Object.keys(files)) {
    const segs = path.split('/');
    for (let i = 0; i < segs.length; i++) addEntry(segs.slice(0, i).join('/'), segs[i], i < segs.length - 1);
  }
  const key = (path: string): string => (path === '.' ? '' : path);
  return {
    read(path) {
      const p = key(path);
      if (Object.prototype.hasOwnProperty.call(files, p)) return { ok: true, text: files[p] };
      if (dirs.has(p)) return { ok: false, reason: 'not-a-file', message: `${path} is a directory` };
      return { ok: false, reason: 'missing', message: `${path} does not exist` };
    },
    list(path) {
      const entries = dirs.get(key(path));
      return entries ? [...entries].map(([name, dir]) => ({ name, dir })) : null;
    },
  };
}
