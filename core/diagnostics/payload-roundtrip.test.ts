// Done-when of issue 9: non-dict payloads and 19-digit integers survive a run, a trace round trip
// (NDJSON write → read) and replay (the loader's columns), digit for digit; and the Problems view
// notes the non-dict payload on the trace that was read back.
import { describe, expect, it } from 'vitest';
import { ServerSystem, ServiceSystem } from '../api/systems';
import { Simulation } from '../engine/simulation';
import { validateProjectText } from '../model/validate';
import { loadTrace } from '../replay/load';
import { makeProject } from '../testing/topology';
import { encodeTraceChunks } from '../trace/ndjson';
import { readTrace } from '../trace/ndjson-reader';
import { analyzeProblems, contextFromHeader } from './index';

const BIG = 1234567890123456789n;

function ndjson(s: Simulation): string {
  return [...encodeTraceChunks(s.trace)].join('');
}

describe('payloads as real code sends them, end to end', () => {
  it('a list, a string, None and a 19-digit integer from mod code: run → NDJSON → read → replay', () => {
    const s = new Simulation(makeProject({ games: 1 }));
    const got: unknown[] = [];
    const svc = s.registerSystem('service-8000', ServiceSystem, 's', 's');
    svc.ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'E', svc, (a: unknown) => got.push(a));
    const lobby = s.registerSystem('lobby-4000', ServerSystem, 'l', 'l');
    const sent = [[1, 'two', { uid: BIG }], 'just text', null, { uid: BIG, nested: [BIG, -BIG] }, BIG];
    for (const p of sent) lobby.NotifyToServiceNode(8000, 'E', p);
    s.runUntil(100);
    expect(got).toEqual(sent);

    const text = ndjson(s);
    expect(text).toContain('"data":{"uid":1234567890123456789,"nested":[1234567890123456789,-1234567890123456789]}');
    const read = readTrace(text);
    expect(read.errors).toEqual([]);
    const sends = read.events.filter((e) => e.type === 'send' && e.event === 'E').map((e) => e.data);
    expect(sends).toEqual(sent);

    const replay = loadTrace(text);
    const replayed = [];
    for (let i = 0; i < replay.index.source.length; i++) {
      const e = replay.index.source.get(i);
      if (e.type === 'deliver' && e.event === 'E') replayed.push(e.data);
    }
    expect(replayed).toEqual(sent);
    // The same bytes when the replayed trace is written again.
    expect([...encodeTraceChunks({ header: replay.header!, length: replay.index.source.length, get: (i) => replay.index.source.get(i) })].join('')).toBe(text);

    const noted = analyzeProblems(read.events, contextFromHeader(read.header)).filter((g) => g.kind === 'non-dict-payload');
    expect(noted.map((g) => g.events.length)).toEqual([4]);
  });

  it('a 19-digit integer written in a project file reaches the receiver exactly', () => {
    const p = JSON.parse(JSON.stringify(makeProject({ games: 1 }))) as Record<string, unknown>;
    p.scenarios = [{ name: 's', steps: [{ at: 1, do: 'call', node: 'lobby-4000', api: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'E', eventData: { uid: '@BIG@' } } }] }];
    const v = validateProjectText(JSON.stringify(p).replace('"@BIG@"', BIG.toString()), 'p.switchboard.json');
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const s = new Simulation(v.project, { scenario: 's' });
    s.runScenario();
    expect(ndjson(s)).toContain('"data":{"uid":1234567890123456789}');
  });
});
