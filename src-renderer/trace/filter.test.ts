import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/trace/event';
import { rowsUpTo, filterFrom, matches, NO_FILTER, visibleRange } from './filter';
import { TraceLog } from './trace-log';

const ev = (seq: number, p: Partial<TraceEvent>): TraceEvent => ({ seq, t: seq, type: 'send', ...p });

describe('event-log filtering', () => {
  const events = [
    ev(1, { type: 'register', to: 'service-8000' }),
    ev(2, { api: 'BroadcastToService', from: 'lobby-4000', targets: ['service-8000', 'service-8001'], event: 'Hi' }),
    ev(3, { type: 'deliver', api: 'BroadcastToService', to: 'service-8001', event: 'Hi', cause: 2 }),
    ev(4, { type: 'drop', api: 'NotifyToClient', from: 'lobby-4000', to: 'client-1', at: 'proxy-2000', reason: 'in-transfer' }),
  ];

  it('matches a node anywhere on the message: sender, receiver, targets, drop place', () => {
    expect(events.filter((e) => matches(e, { ...NO_FILTER, node: 'service-8001' })).map((e) => e.seq)).toEqual([2, 3]);
    expect(events.filter((e) => matches(e, { ...NO_FILTER, node: 'proxy-2000' })).map((e) => e.seq)).toEqual([4]);
  });

  it('filters by interface, event name (substring, any case) and type, and can hide registrations', () => {
    expect(filterFrom(events, { ...NO_FILTER, api: 'BroadcastToService', type: 'deliver' }, 0, [])).toEqual([2]);
    expect(filterFrom(events, { ...NO_FILTER, event: 'hi' }, 0, [])).toEqual([1, 2]);
    expect(filterFrom(events, { ...NO_FILTER, hideRegister: true }, 0, [])).toEqual([1, 2, 3]);
  });

  it('is incremental and skips holes', () => {
    const sparse: (TraceEvent | undefined)[] = [...events];
    sparse[6] = ev(7, {});
    expect(filterFrom(sparse, NO_FILTER, 3, [0, 1, 2])).toEqual([0, 1, 2, 3, 6]);
  });

  it('computes the rows a viewport shows, for 100k+ rows', () => {
    expect(visibleRange(0, 220, 22, 100_000, 0)).toEqual([0, 10]);
    expect(visibleRange(22 * 50_000, 220, 22, 100_000, 2)).toEqual([49_998, 50_012]);
    expect(visibleRange(0, 220, 22, 3, 8)).toEqual([0, 3]);
  });

  it('indexes effects by cause', () => {
    const log = new TraceLog();
    log.reset(1);
    log.append(1, 0, events);
    expect(log.effectsOf(2).map((e) => e.seq)).toEqual([3]);
    expect(log.sends).toEqual([1]);
    expect(log.append(2, 4, events)).toBe(false);
  });
});

describe('nodes down', () => {
  it('follows stop/start lifecycle events up to a time', () => {
    const log = new TraceLog();
    log.reset(1);
    log.append(1, 0, [ev(1, { type: 'lifecycle', to: 's', detail: 'stop', t: 10 }), ev(2, { type: 'lifecycle', to: 's', detail: 'start', t: 30 })]);
    expect([...log.downAt(5)]).toEqual([]);
    expect([...log.downAt(20)]).toEqual(['s']);
    expect([...log.downAt(30)]).toEqual([]);
  });
});

describe('the log follows the playhead', () => {
  it('counts rows at or before the position', () => {
    expect(rowsUpTo([1, 4, 9], 4)).toBe(2);
    expect(rowsUpTo([1, 4, 9], -1)).toBe(0);
    expect(rowsUpTo([1, 4, 9], 100)).toBe(3);
  });
});
