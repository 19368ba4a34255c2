// Behaviours real code relies on (issue 9): non-dict payloads, the listenerMatch option, and a
// NotifyToClient from the old server while its player is mid-transfer.
import { describe, expect, it } from 'vitest';
import { ClientSystem, MasterSystem, ServerSystem, ServiceSystem } from '../api/systems';
import { findAll, findOne } from '../testing/trace-query';
import { makeProject } from '../testing/topology';
import type { ProjectInput } from '../model/schema';
import { Simulation } from './simulation';

function sim(extra: Partial<ProjectInput> = {}) {
  return new Simulation(makeProject({ games: 1, services: [{ serverId: 8000, type: 'idv_service', modules: ['idv_module'] }, { serverId: 8001, type: 'rank', modules: [] }] }, extra));
}

describe('non-dict eventData is delivered unchanged', () => {
  const payloads: unknown[] = [[1, 2, 3], 'text', 42, 1.5, true, false, null, { a: [1, { b: null }] }];

  it.each(payloads.map((p) => [JSON.stringify(p), p]))('NotifyToServer %s: no __id__ injected into a non-dict', (_name, payload) => {
    const s = sim();
    const got: unknown[] = [];
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    lobby.ListenForEvent('clientNamespace', 'clientSystem', 'E', lobby, (a: unknown) => got.push(a));
    s.registerSystem('client-1', ClientSystem, 'clientNamespace', 'clientSystem').NotifyToServer('E', payload);
    s.runUntil(100);
    const playerId = s.nodeState('client-1').playerId;
    const isDict = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
    expect(got).toEqual([isDict ? { ...(payload as object), __id__: playerId } : payload]);
    expect(findAll(s.trace.slice(0), { type: 'misuse' })).toEqual([]);
  });

  it('a client NotifyToServiceNode with a list gets no __uid__ / __neteaseProxyId__; a dict does', () => {
    const s = sim();
    const got: unknown[] = [];
    const svc = s.registerSystem('service-8000', ServiceSystem, 's', 's');
    svc.ListenForEvent('clientNamespace', 'clientSystem', 'E', svc, (a: unknown) => got.push(a));
    const client = s.registerSystem('client-1', ClientSystem, 'clientNamespace', 'clientSystem');
    client.NotifyToServiceNode(8000, 'E', ['a']);
    client.NotifyToServiceNode(8000, 'E', { k: 1 });
    s.runUntil(100);
    expect(got).toEqual([['a'], { k: 1, __neteaseProxyId__: 2000, __uid__: 101 }]);
  });

  it('RPC args and responses may be lists and strings; eventData left out is {}', () => {
    const s = sim();
    const seen: unknown[] = [];
    const svc = s.registerSystem('service-8000', ServiceSystem, 's', 's');
    svc.RegisterRpcMethodForMod('M', (serverId: number, cb: number, args: unknown) => {
      seen.push(args);
      svc.ResponseToServer(serverId, cb, 'ok');
    });
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    lobby.RequestToServiceMod('idv_service', 'M', [7, 8], (suc: boolean, data: unknown) => seen.push([suc, data]));
    lobby.NotifyToMaster('NoData');
    s.runUntil(100);
    expect(seen).toEqual([[7, 8], [true, 'ok']]);
    expect(findOne(s.trace.slice(0), { type: 'send', api: 'NotifyToMaster' }).data).toEqual({});
  });

  it('a value JSON cannot carry is still a misuse naming its path', () => {
    const s = sim();
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    expect(() => lobby.NotifyToMaster('E', [1, 2, Number.POSITIVE_INFINITY])).toThrow(/eventData\[2\]/);
    expect(findOne(s.trace.slice(0), { type: 'misuse' }).reason).toMatch(/eventData\[2\]: Infinity/);
  });
});

describe('option listenerMatch', () => {
  function broadcast(mode: 'reference' | 'lenient') {
    const s = sim({ options: { listenerMatch: mode } });
    const log: string[] = [];
    const svc = s.registerSystem('service-8000', ServiceSystem, 's', 's');
    svc.ListenForEvent('masterNamespace', 'masterSystem', 'Cfg', svc, () => log.push('own pair'));
    svc.ListenForEvent('NeteaseExtraApi', 'extraApiMaster', 'Cfg', svc, () => log.push('fixed pair'), 0);
    svc.ListenForEvent('masterNamespace', 'masterSystem', 'Cfg', svc, () => log.push('own pair, priority 5'), 5);
    const rank = s.registerSystem('service-8001', ServiceSystem, 's', 's');
    rank.ListenForEvent('masterNamespace', 'masterSystem', 'Cfg', rank, () => log.push('rank own pair'));
    s.registerSystem('master', MasterSystem, 'masterNamespace', 'masterSystem').BroadcastToService('Cfg', {});
    s.runUntil(100);
    return { s, log };
  }

  it('"reference" (the default): a master broadcast is heard only with NeteaseExtraApi/extraApiMaster', () => {
    const { s, log } = broadcast('reference');
    expect(log).toEqual(['fixed pair']);
    const u = findOne(s.trace.slice(0), { type: 'unhandled' });
    expect([u.to, u.ns, u.sys]).toEqual(['service-8001', 'NeteaseExtraApi', 'extraApiMaster']);
  });

  it('"lenient": the sender\'s own pair is heard too, merged by priority then registration order', () => {
    const { s, log } = broadcast('lenient');
    expect(log).toEqual(['own pair, priority 5', 'own pair', 'fixed pair', 'rank own pair']);
    expect(findAll(s.trace.slice(0), { type: 'unhandled' })).toEqual([]);
  });

  it('"lenient" also covers NotifyToMaster from a service and NotifyToServiceNode from a lobby', () => {
    const s = sim({ options: { listenerMatch: 'lenient' } });
    const log: string[] = [];
    const master = s.registerSystem('master', MasterSystem, 'm', 'm');
    master.ListenForEvent('svcNs', 'svcSys', 'Up', master, () => log.push('master heard'));
    const svc = s.registerSystem('service-8000', ServiceSystem, 'svcNs', 'svcSys');
    svc.ListenForEvent('lobbyNs', 'lobbySys', 'Hi', svc, () => log.push('service heard'));
    svc.NotifyToMaster('Up', {});
    s.registerSystem('lobby-4000', ServerSystem, 'lobbyNs', 'lobbySys').NotifyToServiceNode(8000, 'Hi', {});
    s.runUntil(100);
    expect(log.sort()).toEqual(['master heard', 'service heard']);
  });
});

describe('NotifyToClient around a transfer', () => {
  function transferSim() {
    const s = sim({ options: { transferMs: 100, defaultLatencyMs: 5 } });
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    const playerId = s.nodeState('client-1').playerId as string;
    return { s, lobby, playerId };
  }
  const dropReasons = (s: Simulation) => findAll(s.trace.slice(0), { type: 'drop' }).map((d) => [d.reason, d.to]);

  it('sent by the old server during the transfer: in-transfer, naming the client', () => {
    const { s, lobby, playerId } = transferSim();
    s.apply({ at: 0, do: 'transfer', client: 'client-1', server: 5000 });
    lobby.NotifyToClient(playerId, 'E', {});
    expect(dropReasons(s)).toEqual([['in-transfer', 'client-1']]);
  });

  it('sent just before the transfer: in-transfer too (dropped on arrival)', () => {
    const { s, lobby, playerId } = transferSim();
    lobby.NotifyToClient(playerId, 'E', {});
    s.apply({ at: 0, do: 'transfer', client: 'client-1', server: 5000 });
    s.runUntil(50);
    expect(dropReasons(s)).toEqual([['in-transfer', 'client-1']]);
  });

  it('sent by the old server after the transfer ended: not-on-server', () => {
    const { s, lobby, playerId } = transferSim();
    s.apply({ at: 0, do: 'transfer', client: 'client-1', server: 5000 });
    s.runUntil(200);
    lobby.NotifyToClient(playerId, 'E', {});
    expect(dropReasons(s)).toEqual([['not-on-server', undefined]]);
  });
});

describe('a call from a node kind that lacks the interface (semantics §5)', () => {
  it('is a warning at validation and a misuse event at run time; the scenario goes on', async () => {
    const { validateProject } = await import('../model/validate');
    const input = makeProject({}, {
      scenarios: [{ name: 'demo', steps: [
        { at: 1, do: 'call', node: 'client-1', api: 'NotifyToMaster', args: { eventName: 'Hi', eventData: {} } },
        { at: 2, do: 'call', node: 'lobby-4000', api: 'NotifyToMaster', args: { eventName: 'After', eventData: {} } },
      ] }],
    });
    const v = validateProject(JSON.parse(JSON.stringify(input)));
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.warnings.map((w) => `${w.code} ${w.path}`)).toEqual(['call.not-callable $.scenarios[0].steps[0].api']);
    const s = new Simulation(v.project, { scenario: 'demo' });
    s.runScenario();
    const m = findOne(s.trace.slice(0), { type: 'misuse' });
    expect([m.api, m.from, m.reason]).toEqual(['NotifyToMaster', 'client-1', 'a client cannot call NotifyToMaster (only lobby/game/service)']);
    expect(findOne(s.trace.slice(0), { type: 'send', event: 'After' }).from).toBe('lobby-4000');
  });
});
