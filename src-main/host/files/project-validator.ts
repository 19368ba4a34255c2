// Validating big projects off the host's event loop. Validation takes about 1 s per 4 MB; on the
// loop that stalls the session's ticks, pushes and every other request. Texts from
// `workerFromBytes` up go to one worker thread (kept warm for `idleMs`, one project at a time, its
// heap bounded); smaller ones are validated inline, which is cheaper than the round trip. A worker
// that cannot start means inline validation (logged), never a lost request; a worker that dies
// (out of memory, a crash, too slow) fails only the request it was validating.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HostError } from '../errors';
import { formatBytes } from '../../../core/limits';
import { MAX_PROJECT_BYTES, parseProjectBytes, parseProjectText, readProjectBytes, readProjectFile, type OnStage, type ProjectRead } from './project-file';
import type { ValidateReply, ValidateRequest } from './validate-protocol';
import type { Project } from '../../../core/model/schema';

/** How the document reads projects: inline, or through a ProjectValidator. */
export interface ProjectReader {
  readFile(file: string, onStage?: OnStage): Promise<ProjectRead>;
  readText(text: string, name: string, onStage?: OnStage): Promise<ProjectRead>;
}

export interface ProjectValidatorOptions {
  /** Projects of at least this many bytes are validated in the worker (measured: see src-main/CONTEXT.md). */
  workerFromBytes?: number;
  /** The worker ends after this long without a project to validate. */
  idleMs?: number;
  /** A project still validating after this long stops its worker and fails. */
  timeoutMs?: number;
  /** How long the worker may take to start before inline validation takes over. */
  startMs?: number;
  /** The worker's heap (resourceLimits.maxOldGenerationSizeMb). */
  maxHeapMb?: number;
  /** The worker's module (tests point it elsewhere); by default found beside this file. */
  entry?: URL;
  /** Why the worker is not used, or why it died (the host's log). */
  log?: (where: string, detail: string) => void;
}

export const VALIDATOR_DEFAULTS = {
  workerFromBytes: 128 * 1024,
  idleMs: 30_000,
  timeoutMs: 120_000,
  startMs: 15_000,
  maxHeapMb: 768,
} as const;

/** After the worker failed to start, inline validation for this long before trying again. */
const RETRY_START_MS = 60_000;
/** Projects waiting for the worker at most; more are refused (each holds its text in memory). */
const MAX_WAITING = 8;

/** The worker beside this module: the TypeScript bootstrap from sources, the bundled entry in out/main. */
export function defaultWorkerEntry(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL('./validate-worker.mjs', here);
  // Bundled by electron-vite: a second main entry, written beside index.js (electron.vite.config.ts).
  return new URL('./validate-worker.js', here);
}

/** Validation on the caller's thread (tests, and hosts that never start a worker). */
export const inlineReader: ProjectReader = {
  readFile: (file) => readProjectFile(file),
  readText: async (text, name) => parseProjectText(text, name),
};

type Input = { bytes: Uint8Array } | { text: string };

export class ProjectValidator implements ProjectReader {
  private readonly o: Required<Omit<ProjectValidatorOptions, 'entry' | 'log'>> & Pick<ProjectValidatorOptions, 'log'> & { entry: URL };
  private worker: Promise<Worker> | null = null;
  /** The started worker `worker` resolved to (null while it starts). */
  private current: Worker | null = null;
  private idle: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private nextId = 1;
  private noWorkerUntil = -Infinity;
  private closed = false;

  constructor(opts: ProjectValidatorOptions = {}) {
    this.o = { ...VALIDATOR_DEFAULTS, ...opts, entry: opts.entry ?? defaultWorkerEntry() };
  }

  async readFile(file: string, onStage?: OnStage): Promise<ProjectRead> {
    const big = (size: number) => size >= this.o.workerFromBytes && size <= MAX_PROJECT_BYTES;
    const read = await readProjectBytes(file, (size) => {
      if (big(size)) onStage?.('read');
    });
    if (!read.ok) return read;
    const name = path.basename(file);
    if (!big(read.bytes.length)) return parseProjectBytes(read.bytes, name);
    return this.offLoop(name, { bytes: read.bytes }, onStage, () => parseProjectBytes(read.bytes, name));
  }

  async readText(text: string, name: string, onStage?: OnStage): Promise<ProjectRead> {
    // Over the limit is refused inline (at once, without copying the text to the worker).
    const bytes = text.length > MAX_PROJECT_BYTES ? Infinity : Buffer.byteLength(text, 'utf8');
    if (bytes < this.o.workerFromBytes || bytes > MAX_PROJECT_BYTES) return parseProjectText(text, name);
    return this.offLoop(name, { text }, onStage, () => parseProjectText(text, name));
  }

  /** Stops the worker (the host is closing). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idle);
    await this.stop();
  }

  /** One project at a time: a second waits for the first (memory stays one project's worth). */
  private offLoop(name: string, input: Input, onStage: OnStage | undefined, inline: () => ProjectRead): Promise<ProjectRead> {
    if (this.waiting >= MAX_WAITING) {
      return Promise.reject(new HostError('failed', `Cannot validate ${name} now: ${MAX_WAITING} other projects are being validated. Try again in a moment.`));
    }
    this.waiting++;
    const job = this.tail.then(() => this.validate(name, input, onStage, inline));
    this.tail = job.catch(() => {});
    return job.finally(() => this.waiting--);
  }

  private async validate(name: string, input: Input, onStage: OnStage | undefined, inline: () => ProjectRead): Promise<ProjectRead> {
    clearTimeout(this.idle);
    let worker: Worker;
    try {
      worker = await this.started();
    } catch {
      // Never lose the request: validate here (the loop stalls as it did before the worker); started() logged why.
      return inline();
    }
    try {
      return await this.run(worker, name, input, onStage);
    } finally {
      if (this.current) this.idle = setTimeout(() => void this.stop(), this.o.idleMs).unref();
    }
  }

  private started(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error('the host is closing'));
    if (performance.now() < this.noWorkerUntil) return Promise.reject(new Error('the worker failed to start recently'));
    if (!this.worker) {
      const w = this.start();
      this.worker = w;
      w.then((x) => {
        if (this.worker === w) this.current = x;
      }, (err: unknown) => {
        if (this.worker === w) this.worker = null;
        this.noWorkerUntil = performance.now() + RETRY_START_MS;
        this.o.log?.('Starting the project validation worker', `${describe(err)}; big projects are validated on the event loop (the host stalls while it runs) for the next ${RETRY_START_MS / 1000} s`);
      });
    }
    return this.worker;
  }

  private start(): Promise<Worker> {
    return new Promise((resolve, reject) => {
      let w: Worker;
      try {
        if (this.o.entry.protocol === 'file:' && !fs.existsSync(this.o.entry)) throw new Error(`${this.o.entry.pathname} does not exist`);
        w = new Worker(this.o.entry, { resourceLimits: { maxOldGenerationSizeMb: this.o.maxHeapMb } });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      w.unref();
      const timer = setTimeout(() => fail(new Error(`it did not start within ${this.o.startMs / 1000} s`)), this.o.startMs);
      const cleanup = () => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', fail).off('exit', onExit);
      };
      const fail = (err: Error) => {
        cleanup();
        void w.terminate();
        reject(err);
      };
      const onExit = (code: number) => fail(new Error(`it exited (code ${code}) before it was ready`));
      const onMessage = (m: ValidateReply) => {
        if (m.type !== 'ready') return;
        cleanup();
        // Between projects too, a worker that fails is not used again (and its error is not uncaught).
        w.on('error', () => this.discard(w));
        resolve(w);
      };
      w.on('message', onMessage).on('error', fail).on('exit', onExit);
    });
  }

  private run(w: Worker, name: string, input: Input, onStage: OnStage | undefined): Promise<ProjectRead> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const finish = () => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        w.unref();
      };
      const died = (why: string, detail: string) => {
        finish();
        this.discard(w);
        this.o.log?.(`Validating ${name} in the worker`, detail);
        reject(new HostError('failed', `${name} could not be validated: ${why}. The host is fine; nothing was opened.`));
      };
      const timer = setTimeout(() => died(`it took longer than ${this.o.timeoutMs / 1000} s`, 'timed out; the worker was stopped'), this.o.timeoutMs);
      const onMessage = (m: ValidateReply) => {
        if (m.type === 'ready' || m.id !== id) return;
        if (m.type === 'stage') return onStage?.(m.stage);
        finish();
        if (m.type === 'result') resolve(m.read);
        else if (m.type === 'valid') resolve({ ...m.read, project: JSON.parse(m.json) as Project });
        else reject(new HostError('failed', `${name} could not be validated: ${m.message}`));
      };
      const onError = (err: Error) => {
        const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        died(oom ? `checking it needs more than the ${formatBytes(this.o.maxHeapMb * 1024 * 1024)} of memory the validation worker may use` : `the validation worker failed (${describe(err)})`, err.stack ?? describe(err));
      };
      const onExit = (code: number) => died(`the validation worker stopped unexpectedly (exit code ${code})`, `exit code ${code}`);
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      w.ref();
      const request: ValidateRequest = { id, name, ...input };
      // A file's bytes move to the worker without a copy when the buffer is theirs alone.
      const b = 'bytes' in input ? input.bytes : null;
      const own = b !== null && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
      w.postMessage(request, own ? [b.buffer as ArrayBuffer] : []);
    });
  }

  /** A worker that died or hung is not used again; the next big project starts a new one. */
  private discard(w: Worker): void {
    if (this.current === w) {
      this.current = null;
      this.worker = null;
    }
    void w.terminate();
  }

  private async stop(): Promise<void> {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = null;
    this.current = null;
    if (w) await w.then((x) => x.terminate()).catch(() => {});
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
