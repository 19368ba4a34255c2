// The engine's recorder: rows in fixed chunks (nothing stored is ever copied or moved), every field
// read back by get(i) across chunk boundaries; with recording off, only counts.
import { describe, expect, it } from 'vitest';
import type { TraceHeader } from './event';
import { CHUNK_ROWS, F, TYPE_INDEX, TraceRecorder } from './recorder';

const header: TraceHeader = { format: 'switchboard-trace', version: 1, project: 'p', seed: 1, scenario: null, options: {} as TraceHeader['options'] };
const nodes = ['master', 'proxy-1', 'lobby-1', 'client-1'];
const serverIds = [0, 1, NaN, NaN];

function fill(rec: TraceRecorder, n: number): void {
  const ev = rec.strings.id('Ping');
  const api = rec.strings.id('NotifyToServer');
  for (let i = 0; i < n; i++) {
    const seq = rec.add(i / 4, TYPE_INDEX.send, api, 4, 3, ev, i % 3 === 0 ? { i } : undefined, i);
    rec.set(seq - 1, F.via, 2);
    if (i % 5 === 0) rec.setArrive(seq - 1, i / 4 + 5);
  }
}

describe('TraceRecorder', () => {
  it('reads back every field across chunk boundaries, and keeps earlier rows where they are', () => {
    const rec = new TraceRecorder(header, nodes, serverIds);
    fill(rec, 10);
    const early = rec.get(3);
    fill(rec, 2 * CHUNK_ROWS + 10);
    expect(rec.length).toBe(2 * CHUNK_ROWS + 20);
    expect(rec.get(3)).toEqual(early);
    for (const i of [CHUNK_ROWS - 1, CHUNK_ROWS, 2 * CHUNK_ROWS + 19]) {
      const k = i - 10;
      const e = rec.get(i);
      expect(e).toMatchObject({ seq: i + 1, t: k / 4, type: 'send', api: 'NotifyToServer', from: 'client-1', to: 'lobby-1', event: 'Ping', path: ['client-1', 'proxy-1', 'lobby-1'] });
      expect(e.cause).toBe(k === 0 ? undefined : k);
      expect(e.data).toEqual(k % 3 === 0 ? { i: k } : undefined);
      expect(e.arrive).toBe(k % 5 === 0 ? k / 4 + 5 : undefined);
    }
    expect(() => rec.get(rec.length)).toThrow(RangeError);
  });

  it('rpc refs, deadlines, targets, flags and strings', () => {
    const rec = new TraceRecorder(header, nodes, serverIds);
    const seq = rec.add(1, TYPE_INDEX.send, rec.strings.id('RequestToServiceMod'), 2, 1, rec.strings.id('M'), { a: 1 }, 0);
    rec.set(seq - 1, F.rpcId, 7);
    rec.set(seq - 1, F.rpcState, 1);
    rec.set(seq - 1, F.callbackId, 3);
    rec.setDeadline(seq - 1, 2001);
    const b = rec.add(2, TYPE_INDEX.send, 0, 1, 0, 0, undefined, seq);
    rec.setTargets(b - 1, Int32Array.of(2, 3));
    const c = rec.add(3, TYPE_INDEX.callback, 0, 0, 3, 0, undefined, b);
    rec.set(c - 1, F.suc, 1);
    rec.set(c - 1, F.reason, rec.strings.id('timeout'));
    rec.set(c - 1, F.sys, rec.strings.id('ns\u0000sys'));
    expect(rec.get(0).rpc).toEqual({ id: 7, state: 'requested', callbackId: 3, requester: 1, deadline: 2001 });
    expect(rec.get(1).targets).toEqual(['lobby-1', 'client-1']);
    expect(rec.get(2)).toMatchObject({ suc: false, reason: 'timeout', ns: 'ns', sys: 'sys' });
  });

  it('with recording off keeps nothing, counts by type, and still hands out seqs', () => {
    const rec = new TraceRecorder(header, nodes, serverIds, false);
    fill(rec, 1000);
    rec.add(1, TYPE_INDEX.drop, 0, 0, 0, 0, undefined, 0);
    expect(rec.length).toBe(0);
    expect(rec.total).toBe(1001);
    expect(rec.countsByType()).toEqual({ send: 1000, drop: 1 });
    expect(rec.slice(0)).toEqual([]);
    expect(rec.dataHandle(5)).toBe(0);
  });
});
