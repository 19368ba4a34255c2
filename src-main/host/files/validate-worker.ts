// The project-validation worker: validates one project at a time off the host's event loop and
// reports its stages. Started by project-validator.ts (through validate-worker.mjs when the host runs
// as TypeScript under tsx; as out/main/validate-worker.js in the Electron build).
import { parentPort } from 'node:worker_threads';
import { parseProjectBytes, parseProjectText } from './project-file';
import type { ValidateReply, ValidateRequest } from './validate-protocol';

const port = parentPort;
if (!port) throw new Error('validate-worker.ts runs only as a worker thread');

const reply = (m: ValidateReply): void => port.postMessage(m);

port.on('message', (job: ValidateRequest) => {
  try {
    const onStage = (stage: 'read' | 'parse' | 'check') => reply({ type: 'stage', id: job.id, stage });
    const read = 'bytes' in job ? parseProjectBytes(job.bytes, job.name, onStage) : parseProjectText(job.text, job.name, onStage);
    if (read.ok) {
      const { project, ...rest } = read;
      const json = jsonOf(project);
      if (json !== null) return reply({ type: 'valid', id: job.id, read: rest, json });
    }
    reply({ type: 'result', id: job.id, read });
  } catch (err) {
    // Validation itself never throws; this is a failure to reply (a project that cannot be cloned).
    reply({ type: 'failed', id: job.id, message: err instanceof Error ? err.message : String(err) });
  }
});
reply({ type: 'ready' });

/** Plain JSON text, or null when the project holds a bigint (JSON has none: structured clone keeps it). */
function jsonOf(value: unknown): string | null {
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}
