import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskReader } from './disk-reader';
import { availableProjectFile, defaultProjectFile, importFolder } from './import-folder';
import { relativePosix } from './rebase';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-apollo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const root = path.join(tmp, 'proj');
fs.mkdirSync(path.join(root, 'modA', 'developer_mods'), { recursive: true });
fs.writeFileSync(path.join(root, 'deploy.json'), '{}');
fs.writeFileSync(path.join(root, 'big.json'), 'x'.repeat(200));
fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside');
fs.mkdirSync(path.join(tmp, 'shared', 'developer_mods'), { recursive: true });
fs.symlinkSync(path.join(tmp, 'shared'), path.join(root, 'linked'));

describe('diskReader', () => {
  const r = diskReader(root, { maxFileBytes: 100, maxEntries: 3 });

  it('reads files, and says why it does not', () => {
    expect(r.read('deploy.json')).toEqual({ ok: true, text: '{}' });
    expect(r.read('nope.json')).toMatchObject({ ok: false, reason: 'missing' });
    expect(r.read('modA')).toMatchObject({ ok: false, reason: 'not-a-file' });
    expect(r.read('big.json')).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('never reaches outside the Apollo folder by a path', () => {
    expect(r.read('../secret.txt')).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(r.list('..')).toBeNull();
  });

  it('lists directories (a symlinked folder counts as a folder), at most maxEntries', () => {
    expect(diskReader(root).list('')?.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'big.json', dir: false },
      { name: 'deploy.json', dir: false },
      { name: 'linked', dir: true },
      { name: 'modA', dir: true },
    ]);
    expect(r.list('')).toHaveLength(3);
    expect(r.list('linked')).toEqual([{ name: 'developer_mods', dir: true }]);
    expect(r.list('missing')).toBeNull();
  });
});

describe('importFolder', () => {
  it('defaults the project file to DIR/<folder>.switchboard.json, and roots mod paths at it', () => {
    expect(defaultProjectFile(root)).toBe(path.join(root, 'proj.switchboard.json'));
    expect(relativePosix(root, root)).toBe('.');
    expect(relativePosix(path.join(tmp, 'a', 'b'), root)).toBe('../../proj');
    const r = importFolder(root, { projectFile: path.join(tmp, 'out', 'p.switchboard.json'), clients: 0 });
    expect(r.project.apollo).toEqual({ root: '../proj' });
    expect(r.project.name).toBe('proj');
  });

  it('picks a free default file when the first one exists (it may hold the user\'s edits)', () => {
    expect(availableProjectFile(root)).toEqual({ file: path.join(root, 'proj.switchboard.json'), taken: null });
    fs.writeFileSync(path.join(root, 'proj.switchboard.json'), '{}');
    expect(availableProjectFile(root)).toEqual({ file: path.join(root, 'proj-2.switchboard.json'), taken: path.join(root, 'proj.switchboard.json') });
    fs.rmSync(path.join(root, 'proj.switchboard.json'));
  });
});
