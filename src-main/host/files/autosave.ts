// Autosave of unsaved edits: one slot per document (keyed by its path, or "untitled"), written
// atomically after edits settle; removed on save. Slots found at startup are offered for recovery.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecoveryOffer } from '../../../core/contract';
import { atomicWriteFile } from './atomic-write';
import { idFor } from './recent';

const Slot = z.object({ version: z.literal(1), path: z.string().nullable(), name: z.string(), savedAt: z.number(), text: z.string() });
type Slot = z.infer<typeof Slot>;

export class Autosave {
  private readonly dir: string;
  private timer: NodeJS.Timeout | undefined;
  private pending: { path: string | null; name: string; text: () => string } | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(configDir: string, private readonly delayMs = 1000, private readonly now: () => number = Date.now) {
    this.dir = path.join(configDir, 'autosave');
  }

  static slotId(docPath: string | null): string {
    return docPath === null ? 'untitled' : idFor(docPath);
  }

  /** Note an edit; the slot is written once edits pause for `delayMs`. `text` is read lazily. */
  schedule(docPath: string | null, name: string, text: () => string): void {
    this.pending = { path: docPath, name, text };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Write the pending edit now (also used on quit). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const p = this.pending;
    this.pending = undefined;
    if (!p) return this.writing;
    const slot: Slot = { version: 1, path: p.path, name: p.name, savedAt: this.now(), text: p.text() };
    this.writing = this.writing.then(async () => {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await atomicWriteFile(this.file(Autosave.slotId(p.path)), JSON.stringify(slot));
    });
    return this.writing;
  }

  /** Drop the pending edit and the slot (after a save, or when the user discards). */
  async clear(id: string): Promise<void> {
    if (this.pending && Autosave.slotId(this.pending.path) === id) {
      this.pending = undefined;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writing.catch(() => {});
    await fs.promises.rm(this.file(id), { force: true });
  }

  async offers(): Promise<RecoveryOffer[]> {
    const names = await fs.promises.readdir(this.dir).catch(() => [] as string[]);
    const out: RecoveryOffer[] = [];
    for (const n of names.filter((x) => x.endsWith('.json'))) {
      const slot = await this.read(n.slice(0, -5));
      if (slot) out.push({ id: n.slice(0, -5), name: slot.name, path: slot.path, savedAt: slot.savedAt });
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }

  async read(id: string): Promise<Slot | undefined> {
    if (!/^[\w-]+$/.test(id)) return undefined;
    try {
      const parsed = Slot.safeParse(JSON.parse(await fs.promises.readFile(this.file(id), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }
}
