// The bridge between the engine and mod processes, with scripted fake processes (no Python):
// what mod code does becomes ordinary engine calls and trace events, at the right virtual times.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import { makeProject } from '../testing/topology';
import { findAll, findOne } from '../testing/trace-query';
import { encodeTrace } from '../trace/ndjson';
import type { ProjectInput } from '../model/schema';
import { FakeModHost, type FakeMod } from './testing/fake-host';

/** A lobby and a service that run mods; the client talks to the lobby with a rule. */
function project(extra: Partial<ProjectInput> = {}) {
  const p = makeProject({ clients: 1 }, extra);
  for (const n of p.nodes) if (n.id === 'lobby-4000' || n.id === 'service-8000') { n.mods = ['demo']; n.systems = []; }
  return p;
}

const lobbyMod: FakeMod = {
  load: (c) => {
    c.post('RegisterSystem', ['demo', 'lobbySys', 'demoScript.lobby.Lobby', false]);
    c.post('ListenForEvent', ['clientNamespace', 'clientSystem', 'Hello', { $h: 1 }, 0]);
    c.log('lobby loaded');
  },
  invoke: (c, h, args) => {
    if (h === 1) {
      const data = args[0] as { __id__: string };
      c.post('NotifyToClient', [data.__id__, 'Welcome', { at: c.now }]);
      c.post('RequestToServiceMod', ['idv_service', 'Ping', { n: 1 }, { $h: 2 }, 2]);
    }
    if (h === 2) c.log(`callback ${JSON.stringify(args)}`);
  },
};

const serviceMod: FakeMod = {
  load: (c) => {
    c.post('RegisterSystem', ['demo', 'svc', 'demoScript.svc.Svc', false]);
    c.post('RegisterRpcMethodForMod', ['Ping', { $h: 7 }]);
  },
  invoke: (c, h, args) => {
    if (h === 7) c.post('ResponseToServer', [args[0], args[1], { pong: true }]);
  },
};

function run(p = project(), mods: Record<string, FakeMod> = { 'lobby-4000': lobbyMod, 'service-8000': serviceMod }, scenario?: string) {
  const host = new FakeModHost(mods);
  const sim = new Simulation(p, { mods: host, seed: 3, ...(scenario ? { scenario } : {}) });
  return { sim, host };
}

describe('mod bridge', () => {
  it('loads each mod node once at start and registers what its mods register', () => {
    const { sim, host } = run();
    expect(host.processes).toHaveLength(2);
    const events = sim.trace.slice(0);
    expect(findAll(events, { type: 'register', detail: 'system' }).map((e) => `${e.to}:${e.event}`)).toEqual(['lobby-4000:demoScript.lobby.Lobby', 'service-8000:demoScript.svc.Svc']);
    expect(findOne(events, { type: 'log', to: 'lobby-4000' }).data).toBe('lobby loaded');
    expect(host.processes[0].commands[0]).toMatchObject({ op: 'load', node: { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' }, now: 0 });
  });

  it('a message to a Python listener invokes it; what it sends is routed; the RPC callback runs in Python', () => {
    const { sim } = run();
    sim.call('client-1', 'NotifyToServer', { eventName: 'Hello', eventData: { x: 1 } });
    sim.runUntil(100);
    const events = sim.trace.slice(0);
    const handle = findOne(events, { type: 'handle', to: 'lobby-4000', event: 'Hello' });
    const welcome = findOne(events, { type: 'send', api: 'NotifyToClient', event: 'Welcome' });
    expect(welcome.cause).toBe(handle.seq);
    expect(welcome.data).toEqual({ at: handle.t });
    expect(findOne(events, { type: 'deliver', to: 'client-1', event: 'Welcome' })).toBeTruthy();
    const cb = findOne(events, { type: 'callback', to: 'lobby-4000' });
    expect(cb.suc).toBe(true);
    const log = findAll(events, { type: 'log', to: 'lobby-4000' }).map((e) => e.data);
    expect(log).toEqual(['lobby loaded', 'callback [true,{"pong":true}]']);
  });

  it('prints, first uses of stubs and exceptions become log / error events; the run goes on', () => {
    const { sim } = run(project(), {
      'lobby-4000': {
        load: (c) => {
          c.post('RegisterSystem', ['demo', 'l', 'x.L', false]);
          c.post('ListenForEvent', ['clientNamespace', 'clientSystem', 'Hello', { $h: 1 }, 0]);
        },
        invoke: (c) => {
          c.stub('GetEngineCompFactory().CreatePos');
          c.stub('GetEngineCompFactory().CreatePos');
          c.fail({ type: 'KeyError', message: "'uid'", traceback: 'Traceback…', file: '/p/lobby.py', line: 12 });
        },
      },
      'service-8000': serviceMod,
    });
    sim.call('client-1', 'NotifyToServer', { eventName: 'Hello', eventData: {} });
    sim.call('client-1', 'NotifyToServer', { eventName: 'Hello', eventData: {} });
    sim.runUntil(100);
    const events = sim.trace.slice(0);
    const errors = findAll(events, { type: 'error', to: 'lobby-4000' });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ reason: "KeyError: 'uid'", detail: 'python', data: { file: '/p/lobby.py', line: 12 } });
    expect(errors[0].cause).toBe(findAll(events, { type: 'handle', to: 'lobby-4000' })[0].seq);
    expect(findAll(events, { type: 'log', detail: 'not-simulated' }).map((e) => e.reason)).toEqual(['GetEngineCompFactory().CreatePos', 'GetEngineCompFactory().CreatePos']);
    expect(sim.mods!.stubCounts.get('GetEngineCompFactory().CreatePos')).toBe(4);
    // Per node too, for the Log panel (only the lobby used it).
    expect(sim.stubCounts()).toEqual({ 'lobby-4000': { 'GetEngineCompFactory().CreatePos': 4 } });
  });

  it('every failure of one command is an error event, naming the mod during a load', () => {
    const { sim } = run(project(), {
      'lobby-4000': {
        load: (c) => {
          c.fail({ type: 'ImportError', message: 'No module named netease_server', mod: 'modA' });
          c.fail({ type: 'SyntaxError', message: 'invalid syntax', mod: 'modB', file: '/p/b.py', line: 3 });
        },
      },
      'service-8000': serviceMod,
    });
    expect(findAll(sim.trace.slice(0), { type: 'error', to: 'lobby-4000' }).map((e) => e.reason)).toEqual([
      'mod modA: ImportError: No module named netease_server',
      'mod modB: SyntaxError: invalid syntax',
    ]);
  });

  it('timers fire on the virtual clock; repeated ones until cancelled', () => {
    const fired: number[] = [];
    const { sim } = run(project(), {
      'lobby-4000': {
        load: (c) => {
          c.post('AddTimer', [101, 0.25, false]);
          c.post('AddTimer', [102, 0.1, true]);
        },
        invoke: (c, h) => {
          fired.push(c.now * 1000 + h);
          if (h === 102 && c.now >= 300) c.post('CancelTimer', [102]);
        },
      },
      'service-8000': serviceMod,
    });
    sim.runUntil(1000);
    expect(fired).toEqual([100102, 200102, 250101, 300102]);
  });

  it('Update() runs serverTickHz times per virtual second once a system that has one registers', () => {
    const ticks: number[] = [];
    const p = project({ options: { serverTickHz: 10 } });
    const { sim } = run(p, {
      'lobby-4000': { load: (c) => c.post('RegisterSystem', ['d', 's', 'x.S', true]), tick: (c) => void ticks.push(c.now) },
      'service-8000': serviceMod,
    });
    sim.runUntil(350);
    expect(ticks).toEqual([100, 200, 300]);
  });

  it('a booting network loads mods when each server starts, unloads on stop, reloads on start', () => {
    const p = project({ scenarios: [{ name: 'boot', startStopped: true, durationMs: 1000, steps: [
      { at: 10, do: 'start', node: 'master' }, { at: 20, do: 'start', node: 'service-8000' }, { at: 30, do: 'start', node: 'lobby-4000' },
      { at: 500, do: 'stop', node: 'lobby-4000' }, { at: 600, do: 'start', node: 'lobby-4000' },
    ] }] });
    const seen: string[] = [];
    const lobby: FakeMod = {
      load: (c) => {
        seen.push(`load@${c.now}`);
        c.post('RegisterSystem', ['d', 'l', 'x.L', false]);
        c.post('ListenForEvent', ['Minecraft', 'Engine', 'ServiceConnectEvent', { $h: 1 }, 0]);
      },
      invoke: (c, _h, args) => void seen.push(`ServiceConnectEvent@${c.now}:${JSON.stringify(args[0])}`),
      unload: (c) => void seen.push(`unload@${c.now}`),
    };
    const { sim, host } = run(p, { 'lobby-4000': lobby, 'service-8000': serviceMod }, 'boot');
    expect(seen).toEqual([]);
    sim.runScenario();
    expect(seen).toEqual([
      'load@30', 'ServiceConnectEvent@30:{"serverId":8000,"serviceType":"idv_service"}',
      'unload@500', 'load@600', 'ServiceConnectEvent@600:{"serverId":8000,"serviceType":"idv_service"}',
    ]);
    expect(host.processes.filter((pr) => pr.closed)).toHaveLength(1);
    // The stopped life's listener is gone: one listener, not two, after the restart.
    const node = sim.engine.topo.byId.get('lobby-4000')!;
    expect(node.listeners.get('Minecraft\u0000Engine\u0000ServiceConnectEvent')).toHaveLength(1);
  });

  it('a process that dies is one error event; its node stops running mods and the run goes on', () => {
    let calls = 0;
    const { sim } = run(project(), {
      'lobby-4000': { ...lobbyMod, crash: (c) => c.command.op === 'invoke' && ++calls === 1 },
      'service-8000': serviceMod,
    });
    sim.call('client-1', 'NotifyToServer', { eventName: 'Hello', eventData: {} });
    sim.call('client-1', 'NotifyToServer', { eventName: 'Hello', eventData: {} });
    sim.runUntil(100);
    const errors = findAll(sim.trace.slice(0), { type: 'error', to: 'lobby-4000' });
    expect(errors.map((e) => e.reason)).toEqual(['lobby-4000: the process exited (code 1)']);
    expect(findAll(sim.trace.slice(0), { type: 'handle', to: 'lobby-4000' })).toHaveLength(2);
  });

  it('without a Python (or any host) every mod node says why its mods did not run; the rest simulates', () => {
    const host = new FakeModHost({});
    host.startError = 'No Python 2.7 was found. Apollo mods are Python 2.7: install CPython 2.7.18';
    const sim = new Simulation(project(), { mods: host });
    const errors = findAll(sim.trace.slice(0), { type: 'error' });
    expect(errors.map((e) => `${e.to}: ${e.reason}`)).toEqual([
      'lobby-4000: the mods of lobby-4000 could not start: No Python 2.7 was found. Apollo mods are Python 2.7: install CPython 2.7.18',
      'service-8000: the mods of service-8000 could not start: No Python 2.7 was found. Apollo mods are Python 2.7: install CPython 2.7.18',
    ]);
    const bare = new Simulation(project());
    expect(findAll(bare.trace.slice(0), { type: 'error' })).toHaveLength(2);
    sim.call('client-1', 'NotifyToServer', { eventName: 'Hello', eventData: {} });
    sim.runUntil(50);
    expect(findOne(sim.trace.slice(0), { type: 'unhandled', event: 'Hello' })).toBeTruthy();
  });

  it('TransferToOtherServer moves the player with its transferParam and calls back (isSuc, code, message)', () => {
    const p = makeProject({ clients: 1, games: 1, loggedIn: false });
    for (const n of p.nodes) if (n.id === 'lobby-4000' || n.id === 'game-5000') n.mods = ['demo'];
    const got: unknown[] = [];
    const { sim } = run(p, {
      'lobby-4000': {
        load: (c) => c.post('ListenForEvent', ['Minecraft', 'Engine', 'AddServerPlayerEvent', { $h: 1 }, 0]),
        invoke: (c, h, args) => {
          if (h === 1) c.post('TransferToOtherServer', [(args[0] as { id: string }).id, 'battle_game_server_type', 'room=7', { $h: 2 }]);
          else got.push(['cb', c.now, ...args]);
        },
      },
      'game-5000': {
        load: (c) => c.post('ListenForEvent', ['Minecraft', 'Engine', 'AddServerPlayerEvent', { $h: 1 }, 0]),
        invoke: (_c, _h, args) => void got.push(['add', args[0]]),
      },
    });
    sim.apply({ at: 0, do: 'login', client: 'client-1', server: 4000 });
    sim.runUntil(500);
    expect(got).toEqual([
      ['add', expect.objectContaining({ isTransfer: true, transferParam: 'room=7', uid: 101 })],
      ['cb', 50, true, 0, ''],
    ]);
  });

  it('Async storage calls answer through their callback storageLatencyMs later', () => {
    const answers: unknown[] = [];
    const p = project({ options: { storageLatencyMs: 7 } });
    const host = new FakeModHost({
      'lobby-4000': {
        load: (c) => c.post('Storage', ['redis', ['GET', 'k'], { $h: 5 }]),
        invoke: (c, _h, args) => void answers.push([c.now, ...args]),
      },
      'service-8000': serviceMod,
    });
    const sim = new Simulation(p, { mods: host });
    sim.runUntil(20);
    expect(answers).toHaveLength(1);
    expect((answers[0] as unknown[])[0]).toBe(7);
  });

  it('runs each mod.sql before the servers start, so plugins find their tables; a failing statement is an error event', () => {
    const answers: unknown[] = [];
    const host = new FakeModHost({
      'lobby-4000': {
        load: (c) => c.post('Storage', ['mysql', ['QUERY', 'SELECT name FROM items WHERE id = %s', [2]], { $h: 9 }]),
        invoke: (_c, _h, args) => void answers.push(args),
      },
      'service-8000': serviceMod,
    });
    host.sql = [{ file: '/p/mods/shop/mod.sql', text: "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20));\nINSERT INTO items VALUES (1, 'sword'), (2, 'bow');\nDROP TABLE nothere;" }];
    const sim = new Simulation(project(), { mods: host });
    sim.runUntil(10);
    expect(answers).toEqual([[[['bow']]]]);
    const error = findOne(sim.trace.slice(0), { type: 'error' });
    expect(error.reason).toMatch(/^\/p\/mods\/shop\/mod\.sql: OperationalError: .*nothere/);
  });

  it('a scenario invoke step runs a Python system method by name', () => {
    const calls: unknown[] = [];
    const p = project({ scenarios: [{ name: 's', steps: [{ at: 5, do: 'invoke', node: 'lobby-4000', namespace: 'demo', systemName: 'lobbySys', method: 'testNotifyClient', args: [1, 'a'] }] }] });
    const { sim } = run(p, { 'lobby-4000': { ...lobbyMod, method: (c, name, args) => void calls.push([c.now, name, args]) }, 'service-8000': serviceMod }, 's');
    sim.runScenario();
    expect(calls).toEqual([[5, 'testNotifyClient', [1, 'a']]]);
  });

  it('a Python value JSON cannot carry is a misuse naming its path', () => {
    const { sim } = run(project(), {
      'lobby-4000': { load: (c) => c.post('NotifyToMaster', ['E', { items: [1, { $unsendable: 'set', repr: 'set([1])' }] }]) },
      'service-8000': serviceMod,
    });
    const m = findOne(sim.trace.slice(0), { type: 'misuse' });
    expect(m.reason).toBe('eventData.items[1]: a Python set (set([1])) cannot be sent (JSON values only: dict, list, str, int, float, bool, None)');
  });

  it('same project + seed ⇒ same trace bytes', () => {
    const a = run();
    const b = run();
    for (const { sim } of [a, b]) {
      sim.call('client-1', 'NotifyToServer', { eventName: 'Hello', eventData: {} });
      sim.runUntil(200);
    }
    const bytes = (s: Simulation) => encodeTrace(s.trace.header, s.trace.slice(0));
    expect(bytes(a.sim)).toBe(bytes(b.sim));
  });
});
