// A validation worker that starts, then never answers (a validation that does not end).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {});
parentPort.postMessage({ type: 'ready' });
