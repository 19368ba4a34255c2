// `npm run bench`: bundle bench/run.ts the way the app ships its main process (one ESM file, no
// loader in between), then run it with --expose-gc so memory figures can settle the heap first.
/* global process, URL */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}out/bench/run.mjs`;
await build({
  entryPoints: [`${root}bench/run.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
