// What `npm run build` produced: a CommonJS preload needing only 'electron' (sandbox rule), the
// main entry package.json names, and a renderer page carrying the CSP.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/serve';

describe('the build', () => {
  it('emits a sandbox-compatible CommonJS preload', () => {
    const preload = fs.readFileSync(path.join(REPO, 'out/preload/preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('emits the main entry package.json points at, and the renderer with its CSP', () => {
    const main = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).main as string;
    expect(fs.existsSync(path.join(REPO, main))).toBe(true);
    const html = fs.readFileSync(path.join(REPO, 'out/renderer/index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
