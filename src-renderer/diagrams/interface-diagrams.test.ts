import { describe, expect, it } from 'vitest';
import { INTERFACES, MESSAGE_APIS } from '../../core/api/interfaces';
import { DELIVERS_TO, interfaceDiagrams } from './interface-diagrams';

describe('interface diagrams', () => {
  const d = interfaceDiagrams();
  const edge = (target: string, api: string, from: string) => d.find((x) => x.target === target)?.edges.find((e) => e.api === api && e.from === from);

  it('draws every messaging interface and each of its INTERFACES callers, and nothing else', () => {
    expect(Object.keys(DELIVERS_TO).sort()).toEqual([...MESSAGE_APIS].sort());
    for (const api of MESSAGE_APIS) {
      const drawn = d.flatMap((x) => x.edges.filter((e) => e.api === api)).flatMap((e) => e.from.replace('lobby/game', 'lobby, game').split(', '));
      for (const caller of INTERFACES[api].callers) expect(drawn).toContain(caller);
      expect(new Set(drawn)).toEqual(new Set(INTERFACES[api].callers));
    }
  });

  it('names the listen identity the reference gives per caller kind', () => {
    expect(edge('service', 'NotifyToServiceNode', 'lobby/game')?.heard).toBe('NeteaseExtraApi/extraApiDev');
    expect(edge('service', 'NotifyToServiceNode', 'master')?.heard).toBe('NeteaseExtraApi/extraApiMaster');
    expect(edge('service', 'NotifyToServiceNode', 'client')?.heard).toContain('__neteaseProxyId__');
    expect(edge('master', 'NotifyToMaster', 'service')?.heard).toBe('NeteaseExtraApi/extraApiService');
    expect(edge('master', 'NotifyToMaster', 'lobby/game')?.heard).toBe("sender's (ns, sys)");
    expect(edge('service', 'BroadcastToService', 'service')?.thick).toBe(true);
    expect(edge('lobby/game', 'BroadcastToServerByType', 'service')?.thick).toBe(true);
    expect(edge('client', 'NotifyToClient', 'lobby/game')?.thick).toBe(false);
  });

  it('has the four diagrams of the reference', () => {
    expect(d.map((x) => x.target)).toEqual(['client', 'lobby/game', 'master', 'service']);
    expect(d.every((x) => x.edges.length > 0)).toBe(true);
  });
});
