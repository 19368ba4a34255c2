// The engine's side of the mod channel: a blocking request/reply over the I/O thread
// (io-worker-source.ts). The engine is synchronous and must stay the only clock, so while mod code
// runs the engine's thread waits in Atomics.wait; the I/O thread wakes it with each batch of lines.
import { Worker } from 'node:worker_threads';
import { IO_WORKER_SOURCE } from './io-worker-source';

/** Shared buffer for one frame of lines (bigger messages are split across frames). */
const FRAME_BYTES = 4 << 20;
/** A single protocol line above this is refused (the process is killed, the user told). */
export const MAX_LINE_CHARS = 64 << 20;

export type ProcessLine = { kind: 'line'; text: string } | { kind: 'stderr'; text: string } | { kind: 'exit'; message: string };

export interface SpawnSpec {
  cmd: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** One I/O thread for every mod process of this Node process. */
export class ModChannel {
  private readonly worker: Worker;
  private readonly ctrl: Int32Array;
  private readonly data: Uint8Array;
  private readonly decoder = new TextDecoder();
  private nextId = 1;
  /** Lines received for processes other than the one being waited on. */
  private readonly pending = new Map<number, ProcessLine[]>();
  private carry = '';

  constructor() {
    const ctrl = new SharedArrayBuffer(12);
    const data = new SharedArrayBuffer(FRAME_BYTES);
    this.ctrl = new Int32Array(ctrl);
    this.data = new Uint8Array(data);
    this.worker = new Worker(IO_WORKER_SOURCE, { eval: true, workerData: { ctrl, data, maxLine: MAX_LINE_CHARS } });
    // The thread does not keep the host alive; its children end with the host (below).
    this.worker.unref();
    this.worker.on('message', (m: { t: string; pid: number; alive: boolean }) => {
      if (m.t !== 'pid') return;
      if (m.alive) this.pids.add(m.pid);
      else this.pids.delete(m.pid);
    });
    process.once('exit', () => {
      for (const pid of this.pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    });
  }

  /** Live child processes (ids of the OS), so none outlives the host: a hung mod ignores end of input. */
  private readonly pids = new Set<number>();

  /** The OS ids of the children still running (as last reported by the I/O thread). */
  get childPids(): number[] {
    return [...this.pids];
  }

  spawn(spec: SpawnSpec): number {
    const id = this.nextId++;
    this.pending.set(id, []);
    this.worker.postMessage({ t: 'spawn', id, ...spec });
    return id;
  }

  send(id: number, line: string): void {
    this.worker.postMessage({ t: 'send', id, line });
  }

  /** Stop a process: end of input and a second to exit, or at once when it is `hung`. */
  kill(id: number, hung = false): void {
    this.pending.delete(id);
    this.worker.postMessage({ t: 'kill', id, hung });
  }

  /**
   * The next line from process `id`, waiting at most `timeoutMs` of wall time; null on timeout.
   * Lines of other processes that arrive meanwhile are kept for them.
   */
  next(id: number, timeoutMs: number): ProcessLine | null {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const queue = this.pending.get(id);
      if (!queue) return { kind: 'exit', message: 'the process was stopped' };
      if (queue.length > 0) return queue.shift()!;
      const left = deadline - performance.now();
      if (left <= 0) return null;
      if (Atomics.wait(this.ctrl, 0, 0, left) === 'timed-out') return null;
      this.readFrame();
    }
  }

  private readFrame(): void {
    const len = Atomics.load(this.ctrl, 1);
    const partial = Atomics.load(this.ctrl, 2) === 1;
    // decode() refuses views of shared memory: copy the frame out first.
    const text = this.carry + this.decoder.decode(this.data.slice(0, len));
    Atomics.store(this.ctrl, 0, 0);
    Atomics.notify(this.ctrl, 0);
    const end = partial ? text.lastIndexOf('\n') + 1 : text.length;
    this.carry = text.slice(end);
    if (this.carry.length > MAX_LINE_CHARS) this.carry = '';
    let at = 0;
    while (at < end) {
      const nl = text.indexOf('\n', at);
      const tab = text.indexOf('\t', at);
      const id = Number(text.slice(at, tab));
      const body = text.slice(tab + 1, nl);
      at = nl + 1;
      const queue = this.pending.get(id);
      if (queue) queue.push(toLine(body));
    }
  }
}

function toLine(body: string): ProcessLine {
  if (body[0] !== '!') return { kind: 'line', text: body };
  const info = JSON.parse(body.slice(1)) as { stderr?: string; exit?: number | null; signal?: string | null; error?: string; stderrTail?: string };
  if (info.stderr !== undefined) return { kind: 'stderr', text: info.stderr };
  const tail = info.stderrTail ? `: ${info.stderrTail.trim().split('\n').slice(-3).join(' | ')}` : '';
  if (info.error) return { kind: 'exit', message: `${info.error}${tail}` };
  return { kind: 'exit', message: `the process exited (${info.signal ? `signal ${info.signal}` : `code ${info.exit}`})${tail}` };
}

let shared: ModChannel | null = null;

/** The process-wide channel (one I/O thread serves every simulation). */
export function modChannel(): ModChannel {
  shared ??= new ModChannel();
  return shared;
}
