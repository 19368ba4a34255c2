// Starts the validation worker from TypeScript sources (web mode, the CLI, tests): a worker thread does
// not inherit the tsx loader that bin/switchboard.mjs registered, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./validate-worker.ts');
