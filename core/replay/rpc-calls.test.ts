import { describe, expect, it } from 'vitest';
import { rpcCalls } from './rpc-calls';
import { sampleTrace, SampleTraceBuilder } from './testing/sample-trace';

describe('rpcCalls', () => {
  const ev = sampleTrace();
  const calls = rpcCalls(ev);

  it('one row per RPC in request order, with every state time and durations', () => {
    expect(calls.map((c) => c.id)).toEqual([1, 2, 3, 4, 5]);
    const c = calls[0];
    const req = ev.find((e) => e.type === 'send' && e.rpc?.id === 1)!;
    expect(c).toMatchObject({ api: 'RequestToServiceMod', requester: 'lobby-4000', owner: 'service-8000', method: 'GetRank', requesterServerId: 4000, callbackId: 1, endState: 'completed', callbackSuc: true, requestSeq: req.seq });
    expect(c.requestedT).toBe(req.t);
    expect(c.deliveredT).toBe(req.t + 5);
    expect(c.handlingT).toBe(req.t + 5);
    expect(c.respondedT).toBe(req.t + 6);
    expect(c.completedT).toBe(req.t + 11);
    expect(c.endT).toBe(req.t + 11);
    expect(c.durations).toEqual({ toDeliver: 5, toHandle: 0, handling: 1, toComplete: 5, total: 11 });
    const mine = ev.filter((e) => e.rpc?.id === 1 || (e.type === 'handle' && e.cause === ev.find((d) => d.type === 'deliver' && d.rpc?.id === 1)!.seq)).map((e) => e.seq);
    expect(c.seqs).toEqual(mine);
  });

  it('a row read as JSON (an export, a message to the UI) has its times, durations and seqs', () => {
    const c = calls[0];
    const json = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
    expect(json).toMatchObject({ id: 1, requestedT: c.requestedT, deliveredT: c.deliveredT, completedT: c.completedT, endT: c.endT, endState: 'completed' });
    expect(json.durations).toEqual(c.durations);
    expect(json.seqs).toEqual(c.seqs);
  });

  it('timeouts, late responses, no route, no handler', () => {
    const byEnd = Object.fromEntries(calls.map((c) => [c.id, c]));
    expect(byEnd[2]).toMatchObject({ endState: 'timedOut', callbackSuc: false, reason: 'timeout' });
    expect(byEnd[2].endT! - byEnd[2].requestedT).toBe(2000);
    expect(byEnd[2].respondedT).toBeUndefined();
    expect(byEnd[3]).toMatchObject({ endState: 'noRoute', owner: null, reason: 'no-route' });
    expect(byEnd[3].stateT).toBe(byEnd[3].requestedT);
    expect(byEnd[3].endT! - byEnd[3].requestedT).toBe(1000);
    expect(byEnd[4]).toMatchObject({ endState: 'timedOut', droppedResponses: 1 });
    expect(byEnd[4].respondedT).toBeUndefined();
    expect(byEnd[5]).toMatchObject({ endState: 'noHandler', reason: 'no-handler' });
  });

  it('keeps pending calls pending at the end of a cut-off trace and counts duplicate responses', () => {
    const b = new SampleTraceBuilder();
    b.rpc('lobby-4000', 'service-8000', 'RequestToService', 'A', { outcome: 'duplicate' });
    b.wait(1).rpc('lobby-4000', 'service-8000', 'RequestToService', 'B', { outcome: 'timeout' });
    const ev2 = b.build();
    const cut = ev2.filter((e) => e.t < 1000);
    const [a, bb] = rpcCalls(cut);
    expect(a).toMatchObject({ endState: 'completed', droppedResponses: 1 });
    expect(bb.endState).toBe('pending');
    expect(bb.endT).toBeUndefined();
    expect(bb.durations.total).toBeUndefined();
  });

  it('infers the end from the callback when the rpc end event is missing', () => {
    const ev3 = sampleTrace().filter((e) => !(e.type === 'rpc' && (e.rpc?.state === 'completed' || e.rpc?.state === 'timedOut')));
    const c = rpcCalls(ev3);
    expect(c[0]).toMatchObject({ endState: 'completed' });
    expect(c[1]).toMatchObject({ endState: 'timedOut' });
  });
});
