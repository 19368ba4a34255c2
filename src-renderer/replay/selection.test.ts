import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/trace/event';
import { nodesOf, rpcInFocus, seekForSelection } from './selection';

const ev: TraceEvent[] = [
  { seq: 1, t: 0, type: 'send', from: 'a', to: 'b', api: 'NotifyToMaster' },
  { seq: 2, t: 5, type: 'send', from: 'l', to: 's', rpc: { id: 7, state: 'requested' } },
  { seq: 3, t: 5, type: 'send', from: 's', targets: ['x', 'y'] },
];
const indexOfSeq = (s: number) => ev.findIndex((e) => e.seq === s);
const eventAt = (i: number) => ev[i];

describe('selection sync', () => {
  it('moves the playhead to an event selected elsewhere, and not when it is already there', () => {
    expect(seekForSelection(2, { position: 0, selectedRpc: null }, indexOfSeq, eventAt)).toBe(1);
    expect(seekForSelection(2, { position: 1, selectedRpc: null }, indexOfSeq, eventAt)).toBeNull();
    expect(seekForSelection(null, { position: 1, selectedRpc: null }, indexOfSeq, eventAt)).toBeNull();
    expect(seekForSelection(99, { position: 1, selectedRpc: null }, indexOfSeq, eventAt)).toBeNull();
  });

  it('focuses the RPC of the event under the playhead, else keeps the last one', () => {
    expect(rpcInFocus(ev[1], null)).toBe(7);
    expect(rpcInFocus(ev[0], 7)).toBe(7);
  });

  it('lists the nodes an event involves, broadcast targets included', () => {
    expect(nodesOf(ev[2])).toEqual(['s', 'x', 'y']);
    expect(nodesOf(undefined)).toEqual([]);
  });
});
