import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acmeOnDisk as writeAcme } from '../../apollo/testing';
import { validateProjectText } from '../../../core/model/validate';
import { main } from '../main';
import { captureIo } from '../testing/capture-io';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const acmeOnDisk = (name: string, edit?: (files: Record<string, string>) => void): string => writeAcme(tmp, name, edit);

describe('switchboard import', () => {
  it('writes DIR/<folder>.switchboard.json, prints the findings as DIR/FILE:LINE:COL, and the result validates', async () => {
    acmeOnDisk('acme');
    const io = captureIo(tmp);
    expect(await main(['import', 'acme'], io)).toBe(0);
    const file = path.join(tmp, 'acme', 'acme.switchboard.json');
    const text = fs.readFileSync(file, 'utf8');
    const v = validateProjectText(text);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.project.apollo).toEqual({ root: '.' });
    expect(v.project.nodes.find((n) => n.id === 'lobby-4000')?.mods).toEqual(['acmeLogin', 'acmeShop']);
    expect(io.out()).toBe(`acme/acme.switchboard.json: written: "acme" with 7 servers, 4 players, 5 mod folders; 0 errors, 8 warnings. Run it: switchboard run acme/acme.switchboard.json\n`);
    const err = io.err().trimEnd().split('\n');
    expect(err[0]).toBe('acme/deploy.json:2:3: warning: comment in JSON: accepted here, but strict JSON readers refuse it');
    expect(err).toContain('acme/acmeBattle/developer_mods/acmeBattleDev/mod.json:1:60: warning: "Game" is read as "game" (Apollo\'s server types are lowercase)');
    expect(err).toHaveLength(8);
  });

  it('says "up to date" when the file already holds this import, and refuses to replace an edited one without --force', async () => {
    acmeOnDisk('again');
    const file = path.join(tmp, 'again', 'again.switchboard.json');
    expect(await main(['import', 'again'], captureIo(tmp))).toBe(0);
    const io = captureIo(tmp);
    expect(await main(['import', 'again'], io)).toBe(0);
    expect(io.out()).toMatch(/^again\/again\.switchboard\.json: up to date:/);

    const edited = fs.readFileSync(file, 'utf8').replace('"defaultLatencyMs": 5', '"defaultLatencyMs": 40');
    fs.writeFileSync(file, edited);
    const refused = captureIo(tmp);
    expect(await main(['import', 'again', '--clients', '2'], refused)).toBe(1);
    expect(refused.err()).toContain('again/again.switchboard.json exists and differs from this import (it may hold your edits): not overwritten');
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);

    const forced = captureIo(tmp);
    expect(await main(['import', 'again', '--clients', '2', '--force'], forced)).toBe(0);
    expect(forced.out()).toMatch(/: replaced: .* 2 players/);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('"defaultLatencyMs": 40');
  });

  it('writes mod paths relative to --out, and takes --clients and --duration', async () => {
    acmeOnDisk('elsewhere');
    fs.mkdirSync(path.join(tmp, 'projects'), { recursive: true });
    const io = captureIo(tmp);
    expect(await main(['import', 'elsewhere', '--out', 'projects/e.switchboard.json', '--clients', '1', '--duration', '2500'], io)).toBe(0);
    const v = validateProjectText(fs.readFileSync(path.join(tmp, 'projects', 'e.switchboard.json'), 'utf8'));
    if (!v.ok) throw new Error('invalid');
    expect(v.project.apollo).toEqual({ root: '../elsewhere' });
    expect(v.project.nodes.find((n) => n.id === 'service-8000')?.mods).toEqual(['../elsewhere/acmeShopService']);
    expect(v.project.nodes.filter((n) => n.kind === 'client')).toHaveLength(1);
    expect(v.project.scenarios[0].durationMs).toBe(2500);
    // The boot steps after 2500 ms do not run: said once.
    expect(io.err()).not.toContain('duration');
  });

  it('exits 1 but still writes what it could when a mod folder is missing, naming the deploy.json line', async () => {
    acmeOnDisk('broken', (f) => {
      for (const k of Object.keys(f)) if (k.startsWith('acmeShop/')) delete f[k];
    });
    const io = captureIo(tmp);
    expect(await main(['import', 'broken'], io)).toBe(1);
    expect(io.err()).toContain('broken/deploy.json:11:28: error: mod folder "acmeShop" is named here but is not in the Apollo folder; its nodes run without it');
    expect(fs.existsSync(path.join(tmp, 'broken', 'broken.switchboard.json'))).toBe(true);
    expect(io.out()).toContain('1 error,');
  });

  it('refuses a folder without deploy.json and writes nothing; bad option values are usage errors', async () => {
    fs.mkdirSync(path.join(tmp, 'empty'), { recursive: true });
    const io = captureIo(tmp);
    expect(await main(['import', 'empty'], io)).toBe(1);
    expect(io.err()).toContain('empty/deploy.json: error: no deploy.json here');
    expect(io.err()).toContain('switchboard: empty: not an Apollo project (no readable deploy.json); nothing written');
    expect(fs.readdirSync(path.join(tmp, 'empty'))).toEqual([]);
    expect(await main(['import', 'nowhere'], captureIo(tmp))).toBe(1);
    expect(await main(['import', 'empty', '--clients', 'many'], captureIo(tmp))).toBe(2);
    expect(await main(['import', 'empty', '--duration', '-5'], captureIo(tmp))).toBe(2);
  });
});
