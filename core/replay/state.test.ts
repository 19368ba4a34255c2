import { describe, expect, it } from 'vitest';
import { applyEvent, cloneState, createState, linkKey, replayFromStart } from './state';
import { sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const idx = (pred: (e: (typeof ev)[number]) => boolean) => ev.findIndex(pred);

describe('applyEvent', () => {
  it('ends with every client placed, no pending RPC, nothing in flight, links restored', () => {
    const s = replayFromStart(ev);
    expect(s.position).toBe(ev.length);
    expect(s.clients.get('client-1')).toMatchObject({ server: 'game-5000', playerId: 'p3', inTransfer: false, uid: 1001, proxyId: 2000 });
    expect(s.clients.get('client-2')).toMatchObject({ server: 'lobby-4000', playerId: 'p2', inTransfer: false });
    expect(s.pendingRpcs.size).toBe(0);
    expect(s.inFlight.size).toBe(0);
    expect(s.down.size).toBe(0);
    expect(s.cutLinks.size).toBe(0);
  });

  it('an RPC is pending from its request until completed, with each state in between', () => {
    const send = idx((e) => e.type === 'send' && e.rpc?.id === 1);
    const completed = idx((e) => e.type === 'rpc' && e.rpc?.id === 1 && e.rpc.state === 'completed');
    const responded = idx((e) => e.type === 'send' && e.api === 'ResponseToServer' && e.rpc?.id === 1);
    expect(replayFromStart(ev, send).pendingRpcs.has(1)).toBe(false);
    expect(replayFromStart(ev, send + 1).pendingRpcs.get(1)).toMatchObject({ state: 'requested', requester: 'lobby-4000', owner: 'service-8000', api: 'RequestToServiceMod', event: 'GetRank', requesterServerId: 4000, callbackId: 1 });
    expect(replayFromStart(ev, responded + 1).pendingRpcs.get(1)?.state).toBe('responded');
    expect(replayFromStart(ev, completed).pendingRpcs.get(1)?.state).toBe('responded');
    expect(replayFromStart(ev, completed + 1).pendingRpcs.has(1)).toBe(false);
  });

  it('a timed-out RPC leaves at timedOut; a noRoute RPC stays (state noRoute) until its callback', () => {
    const timedOut = idx((e) => e.type === 'rpc' && e.rpc?.id === 2 && e.rpc.state === 'timedOut');
    expect(replayFromStart(ev, timedOut).pendingRpcs.get(2)?.state).toBe('handling');
    expect(replayFromStart(ev, timedOut + 1).pendingRpcs.has(2)).toBe(false);
    const noRoute = idx((e) => e.type === 'rpc' && e.rpc?.state === 'noRoute');
    const id = ev[noRoute].rpc!.id;
    expect(replayFromStart(ev, noRoute + 1).pendingRpcs.get(id)).toMatchObject({ state: 'noRoute', owner: null });
    const cb = idx((e) => e.type === 'callback' && e.rpc?.id === id);
    expect(replayFromStart(ev, cb).pendingRpcs.has(id)).toBe(true);
    expect(replayFromStart(ev, cb + 1).pendingRpcs.has(id)).toBe(false);
  });

  it('a late response does not bring a finished RPC back', () => {
    const late = idx((e) => e.type === 'send' && e.api === 'ResponseToServer' && ev.some((d) => d.cause === e.seq && d.reason === 'late-response'));
    const s = replayFromStart(ev, late + 1);
    expect(s.pendingRpcs.has(ev[late].rpc!.id)).toBe(false);
    expect(s.inFlight.has(ev[late].seq)).toBe(true);
  });

  it('tracks messages in flight, broadcasts per target', () => {
    const hello = idx((e) => e.type === 'send' && e.event === 'Hello');
    const s = replayFromStart(ev, hello + 1);
    expect(s.inFlight.get(ev[hello].seq)).toMatchObject({ from: 'client-1', to: 'lobby-4000', api: 'NotifyToServer', broadcast: false, remaining: 1, arrive: ev[hello].arrive, path: ['client-1', 'proxy-2000', 'lobby-4000'] });
    const delivered = idx((e) => e.type === 'deliver' && e.cause === ev[hello].seq);
    expect(replayFromStart(ev, delivered + 1).inFlight.has(ev[hello].seq)).toBe(false);

    const bc = idx((e) => e.type === 'send' && e.targets !== undefined);
    expect(replayFromStart(ev, bc + 1).inFlight.get(ev[bc].seq)).toMatchObject({ broadcast: true, remaining: 2, targets: ['service-8000', 'service-8001'] });
    const first = idx((e) => e.cause === ev[bc].seq);
    expect(replayFromStart(ev, first + 1).inFlight.get(ev[bc].seq)).toMatchObject({ remaining: 1, done: ['service-8000'] });
    const second = ev.findIndex((e, i) => i > first && e.cause === ev[bc].seq);
    expect(ev[second].type).toBe('drop');
    expect(replayFromStart(ev, second + 1).inFlight.has(ev[bc].seq)).toBe(false);
  });

  it('tracks transfers, node stop/start and link faults', () => {
    const start = idx((e) => e.detail === 'transfer-start');
    const s = replayFromStart(ev, start + 1);
    expect(s.clients.get('client-1')).toMatchObject({ server: 'lobby-4000', inTransfer: true, transferTo: 'game-5000' });
    const end = idx((e) => e.detail === 'transfer-end');
    expect(replayFromStart(ev, end + 1).clients.get('client-1')).toMatchObject({ server: 'game-5000', playerId: 'p3', inTransfer: false, transferTo: null });
    const stop = idx((e) => e.detail === 'stop');
    expect(replayFromStart(ev, stop + 1).down.has('service-8001')).toBe(true);
    const cut = idx((e) => e.type === 'fault' && e.detail === 'cut');
    expect(replayFromStart(ev, cut + 1).cutLinks.has(linkKey('service-8000', 'lobby-4000'))).toBe(true);
  });

  it('fault loss sets and clears link loss; logout clears the server', () => {
    const s = createState();
    applyEvent(s, { seq: 1, t: 0, type: 'fault', detail: 'loss', from: 'a', to: 'b', data: { loss: 0.3 } });
    expect(s.linkLoss.get(linkKey('b', 'a'))).toBe(0.3);
    applyEvent(s, { seq: 2, t: 1, type: 'fault', detail: 'loss', from: 'b', to: 'a', data: { loss: 0 } });
    expect(s.linkLoss.size).toBe(0);
    applyEvent(s, { seq: 3, t: 2, type: 'lifecycle', detail: 'login', from: 'c', to: 'l', data: { uid: 5, playerId: 'x', proxyId: 2, serverId: 4 } });
    applyEvent(s, { seq: 4, t: 3, type: 'lifecycle', detail: 'logout', from: 'c', to: 'l' });
    expect(s.clients.get('c')).toMatchObject({ server: null, playerId: null, uid: 5 });
  });

  it('clones are independent', () => {
    const a = replayFromStart(ev, 20);
    const b = cloneState(a);
    applyEvent(b, ev[20]);
    expect(a.position).toBe(20);
    expect(replayFromStart(ev, 20)).toEqual(a);
  });
});
