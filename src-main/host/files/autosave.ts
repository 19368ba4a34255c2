// Autosave of unsaved edits: one slot per document (keyed by its path, or "untitled"), written
// atomically once edits pause for `delayMs`, and at the latest `maxWaitMs` after the first edit not
// yet written, whatever the typing rhythm; removed on save. Slots found at startup are offered for
// recovery. A write that fails (a full disk) keeps the edit pending and retries; it is reported
// through `onError`, never thrown into a timer.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecoveryOffer } from '../../../core/contract';
import { atomicWriteFile } from './atomic-write';
import { checkFileId } from './file-id';
import { idFor } from './recent';

/** `diskHash`: what the document's file held when the edits began, to notice later changes on disk. */
const Slot = z.object({ version: z.literal(1), path: z.string().nullable(), name: z.string(), savedAt: z.number(), text: z.string(), diskHash: z.string().nullable().optional() });
type Slot = z.infer<typeof Slot>;

export interface AutosaveOptions {
  /** Quiet time after an edit before it is written. */
  delayMs?: number;
  /** Longest time an edit stays unwritten while edits keep coming. */
  maxWaitMs?: number;
  /** Wait before retrying a failed write. */
  retryMs?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

interface Pending {
  path: string | null;
  name: string;
  text: () => string;
  diskHash: string | null;
  /** When the oldest edit not yet written was made. */
  since: number;
}

export class Autosave {
  private readonly dir: string;
  private timer: NodeJS.Timeout | undefined;
  private pending: Pending | undefined;
  private writing: Promise<void> = Promise.resolve();
  readonly delayMs: number;
  readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;
  onError: (err: unknown) => void;

  constructor(configDir: string, opts: AutosaveOptions = {}) {
    this.dir = path.join(configDir, 'autosave');
    this.delayMs = opts.delayMs ?? 1000;
    this.maxWaitMs = opts.maxWaitMs ?? 5000;
    this.retryMs = opts.retryMs ?? 5000;
    this.now = opts.now ?? Date.now;
    this.onError = opts.onError ?? (() => {});
  }

  static slotId(docPath: string | null): string {
    return docPath === null ? 'untitled' : idFor(docPath);
  }

  /** Note an edit; `text` is read lazily when the slot is written. */
  schedule(docPath: string | null, name: string, text: () => string, diskHash: string | null = null): void {
    const now = this.now();
    const same = this.pending && this.pending.path === docPath;
    this.pending = { path: docPath, name, text, diskHash, since: same ? (this.pending as Pending).since : now };
    this.arm(Math.min(this.delayMs, this.pending.since + this.maxWaitMs - now));
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((err: unknown) => this.onError(err));
    }, Math.max(0, ms));
  }

  /** Write the pending edit now (also used on quit). Rejects when the write fails (the edit stays pending). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const p = this.pending;
    if (!p) return this.writing.catch(() => {});
    this.pending = undefined;
    let slot: Slot;
    try {
      slot = { version: 1, path: p.path, name: p.name, savedAt: this.now(), text: p.text(), diskHash: p.diskHash };
    } catch (err) {
      this.retry(p);
      return Promise.reject(err);
    }
    // A failed earlier write must not block this one.
    const write = this.writing.catch(() => {}).then(async () => {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await atomicWriteFile(this.file(Autosave.slotId(p.path)), JSON.stringify(slot));
    });
    this.writing = write.catch((err: unknown) => {
      this.retry(p);
      throw err;
    });
    return this.writing;
  }

  /** Keep a failed edit pending (unless a newer one replaced it) and try again later. */
  private retry(p: Pending): void {
    if (!this.pending) this.pending = p;
    if (!this.timer) this.arm(this.retryMs);
  }

  /** Drop the pending edit and the slot (after a save, or when the user discards). */
  async clear(id: string): Promise<void> {
    const file = this.file(id);
    if (this.pending && Autosave.slotId(this.pending.path) === id) {
      this.pending = undefined;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writing.catch(() => {});
    await fs.promises.rm(file, { force: true });
  }

  async offers(): Promise<RecoveryOffer[]> {
    const names = await fs.promises.readdir(this.dir).catch(() => [] as string[]);
    const out: RecoveryOffer[] = [];
    for (const n of names.filter((x) => x.endsWith('.json'))) {
      const id = n.slice(0, -5);
      const slot = await this.read(id).catch(() => undefined);
      if (slot) out.push({ id, name: slot.name, path: slot.path, savedAt: slot.savedAt });
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }

  async read(id: string): Promise<Slot | undefined> {
    const file = this.file(id);
    try {
      const parsed = Slot.safeParse(JSON.parse(await fs.promises.readFile(file, 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The one place a slot id becomes a path (every use: read, restore, discard, write). */
  private file(id: string): string {
    return path.join(this.dir, `${checkFileId(id, 'autosave slot')}.json`);
  }
}
