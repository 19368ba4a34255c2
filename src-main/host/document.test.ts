import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState, RecoveryOffer, TraceInfo } from '../../core/contract';
import { QUICKSTART, quickstartText, tempDir } from './test-support/fixtures';
import { testHost } from './test-support/test-host';
import type { Dialogs } from './host';

function dialogsTo(file: string): Dialogs {
  return { openProject: async () => file, openApolloFolder: async () => file, saveProject: async () => file, openTrace: async () => file, exportTrace: async () => file };
}

describe('documents: open, edit, save, recent, autosave, recovery', () => {
  it('save-as writes the file atomically, lists it in recent files and clears dirty', async () => {
    const target = path.join(tempDir(), 'mine.switchboard.json');
    const { call, host } = testHost({ dialogs: dialogsTo(target) });
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const project = { ...host.doc.current.project, name: 'Mine' };
    const edited = await call('project.edit', { project });
    expect(edited).toMatchObject({ ok: true, result: { dirty: true, name: 'Mine' } });
    const saved = await call('project.saveAsDialog');
    expect(saved).toMatchObject({ ok: true, result: { dirty: false, path: target, source: 'file' } });
    expect(JSON.parse(fs.readFileSync(target, 'utf8')).name).toBe('Mine');
    const recent = await call('recent.list');
    expect(recent.ok && (recent.result as { path: string }[])[0].path).toBe(target);
  });

  it('an edit is refused when it would make the project invalid', async () => {
    const { call, host } = testHost();
    await call('project.openText', { name: 'q.json', text: quickstartText() });
    const bad = { ...host.doc.current.project, nodes: [...host.doc.current.project.nodes, { id: 'm2', kind: 'master', serverId: 0 }] };
    const r = await call('project.edit', { project: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    expect(host.doc.current.dirty).toBe(false);
  });

  it('opens recent files by id, never by a path the UI names', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'q.switchboard.json');
    fs.copyFileSync(QUICKSTART, file);
    const a = testHost({ dialogs: dialogsTo(file) });
    await a.call('project.openDialog');
    const b = testHost({ configDir: a.configDir, host: { mode: 'electron' } });
    const list = (await b.call('recent.list')) as { ok: true; result: { id: string; path: string }[] };
    expect(list.result[0].path).toBe(file);
    expect(await b.call('project.openRecent', { id: list.result[0].id })).toMatchObject({ ok: true, result: { path: file } });
    expect(await b.call('project.openRecent', { id: file })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await b.call('project.openRecent', { id: 'ffffffffffffffff' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('autosaves unsaved edits and offers them for recovery on the next start', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'q.switchboard.json');
    fs.copyFileSync(QUICKSTART, file);
    const first = testHost({ dialogs: dialogsTo(file) });
    await first.call('project.openDialog');
    await first.call('project.edit', { project: { ...first.host.doc.current.project, description: 'unsaved work' } });
    // The process "dies" here: only what autosave wrote survives.
    await first.host.autosave.flush();

    const second = testHost({ configDir: first.configDir, host: { mode: 'electron' } });
    const info = (await second.call('app.info')) as { ok: true; result: { recovery: RecoveryOffer[] } };
    expect(info.result.recovery).toHaveLength(1);
    expect(info.result.recovery[0]).toMatchObject({ name: 'Quickstart', path: file });
    const restored = (await second.call('recovery.restore', { id: info.result.recovery[0].id })) as { ok: true; result: DocumentState };
    expect(restored.result).toMatchObject({ source: 'recovered', dirty: true, path: file });
    expect(restored.result.project.description).toBe('unsaved work');
    // Saving the recovered document clears the autosave.
    expect(await second.call('project.save')).toMatchObject({ ok: true, result: { dirty: false } });
    expect(await second.host.autosave.offers()).toEqual([]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).description).toBe('unsaved work');
  });

  it('opens a trace file with progress and streams it', async () => {
    const configDir = tempDir();
    const rec = testHost({ configDir });
    rec.host.opts.record = true;
    await rec.call('project.openText', { name: 'q.json', text: quickstartText() });
    await rec.call('session.start', { record: true });
    await rec.call('session.run');
    rec.run(1500);
    const recording = rec.host.session!.recorder!.file;
    rec.host.session!.flushRecording();
    const recorded = rec.host.session!.sim.trace.length;

    const viewer = testHost({ dialogs: dialogsTo(recording) });
    const r = (await viewer.call('trace.openDialog')) as { ok: true; result: TraceInfo };
    expect(r.result).toMatchObject({ events: recorded, truncated: false, badLines: 0 });
    expect(viewer.pushes.some((m) => m.event === 'trace.progress' && m.payload.done)).toBe(true);
    expect(viewer.pushes.some((m) => m.event === 'stream.reset' && m.payload.kind === 'trace')).toBe(true);
    viewer.run(50);
    expect(viewer.pushes.some((m) => m.event === 'stream.events')).toBe(true);
  });
});
