import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../core/trace/event';
import { markersAt, toMarker } from './flights';

describe('error markers', () => {
  it('an error raised by mod code is marked on its node, like a drop, with a short label', () => {
    const e: TraceEvent = { seq: 7, t: 120, type: 'error', to: 'lobby-4000', reason: 'KeyError: uid', data: { traceback: '…', file: '/a/x.py', line: 3 } };
    expect(toMarker(e)).toEqual({ seq: 7, kind: 'error', node: 'lobby-4000', label: 'error: KeyError: uid', t: 120 });
    const long = toMarker({ ...e, reason: `ValueError: ${'x'.repeat(200)}` });
    expect(long?.label.length).toBe(60);
    expect(long?.label.endsWith('…')).toBe(true);
    expect(toMarker({ seq: 8, t: 1, type: 'error' })).toBeNull();
  });

  it('is found by markersAt among the other markers', () => {
    const events: TraceEvent[] = [
      { seq: 1, t: 100, type: 'drop', to: 'a', reason: 'lost' },
      { seq: 2, t: 110, type: 'error', to: 'b', reason: 'ZeroDivisionError: integer division or modulo by zero' },
      { seq: 3, t: 115, type: 'log', to: 'b', detail: 'print', data: 'hi' },
    ];
    expect(markersAt(events, 120, 50).map((m) => [m.kind, m.node])).toEqual([['drop', 'a'], ['error', 'b']]);
  });
});
