// `npm run bench [-- filter]`: bundle bench/run.ts the way the app ships its main process (one ESM
// file, no loader in between), then run it with --expose-gc so memory figures can settle the heap
// first. bench/trace-open-child.ts is bundled beside it (the 1 GB open runs in a process of its own).
/* global process, URL */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}out/bench`;
const outfile = `${outdir}/run.mjs`;
await build({
  entryPoints: [`${root}bench/run.ts`, `${root}bench/trace-open-child.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
