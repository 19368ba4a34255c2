// The Python that runs mods, as the app shows and changes it: a choice is kept only when it runs as
// 2.7, survives a restart, loses to --python / SWITCHBOARD_PYTHON, and reaches the sessions' mods.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pythonForTests } from '../mods/testing/python';
import { forgetFoundPython } from '../mods/find-python';
import { testHost } from './test-support/test-host';
import { tempDir } from './test-support/fixtures';
import type { Dialogs } from './host';

const py = pythonForTests();
const python27 = py.command;

/** A script that claims to be Python but prints 3.11 (what a user might pick by mistake). */
function fakePython3(dir: string): string {
  const file = path.join(dir, 'python3-not-2');
  fs.writeFileSync(file, "#!/bin/sh\nprintf '3.11.2'\n", { mode: 0o755 });
  return file;
}

type Reply = { ok: boolean; result?: unknown; error?: { code: string; message: string } };
type Call = (method: string, params?: unknown) => Promise<unknown>;
async function ok(call: Call, method: string, params: unknown = {}): Promise<Record<string, unknown> | null> {
  const r = (await call(method, params)) as Reply;
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.result as Record<string, unknown> | null;
}
async function refused(call: Call, method: string): Promise<{ code: string; message: string }> {
  const r = (await call(method, {})) as Reply;
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error!;
}

function dialogsPicking(file: () => string | null): Dialogs {
  const none = async () => null;
  return { openProject: none, openApolloFolder: none, saveProject: none, openTrace: none, exportTrace: none, choosePython: async () => file() };
}

describe('python.status / python.choose / python.clear', () => {
  let saved: string | undefined;
  beforeEach(() => {
    // The test machine's SWITCHBOARD_PYTHON would beat every choice: these tests are about the choice.
    saved = process.env.SWITCHBOARD_PYTHON;
    delete process.env.SWITCHBOARD_PYTHON;
    forgetFoundPython();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SWITCHBOARD_PYTHON;
    else process.env.SWITCHBOARD_PYTHON = saved;
    forgetFoundPython();
  });

  it('keeps a chosen Python 2.7 across restarts, says where it came from, and forgets it on clear', async () => {
    const configDir = tempDir('sb-python-');
    const a = testHost({ configDir, dialogs: dialogsPicking(() => python27) });
    const chosen = (await ok(a.call, 'python.choose')) as { found: boolean; version: string; source: string; chosen: string };
    expect(chosen).toMatchObject({ found: true, source: 'chosen in the app', chosen: python27, canChoose: true, commandLine: false });
    expect(chosen.version).toMatch(/^2\.7\.\d+$/);
    expect(JSON.parse(fs.readFileSync(path.join(configDir, 'python.json'), 'utf8'))).toEqual({ version: 1, python: python27 });

    const b = testHost({ configDir, dialogs: dialogsPicking(() => null) });
    expect(await ok(b.call, 'python.status')).toMatchObject({ found: true, chosen: python27, source: 'chosen in the app' });
    expect(b.host.python.path).toBe(python27);
    expect(await ok(b.call, 'python.choose')).toBeNull(); // cancelled: nothing changes
    expect(b.host.python.path).toBe(python27);

    const cleared = await ok(b.call, 'python.clear');
    expect(cleared).toMatchObject({ chosen: null });
    expect(fs.existsSync(path.join(configDir, 'python.json'))).toBe(false);
    expect(b.host.python.path).toBeNull();
  });

  it('refuses a pick that is not Python 2.7, naming it, and keeps the old choice', async () => {
    const configDir = tempDir('sb-python-');
    let pick = python27;
    const h = testHost({ configDir, dialogs: dialogsPicking(() => pick) });
    await ok(h.call, 'python.choose');
    pick = fakePython3(configDir);
    expect(await refused(h.call, 'python.choose')).toMatchObject({ code: 'invalid-file', message: expect.stringContaining(`${pick} is not a working Python 2.7`) });
    expect(h.host.python.path).toBe(python27);
    expect(JSON.parse(fs.readFileSync(path.join(configDir, 'python.json'), 'utf8')).python).toBe(python27);
  });

  it('a corrupt settings file reads as no choice (the app still starts)', async () => {
    const configDir = tempDir('sb-python-');
    fs.writeFileSync(path.join(configDir, 'python.json'), '{"version": 1, "python": ');
    const h = testHost({ configDir });
    expect(h.host.python.path).toBeNull();
    expect(await ok(h.call, 'python.status')).toMatchObject({ chosen: null });
  });

  it('--python beats the choice and says so; the browser cannot change it', async () => {
    const configDir = tempDir('sb-python-');
    fs.writeFileSync(path.join(configDir, 'python.json'), JSON.stringify({ version: 1, python: '/nowhere/python2.7' }));
    const h = testHost({ configDir, python: python27 });
    expect(h.host.python.path).toBe(python27);
    expect(await ok(h.call, 'python.status')).toMatchObject({ found: true, source: '--python', commandLine: true, canChoose: false, chosen: '/nowhere/python2.7' });
    expect(await refused(h.call, 'python.choose')).toMatchObject({ code: 'unsupported', message: expect.stringContaining('serve --python PATH') });
  });

  it('a chosen Python that no longer works: the status says what to install, and a session says the mods cannot run', async () => {
    const configDir = tempDir('sb-python-');
    fs.writeFileSync(path.join(configDir, 'python.json'), JSON.stringify({ version: 1, python: path.join(configDir, 'removed-python2.7') }));
    const h = testHost({ configDir });
    const status = (await ok(h.call, 'python.status', { refresh: true })) as { found: boolean; message: string };
    expect(status.found).toBe(false);
    expect(status.message).toContain('removed-python2.7 is not a working Python 2.7');
    expect(status.message).toContain('Choose…');
    await ok(h.call, 'project.openText', { name: 'arena.switchboard.json', text: fs.readFileSync(path.resolve('fixtures/apollo/samples/arena/arena.switchboard.json'), 'utf8') });
    await ok(h.call, 'session.start', { record: false });
    expect(h.notices().some((n) => n.level === 'error' && n.message.includes("This project's mods cannot run") && n.message.includes('removed-python2.7'))).toBe(true);
  });
});
