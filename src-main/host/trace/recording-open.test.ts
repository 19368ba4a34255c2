// Open recording… in the host: a folder (Electron) or an upload (browser) merged into the trace
// shown, with progress pushes and the merge report in the answer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dialogs } from '../host';
import { mergeTexts } from '../../../core/merge/merge';
import { engineRun } from '../../../core/merge/testing/engine-runs';
import { synthesizeRecordings } from '../../../core/merge/testing/synth';
import { tempDir } from '../test-support/fixtures';
import { testHost } from '../test-support/test-host';

const run = engineRun('quickstart');
const files = synthesizeRecordings(run.header, run.events, { skewMs: { 'lobby-4000': 1200 }, lose: (node, seq) => node === 'master' && seq === 4 });

function folder(): string {
  const dir = tempDir('sb-recording-');
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.text);
  return dir;
}

const expected = mergeTexts(files, 'x');

describe('Open recording…', () => {
  it('merges a folder picked in the dialog and shows the trace, with progress and the report', async () => {
    const dir = folder();
    const dialogs = { openRecordingFolder: async () => dir } as unknown as Dialogs;
    const { call, pushes } = testHost({ dialogs });
    const reply = await call('recording.openDialog');
    if (!reply.ok) throw new Error(reply.error.message);
    const info = reply.result as { name: string; events: number; merge: { servers: { node: string; skewMs: number }[]; issueTotal: number }; issues: unknown[] };
    expect(info.name).toBe(path.basename(dir));
    expect(info.events).toBe(expected.events.length);
    expect(info.merge.servers.find((s) => s.node === 'lobby-4000')?.skewMs).toBe(-1200);
    expect(info.merge.issueTotal).toBe(expected.report.issueTotal);
    expect(info.issues[0]).toMatchObject({ path: 'master.ndjson', message: expect.stringMatching(/^seq-gap: /) });
    const progress = pushes.filter((p) => p.event === 'trace.progress');
    expect(progress.at(-1)?.payload).toMatchObject({ done: true });
    expect(pushes.some((p) => p.event === 'stream.reset' && p.payload.kind === 'trace')).toBe(true);
  });

  it('keeps the merged trace in a file while it is open, and removes it when another trace replaces it', async () => {
    const dir = folder();
    const { call, configDir } = testHost({ dialogs: { openRecordingFolder: async () => dir } as unknown as Dialogs });
    expect((await call('recording.openDialog')).ok).toBe(true);
    expect(fs.readdirSync(path.join(configDir, 'merged'))).toHaveLength(1);
    const text = fs.readFileSync(path.join(configDir, 'merged', fs.readdirSync(path.join(configDir, 'merged'))[0]), 'utf8');
    expect(text.split('\n')[0]).toContain('"format":"switchboard-trace"');
    expect((await call('trace.openText', { name: 't.ndjson', text })).ok).toBe(true);
    expect(fs.readdirSync(path.join(configDir, 'merged'))).toEqual([]);
  });

  it('merges files uploaded in chunks, then removes the upload', async () => {
    const { call, configDir } = testHost();
    for (const f of files) {
      const cut = Math.floor(f.text.length / 2);
      expect((await call('recording.upload', { upload: 'up1', label: `rec/${f.name}`, text: f.text.slice(0, cut) })).ok).toBe(true);
      expect((await call('recording.upload', { upload: 'up1', label: `rec/${f.name}`, text: f.text.slice(cut), append: true })).ok).toBe(true);
    }
    const reply = await call('recording.merge', { upload: 'up1', name: 'rec' });
    if (!reply.ok) throw new Error(reply.error.message);
    const info = reply.result as { events: number; merge: { issues: { file: string }[] } };
    expect(info.events).toBe(expected.events.length);
    expect(info.merge.issues[0].file).toBe('rec/master.ndjson');
    expect(fs.readdirSync(path.join(configDir, 'uploads'))).toEqual([]);
    const again = await call('recording.merge', { upload: 'up1', name: 'rec' });
    expect(again.ok).toBe(false);
  });

  it('refuses what is not a recording, an unknown upload, and names that are paths', async () => {
    const { call } = testHost({ dialogs: { openRecordingFolder: async () => tempDir('sb-empty-') } as unknown as Dialogs });
    const empty = await call('recording.openDialog');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/no recording files/);
    await call('recording.upload', { upload: 'up2', label: 'trace.ndjson', text: '{"format":"switchboard-trace","version":1}\n' });
    const notRec = await call('recording.merge', { upload: 'up2', name: 'x' });
    expect(notRec.ok).toBe(false);
    if (!notRec.ok) expect(notRec.error.message).toMatch(/no recorder file/);
    expect((await call('recording.merge', { upload: 'nope', name: 'x' })).ok).toBe(false);
    expect((await call('recording.upload', { upload: '../x', label: 'a', text: '' })).ok).toBe(false);
  });
});
