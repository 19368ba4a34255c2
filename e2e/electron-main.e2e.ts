// The built Electron main process (out/main/index.js) run under Node with a recording fake of the
// `electron` module (the binary cannot be installed here): window options, IPC validation, the
// app:// protocol, navigation/permission guards, CSP header and menu, wired as Electron would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUICKSTART, REPO } from './support/serve';
import { bigProjectText } from '../src-main/host/test-support/big-project';

function runMain(env: Record<string, string> = {}, prefix = 'REPORT ', project = QUICKSTART) {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-electron-'));
  try {
    const r = spawnSync(process.execPath, ['--import', './e2e/support/fake-electron/register.mjs', 'out/main/index.js', '--project', project], {
      cwd: REPO,
      env: { ...process.env, SWITCHBOARD_CONFIG_DIR: configDir, ...env },
      encoding: 'utf8',
      timeout: 30000,
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith(prefix));
    if (!line) throw new Error(`no report; status ${r.status}; stderr: ${r.stderr}`);
    const log = path.join(configDir, 'host.log');
    return { ...JSON.parse(line.slice(prefix.length)), configFiles: fs.readdirSync(configDir), hostLog: fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '' };
  } finally {
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

describe('Electron main (built), under a fake electron module', () => {
  const report = runMain();

  it('opens one hardened window on app://switchboard with the CommonJS preload', () => {
    expect(report.loaded).toEqual(['app://switchboard/index.html']);
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(report.webPreferences.preload).toMatch(/out\/preload\/preload\.cjs$/);
    expect(fs.existsSync(report.webPreferences.preload)).toBe(true);
    expect(report.privileged[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('answers IPC from its own page only, validating params', () => {
    expect(report.trusted).toEqual({ ok: true, name: 'Quickstart' });
    expect(report.untrusted).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(report.badParams).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(report.pushes).toContain('switchboard:event stream.reset');
  });

  it('serves the renderer with its CSP, and nothing outside it', () => {
    expect(report.index.status).toBe(200);
    expect(report.index.csp).toContain("script-src 'self'");
    expect(report.escape.status).toBe(404);
    expect(report.otherHost.status).toBe(404);
    expect(report.headerCsp).toEqual([report.index.csp]);
  });

  it('blocks navigation (of the page and of any frame) and new windows, denies permissions', () => {
    expect(report.navigationPrevented).toBe(true);
    expect(report.frameNavigationPrevented).toBe(true);
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.permission).toBe(false);
  });

  it('File > Open Recent with unsaved changes asks first; Cancel keeps the edits', () => {
    expect(report.openRecent.item).toMatch(/^Quickstart — /);
    expect(report.openRecent.prompts).toEqual(['"Quickstart" has unsaved changes.']);
    expect(report.openRecent).toMatchObject({ stillDirty: true, description: 'unsaved' });
  });

  it('installs the native menu', () => {
    const file = report.menu.find((m: { label: string }) => m.label === 'File');
    expect(file.items).toEqual(expect.arrayContaining(['New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Open Trace…', 'Export Trace…']));
    expect(report.menu.map((m: { label: string }) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });
});

describe('Electron main as a second instance', () => {
  it('quits at once: no host, no window, no IPC, nothing written to the config dir', () => {
    const quit = runMain({ FAKE_ELECTRON_LOCK: 'deny' }, 'QUIT ');
    expect(quit).toMatchObject({ quits: 1, windows: 0, ipc: 0, protocol: 0, menu: false, privileged: 0 });
    expect(quit.configFiles).toEqual([]);
  });
});

describe('Electron main (built) opening a big project', () => {
  it('validates it in its worker (out/main/validate-worker.js, beside index.js)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-electron-big-'));
    try {
      const file = path.join(dir, 'big.switchboard.json');
      fs.writeFileSync(file, bigProjectText(2 * 1024 * 1024));
      const big = runMain({}, 'REPORT ', file);
      expect(big.trusted).toEqual({ ok: true, name: 'Big' });
      // Had the worker not started, the host would have validated inline and logged why.
      expect(big.hostLog).not.toMatch(/worker/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
