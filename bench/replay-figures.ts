// The replay figures (issue 5) for `npm run bench`: bench/replay.ts runs in its own process, so its
// memory-per-event figure starts from a clean heap and its self-run guard stays its own.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Figure } from './stats';

export function benchReplayFigures(root = process.cwd()): Figure[] {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', path.join(root, 'bench/replay.ts')], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench/replay.ts failed: ${r.stderr}`);
  const start = r.stdout.indexOf('[');
  const figures = JSON.parse(r.stdout.slice(start)) as { name: string; value: number; unit: string }[];
  return figures.map(({ name, value, unit }) => ({ name, value, unit }));
}
