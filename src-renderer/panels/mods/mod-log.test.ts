import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../core/trace/event';
import { displayPath, errorInfo, filterRows, ModLogIndex, toLogRow, tracebackParts } from './mod-log';

const ev = (e: Partial<TraceEvent> & Pick<TraceEvent, 'seq' | 'type'>): TraceEvent => ({ t: e.seq * 10, ...e });

const events: (TraceEvent | undefined)[] = [
  ev({ seq: 1, type: 'lifecycle', to: 'lobby-4000', detail: 'start' }),
  ev({ seq: 2, type: 'log', to: 'lobby-4000', detail: 'print', data: 'acmeLogin up' }),
  ev({ seq: 3, type: 'log', to: 'game-5000', detail: 'stderr', data: { text: 'warning: slow' } }),
  undefined,
  ev({ seq: 5, type: 'log', to: 'lobby-4000', detail: 'not-simulated', reason: 'GetEngineCompFactory().CreatePos' }),
  ev({ seq: 6, type: 'log', to: 'lobby-4000', detail: 'not-simulated', reason: 'time.sleep', data: { count: 4 } }),
  ev({ seq: 7, type: 'error', to: 'lobby-4000', reason: 'KeyError: uid', data: { traceback: 'Traceback (most recent call last):\n  File "/apollo/acme/acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/loginSystem.py", line 12, in OnAdd\n    uid = args["uid"]\nKeyError: uid\n', file: '/apollo/acme/acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/loginSystem.py', line: 12 } }),
  ev({ seq: 8, type: 'log', to: 'game-5000', detail: 'not-simulated', reason: 'time.sleep' }),
];

describe('mod log', () => {
  it('turns log and error events into rows, and ignores the rest', () => {
    expect(toLogRow(events[0]!, 0)).toBeNull();
    expect(toLogRow(events[1]!, 1)).toEqual({ at: 1, seq: 2, t: 20, node: 'lobby-4000', kind: 'print', text: 'acmeLogin up' });
    expect(toLogRow(events[2]!, 2)).toMatchObject({ kind: 'stderr', text: 'warning: slow', node: 'game-5000' });
    expect(toLogRow(events[4]!, 4)).toMatchObject({ kind: 'stub', text: 'not simulated: GetEngineCompFactory().CreatePos' });
    expect(toLogRow(events[6]!, 6)).toMatchObject({ kind: 'error', text: 'KeyError: uid' });
  });

  it('indexes incrementally, filters by node and kind, and counts stubs and errors per node', () => {
    const index = new ModLogIndex(1);
    index.append(events.slice(0, 4));
    expect(index.rows.map((r) => r.seq)).toEqual([2, 3]);
    index.append(events);
    expect(index.rows.map((r) => r.seq)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(filterRows(index.rows, 'lobby-4000', new Set(['print', 'error'])).map((r) => r.seq)).toEqual([2, 7]);
    expect(filterRows(index.rows, null, new Set(['stub'])).map((r) => r.seq)).toEqual([5, 6, 8]);
    expect(index.stubCounts('lobby-4000')).toEqual([{ name: 'time.sleep', count: 4 }, { name: 'GetEngineCompFactory().CreatePos', count: 1 }]);
    expect(index.stubCounts(null)).toEqual([{ name: 'time.sleep', count: 5 }, { name: 'GetEngineCompFactory().CreatePos', count: 1 }]);
    // The runtime's counts of every use win over the trace's first uses; names only it knows appear too.
    const counted = { 'lobby-4000': { 'GetEngineCompFactory().CreatePos': 7 }, 'game-5000': { 'time.sleep': 3, 'threading.Thread': 2 } };
    expect(index.stubCounts('lobby-4000', counted)).toEqual([{ name: 'GetEngineCompFactory().CreatePos', count: 7 }, { name: 'time.sleep', count: 4 }]);
    expect(index.stubCounts('game-5000', counted)).toEqual([{ name: 'time.sleep', count: 3 }, { name: 'threading.Thread', count: 2 }]);
    expect(index.stubCounts(null, counted)).toEqual([{ name: 'GetEngineCompFactory().CreatePos', count: 7 }, { name: 'time.sleep', count: 7 }, { name: 'threading.Thread', count: 2 }]);
    expect(index.errorCount('lobby-4000')).toBe(1);
    expect(index.errorCount('game-5000')).toBe(0);
    expect(index.errorCount(null)).toBe(1);
  });

  it('reads an error\'s traceback and the user\'s file:line, and splits the traceback at its frames', () => {
    const info = errorInfo(events[6]!);
    expect(info).toMatchObject({ message: 'KeyError: uid', line: 12 });
    const parts = tracebackParts(info.traceback!);
    const frames = parts.filter((p) => 'file' in p);
    expect(frames).toEqual([{ text: 'File "/apollo/acme/acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/loginSystem.py", line 12', file: '/apollo/acme/acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/loginSystem.py', line: 12 }]);
    expect(parts.map((p) => p.text).join('')).toBe(info.traceback);
    expect(errorInfo(ev({ seq: 9, type: 'error', to: 'x', data: { type: 'ValueError', message: 'bad' } })).message).toBe('ValueError: bad');
  });

  it('shows paths under the Apollo folder relative to it', () => {
    expect(displayPath('/apollo/acme/acmeLogin/x.py', '/apollo/acme')).toBe('acmeLogin/x.py');
    expect(displayPath('C:\\apollo\\acme\\m\\x.py', 'C:\\apollo\\acme\\')).toBe('m/x.py');
    expect(displayPath('/elsewhere/x.py', '/apollo/acme')).toBe('/elsewhere/x.py');
  });
});
