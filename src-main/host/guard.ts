// The host never dies of one request, tick, timer or file: every failure ends up here, becomes an
// entry in the host's log and an error shown in the UI, and pauses the session. The process-wide
// handlers are the last resort for anything that escapes the guards around ticks and requests
// (a rejected promise nobody awaited, a throw in a library callback, a mod runtime's pipe).
import fs from 'node:fs';
import path from 'node:path';

/** One line per entry, appended synchronously; at `maxBytes` the file rolls over to host.log.1. */
export class HostLog {
  private failedOnce = false;

  constructor(
    readonly file: string,
    private readonly maxBytes = 1024 * 1024,
    private readonly now: () => number = Date.now,
  ) {}

  write(level: 'info' | 'error', where: string, detail: string): void {
    const line = `${new Date(this.now()).toISOString()} ${level} ${where}: ${detail.replace(/\n/g, '\n    ')}\n`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const size = fs.statSync(this.file, { throwIfNoEntry: false })?.size ?? 0;
      if (size + line.length > this.maxBytes) fs.renameSync(this.file, `${this.file}.1`);
      fs.appendFileSync(this.file, line, { mode: 0o600 });
    } catch (err) {
      // A read-only or full config dir must not turn logging into a second failure: say it once on
      // stderr, then keep logging there.
      // Only the first line of each entry there: a terminal is no place for stacks.
      if (!this.failedOnce) process.stderr.write(`switchboard: cannot write ${this.file} (${errorText(err)}); logging to stderr\n`);
      this.failedOnce = true;
      process.stderr.write(`switchboard: ${level}: ${where}: ${detail.split('\n')[0]}\n`);
    }
  }
}

/** "ENOSPC: no space left on device, write" rather than a stack; the stack goes to the log. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  try {
    return String(err);
  } catch {
    return 'an unprintable value';
  }
}

export function errorDetail(err: unknown): string {
  return err instanceof Error && err.stack ? err.stack : errorText(err);
}

/** The parts of the host the guard needs (kept narrow so the guard is testable on its own). */
export interface FaultSink {
  fail(where: string, err: unknown): void;
}

/**
 * Route uncaught exceptions and unhandled rejections of this process to the host. Returns the
 * function that removes the handlers (tests, and a clean shutdown).
 */
export function installProcessGuard(sink: FaultSink, proc: NodeJS.Process = process): () => void {
  const onException = (err: unknown): void => sink.fail('uncaught exception', err);
  const onRejection = (reason: unknown): void => sink.fail('unhandled promise rejection', reason);
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}

/** Drops repeats of the same message within `windowMs` (a fault in every tick is one notice). */
export class NoticeThrottle {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs = 5000,
    private readonly max = 64,
  ) {}

  allow(message: string, now: number): boolean {
    const t = this.last.get(message);
    if (t !== undefined && now - t < this.windowMs) return false;
    if (this.last.size >= this.max) this.last.clear();
    this.last.set(message, now);
    return true;
  }
}
