// A validation worker that starts, then ends its thread when asked to validate (a crash).
/* global process */
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(7));
parentPort.postMessage({ type: 'ready' });
