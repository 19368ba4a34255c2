import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { DocumentState } from '../../core/contract';
import { validateProjectText } from '../../core/model/validate';
import { acmeOnDisk } from '../apollo/testing';
import { resolveFromProject } from '../apollo/rebase';
import type { Dialogs } from './host';
import { tempDir } from './test-support/fixtures';
import { testHost } from './test-support/test-host';

function dialogs(p: { folder?: string | null; saveTo?: string }): Dialogs {
  const none = async () => null;
  return { openProject: none, openApolloFolder: async () => p.folder ?? null, saveProject: async () => p.saveTo ?? null, openTrace: none, exportTrace: none };
}
const docOf = (r: { ok: boolean; result?: unknown }) => (r as { result: DocumentState }).result;
const modsOf = (d: DocumentState, id: string) => d.project.nodes.find((n) => n.id === id)?.mods;

describe('Open Apollo project', () => {
  it('imports the picked folder as an unsaved document saved beside deploy.json, runs its boot scenario and says whose code runs', async () => {
    const dir = acmeOnDisk(tempDir(), 'acme');
    const { call, host, pushes } = testHost({ dialogs: dialogs({ folder: dir }) });
    const r = await call('project.openApollo');
    expect(r.ok).toBe(true);
    const doc = docOf(r);
    expect(doc).toMatchObject({ name: 'acme', source: 'apollo', dirty: true, path: path.join(dir, 'acme.switchboard.json') });
    expect(doc.apolloImport?.dir).toBe(dir);
    expect(doc.apolloImport?.findings).toContainEqual({ severity: 'warning', file: 'deploy.json', line: 2, message: expect.stringContaining('comment') });
    expect(modsOf(doc, 'lobby-4000')).toEqual(['acmeLogin', 'acmeShop']);
    expect(host.doc.baseDir).toBe(dir);
    expect(host.session?.opts.scenario).toBe('boot');
    const notice = pushes.find((m) => m.event === 'host.notice');
    expect(notice?.payload).toMatchObject({ level: 'info', message: expect.stringContaining('run with your rights, like your test suite') });
    // Nothing is written until the user saves.
    expect(fs.existsSync(path.join(dir, 'acme.switchboard.json'))).toBe(false);

    const saved = await call('project.save');
    expect(docOf(saved)).toMatchObject({ dirty: false, source: 'file' });
    const v = validateProjectText(fs.readFileSync(path.join(dir, 'acme.switchboard.json'), 'utf8'));
    expect(v.ok && v.project.nodes.find((n) => n.id === 'master')?.mods).toEqual(['acmeLoginMaster']);
  });

  it('Save As into another folder re-bases the mod paths, so they still name the mod folders (and reopen right)', async () => {
    const dir = acmeOnDisk(tempDir(), 'acme');
    const elsewhere = path.join(tempDir(), 'projects', 'mine');
    fs.mkdirSync(elsewhere, { recursive: true });
    const target = path.join(elsewhere, 'mine.switchboard.json');
    const { call, host } = testHost({ dialogs: dialogs({ folder: dir, saveTo: target }) });
    await call('project.openApollo');
    const saved = docOf(await call('project.saveAsDialog'));
    expect(saved.path).toBe(target);
    expect(host.doc.baseDir).toBe(elsewhere);
    const mods = modsOf(saved, 'lobby-4000') ?? [];
    expect(mods.every((m) => m.startsWith('../'))).toBe(true);
    expect(mods.map((m) => resolveFromProject(elsewhere, m))).toEqual([path.join(dir, 'acmeLogin'), path.join(dir, 'acmeShop')]);
    expect(resolveFromProject(elsewhere, saved.project.apollo!.root)).toBe(dir);

    // The file on disk says the same, and a fresh host opening it finds the same folders.
    const other = testHost();
    await other.host.openFile(target);
    const reopened = other.host.doc.current;
    expect(modsOf(reopened, 'lobby-4000')).toEqual(mods);
    expect((modsOf(reopened, 'game-5000') ?? []).map((m) => resolveFromProject(other.host.doc.baseDir!, m))).toEqual([path.join(dir, 'acmeLogin'), path.join(dir, 'acmeBattle')]);

    // Saving back beside deploy.json writes the short paths again.
    const back = testHost({ dialogs: dialogs({ saveTo: path.join(dir, 'back.switchboard.json') }) });
    await back.host.openFile(target);
    expect(modsOf(docOf(await back.call('project.saveAsDialog')), 'lobby-4000')).toEqual(['acmeLogin', 'acmeShop']);
  });

  it('keeps an existing project file beside deploy.json: the import saves under a free name, and says so', async () => {
    const dir = acmeOnDisk(tempDir(), 'acme');
    fs.writeFileSync(path.join(dir, 'acme.switchboard.json'), 'my edited project');
    const { call, pushes } = testHost({ dialogs: dialogs({ folder: dir }) });
    expect(docOf(await call('project.openApollo')).path).toBe(path.join(dir, 'acme-2.switchboard.json'));
    const notice = pushes.find((m) => m.event === 'host.notice');
    expect(notice?.payload).toMatchObject({ message: expect.stringContaining('acme.switchboard.json already exists and is kept; this import saves as acme-2.switchboard.json') });
    await call('project.save');
    expect(fs.readFileSync(path.join(dir, 'acme.switchboard.json'), 'utf8')).toBe('my edited project');
  });

  it('web mode re-imports the folder given to serve --apollo; without one it says how to start', async () => {
    const dir = acmeOnDisk(tempDir(), 'webacme');
    const web = testHost({ apolloDir: dir });
    expect(docOf(await web.call('project.openApollo'))).toMatchObject({ name: 'webacme', source: 'apollo' });
    expect(await testHost().call('project.openApollo')).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('serve --apollo DIR') } });
  });

  it('a cancelled dialog changes nothing; a folder without deploy.json is refused and the document stays', async () => {
    const cancelled = testHost({ dialogs: dialogs({ folder: null }) });
    expect(await cancelled.call('project.openApollo')).toEqual({ ok: true, result: null });
    const empty = tempDir();
    const t = testHost({ dialogs: dialogs({ folder: empty }) });
    const before = t.host.doc.current;
    expect(await t.call('project.openApollo')).toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringContaining('no deploy.json here') } });
    expect(t.host.doc.current).toBe(before);
  });

  it('an import with errors still opens, and the notice is an error naming how many', async () => {
    const dir = acmeOnDisk(tempDir(), 'broken', (f) => {
      for (const k of Object.keys(f)) if (k.startsWith('acmeShop/')) delete f[k];
    });
    const { call, pushes } = testHost({ dialogs: dialogs({ folder: dir }) });
    const doc = docOf(await call('project.openApollo'));
    expect(doc.apolloImport?.findings.filter((f) => f.severity === 'error')).toEqual([{ severity: 'error', file: 'deploy.json', line: 11, message: expect.stringContaining('"acmeShop"') }]);
    expect(pushes.find((m) => m.event === 'host.notice')?.payload).toMatchObject({ level: 'error', message: expect.stringContaining('1 error, 8 warnings') });
  });
});

describe('stub counts (needs Python 2.7)', () => {
  it('session.stubCounts counts every use of something not simulated, per node', async () => {
    const dir = acmeOnDisk(tempDir(), 'acme');
    const { call, run, host } = testHost({ dialogs: dialogs({ folder: dir }) });
    onTestFinished(() => host.close());
    await call('project.openApollo');
    await call('session.run');
    run(200);
    const r = await call('session.stubCounts');
    expect(r.ok).toBe(true);
    const counts = (r as { result: Record<string, Record<string, number>> }).result;
    expect(Object.keys(counts).sort()).toEqual(['game-5000', 'game-5001']);
    expect(Object.values(counts['game-5000']).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(Object.keys(counts['game-5000']).some((k) => k.includes('SetDisableHunger'))).toBe(true);
  });
});

describe('edit a mod, Reset, see the new code run (needs Python 2.7)', () => {
  it('Reset starts fresh processes that load the mod files as they are now', async () => {
    const dir = acmeOnDisk(tempDir(), 'acme');
    const { call, run, host } = testHost({ dialogs: dialogs({ folder: dir }) });
    onTestFinished(() => host.close());
    await call('project.openApollo');
    await call('session.run');
    run(2500);
    const logs = () => host.session!.sim.trace.slice(0).filter((e) => e.type === 'log' && e.detail === 'print').map((e) => String(e.data));
    const errors = () => host.session!.sim.trace.slice(0).filter((e) => e.type === 'error');
    expect(logs()).toContain('bonus for 100001 2');
    expect(errors().length).toBeGreaterThan(0); // the fixture's ZeroDivisionError

    // The user fixes the bug in their editor, and presses Reset.
    const file = path.join(dir, 'acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/loginSystem.py');
    const source = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, source.replace('bonus = 100 / data["coins"]', 'bonus = 100 / data["coins"] if data["coins"] else 0').replace('print "bonus for", uid, bonus', 'print "fixed bonus for", uid, bonus'));
    await call('session.reset');
    await call('session.run');
    run(2500);
    expect(logs()).toContain('fixed bonus for 100001 2');
    expect(logs().some((l) => l.startsWith('bonus for'))).toBe(false);
    expect(errors()).toEqual([]);
  });
});

describe('a project whose mods cannot run', () => {
  it('says so when no Python 2.7 is found, and still simulates', async () => {
    const dir = acmeOnDisk(tempDir(), 'acme');
    const { call, host, pushes } = testHost({ dialogs: dialogs({ folder: dir }), python: path.join(dir, 'no-such-python2.7') });
    onTestFinished(() => host.close());
    expect((await call('project.openApollo')).ok).toBe(true);
    const notices = pushes.filter((m) => m.event === 'host.notice').map((m) => m.payload as { level: string; message: string });
    expect(notices).toContainEqual({ level: 'error', message: expect.stringMatching(/^This project's mods cannot run: .*no-such-python2\.7 is not a working Python 2\.7\. Apollo mods are Python 2\.7: install CPython 2\.7\.18/) });
    const sim = host.session!.sim;
    sim.runUntil(2000);
    const errors = sim.trace.slice(0).filter((e) => e.type === 'error').map((e) => e.reason);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((r) => /could not start: .*no-such-python2\.7 is not a working Python 2\.7/.test(r ?? ''))).toBe(true);
    expect(sim.trace.slice(0).some((e) => e.type === 'lifecycle' && e.detail === 'login')).toBe(true);
  });
});
