// Where session recordings go: <configDir>/recordings. A long-lived install must not fill the disk:
// at most `keep` recordings and `budgetBytes` in all are kept, the oldest removed first (a
// recording's rolling segments, NAME.partN.ndjson, go with it). Recordings still being written are
// never removed.
import fs from 'node:fs';
import path from 'node:path';

export interface RecordingStoreOptions {
  /** Recordings kept (default 20). */
  keep?: number;
  /** Bytes the folder may hold (default 2 GiB). */
  budgetBytes?: number;
}

export const DEFAULT_RECORDINGS_BUDGET = 2 * 1024 * 1024 * 1024;

interface Recording {
  stem: string;
  files: string[];
  bytes: number;
}

export class RecordingStore {
  readonly keep: number;
  readonly budgetBytes: number;
  /** Files of recordings still being written (their stems), which pruning leaves alone. */
  private readonly live = new Set<string>();

  constructor(
    readonly dir: string,
    opts: RecordingStoreOptions = {},
  ) {
    this.keep = Math.max(1, opts.keep ?? 20);
    this.budgetBytes = opts.budgetBytes ?? DEFAULT_RECORDINGS_BUDGET;
  }

  /** A path for a new recording; makes room for it first. */
  newFile(projectName: string): string {
    fs.mkdirSync(this.dir, { recursive: true });
    this.prune(1);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const safe = projectName.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'project';
    let file = path.join(this.dir, `${stamp}-${safe}.ndjson`);
    for (let i = 2; fs.existsSync(file); i++) file = path.join(this.dir, `${stamp}-${safe}-${i}.ndjson`);
    this.live.add(stemOf(path.basename(file)));
    return file;
  }

  /** The recording at `file` was finished (its session closed): pruning may remove it later. */
  finished(file: string): void {
    this.live.delete(stemOf(path.basename(file)));
  }

  /** Remove the oldest recordings until `room` more fit within `keep`, and the bytes within budget. */
  prune(room = 0): void {
    const all = this.list();
    let bytes = all.reduce((n, r) => n + r.bytes, 0);
    let count = all.length;
    for (const r of all) {
      if (count + room <= this.keep && bytes <= this.budgetBytes) break;
      if (this.live.has(r.stem)) continue;
      for (const f of r.files) fs.rmSync(path.join(this.dir, f), { force: true });
      bytes -= r.bytes;
      count--;
    }
  }

  /** Recordings in the folder, oldest first (names start with their time stamp). */
  private list(): Recording[] {
    const byStem = new Map<string, Recording>();
    for (const f of fs.readdirSync(this.dir).filter((x) => x.endsWith('.ndjson')).sort()) {
      const stem = stemOf(f);
      const r = byStem.get(stem) ?? { stem, files: [], bytes: 0 };
      r.files.push(f);
      r.bytes += fs.statSync(path.join(this.dir, f), { throwIfNoEntry: false })?.size ?? 0;
      byStem.set(stem, r);
    }
    return [...byStem.values()].sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
  }
}

/** "STAMP-Name.part3.ndjson" and "STAMP-Name.ndjson" are one recording. */
function stemOf(file: string): string {
  return file.replace(/(\.part\d+)?\.ndjson$/, '');
}
