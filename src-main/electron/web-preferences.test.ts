import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences, APP_URL } from './web-preferences';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../host/csp';
import { REPO } from '../host/test-support/fixtures';

describe('the Electron window', () => {
  it('is sandboxed and isolated, with no Node anywhere', () => {
    const p = secureWebPreferences('/app/out/preload/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(p.preload?.endsWith('.cjs')).toBe(true);
    expect(APP_URL.startsWith('app://')).toBe(true);
  });

  it('has a strict CSP: self only, no inline script, no eval, no plugins, no framing', () => {
    expect(CSP_DIRECTIVES['default-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['frame-ancestors']).toBe("'none'");
    expect(CSP_DIRECTIVES['base-uri']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
  });

  it('puts the same policy in the renderer page meta (minus header-only frame-ancestors)', () => {
    const html = fs.readFileSync(path.join(REPO, 'src-renderer/index.html'), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    const expected = Object.entries(CSP_DIRECTIVES)
      .filter(([k]) => k !== 'frame-ancestors')
      .map(([k, v]) => `${k} ${v}`)
      .sort();
    expect(meta?.split('; ').sort()).toEqual(expected);
  });
});
