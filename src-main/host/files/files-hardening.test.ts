// Files under attack and under faults: ids that name files, autosave that cannot write or never
// gets a pause, saves over files with modes, symlinks, hard links and changes made by others.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentState } from '../../../core/contract';
import { LIMITS } from '../../../core/limits';
import { Autosave } from './autosave';
import { QUICKSTART, quickstartText, tempDir } from '../test-support/fixtures';
import { testHost } from '../test-support/test-host';
import type { Dialogs } from '../host';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function dialogsTo(file: string): Dialogs {
  return { openProject: async () => file, openApolloFolder: async () => file, saveProject: async () => file, openTrace: async () => file, exportTrace: async () => file };
}

function fault(code: string, syscall = 'open'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall });
}

describe('ids that name files', () => {
  it('recovery.discard {"id":"../../victim"} deletes nothing outside the autosave folder', async () => {
    const { call, configDir } = testHost();
    const victim = path.join(path.dirname(configDir), `${path.basename(configDir)}-victim.json`);
    fs.writeFileSync(victim, '{"precious":true}');
    try {
      const rel = path.relative(path.join(configDir, 'autosave'), victim).replace(/\.json$/, '');
      const r = await call('recovery.discard', { id: rel });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('is not an id') } });
      expect(fs.existsSync(victim)).toBe(true);
      expect(await call('recovery.restore', { id: rel })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(await call('project.openRecent', { id: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      // Every id that becomes a path goes through the same check, whoever calls.
      const { host } = testHost({ configDir });
      await expect(host.recorderUploads.add('../../victim', 'a.ndjson', '{}', false)).rejects.toThrow(/is not an id/);
    } finally {
      fs.rmSync(victim, { force: true });
    }
  });
});

describe('autosave', () => {
  it('writes at most maxWaitMs after the first unsaved edit, even when edits never pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const a = new Autosave(tempDir(), { delayMs: 1000, maxWaitMs: 5000 });
    const flushes: number[] = [];
    vi.spyOn(a, 'flush').mockImplementation(async () => void flushes.push(Date.now()));
    const start = Date.now();
    // An edit every 600 ms for 9 s: the debounce alone would never fire.
    for (let t = 0; t <= 9000; t += 600) {
      a.schedule('/x.json', 'x', () => 'text');
      vi.advanceTimersByTime(600);
    }
    expect(flushes.length).toBeGreaterThanOrEqual(1);
    expect(flushes[0] - start).toBeLessThanOrEqual(5000);
    a.dispose();
  });

  it('a failed write keeps the edit, reports it, and succeeds on retry (no unhandled rejection)', async () => {
    const dir = tempDir();
    const errors: unknown[] = [];
    const a = new Autosave(dir, { delayMs: 10, maxWaitMs: 20, retryMs: 30, onError: (e) => errors.push(e) });
    const realOpen = fs.promises.open;
    let failing = true;
    vi.spyOn(fs.promises, 'open').mockImplementation((async (...args: Parameters<typeof fs.promises.open>) => {
      if (failing && String(args[0]).includes('autosave')) throw fault('ENOSPC');
      return realOpen(...args);
    }) as typeof fs.promises.open);
    a.schedule(null, 'Untitled', () => 'precious edits');
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOSPC');
    failing = false;
    await vi.waitFor(async () => expect((await a.read('untitled'))?.text).toBe('precious edits'));
    a.dispose();
  });

  it('in a host: an autosave that cannot write is a notice, not a crash', async () => {
    const { call, host, notices } = testHost({ host: { autosave: { delayMs: 5, maxWaitMs: 10, retryMs: 10_000 } } });
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation((async (...args: Parameters<typeof fs.promises.open>) => {
      if (String(args[0]).includes('autosave')) throw fault('EROFS');
      return realOpen(...args);
    }) as typeof fs.promises.open);
    await call('project.edit', { project: { ...host.doc.current.project, description: 'edited' } });
    await vi.waitFor(() => expect(notices().some((n) => /^Autosave failed: the file system is read-only .*edits are kept in memory/.test(n.message))).toBe(true));
    expect(host.doc.current.dirty).toBe(true);
    host.autosave.dispose();
  });
});

describe('Save keeps what the file was', () => {
  async function openCopy() {
    const dir = tempDir();
    const file = path.join(dir, 'q.switchboard.json');
    fs.copyFileSync(QUICKSTART, file);
    return { dir, file };
  }

  async function editAndSave(file: string, opened = file): Promise<{ reply: Awaited<ReturnType<ReturnType<typeof testHost>['call']>>; t: ReturnType<typeof testHost> }> {
    const t = testHost({ dialogs: dialogsTo(opened), host: { mode: 'electron' } });
    expect(await t.call('project.openDialog')).toMatchObject({ ok: true });
    await t.call('project.edit', { project: { ...t.host.doc.current.project, description: 'saved by switchboard' } });
    return { reply: await t.call('project.save'), t };
  }

  it('keeps a 0600 file 0600', async () => {
    const { file } = await openCopy();
    fs.chmodSync(file, 0o600);
    const { reply } = await editAndSave(file);
    expect(reply).toMatchObject({ ok: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('follows a symlink and writes its target; the link stays a link', async () => {
    const { dir, file } = await openCopy();
    const link = path.join(dir, 'link.switchboard.json');
    fs.symlinkSync(path.basename(file), link);
    const { reply } = await editAndSave(link);
    expect(reply).toMatchObject({ ok: true });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).description).toBe('saved by switchboard');
  });

  it('keeps hard links: every name shows the saved file', async () => {
    const { dir, file } = await openCopy();
    const other = path.join(dir, 'other-name.json');
    fs.linkSync(file, other);
    const { reply } = await editAndSave(file);
    expect(reply).toMatchObject({ ok: true });
    expect(fs.statSync(file).ino).toBe(fs.statSync(other).ino);
    expect(JSON.parse(fs.readFileSync(other, 'utf8')).description).toBe('saved by switchboard');
  });

  it('asks before overwriting a change another program made since the file was opened', async () => {
    const { file } = await openCopy();
    const t = testHost({ dialogs: dialogsTo(file), host: { mode: 'electron' } });
    await t.call('project.openDialog');
    await t.call('project.edit', { project: { ...t.host.doc.current.project, description: 'mine' } });
    const theirs = fs.readFileSync(file, 'utf8').replace('"Quickstart"', '"Theirs"');
    fs.writeFileSync(file, theirs);
    const refused = await t.call('project.save');
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/changed on disk.*Overwrite/) } });
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
    expect(await t.call('project.save', { overwrite: true })).toMatchObject({ ok: true, result: { dirty: false } });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).description).toBe('mine');
    // Its own save is not a change by another program.
    await t.call('project.edit', { project: { ...t.host.doc.current.project, description: 'mine again' } });
    expect(await t.call('project.save')).toMatchObject({ ok: true });
  });
});

describe('a save that cannot write', () => {
  it('EACCES: an error reply naming it, the file and the edits intact, the host alive', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'q.switchboard.json');
    fs.copyFileSync(QUICKSTART, file);
    const before = fs.readFileSync(file, 'utf8');
    const t = testHost({ dialogs: dialogsTo(file), host: { mode: 'electron' } });
    await t.call('project.openDialog');
    await t.call('project.edit', { project: { ...t.host.doc.current.project, description: 'keep me' } });
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation((async (...args: Parameters<typeof fs.promises.open>) => {
      if (String(args[0]).includes('.sbtmp-')) throw fault('EACCES');
      return realOpen(...args);
    }) as typeof fs.promises.open);
    const r = await t.call('project.save');
    expect(r).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('EACCES') } });
    expect(t.notices().at(-1)?.message).toMatch(/^The request project\.save failed: permission denied \(EACCES/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(t.host.doc.current).toMatchObject({ dirty: true });
    expect(t.host.doc.current.project.description).toBe('keep me');
    vi.restoreAllMocks();
    expect(await t.call('project.save')).toMatchObject({ ok: true, result: { dirty: false } });
  });
});

describe('web mode opens and saves only what the user chose in this run', () => {
  it('refuses recent files and recovered paths other than its --project file', async () => {
    const dir = tempDir();
    const other = path.join(dir, 'other.switchboard.json');
    fs.copyFileSync(QUICKSTART, other);
    // An earlier Electron run opened `other` and left unsaved edits of it.
    const earlier = testHost({ dialogs: dialogsTo(other), host: { mode: 'electron' } });
    await earlier.call('project.openDialog');
    await earlier.call('project.edit', { project: { ...earlier.host.doc.current.project, description: 'earlier edits' } });
    await earlier.host.autosave.flush();
    const before = fs.readFileSync(other, 'utf8');

    const web = testHost({ configDir: earlier.configDir, host: { fileAccess: 'chosen' } });
    expect(await web.call('recent.list')).toMatchObject({ ok: true, result: [] });
    const listed = await earlier.host.recent.list();
    expect(await web.call('project.openRecent', { id: listed[0].id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const offers = (await web.host.recoveryOffers())[0];
    const restored = (await web.call('recovery.restore', { id: offers.id })) as { ok: true; result: DocumentState };
    expect(restored.result).toMatchObject({ source: 'recovered', path: null });
    expect(await web.call('project.save')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(fs.readFileSync(other, 'utf8')).toBe(before);
  });
});

describe('size limits on projects', () => {
  it('a 20 MB upload is refused at once, naming the limit', async () => {
    const { call } = testHost();
    const project = JSON.parse(quickstartText());
    const text = JSON.stringify({ ...project, description: 'x'.repeat(20_000_000) });
    const t0 = performance.now();
    const r = await call('project.openText', { name: 'huge.switchboard.json', text });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    if (!r.ok) expect(r.error.message).toMatch(new RegExp(`huge\\.switchboard\\.json is 19\\.1 MiB; the limit is ${LIMITS.projectBytes / 1024 / 1024} MiB`));
  });
});
