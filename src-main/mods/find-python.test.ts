// Finding Python 2.7 as a user's machine offers it, with fake interpreters (shell scripts that
// print a version) on a fake PATH and in a fake pyenv root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPython } from './find-python';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-findpy-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** An executable that answers the version probe like a Python of `version` (or fails, as pyenv shims do). */
function fakePython(file: string, version: string | null): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, version ? `#!/bin/sh\nprintf '%s' '${version}'\n` : '#!/bin/sh\necho "pyenv: python2.7: command not found" >&2\nexit 127\n', { mode: 0o755 });
  return file;
}

describe.runIf(process.platform !== 'win32')('findPython', () => {
  const shims = path.join(root, 'shims');
  fakePython(path.join(shims, 'python2.7'), null);
  fakePython(path.join(shims, 'python'), '3.11.7');
  const pyenv = path.join(root, 'pyenv');
  const py27 = fakePython(path.join(pyenv, 'versions', '2.7.18', 'bin', 'python2.7'), '2.7.18');
  fakePython(path.join(pyenv, 'versions', '2.7.9', 'bin', 'python2.7'), '2.7.9');
  const base = { PATH: `${shims}:/usr/bin:/bin`, HOME: root };

  it('skips shims that fail and Pythons that are not 2.7, then finds the newest pyenv 2.7', () => {
    const r = findPython({ env: { ...base, PYENV_ROOT: pyenv }, platform: 'linux' });
    expect(r).toMatchObject({ ok: true, command: py27, version: '2.7.18', source: 'pyenv' });
  });

  it('takes a 2.7 on PATH first', () => {
    const bin = path.join(root, 'bin27');
    const onPath = fakePython(path.join(bin, 'python2'), '2.7.16');
    const r = findPython({ env: { ...base, PATH: `${bin}:${base.PATH}`, PYENV_ROOT: pyenv }, platform: 'linux' });
    expect(r).toMatchObject({ ok: true, command: onPath, version: '2.7.16', source: 'PATH' });
  });

  it('an explicit path wins, and a broken one is named, not replaced by a guess', () => {
    expect(findPython({ explicit: py27, env: base, platform: 'linux' })).toMatchObject({ ok: true, command: py27, source: '--python' });
    const r = findPython({ explicit: path.join(shims, 'python'), env: { ...base, PYENV_ROOT: pyenv }, platform: 'linux' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`${path.join(shims, 'python')} is not a working Python 2.7`);
  });

  it('SWITCHBOARD_PYTHON counts as the explicit setting', () => {
    expect(findPython({ env: { ...base, SWITCHBOARD_PYTHON: py27 }, platform: 'linux' })).toMatchObject({ ok: true, source: 'SWITCHBOARD_PYTHON' });
  });

  it('with none, says what to install and lists what it tried', () => {
    const r = findPython({ env: base, platform: 'linux' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^No Python 2\.7 was found\. Apollo mods are Python 2\.7: install CPython 2\.7\.18/);
    expect(r.message).toContain('--python PATH');
    expect(r.tried).toEqual([`${path.join(shims, 'python2.7')} (does not run)`, `${path.join(shims, 'python')} (Python 3.11.7)`]);
  });
});
