// `npm start` without the Electron binary: web mode on the quickstart project.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, stopChild, waitForUrl } from './support/serve';

let child: ChildProcess | undefined;
afterAll(() => (child ? stopChild(child) : undefined));

describe('npm start', () => {
  it('falls back to web mode, prints a tokenised URL and serves the app there only', async () => {
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-start-'));
    child = spawn(process.execPath, [path.join(REPO, 'scripts/start.mjs'), '--no-open'], { cwd: REPO, env: { ...process.env, SWITCHBOARD_CONFIG_DIR: configDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await waitForUrl(child, 60000);
    const origin = new URL(url).origin;
    expect((await fetch(`${origin}/`, { redirect: 'manual' })).status).toBe(403);
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await fetch(`${origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }, 90000);
});
