// Player lifecycle and node up/down (semantics §4): state changes, engine events in the documented
// order, and what happens to messages around them.
import { describe, expect, it } from 'vitest';
import { ENGINE_NAMESPACE, ENGINE_SYSTEM } from '../api/interfaces';
import { MasterSystem, ServerSystem, ServiceSystem } from '../api/systems';
import { findAll } from '../testing/trace-query';
import { makeProject } from '../testing/topology';
import { Simulation } from './simulation';

type Dict = Record<string, unknown>;

function watch(s: Simulation) {
  const log: string[] = [];
  const on = (node: string, Cls: typeof ServerSystem | typeof MasterSystem | typeof ServiceSystem, events: string[]) => {
    const sys = s.registerSystem(node, Cls as typeof ServerSystem, 'w', 'w');
    for (const e of events) sys.ListenForEvent(ENGINE_NAMESPACE, ENGINE_SYSTEM, e, sys, (args: Dict) => log.push(`${node}:${e}:${JSON.stringify(args)}`));
  };
  return { log, on };
}

describe('player lifecycle', () => {
  it('login puts the client on the master\'s first lobby with a playerId; master hears first, then the lobby', () => {
    const s = new Simulation(makeProject({ loggedIn: false, games: 1 }));
    const { log, on } = watch(s);
    on('master', MasterSystem, ['PlayerLoginServerEvent']);
    on('lobby-4000', ServerSystem, ['AddServerPlayerEvent']);
    expect(s.apply({ at: 0, do: 'login', client: 'client-1' }).ok).toBe(true);
    s.runUntil(10);
    const st = s.nodeState('client-1');
    expect(st.server).toBe(4000);
    expect(log).toEqual([
      'master:PlayerLoginServerEvent:{"serverId":4000,"uid":101,"proxyId":2000,"protocolVersion":0,"isTransfer":false,"isReconnect":false,"isPeUser":false}',
      `lobby-4000:AddServerPlayerEvent:{"id":"${st.playerId}","uid":101,"proxyId":2000,"isTransfer":false,"isReconnect":false,"isPeUser":false,"transferParam":""}`,
    ]);
  });

  it('transfer by type: Del on the old server, in-transfer for transferMs, then master and Add on the new one with a new playerId', () => {
    const s = new Simulation(makeProject({ games: 2 }, { options: { transferMs: 100 } }));
    const { log, on } = watch(s);
    on('lobby-4000', ServerSystem, ['DelServerPlayerEvent']);
    on('master', MasterSystem, ['PlayerTransferServerEvent']);
    on('game-5000', ServerSystem, ['AddServerPlayerEvent']);
    const before = s.nodeState('client-1').playerId;
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    s.runUntil(1);
    expect(s.apply({ at: 0, do: 'transfer', client: 'client-1', type: 'battle_game_server_type' }).ok).toBe(true);
    expect(s.nodeState('client-1').inTransfer).toBe(true);
    lobby.NotifyToClient(before as string, 'E', {});
    s.runUntil(50);
    s.runUntil(200);
    const after = s.nodeState('client-1');
    expect([after.server, after.inTransfer]).toEqual([5000, false]);
    expect(after.playerId).not.toBe(before);
    expect(log.map((l) => l.split(':').slice(0, 2).join(':'))).toEqual(['lobby-4000:DelServerPlayerEvent', 'master:PlayerTransferServerEvent', 'game-5000:AddServerPlayerEvent']);
    expect(findAll(s.trace.slice(0), { type: 'drop' }).map((d) => d.reason)).toEqual(['in-transfer']);
  });

  it('messages reaching a client mid-transfer are dropped as in-transfer', () => {
    const s = new Simulation(makeProject({ games: 1 }, { options: { transferMs: 100, defaultLatencyMs: 5 } }));
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    lobby.NotifyToClient(s.nodeState('client-1').playerId as string, 'E', {});
    s.apply({ at: 0, do: 'transfer', client: 'client-1', server: 5000 });
    s.runUntil(50);
    expect(findAll(s.trace.slice(0), { type: 'drop' }).map((d) => d.reason)).toEqual(['in-transfer']);
  });

  it('logout removes the player: Del on its server, then PlayerLogoutServerEvent on the master', () => {
    const s = new Simulation(makeProject());
    const { log, on } = watch(s);
    on('lobby-4000', ServerSystem, ['DelServerPlayerEvent']);
    on('master', MasterSystem, ['PlayerLogoutServerEvent']);
    expect(s.apply({ at: 0, do: 'logout', client: 'client-1' }).ok).toBe(true);
    s.runUntil(10);
    expect(s.nodeState('client-1').server).toBeNull();
    expect(log.map((l) => l.split(':').slice(0, 2).join(':'))).toEqual(['lobby-4000:DelServerPlayerEvent', 'master:PlayerLogoutServerEvent']);
    expect(s.apply({ at: 0, do: 'logout', client: 'client-1' })).toMatchObject({ ok: false });
    expect(findAll(s.trace.slice(0), { type: 'misuse' })).toHaveLength(1);
  });

  it('stopping a service tells lobby/game (ServiceDisconnectEvent) and master (ServerDisconnectEvent); starting tells them again', () => {
    const s = new Simulation(makeProject());
    const { log, on } = watch(s);
    on('lobby-4000', ServerSystem, ['ServiceDisconnectEvent', 'ServiceConnectEvent']);
    on('master', MasterSystem, ['ServerDisconnectEvent', 'ServerConnectedEvent']);
    s.apply({ at: 0, do: 'stop', node: 'service-8000' });
    s.runUntil(10);
    s.apply({ at: 0, do: 'start', node: 'service-8000' });
    s.runUntil(20);
    expect(log.map((l) => l.split(':').slice(0, 2).join(':'))).toEqual([
      'lobby-4000:ServiceDisconnectEvent', 'master:ServerDisconnectEvent', 'lobby-4000:ServiceConnectEvent', 'master:ServerConnectedEvent',
    ]);
  });

  it('stopping a lobby logs its players out and tells master and services', () => {
    const s = new Simulation(makeProject({ clients: 2 }));
    const { log, on } = watch(s);
    on('service-8000', ServiceSystem, ['ServerDisconnectEvent']);
    s.apply({ at: 0, do: 'stop', node: 'lobby-4000' });
    s.runUntil(10);
    expect(s.nodeState('client-1').server).toBeNull();
    expect(s.nodeState('lobby-4000').up).toBe(false);
    expect(log).toEqual(['service-8000:ServerDisconnectEvent:{"serverId":4000,"serverType":"lobby"}']);
  });

  it('a stopped node runs nothing: its timers are skipped and calls made as it are misuses', () => {
    const s = new Simulation(makeProject());
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    let ran = false;
    s.engine.later(50, s.engine.topo.byId.get('lobby-4000')!, () => (ran = true));
    s.apply({ at: 0, do: 'stop', node: 'lobby-4000' });
    s.runUntil(100);
    expect(ran).toBe(false);
    expect(() => lobby.NotifyToMaster('E', {})).toThrowError(/stopped/);
  });

  it('a booting network: each server that starts is announced to the running ones, and hears about them (facts §1)', () => {
    const steps = [
      { at: 10, do: 'start' as const, node: 'master' }, { at: 20, do: 'start' as const, node: 'service-8000' },
      { at: 30, do: 'start' as const, node: 'proxy-2000' }, { at: 40, do: 'start' as const, node: 'lobby-4000' },
      { at: 100, do: 'stop' as const, node: 'lobby-4000' },
    ];
    const hear = (...events: string[]) => [{ namespace: 'w', systemName: 'w', rules: events.map((event) => ({ on: 'event' as const, namespace: ENGINE_NAMESPACE, systemName: ENGINE_SYSTEM, event, priority: 0, actions: [] })) }];
    const p = makeProject({ loggedIn: false }, { scenarios: [{ name: 'boot', startStopped: true, steps }] });
    for (const n of p.nodes) {
      if (n.id === 'master') n.systems = hear('ServerConnectedEvent', 'ServerDisconnectEvent');
      if (n.id === 'service-8000') n.systems = hear('ServerConnectedEvent', 'ServerDisconnectEvent', 'UpdateServerStatusEvent');
      if (n.id === 'lobby-4000') n.systems = hear('ServiceConnectEvent');
    }
    const s = new Simulation(p, { scenario: 'boot' });
    expect(s.nodeState('lobby-4000').up).toBe(false);
    s.runScenario();
    const heard = findAll(s.trace.slice(0), { type: 'deliver', ns: ENGINE_NAMESPACE }).map((e) => `${e.to}:${e.event}:${JSON.stringify(e.data)}`);
    expect(heard).toEqual([
      'master:ServerConnectedEvent:{"serverId":8000,"serviceType":"idv_service","serverType":"idv_service"}',
      'master:ServerConnectedEvent:{"serverId":2000,"protocolVersion":0,"serverType":null}',
      'service-8000:ServerConnectedEvent:{"serverId":2000,"protocolVersion":0,"serverType":null}',
      'service-8000:UpdateServerStatusEvent:{"2000":"1"}',
      'master:ServerConnectedEvent:{"serverId":4000,"protocolVersion":0,"serverType":"lobby"}',
      'service-8000:ServerConnectedEvent:{"serverId":4000,"protocolVersion":0,"serverType":"lobby"}',
      'service-8000:UpdateServerStatusEvent:{"4000":"1"}',
      'lobby-4000:ServiceConnectEvent:{"serverId":8000,"serviceType":"idv_service"}',
      'master:ServerDisconnectEvent:{"serverId":4000,"serverType":"lobby"}',
      'service-8000:ServerDisconnectEvent:{"serverId":4000,"serverType":"lobby"}',
      'service-8000:UpdateServerStatusEvent:{"4000":"2"}',
    ]);
  });

  it('a transfer by type goes to one of the running servers of that type, drawn from the run\'s seed', () => {
    const targets = (seed: number) => {
      const s = new Simulation(makeProject({ games: 4, clients: 6 }, { options: { transferMs: 10 } }), { seed });
      for (let i = 1; i <= 6; i++) s.apply({ at: 0, do: 'transfer', client: `client-${i}`, type: 'battle_game_server_type' });
      s.runUntil(100);
      return Array.from({ length: 6 }, (_, i) => s.nodeState(`client-${i + 1}`).server);
    };
    const a = targets(1);
    expect(a.every((t) => t !== undefined && t !== null && t >= 5000 && t <= 5003)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(1);
    expect(targets(1)).toEqual(a);
  });
});
