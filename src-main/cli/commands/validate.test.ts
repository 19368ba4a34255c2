import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateProjectText } from '../../../core/model/validate';
import { main } from '../main';
import { captureIo, QUICKSTART, REPO, scratchDir } from '../testing/capture-io';

const good = {
  format: 'switchboard-project', version: 1, name: 'tiny',
  nodes: [{ id: 'm', kind: 'master', serverId: 0 }, { id: 'p', kind: 'proxy', serverId: 2000 }],
};
const bad = JSON.stringify({
  ...good,
  nodes: [...good.nodes, { id: 'm2', kind: 'master', serverId: 0 }, { id: 'c', kind: 'client', uid: 1.5, proxy: 2000 }],
}, null, 2);
const { dir, cleanup } = scratchDir({
  'good.switchboard.json': JSON.stringify(good, null, 2),
  'bad.switchboard.json': bad,
  'warn.switchboard.json': JSON.stringify({ ...good, nodes: [...good.nodes, { id: 's', kind: 'service', serverId: 8000, type: 'svc' }] }, null, 2),
  'broken.switchboard.json': '{\n  "format": "switchboard-project",\n  "nodes": [,]\n}\n',
});
afterAll(cleanup);

describe('switchboard validate', () => {
  it('refuses a file over the project size limit at once, naming the limit (a 57 MB file took 73 s and 3.6 GB)', async () => {
    const big = path.join(dir, 'huge.switchboard.json');
    writeFileSync(big, JSON.stringify({ ...good, description: 'x'.repeat(57_000_000) }));
    try {
      const io = captureIo(dir);
      const t0 = performance.now();
      expect(await main(['validate', 'huge.switchboard.json'], io)).toBe(1);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(io.err()).toMatch(/^switchboard: huge\.switchboard\.json: the file is 54\.4 MiB; the limit is 16 MiB for a project\n$/);
    } finally {
      rmSync(big);
    }
  });

  it('exits 0 on a valid project, with a summary on stdout and nothing on stderr', async () => {
    const io = captureIo(dir);
    expect(await main(['validate', 'good.switchboard.json'], io)).toBe(0);
    expect(io.out()).toBe('good.switchboard.json: valid project "tiny" (2 nodes, 0 scenarios)\n');
    expect(io.err()).toBe('');
  });

  it('exits 0 on the quickstart fixture', async () => {
    const io = captureIo(dir);
    expect(await main(['validate', QUICKSTART], io)).toBe(0);
    expect(io.err()).toBe('');
  });

  it('prints warnings to stderr as FILE:LINE:COL: warning: $.path: message and still exits 0', async () => {
    const io = captureIo(dir);
    expect(await main(['validate', 'warn.switchboard.json'], io)).toBe(0);
    expect(io.err()).toMatch(/^warn\.switchboard\.json:\d+:\d+: warning: \$\.nodes\[2\]\.moduleNames: service "s" lists no moduleNames/);
  });

  it('exits 1 with each error as FILE:LINE:COL: $.path: message', async () => {
    const io = captureIo(dir);
    expect(await main(['validate', 'bad.switchboard.json'], io)).toBe(1);
    const lines = io.err().trimEnd().split('\n');
    const at = (needle: string): number => bad.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(lines).toEqual([
      `bad.switchboard.json:${at('1.5')}:7: $.nodes[3].uid: "uid" must be an integer, got 1.5`,
      'switchboard: bad.switchboard.json: not a valid project (1 error)',
    ]);
    expect(io.out()).toBe('');
  });

  it('reports semantic errors once the schema passes, with their lines', async () => {
    const fixed = bad.replace('1.5', '1');
    const { dir: d2, cleanup: c2 } = scratchDir({ 'p.switchboard.json': fixed });
    try {
      const io = captureIo(d2);
      expect(await main(['validate', 'p.switchboard.json'], io)).toBe(1);
      const kindLine = fixed.split('\n').findIndex((l) => l.includes('"m2"')) + 2;
      expect(io.err()).toContain(`p.switchboard.json:${kindLine}:7: $.nodes[2].kind: more than one master: master "m" ($.nodes[0]) is already the master`);
    } finally {
      c2();
    }
  });

  it('exits 1 on a JSON syntax error, with its line and column', async () => {
    const io = captureIo(dir);
    expect(await main(['validate', 'broken.switchboard.json'], io)).toBe(1);
    expect(io.err()).toContain('broken.switchboard.json:3:13: $.nodes[0]: invalid JSON: expected a value');
  });

  it('exits 1 on a missing file, 2 without a file argument', async () => {
    const io = captureIo(dir);
    expect(await main(['validate', 'missing.json'], io)).toBe(1);
    expect(io.err()).toBe('switchboard: missing.json: cannot read: no such file\n');
    const io2 = captureIo(dir);
    expect(await main(['validate'], io2)).toBe(2);
    expect(io2.err()).toContain("missing required argument 'file'");
  });
});

describe('every project fixture', () => {
  const files = readdirSync(path.join(REPO, 'fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.switchboard.json'))
    .sort();

  it.each(files)('%s is a valid project', (file) => {
    const r = validateProjectText(readFileSync(path.join(REPO, 'fixtures', file), 'utf8'), file);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
