// Writing the CLI's output: to a stream with backpressure, or to a file atomically (a temp file
// in the same directory, fsynced, then renamed over the target) so a reader never sees half a
// trace and a failed run never clobbers the previous one.
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './exit-codes';

/** Resolves on 'drain' or 'error' (the error itself is seen by writeChunks' listener), removing both listeners. */
function drainOrError(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const settle = (): void => {
      stream.off('drain', settle);
      stream.off('error', settle);
      resolve();
    };
    stream.on('drain', settle);
    stream.on('error', settle);
  });
}

/** Writes every chunk, waiting for 'drain' when the stream asks. A closed pipe (`| head`) just ends it. */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let failed: Error | undefined;
  const onError = (e: Error): void => {
    failed = e;
  };
  stream.on('error', onError);
  try {
    for (const chunk of chunks) {
      if (failed) break;
      if (!stream.write(chunk)) await drainOrError(stream);
    }
  } finally {
    stream.off('error', onError);
  }
  if (failed && (failed as NodeJS.ErrnoException).code !== 'EPIPE') throw new CliError(`cannot write output: ${failed.message}`);
}

export async function writeFileAtomic(target: string, chunks: Iterable<string>): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let handle;
  try {
    handle = await open(tmp, 'wx');
    for (const chunk of chunks) await handle.write(chunk);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw new CliError(`cannot write ${target}: ${(e as Error).message}`);
  }
}
