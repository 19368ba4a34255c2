import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../model/validate';
import type { NodeSpec } from '../model/schema';
import { BOOT_SCENARIO, FIRST_LOGIN_DELAY_MS, ID_RANGES, LOGIN_GAP_MS, SERVER_GAP_MS } from './generate';
import { importApollo } from './import';
import { memoryReader } from './reader';
import { acmeFiles } from './testing/acme';

const byId = (nodes: NodeSpec[]) => new Map(nodes.map((n) => [n.id, n]));

describe('importApollo', () => {
  it('turns the acme project into nodes with assigned ids, mods, modules, players and a boot scenario', () => {
    const r = importApollo(memoryReader(acmeFiles()), { name: 'acme' });
    expect(r.hasDeployJson).toBe(true);
    const p = r.project;
    expect(p.apollo).toEqual({ root: '.' });
    expect(p.nodes.map((n) => [n.id, n.kind, n.serverId ?? n.uid, n.type ?? null, n.name])).toEqual([
      ['master', 'master', 0, null, 'master'],
      ['proxy-2000', 'proxy', 2000, null, 'proxy 2000'],
      ['proxy-2001', 'proxy', 2001, null, 'proxy 2001'],
      ['lobby-4000', 'lobby', 4000, 'lobby', 'lobby 4000'],
      ['game-5000', 'game', 5000, 'battle', 'battle 5000'],
      ['game-5001', 'game', 5001, 'battle', 'battle 5001'],
      ['service-8000', 'service', 8000, 'shop_service', 'shop_service 8000'],
      ['client-1', 'client', 100001, null, 'player 1'],
      ['client-2', 'client', 100002, null, 'player 2'],
      ['client-3', 'client', 100003, null, 'player 3'],
      ['client-4', 'client', 100004, null, 'player 4'],
    ]);
    const nodes = byId(p.nodes);
    expect(nodes.get('master')?.mods).toEqual(['acmeLoginMaster']);
    expect(nodes.get('lobby-4000')?.mods).toEqual(['acmeLogin', 'acmeShop']);
    expect(nodes.get('game-5001')?.mods).toEqual(['acmeLogin', 'acmeBattle']);
    expect(nodes.get('proxy-2000')?.mods).toBeUndefined();
    // deploy.json's module_names first, then the service mod's mod.json ones.
    expect(nodes.get('service-8000')?.moduleNames).toEqual(['acmeShop', 'acmeShopAdmin']);
    expect(p.nodes.filter((n) => n.kind === 'client').map((n) => n.proxy)).toEqual([2000, 2001, 2000, 2001]);
    expect(p.links).toEqual([]);

    const boot = p.scenarios.find((s) => s.name === BOOT_SCENARIO)!;
    expect(boot.startStopped).toBe(true);
    expect(boot.durationMs).toBe(60000);
    const starts = boot.steps.filter((s) => s.do === 'start').map((s) => [s.at, 'node' in s ? s.node : '']);
    expect(starts).toEqual([[0, 'master'], [10, 'service-8000'], [20, 'proxy-2000'], [30, 'proxy-2001'], [40, 'lobby-4000'], [50, 'game-5000'], [60, 'game-5001']]);
    const logins = boot.steps.filter((s) => s.do === 'login').map((s) => [s.at, 'client' in s ? s.client : '']);
    expect(logins).toEqual([[1060, 'client-1'], [1560, 'client-2'], [2060, 'client-3'], [2560, 'client-4']]);

    expect(validateProject(p).ok).toBe(true);
    expect(r.mods.map((m) => m.name)).toEqual(['acmeLoginMaster', 'acmeLogin', 'acmeShop', 'acmeBattle', 'acmeShopService']);
  });

  it('reports the acme quirks, each naming its file and (where it has one) line', () => {
    const r = importApollo(memoryReader(acmeFiles()), { name: 'acme' });
    expect(r.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(r.findings.map((f) => [f.code, f.file, f.line ?? null])).toEqual([
      ['json.comment', 'deploy.json', 2],
      ['json.trailing-comma', 'deploy.json', 14],
      ['json.duplicate-key', 'deploy.json', 17],
      ['modjson.support-case', 'acmeLoginMaster/developer_mods/acmeLoginMasterDev/mod.json', 1],
      ['json.duplicate-key', 'acmeLogin/developer_mods/acmeLoginDev/mod.json', 7],
      ['modjson.support-case', 'acmeBattle/developer_mods/acmeBattleDev/mod.json', 1],
      ['import.module-not-in-deploy', 'acmeShopService/developer_mods/acmeShopServiceDev/mod.json', 1],
      ['modjson.duplicate-name', 'acmeBattle/developer_mods/acmeBattleDev/mod.json', 1],
    ]);
  });

  it('writes mod paths relative to where the project file will be, and takes the player count and duration', () => {
    const r = importApollo(memoryReader(acmeFiles()), { name: 'acme', root: '../apollo/', clients: 1, durationMs: 5000 });
    expect(r.project.apollo).toEqual({ root: '../apollo' });
    expect(byId(r.project.nodes).get('lobby-4000')?.mods).toEqual(['../apollo/acmeLogin', '../apollo/acmeShop']);
    expect(r.project.nodes.filter((n) => n.kind === 'client')).toHaveLength(1);
    expect(r.project.scenarios[0].durationMs).toBe(5000);
  });

  it('still produces a project when mods are missing or broken, with errors naming them', () => {
    const files = acmeFiles();
    delete files['acmeShop/developer_mods/acmeShopDev/acmeShopScript/modMain.py'];
    for (const k of Object.keys(files)) if (k.startsWith('acmeBattle/')) delete files[k];
    const r = importApollo(memoryReader(files), { name: 'acme' });
    const errors = r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.file, f.line ?? null]);
    expect(errors).toEqual([
      ['mod.no-mod-main', 'acmeShop/developer_mods/acmeShopDev', null],
      ['mod.folder-missing', 'deploy.json', 14],
    ]);
    // The missing folder is left out of the nodes' mods; the one without modMain stays (the runtime reports it too).
    expect(byId(r.project.nodes).get('game-5000')?.mods).toEqual(['acmeLogin']);
    expect(byId(r.project.nodes).get('lobby-4000')?.mods).toEqual(['acmeLogin', 'acmeShop']);
    expect(validateProject(r.project).ok).toBe(true);
  });

  it('says so when there is no deploy.json, and adds a proxy when the clients need one', () => {
    const none = importApollo(memoryReader({ 'x/readme.txt': '' }), { name: 'x' });
    expect(none.hasDeployJson).toBe(false);
    expect(none.findings[0]).toMatchObject({ severity: 'error', code: 'deploy.missing', file: 'deploy.json' });
    const noProxy = importApollo(memoryReader({ 'deploy.json': '{ "common": { "master": {} }, "lobby": [ { "num": 1, "type": "lobby" } ] }' }), { name: 'x', clients: 2 });
    expect(noProxy.project.nodes.filter((n) => n.kind === 'proxy').map((n) => n.serverId)).toEqual([2000]);
    expect(noProxy.findings.map((f) => f.code)).toContain('import.no-proxy');
    expect(validateProject(noProxy.project).ok).toBe(true);
  });

  it('caps each kind at its id range, with an error', () => {
    const r = importApollo(memoryReader({ 'deploy.json': '{ "common": { "master": {} }, "proxy": [ { "num": 1 } ], "lobby": [ { "num": 600, "type": "a" }, { "num": 600, "type": "b" } ] }' }), { name: 'x', clients: 0 });
    const lobbies = r.project.nodes.filter((n) => n.kind === 'lobby');
    expect(lobbies).toHaveLength(ID_RANGES.lobby.max);
    expect(lobbies[lobbies.length - 1].serverId).toBe(4999);
    expect(r.findings.find((f) => f.code === 'import.id-range')).toMatchObject({ severity: 'error', line: 1 });
  });

  it('warns when the run ends before the last login', () => {
    const r = importApollo(memoryReader(acmeFiles()), { name: 'acme', durationMs: 100 });
    expect(r.findings.map((f) => f.code)).toContain('import.duration-short');
  });

  it('assigns ids deterministically: per kind in deploy.json order, unique, in range; the same input gives the same project', () => {
    const modPool = ['mA', 'mB', 'mC', 'mD'];
    const entry = fc.record({ num: fc.integer({ min: 0, max: 4 }), type: fc.constantFrom('lobby', 'battle', 'svc', 'x y'), mods: fc.subarray(modPool).map((m) => m.join(',')) });
    const deploy = fc.record({
      common: fc.record({ master: fc.record({ mods: fc.subarray(modPool).map((m) => m.join(',')) }) }),
      proxy: fc.array(entry, { maxLength: 3 }),
      lobby: fc.array(entry, { maxLength: 3 }),
      game: fc.array(entry, { maxLength: 3 }),
      servicelist: fc.array(fc.record({ num: fc.integer({ min: 0, max: 3 }), type: fc.constantFrom('s1', 's2'), mods: fc.constantFrom('', 'mD'), module_names: fc.array(fc.constantFrom('k1', 'k2')) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(deploy, fc.subarray(modPool), fc.integer({ min: 0, max: 6 }), (d, present, clients) => {
        const files: Record<string, string> = { 'deploy.json': JSON.stringify(d, null, 1) };
        for (const m of present) {
          files[`${m}/developer_mods/${m}Dev/mod.json`] = `{ "netgame_mod_name": "${m}", "module_names": ["${m}Module"] }`;
          files[`${m}/developer_mods/${m}Dev/${m}Script/modMain.py`] = '';
        }
        const a = importApollo(memoryReader(files), { name: 'p', clients });
        const b = importApollo(memoryReader({ ...files }), { name: 'p', clients });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(a.findings.filter((f) => f.code === 'import.invalid-project')).toEqual([]);
        expect(validateProject(a.project).ok).toBe(true);

        const nodes = a.project.nodes;
        const ids = nodes.filter((n) => n.kind !== 'client').map((n) => n.serverId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(nodes[0]).toMatchObject({ id: 'master', serverId: 0 });
        const sections = { proxy: d.proxy, lobby: d.lobby, game: d.game, service: d.servicelist } as const;
        for (const kind of ['proxy', 'lobby', 'game', 'service'] as const) {
          const want = sections[kind].flatMap((e) => Array.from({ length: e.num }, () => e.type));
          const got = nodes.filter((n) => n.kind === kind);
          const expected = want.length === 0 && kind === 'proxy' && clients > 0 ? 1 : want.length;
          expect(got.map((n) => n.serverId)).toEqual(Array.from({ length: expected }, (_, i) => ID_RANGES[kind].first + i));
          if (kind !== 'proxy') expect(got.map((n) => n.type)).toEqual(want);
          for (const n of got) expect(n.id).toBe(`${kind}-${n.serverId}`);
        }
        for (const n of nodes) for (const m of n.mods ?? []) expect(present).toContain(m);
        const proxies = new Set(nodes.filter((n) => n.kind === 'proxy').map((n) => n.serverId));
        for (const c of nodes.filter((n) => n.kind === 'client')) expect(proxies.has(c.proxy)).toBe(true);

        const steps = a.project.scenarios[0].steps;
        for (let i = 1; i < steps.length; i++) expect(steps[i].at).toBeGreaterThan(steps[i - 1].at);
        const started = steps.filter((s) => s.do === 'start').map((s) => ('node' in s ? s.node : ''));
        expect(started.sort()).toEqual(nodes.filter((n) => n.kind !== 'client').map((n) => n.id).sort());
        const servers = started.length;
        const logins = steps.filter((s) => s.do === 'login');
        expect(logins).toHaveLength(clients);
        if (clients > 0) expect(logins[0].at).toBe((servers - 1) * SERVER_GAP_MS + FIRST_LOGIN_DELAY_MS);
        if (clients > 1) expect(logins[1].at - logins[0].at).toBe(LOGIN_GAP_MS);
      }),
      { numRuns: 150 },
    );
  });
});
