// What `npm run build` produced: a CommonJS preload needing only 'electron' (sandbox rule), the
// main entry package.json names, and a renderer page carrying the CSP.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { REPO } from './support/serve';
import { bigProjectText } from '../src-main/host/test-support/big-project';

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

  it('emits the project-validation worker beside the main entry, and it validates on its own', async () => {
    const worker = new Worker(path.join(REPO, 'out/main/validate-worker.js'));
    try {
      const replies: { type: string; stage?: string; json?: string }[] = [];
      const result = new Promise<{ json?: string }>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (m: { type: string; json?: string }) => {
          replies.push(m);
          if (m.type === 'valid' || m.type === 'result' || m.type === 'failed') resolve(m);
        });
      });
      worker.postMessage({ id: 1, name: 'big.switchboard.json', text: bigProjectText(512 * 1024) });
      const r = await result;
      expect(replies.map((m) => m.stage ?? m.type)).toEqual(['ready', 'parse', 'check', 'valid']);
      expect((JSON.parse(r.json ?? '{}') as { name: string }).name).toBe('Big');
    } finally {
      await worker.terminate();
    }
  });
});
