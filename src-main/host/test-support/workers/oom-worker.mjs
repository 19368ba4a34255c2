// A validation worker that starts, then fills its heap when asked to validate (out of memory).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  const hoard = [];
  for (;;) hoard.push(new Array(100_000).fill({ x: hoard.length }));
});
parentPort.postMessage({ type: 'ready' });
