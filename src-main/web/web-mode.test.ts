// Web mode as `switchboard serve` starts it: the quickstart without --project (as the README says),
// and only the --project file may be opened or saved.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../host/dispatch';
import { QUICKSTART, tempDir } from '../host/test-support/fixtures';
import { startWebMode } from './web-mode';

function staticDir(): string {
  const dir = tempDir('sb-static-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  return dir;
}

describe('startWebMode', () => {
  it('without --project opens the built-in quickstart as an unsaved copy (Save downloads it)', async () => {
    const web = await startWebMode({ staticDir: staticDir(), configDir: tempDir() });
    try {
      expect(web.host.doc.current).toMatchObject({ name: 'Quickstart', path: null, dirty: false });
      expect(web.host.session?.opts.scenario).toBe('tour');
      const { id } = web.host.attach({ send: () => {} });
      expect(await dispatch(web.host, 'project.save', {}, { clientId: id })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    } finally {
      await web.close();
    }
  });

  it('with --project opens and saves that file, and only that file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'mine.switchboard.json');
    fs.copyFileSync(QUICKSTART, file);
    const web = await startWebMode({ staticDir: staticDir(), configDir: tempDir(), project: file });
    try {
      const { id } = web.host.attach({ send: () => {} });
      const call = (m: string, p: unknown = {}) => dispatch(web.host, m, p, { clientId: id });
      await call('project.edit', { project: { ...web.host.doc.current.project, description: 'edited in the browser' } });
      expect(await call('project.save')).toMatchObject({ ok: true, result: { path: file, dirty: false } });
      await expect(web.host.openFile(QUICKSTART)).rejects.toThrow(/Web mode opens only the file given with --project/);
    } finally {
      await web.close();
    }
  });
});
