// Which files a merge reads: files named on the command line as they are, directories searched
// (a few levels deep) for recordings: *.ndjson, *.jsonl, and rotated *.ndjson.1. Display names are
// paths relative to the directory given (or the path as given), so reports point at real files.
import fs from 'node:fs';
import path from 'node:path';

export interface RecordingFile {
  path: string;
  /** How the report names it. */
  name: string;
  size: number;
}

export const MAX_FILES = 10_000;
const MAX_DEPTH = 4;
const RECORDING = /\.(ndjson|jsonl)(\.\d+)?$/i;

export class CollectError extends Error {}

export async function collectRecordingFiles(inputs: readonly string[], cwd = process.cwd()): Promise<RecordingFile[]> {
  const out: RecordingFile[] = [];
  const seen = new Set<string>();
  const add = (p: string, name: string, size: number) => {
    const real = path.resolve(p);
    if (seen.has(real)) return;
    seen.add(real);
    if (out.length >= MAX_FILES) throw new CollectError(`more than ${MAX_FILES} recording files: merge a smaller folder`);
    out.push({ path: real, name, size });
  };
  const walk = async (dir: string, base: string, depth: number): Promise<void> => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(p, base, depth + 1);
      } else if (e.isFile() && RECORDING.test(e.name)) {
        add(p, path.relative(base, p).split(path.sep).join('/'), (await fs.promises.stat(p)).size);
      }
    }
  };
  for (const input of inputs) {
    const p = path.resolve(cwd, input);
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(p);
    } catch {
      throw new CollectError(`${input}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const before = out.length;
      await walk(p, p, 0);
      if (out.length === before) throw new CollectError(`${input}: no recording files in it (*.ndjson, *.jsonl, *.ndjson.1)`);
    } else add(p, input.split(path.sep).join('/'), st.size);
  }
  return out;
}
