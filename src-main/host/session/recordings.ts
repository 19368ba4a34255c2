// Where session recordings go: <configDir>/recordings, newest kept, oldest pruned so a long-lived
// install does not fill the disk.
import fs from 'node:fs';
import path from 'node:path';

export class RecordingStore {
  constructor(
    readonly dir: string,
    private readonly keep = 20,
  ) {}

  newFile(projectName: string): string {
    fs.mkdirSync(this.dir, { recursive: true });
    this.prune();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const safe = projectName.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'project';
    let file = path.join(this.dir, `${stamp}-${safe}.ndjson`);
    for (let i = 2; fs.existsSync(file); i++) file = path.join(this.dir, `${stamp}-${safe}-${i}.ndjson`);
    return file;
  }

  private prune(): void {
    const files = fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.ndjson'))
      .sort();
    for (const f of files.slice(0, Math.max(0, files.length - this.keep + 1))) fs.rmSync(path.join(this.dir, f), { force: true });
  }
}
