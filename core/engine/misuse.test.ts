// Misuse (semantics §5): a wrong call throws ApolloMisuseError in code, returns an error from the
// generic path, is a `misuse` trace event naming interface, node and what was wrong, and the
// simulation goes on.
import { describe, expect, it } from 'vitest';
import { ServerSystem, ServiceSystem } from '../api/systems';
import { findAll, findOne } from '../testing/trace-query';
import { makeProject } from '../testing/topology';
import { ApolloMisuseError } from './errors';
import { Simulation } from './simulation';

describe('misuse', () => {
  it('an interface the node kind lacks (a client calling NotifyToMaster) is refused on the generic path', () => {
    const s = new Simulation(makeProject());
    const r = s.call('client-1', 'NotifyToMaster', { eventName: 'E', eventData: {} });
    expect(r.ok).toBe(false);
    const m = findOne(s.trace.slice(0), { type: 'misuse' });
    expect([m.api, m.from]).toEqual(['NotifyToMaster', 'client-1']);
    expect(m.reason).toMatch(/a client cannot call NotifyToMaster/);
  });

  it('a wrong argument type (a string serverId) throws ApolloMisuseError in code', () => {
    const s = new Simulation(makeProject());
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    let err: unknown;
    try {
      lobby.NotifyToServiceNode('8000' as unknown as number, 'E', {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApolloMisuseError);
    expect((err as ApolloMisuseError).reason).toBe('targetId must be an int, got "8000"');
    expect(findOne(s.trace.slice(0), { type: 'misuse' }).reason).toBe('targetId must be an int, got "8000"');
  });

  it('eventData that cannot be sent is refused with the path of the bad value', () => {
    const s = new Simulation(makeProject());
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    expect(() => lobby.NotifyToMaster('E', { items: [1, 2, 3, () => 0] })).toThrowError(/eventData\.items\[3\]: a function cannot be sent/);
    expect(() => lobby.NotifyToMaster('E', { x: Number.NaN })).toThrowError(/eventData\.x: NaN/);
    expect(findAll(s.trace.slice(0), { type: 'send' })).toEqual([]);
  });

  it('a handler that misuses or throws is recorded and the simulation goes on', () => {
    const s = new Simulation(makeProject());
    const svc = s.registerSystem('service-8000', ServiceSystem, 's', 's');
    svc.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'Bad', svc, () => svc.NotifyToServerNode(99999.5, 'E', {}));
    svc.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'Throws', svc, () => {
      throw new TypeError('boom');
    });
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    lobby.NotifyToServiceNode(8000, 'Bad', {});
    lobby.NotifyToServiceNode(8000, 'Throws', {});
    lobby.NotifyToServiceNode(8000, 'After', {});
    s.runUntil(100);
    const ev = s.trace.slice(0);
    expect(findOne(ev, { type: 'misuse' }).api).toBe('NotifyToServerNode');
    expect(findOne(ev, { type: 'error' }).reason).toBe('TypeError: boom');
    expect(findOne(ev, { type: 'unhandled', event: 'After' })).toBeTruthy();
  });

  it('unknown interfaces and unknown argument names are misuses, not crashes', () => {
    const s = new Simulation(makeProject());
    expect(s.call('lobby-4000', 'NotifyToEveryone', {}).ok).toBe(false);
    expect(s.call('lobby-4000', 'NotifyToMaster', { eventName: 'E', data: {} })).toMatchObject({ ok: false, error: expect.stringMatching(/unknown argument "data"/) });
    expect(findAll(s.trace.slice(0), { type: 'misuse' })).toHaveLength(2);
  });

  it('a system class must match its node kind', () => {
    const s = new Simulation(makeProject());
    expect(() => s.registerSystem('service-8000', ServerSystem, 'x', 'y')).toThrowError(/not a ServiceSystem/);
    expect(() => new ServerSystem('a', 'b')).toThrowError(/created by the simulation/);
  });
});
