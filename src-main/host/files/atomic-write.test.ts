import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWriteFile, removeStaleTemps } from './atomic-write';
import { readProjectFile, writeProjectFile } from './project-file';
import { emptyProject } from '../document';
import { exited, REPO, spawnTs, tempDir, waitForLine } from '../test-support/fixtures';

describe('atomicWriteFile', () => {
  it('replaces the file and leaves no temp behind', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'a.json');
    await atomicWriteFile(f, 'one');
    await atomicWriteFile(f, 'two');
    expect(fs.readFileSync(f, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('fails without touching the target when the directory is missing', async () => {
    await expect(atomicWriteFile(path.join(tempDir(), 'no/such/dir/a.json'), 'x')).rejects.toThrow();
  });

  it('removes temps of dead writers only', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'p.json');
    fs.writeFileSync(f, 'keep');
    fs.writeFileSync(path.join(dir, '.p.json.sbtmp-999999999-abcd'), 'torn');
    expect(await removeStaleTemps(f)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['p.json']);
  });
});

describe('a save killed with SIGKILL', () => {
  it('leaves the previous file intact (several kills at different moments)', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'big.switchboard.json');
    await writeProjectFile(target, { ...emptyProject('v0'), description: 'original' });
    let tornTemps = 0;
    // 'temp' kills the moment a temp file exists (surely mid-save); the delays land anywhere.
    for (const moment of ['temp', 5, 20, 45, 80] as const) {
      const child = spawnTs(path.join(REPO, 'src-main/host/test-support/save-loop.ts'), [target]);
      await waitForLine(child, /saving 2\n/);
      if (moment === 'temp') {
        const deadline = Date.now() + 20_000;
        while (!fs.readdirSync(dir).some((n) => n.includes('.sbtmp-')) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      } else {
        await new Promise((r) => setTimeout(r, moment));
      }
      child.kill('SIGKILL');
      await exited(child);
      // The file is always one whole version: valid, with an untorn description.
      const r = await readProjectFile(target);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const d = r.project.description ?? '';
      expect(d === 'original' || (/^\d/.test(d) && d === d[0].repeat(d.length))).toBe(true);
      if (d !== 'original') expect(d.length).toBe(8_000_000);
      const temps = fs.readdirSync(dir).filter((n) => n.includes('.sbtmp-'));
      tornTemps += temps.length;
      await removeStaleTemps(target);
    }
    // Evidence the kills landed mid-save: at least one run left a half-written temp file.
    expect(tornTemps).toBeGreaterThan(0);
  }, 60000);
});
