// Recently opened project files: a small JSON in the config dir, newest first, capped.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { RecentEntry } from '../../../core/contract';
import { atomicWriteFile } from './atomic-write';

const RecentFile = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.number() })),
});

export class RecentFiles {
  private readonly file: string;

  constructor(configDir: string, private readonly max = 10) {
    this.file = path.join(configDir, 'recent.json');
  }

  /** Entries whose file still exists; a corrupt list reads as empty rather than blocking startup. */
  async list(): Promise<RecentEntry[]> {
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.promises.readFile(this.file, 'utf8'));
    } catch {
      return [];
    }
    const parsed = RecentFile.safeParse(raw);
    if (!parsed.success) return [];
    return parsed.data.entries.filter((e) => fs.existsSync(e.path)).map((e) => ({ ...e, id: idFor(e.path) }));
  }

  async add(file: string, name: string, openedAt = Date.now()): Promise<RecentEntry[]> {
    const abs = path.resolve(file);
    const entries = (await this.list()).filter((e) => e.path !== abs);
    entries.unshift({ id: idFor(abs), path: abs, name, openedAt });
    const kept = entries.slice(0, this.max);
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    await atomicWriteFile(this.file, JSON.stringify({ version: 1, entries: kept.map(({ path: p, name: n, openedAt: t }) => ({ path: p, name: n, openedAt: t })) }, null, 2));
    return kept;
  }

  async find(id: string): Promise<RecentEntry | undefined> {
    return (await this.list()).find((e) => e.id === id);
  }
}

/** Stable, path-free ids so the UI names an entry without naming a path. */
export function idFor(file: string): string {
  return crypto.createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 16);
}
