import { describe, expect, it } from 'vitest';
import { ApolloFindings } from './findings';
import { scanModFolder } from './mod-folder';
import { memoryReader } from './reader';
import { acmeFiles } from './testing/acme';

function scan(files: Record<string, string>, name: string) {
  const f = new ApolloFindings();
  const folder = scanModFolder(memoryReader(files), name, f, { file: 'deploy.json', at: { line: 9, column: 5 } });
  return { folder, findings: f.list };
}

describe('scanModFolder', () => {
  it('finds the server mod (its script package, modMain.py, mod.json) and the client pack', () => {
    const { folder, findings } = scan(acmeFiles(), 'acmeLogin');
    expect(folder.exists).toBe(true);
    expect(folder.server).toHaveLength(1);
    expect(folder.server[0]).toMatchObject({
      dir: 'acmeLogin/developer_mods/acmeLoginDev',
      script: 'acmeLoginScript',
      modMain: 'acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/modMain.py',
    });
    expect(folder.server[0].modJson?.name).toBe('acmeLogin');
    expect(folder.client).toEqual([{ dir: 'acmeLogin/behavior_packs/acmeLoginBehavior', script: 'acmeLoginClientScript', modMain: 'acmeLogin/behavior_packs/acmeLoginBehavior/acmeLoginClientScript/modMain.py' }]);
    // The only finding is the duplicate "welcome_text" of its mod.json.
    expect(findings.map((x) => x.code)).toEqual(['json.duplicate-key']);
  });

  it('reports a missing folder where deploy.json names it', () => {
    const { folder, findings } = scan(acmeFiles(), 'acmeNowhere');
    expect(folder.exists).toBe(false);
    expect(findings).toEqual([{ severity: 'error', code: 'mod.folder-missing', file: 'deploy.json', line: 9, column: 5, message: expect.stringContaining('"acmeNowhere"') }]);
  });

  it('reports a server mod without modMain.py, and one with modMain.py outside a package', () => {
    const a = scan({ 'x/developer_mods/xDev/mod.json': '{}', 'x/developer_mods/xDev/xScript/other.py': '' }, 'x');
    expect(a.folder.server[0].script).toBeNull();
    expect(a.findings).toMatchObject([{ severity: 'error', code: 'mod.no-mod-main', file: 'x/developer_mods/xDev' }]);
    const b = scan({ 'x/developer_mods/xDev/modMain.py': '' }, 'x');
    expect(b.findings.map((x) => x.code)).toEqual(['mod.no-mod-main', 'mod.no-mod-json']);
    expect(b.findings[0].message).toContain('directly');
  });

  it('loads the first of several script packages by name, and says so', () => {
    const { folder, findings } = scan({ 'x/developer_mods/xDev/mod.json': '{}', 'x/developer_mods/xDev/bScript/modMain.py': '', 'x/developer_mods/xDev/aScript/modMain.py': '' }, 'x');
    expect(folder.server[0].script).toBe('aScript');
    expect(findings.map((x) => x.code)).toEqual(['mod.many-mod-main']);
  });

  it('uses a folder whose name differs only in letter case, with a warning', () => {
    const { folder, findings } = scan({ 'x/Developer_Mods/xDev/mod.json': '{}', 'x/Developer_Mods/xDev/s/modMain.py': '' }, 'x');
    expect(folder.server[0].modMain).toBe('x/Developer_Mods/xDev/s/modMain.py');
    expect(findings.map((x) => [x.code, x.file])).toEqual([['mod.name-case', 'x/Developer_Mods']]);
  });

  it('warns about a folder with no code at all, and a data-only behavior pack is fine', () => {
    expect(scan({ 'x/readme.txt': '' }, 'x').findings.map((f) => f.code)).toEqual(['mod.empty']);
    const packs = scan({ 'x/behavior_packs/xBeh/manifest.json': '{}' }, 'x');
    expect(packs.findings).toEqual([]);
    expect(packs.folder.client).toEqual([{ dir: 'x/behavior_packs/xBeh', script: null, modMain: null }]);
  });

  it('reports an unreadable mod.json as an error naming it', () => {
    const files = { 'x/developer_mods/xDev/mod.json': '{', 'x/developer_mods/xDev/s/modMain.py': '' };
    const { findings } = scan(files, 'x');
    expect(findings).toMatchObject([{ severity: 'error', code: 'json.syntax', file: 'x/developer_mods/xDev/mod.json', line: 1 }]);
  });
});
