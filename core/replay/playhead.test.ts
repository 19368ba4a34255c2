import { describe, expect, it } from 'vitest';
import { parseBreakpoint } from './breakpoints';
import { loadTrace, toNdjson } from './load';
import { Playhead } from './playhead';
import { ReplayIndex } from './replay-index';
import { sampleHeader, sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();

describe('Playhead', () => {
  it('scrubs to the middle, steps back over an RPC response and sees the RPC pending again', () => {
    const { index } = loadTrace(toNdjson(ev, sampleHeader()), { keyframeEvery: 8 });
    const p = new Playhead(index);
    expect(p.position).toBe(-1);
    const completed = ev.findIndex((e) => e.type === 'rpc' && e.rpc?.state === 'completed');
    p.seek(Math.floor(ev.length / 2));
    p.seek(completed);
    expect(p.event).toEqual(ev[completed]);
    expect(p.state.pendingRpcs.has(1)).toBe(false);
    const before = p.state;
    p.stepBack(); // the response's deliver
    expect(p.state.pendingRpcs.get(1)?.state).toBe('responded');
    expect(before.pendingRpcs.has(1)).toBe(false); // old states are not mutated
    p.stepBack(); // rpc responded
    p.stepBack(); // response send: still 'responded'? no: the send itself made it responded
    const resp = ev.findIndex((e) => e.type === 'send' && e.api === 'ResponseToServer');
    p.seek(resp - 1);
    expect(p.state.pendingRpcs.get(1)?.state).toBe('handling');
    p.stepForward();
    expect(p.state.pendingRpcs.get(1)?.state).toBe('responded');
    expect(p.state).toEqual(index.stateAt(resp));
  });

  it('jumps between kinds and stops on breakpoints', () => {
    const p = new Playhead(new ReplayIndex(ev));
    expect(p.next('timeout')).toBe(true);
    expect(p.event?.rpc?.state).toBe('timedOut');
    const at = p.position;
    expect(p.prev('rpc')).toBe(true);
    expect(p.position).toBeLessThan(at);
    p.seek(-1);
    const hit = p.continueTo([parseBreakpoint({ id: 'to', match: { kind: 'timeout' } })]);
    expect(hit?.index).toBe(at);
    expect(p.position).toBe(at);
    const again = p.continueTo([parseBreakpoint({ id: 'to', match: { kind: 'timeout' } })]);
    expect(again?.index).toBeGreaterThan(at);
    p.seek(ev.length - 1);
    expect(p.continueTo([parseBreakpoint({ id: 'to', match: { kind: 'timeout' } })])).toBeNull();
    expect(p.position).toBe(ev.length - 1);
    expect(p.next('drop')).toBe(false);
  });

  it('seeks by time and clamps', () => {
    const p = new Playhead(new ReplayIndex(ev));
    p.seekTime(ev[20].t);
    expect(ev[p.position].t).toBe(ev[20].t);
    expect(p.position === ev.length - 1 || ev[p.position + 1].t > ev[20].t).toBe(true);
    p.seek(10_000);
    expect(p.position).toBe(ev.length - 1);
    p.seek(-5);
    expect(p.position).toBe(-1);
    expect(p.event).toBeUndefined();
  });
});
