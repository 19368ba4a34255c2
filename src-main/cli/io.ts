// Where the CLI reads and writes: the process by default, buffers in tests (main() runs in-process).
import path from 'node:path';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Relative FILE / --out paths resolve against this. */
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

export function resolvePath(io: CliIo, file: string): string {
  return path.resolve(io.cwd, file);
}
