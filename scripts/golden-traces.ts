// `npm run golden`: write core/engine/testing/golden-traces.json, the digest of every run in
// core/engine/testing/golden-cases.ts with the engine as it is now. Run it only when a change of
// trace bytes is intended (a semantics fix, a new event field), and say so in the commit: the test
// beside it (core/engine/golden-traces.test.ts) exists to catch every other change of bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenCases, traceDigest, type GoldenDigest } from '../core/engine/testing/golden-cases';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The fixture folders the test reads too (same names: folder/file without `.switchboard.json`). */
const GOLDEN_FIXTURE_DIRS = ['fixtures/reference', 'fixtures/projects', 'fixtures/problems'];

const fixtures: [string, unknown][] = [];
for (const dir of GOLDEN_FIXTURE_DIRS) {
  for (const f of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.switchboard.json'))) {
    fixtures.push([`${path.basename(dir)}/${f.replace(/\.switchboard\.json$/, '')}`, JSON.parse(fs.readFileSync(path.join(root, dir, f), 'utf8'))]);
  }
}
const out: Record<string, GoldenDigest> = {};
for (const c of goldenCases(fixtures)) out[c.name] = traceDigest(c.run());
const file = process.argv[2] ?? path.join(root, 'core/engine/testing/golden-traces.json');
// One case a line, so a re-pin's diff names the runs whose bytes moved.
fs.writeFileSync(file, `{\n${Object.entries(out).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`);
process.stdout.write(`${Object.keys(out).length} traces → ${path.relative(root, file)}\n`);
