// The engine's fast paths (issue 12) must behave exactly like the general ones: the typed-key heap
// and the timeout lanes pop in (time, order) order, the FIFO table for large topologies keeps each
// pair's order, the node's remembered listener lookup sees every change, and the class methods'
// in-line argument checks fall back to the generic path's misuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientSystem, ServerSystem, ServiceSystem } from '../api/systems';
import { Project, type ProjectInput } from '../model/schema';
import { findAll } from '../testing/trace-query';
import { makeProject } from '../testing/topology';
import { invoke } from './invoke';
import { EventQueue } from './queue';
import { Simulation } from './simulation';
import { MAX_LANES, TimeoutLanes } from './timeouts';

describe('EventQueue', () => {
  it('pops in (time, insertion order) for any interleaving of pushes and pops', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 400 }), (ops) => {
      const q = new EventQueue<{ t: number; order: number }>();
      const model: { t: number; order: number }[] = [];
      let order = 0;
      for (const op of ops) {
        if (op >= 0) {
          const item = { t: op / 2, order: ++order };
          q.push(item);
          model.push(item);
        } else {
          model.sort((a, b) => a.t - b.t || a.order - b.order);
          expect(q.pop()).toBe(model.shift());
        }
        expect(q.size).toBe(model.length);
      }
    }), { numRuns: 200 });
  });
});

describe('TimeoutLanes', () => {
  it('gives the earliest live head by (time, order), sliding and growing its lanes', () => {
    const lanes = new TimeoutLanes();
    const dead = new Set<number>();
    const all: { t: number; order: number; rpc: number }[] = [];
    let order = 0;
    for (let k = 0; k < 3000; k++) {
      const ms = [500, 2000, 50][k % 3];
      const now = k;
      const e = { t: now + ms, order: ++order, rpc: k };
      lanes.lane(ms)?.push(e.t, e.order, e.rpc);
      all.push(e);
      if (k % 5 === 0) dead.add(k);
    }
    const expected = all.filter((e) => !dead.has(e.rpc)).sort((a, b) => a.t - b.t || a.order - b.order).map((e) => e.rpc);
    const got: number[] = [];
    for (let lane = lanes.first((r) => dead.has(r)); lane; lane = lanes.first((r) => dead.has(r))) got.push(lane.rpc[lane.head++]);
    expect(got).toEqual(expected);
  });

  it('beyond MAX_LANES durations the engine keeps timeouts in its main queue: every RPC still times out at its deadline', () => {
    const s = new Simulation(makeProject({ services: [{ serverId: 8000, type: 'slow' }] }));
    const svc = s.registerSystem('service-8000', ServiceSystem, 's', 's');
    svc.RegisterRpcMethodForMod('Never', () => undefined);
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    const n = MAX_LANES + 6;
    const fired: number[] = [];
    for (let k = 0; k < n; k++) lobby.RequestToServiceMod('slow', 'Never', { k }, () => fired.push(k), 0.1 + k * 0.01);
    s.runUntil(5000);
    expect(fired).toEqual(Array.from({ length: n }, (_, k) => k));
    const callbacks = findAll(s.trace.slice(0), { type: 'callback' });
    expect(callbacks.map((e) => e.t)).toEqual(Array.from({ length: n }, (_, k) => (0.1 + k * 0.01) * 1000));
    expect(callbacks.every((e) => e.suc === false && e.reason === 'timeout')).toBe(true);
  });
});

describe('FIFO per pair on a topology beyond the dense matrix', () => {
  it('deliveries between each (sender, receiver) come in send order with 300+ nodes and heavy jitter', () => {
    const nodes: ProjectInput['nodes'] = [{ id: 'master', kind: 'master', serverId: 0 }, { id: 'proxy-1', kind: 'proxy', serverId: 2000 }, { id: 'lobby-1', kind: 'lobby', serverId: 4000, type: 'lobby' }];
    for (let i = 0; i < 320; i++) nodes.push({ id: `client-${i}`, kind: 'client', uid: 100 + i, proxy: 2000, server: 4000 });
    const p = Project.parse({ format: 'switchboard-project', version: 1, name: 'big', nodes, options: { defaultLatencyMs: 1, defaultJitterMs: 50 } });
    const s = new Simulation(p, { seed: 3 });
    const clients = nodes.filter((n) => n.kind === 'client').map((n) => s.registerSystem(n.id, ClientSystem, 'c', 'c'));
    s.registerSystem('lobby-1', ServerSystem, 'l', 'l');
    for (let r = 0; r < 5; r++) for (const c of clients) c.NotifyToServer('E', { r });
    s.runUntil(10_000);
    const last = new Map<string, number>();
    const delivers = findAll(s.trace.slice(0), { type: 'deliver' });
    expect(delivers).toHaveLength(320 * 5);
    for (const d of delivers) {
      expect(d.cause).toBeGreaterThan(last.get(d.from!) ?? 0);
      last.set(d.from!, d.cause!);
    }
  });
});

describe('remembered listener lookup', () => {
  it('a node hears listeners added, replaced and removed between deliveries', () => {
    const s = new Simulation(makeProject());
    const svc = s.registerSystem('service-8000', ServiceSystem, 's', 's');
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    const heard: string[] = [];
    const send = () => {
      lobby.NotifyToServiceNode(8000, 'E', {});
      s.runUntil(s.now + 100);
    };
    send();
    svc.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'E', svc, () => heard.push('a'));
    send();
    svc.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'E', svc, () => heard.push('b'), 5);
    send();
    const node = s.engine.topo.byId.get('service-8000')!;
    for (const k of [...node.listeners.keys()]) node.listeners.delete(k);
    send();
    expect(heard).toEqual(['a', 'b', 'a']);
    expect(findAll(s.trace.slice(0), { type: 'unhandled' })).toHaveLength(2);
  });
});

describe('in-line argument checks of the mod classes', () => {
  it('a wrong argument takes the generic path: the same misuse as invoke records', () => {
    const cases: [string, (l: ServerSystem, c: ClientSystem, v: ServiceSystem) => void, unknown[]][] = [
      ['NotifyToClient', (l) => l.NotifyToClient(5 as unknown as string, 'E', {}), [5, 'E', {}]],
      ['NotifyToServer', (_l, c) => c.NotifyToServer(7 as unknown as string, {}), [7, {}]],
      ['NotifyToServiceNode', (l) => l.NotifyToServiceNode(1.5, 'E', {}), [1.5, 'E', {}]],
      ['NotifyToServerNode', (_l, _c, v) => v.NotifyToServerNode(4000, null as unknown as string, {}), [4000, null, {}]],
      ['RemoteNotifyToClient', (_l, _c, v) => v.RemoteNotifyToClient(101, '2000' as unknown as number, 'E', {}), [101, '2000', 'E', {}]],
      ['BroadcastToServerByType', (_l, _c, v) => v.BroadcastToServerByType(1 as unknown as string, 'E', {}), [1, 'E', {}]],
      ['RequestToServiceMod', (l) => l.RequestToServiceMod('t', 'M', {}, null, -1), ['t', 'M', {}, null, -1]],
      ['RequestToService', (l) => l.RequestToService('m', 'E', {}, 'cb' as unknown as null, 2), ['m', 'E', {}, 'cb', 2]],
      ['ResponseToServer', (_l, _c, v) => v.ResponseToServer(4000, 2.5, {}), [4000, 2.5, {}]],
    ];
    for (const [api, call, args] of cases) {
      const reason = (fast: boolean): string | undefined => {
        const s = new Simulation(makeProject());
        const l = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
        const c = s.registerSystem('client-1', ClientSystem, 'c', 'c');
        const v = s.registerSystem('service-8000', ServiceSystem, 'v', 'v');
        try {
          if (fast) call(l, c, v);
          else {
            const sys = (api === 'NotifyToServer' ? c : ['NotifyToServerNode', 'RemoteNotifyToClient', 'BroadcastToServerByType', 'ResponseToServer'].includes(api) ? v : l) as unknown as { [k: symbol]: { sys: never } };
            const binding = Object.getOwnPropertySymbols(sys).map((k) => sys[k])[0] as unknown as { sys: Parameters<typeof invoke>[1] };
            invoke(s.engine, binding.sys, api as Parameters<typeof invoke>[2], args);
          }
        } catch {
          // the misuse is what matters
        }
        return findAll(s.trace.slice(0), { type: 'misuse' })[0]?.reason;
      };
      expect(reason(true), api).toBeDefined();
      expect(reason(true), api).toBe(reason(false));
    }
  });
});
