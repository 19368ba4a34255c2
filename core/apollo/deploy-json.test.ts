import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NUM, parseDeployJson } from './deploy-json';
import { ApolloFindings } from './findings';
import { ACME_DEPLOY } from './testing/acme';

function parse(text: string) {
  const f = new ApolloFindings();
  return { model: parseDeployJson(text, f), findings: f.list };
}
const codes = (list: { code: string }[]) => list.map((x) => x.code);

describe('parseDeployJson', () => {
  it('reads the master, the server entries in file order and the services', () => {
    const { model, findings } = parse(ACME_DEPLOY);
    expect(model.master?.mods.map((m) => m.name)).toEqual(['acmeLoginMaster']);
    expect(model.entries.map((e) => [e.kind, e.label, e.num, e.type, e.mods.map((m) => m.name)])).toEqual([
      ['proxy', 'proxy[0]', 2, 'proxy', []],
      ['lobby', 'lobby[0]', 1, 'lobby', ['acmeLogin', 'acmeShop']],
      ['game', 'game[0]', 2, 'battle', ['acmeLogin', 'acmeBattle']],
      ['service', 'servicelist[0]', 1, 'shop_service', ['acmeShopService']],
    ]);
    expect(model.entries[3].moduleNames).toEqual(['acmeShop']);
    expect(codes(findings)).toEqual(['json.comment', 'json.trailing-comma', 'json.duplicate-key']);
  });

  it('names where each mod is named (the line of "mods", or of the list item)', () => {
    const { model } = parse('{\n "lobby": [\n  { "num": 1, "type": "lobby",\n    "mods": "a, b" }\n ],\n "game": [ { "num": 1, "type": "g", "mods": [\n "c"\n ] } ]\n}');
    expect(model.entries[0].mods).toEqual([{ name: 'a', at: { line: 4, column: 5 } }, { name: 'b', at: { line: 4, column: 5 } }]);
    expect(model.entries[1].mods[0].at?.line).toBe(7);
  });

  it('tolerates what deploy files in the wild do, each with a finding', () => {
    const { model, findings } = parse(`{
  "master": { "mods": "m1,,m1" },
  "common": { "servicelist": [ { "type": "svc", "module_names": "x, y", "mods": "s1" } ] },
  "lobby": { "type": "lobby", "num": "3", "mods": "../evil, l1", "serverid": 4000 },
  "game": [ 7, { "num": -1 }, { "num": 0, "type": "g" }, { "num": 5000, "type": "g" }, { "app_type": "lobby", "type": "g", "num": 1, "module_names": ["z"] } ]
}`);
    expect(model.master?.mods.map((m) => m.name)).toEqual(['m1']);
    expect(model.entries.map((e) => [e.kind, e.num, e.type ?? null])).toEqual([
      ['lobby', 3, 'lobby'],
      ['game', 1, null],
      ['game', 0, 'g'],
      ['game', MAX_NUM, 'g'],
      ['game', 1, 'g'],
      ['service', 1, 'svc'],
    ]);
    expect(model.entries[0].mods.map((m) => m.name)).toEqual(['l1']);
    expect(model.entries[5].moduleNames).toEqual(['x', 'y']);
    expect(codes(findings).sort()).toEqual(
      [
        'deploy.mod-twice',
        'deploy.section-object',
        'deploy.num-string',
        'deploy.mod-name',
        'deploy.serverid',
        'deploy.entry',
        'deploy.num',
        'deploy.type',
        'deploy.num-zero',
        'deploy.num-large',
        'deploy.app-type',
        'deploy.module-names',
      ].sort(),
    );
    const errors = findings.filter((x) => x.severity === 'error').map((x) => x.code).sort();
    expect(errors).toEqual(['deploy.entry', 'deploy.mod-name', 'deploy.num', 'deploy.num-large']);
    for (const x of findings) expect(x.line).toBeGreaterThan(0);
  });

  it('takes one server for an entry without "num": warned for servers, silent for services (they usually have none)', () => {
    const { model, findings } = parse('{ "common": { "master": {} }, "lobby": [ { "type": "lobby" } ], "servicelist": [ { "type": "s" } ] }');
    expect(model.entries.map((e) => e.num)).toEqual([1, 1]);
    expect(codes(findings)).toEqual(['deploy.num-missing']);
  });

  it('adds a warning when there is no master, and reads nothing from a non-object', () => {
    expect(codes(parse('{ "lobby": [] }').findings)).toEqual(['deploy.no-master']);
    const arr = parse('[1, 2]');
    expect(arr.model).toEqual({ master: null, entries: [] });
    expect(codes(arr.findings)).toEqual(['deploy.not-object']);
  });

  it('never throws on any JSON value, reads one entry per object item, and bounds num', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const entry = fc.record({ num: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.string(), json), type: fc.oneof(fc.string(), json), mods: fc.oneof(fc.string(), fc.array(fc.string()), json), module_names: fc.oneof(fc.array(fc.string()), json) }, { requiredKeys: [] });
    const section = fc.oneof(fc.array(fc.oneof(entry, json), { maxLength: 4 }), entry, json);
    const deploy = fc.record({ common: fc.oneof(fc.record({ master: fc.oneof(entry, json) }, { requiredKeys: [] }), json), proxy: section, lobby: section, game: section, servicelist: section }, { requiredKeys: [] });
    fc.assert(
      fc.property(deploy, (d) => {
        const { model } = parse(JSON.stringify(d));
        let objects = 0;
        for (const key of ['proxy', 'lobby', 'game', 'servicelist'] as const) {
          const s = (d as Record<string, unknown>)[key];
          if (Array.isArray(s)) objects += s.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x)).length;
          else if (typeof s === 'object' && s !== null) objects += 1;
        }
        const inCommon = (d.common as Record<string, unknown> | undefined)?.servicelist;
        expect(model.entries.length).toBeGreaterThanOrEqual(objects);
        if (inCommon === undefined) expect(model.entries.length).toBe(objects);
        for (const e of model.entries) {
          expect(Number.isInteger(e.num) && e.num >= 0 && e.num <= MAX_NUM).toBe(true);
          for (const m of e.mods) expect(m.name).toMatch(/^[^/\\\0]+$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
