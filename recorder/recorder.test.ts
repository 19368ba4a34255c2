// Runs the recorder mod's own tests (recorder/tests/test_recorder.py, against a fake Apollo API)
// with Python 2.7, the version Apollo mods run on. SWITCHBOARD_PYTHON may name the interpreter.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function python27(): string {
  if (process.env.SWITCHBOARD_PYTHON) return process.env.SWITCHBOARD_PYTHON;
  try {
    const root = execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
    const p = path.join(root, 'versions', '2.7.18', 'bin', 'python2.7');
    if (existsSync(p)) return p;
  } catch {
    // no pyenv: fall back to the PATH
  }
  return 'python2.7';
}

describe('recorder mod (Python 2.7)', () => {
  it('passes its unit tests against the fake Apollo API', () => {
    const r = spawnSync(python27(), ['-B', path.join(HERE, 'tests', 'test_recorder.py')], { encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw new Error(`cannot run Python 2.7 (${python27()}): ${r.error.message}; set SWITCHBOARD_PYTHON`);
    expect(r.stderr).toMatch(/\nOK\s*$/);
    expect(r.status).toBe(0);
  });
});
