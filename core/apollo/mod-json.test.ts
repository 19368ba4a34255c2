import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApolloFindings } from './findings';
import { parseModJson, SUPPORT_KINDS } from './mod-json';

function parse(text: string) {
  const f = new ApolloFindings();
  return { mod: parseModJson(text, 'm/mod.json', f), findings: f.list };
}

describe('parseModJson', () => {
  it('reads the official fields and keeps the whole object for the mod', () => {
    const { mod, findings } = parse('{\n "_comment": "name",\n "netgame_mod_name": "teamGuild",\n "_comment": "types",\n "netgame_mod_version": "1.0.2",\n "support_server_type": ["lobby", "game"],\n "guild_name_limit": 20\n}');
    expect(mod).toMatchObject({ name: 'teamGuild', version: '1.0.2', supports: ['lobby', 'game'], moduleNames: [], nameAt: { line: 3 }, supportsAt: { line: 6 } });
    expect(mod?.value.guild_name_limit).toBe(20);
    expect(findings).toEqual([]);
  });

  it('accepts mixed-case kinds, a string for the list, and module_names as a string, with warnings', () => {
    const { mod, findings } = parse('{ "support_server_type": "Service", "module_names": "teamGuild, teamGuildAdmin" }');
    expect(mod?.supports).toEqual(['service']);
    expect(mod?.moduleNames).toEqual(['teamGuild', 'teamGuildAdmin']);
    expect(findings.map((x) => x.code)).toEqual(['modjson.support-string', 'modjson.support-case']);
  });

  it('warns about kinds a mod cannot support and ignores them', () => {
    const { mod, findings } = parse('{ "support_server_type": ["Master", "proxy", 3, "master"] }');
    expect(mod?.supports).toEqual(['master']);
    expect(findings.map((x) => x.code)).toEqual(['modjson.support-case', 'modjson.support-unknown', 'modjson.support-item']);
  });

  it('says nothing of support when the field is absent (null), and refuses a non-object', () => {
    expect(parse('{}').mod?.supports).toBeNull();
    const bad = parse('"lobby"');
    expect(bad.mod).toBeNull();
    expect(bad.findings[0]).toMatchObject({ severity: 'error', code: 'modjson.not-object', file: 'm/mod.json' });
  });

  it('never throws; supports only ever holds known kinds, once each', () => {
    const kindish = fc.oneof(fc.constantFrom(...SUPPORT_KINDS, 'Lobby', 'GAME', 'Master', 'proxy', ' service '), fc.string(), fc.jsonValue({ maxDepth: 2 }));
    const mod = fc.record({ netgame_mod_name: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })), support_server_type: fc.oneof(fc.array(kindish), kindish), module_names: fc.oneof(fc.array(fc.string()), fc.string(), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] });
    fc.assert(
      fc.property(mod, (m) => {
        const { mod: out } = parse(JSON.stringify(m));
        expect(out).not.toBeNull();
        const s = out!.supports ?? [];
        expect(new Set(s).size).toBe(s.length);
        for (const k of s) expect(SUPPORT_KINDS).toContain(k);
        for (const n of out!.moduleNames) expect(n.trim()).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
