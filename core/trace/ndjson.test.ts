import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './event';
import { encodeEvent, encodeHeader, encodeTrace, encodeTraceChunks } from './ndjson';
import { sampleHeader } from './testing/arbitraries';

describe('encodeEvent', () => {
  it('writes keys in the fixed order whatever order the object has, omitting undefined', () => {
    const e = {
      detail: 'd', suc: true, reason: 'no-route', rpc: { requester: 1000, state: 'noRoute', id: 3 }, data: { b: 1, a: 2 },
      event: 'E', to: 's', from: 'g', api: 'RequestToService', type: 'rpc', t: 12.5, seq: 9, cause: 8, targets: undefined, at: 'p',
    } as TraceEvent;
    expect(encodeEvent(e)).toBe(
      '{"seq":9,"t":12.5,"type":"rpc","api":"RequestToService","from":"g","to":"s","event":"E","data":{"b":1,"a":2},' +
      '"rpc":{"id":3,"state":"noRoute","requester":1000},"cause":8,"reason":"no-route","suc":true,"at":"p","detail":"d"}',
    );
  });

  it('keeps fields it does not know, after the known ones, and is one line', () => {
    const e = { extra: 'x\ny', seq: 1, t: 0, type: 'send', data: 'line\nbreak' } as TraceEvent;
    const line = encodeEvent(e);
    expect(line).toBe('{"seq":1,"t":0,"type":"send","data":"line\\nbreak","extra":"x\\ny"}');
    expect(line).not.toContain('\n');
  });

  it('writes data null and false (they are values, not absence)', () => {
    expect(encodeEvent({ seq: 1, t: 0, type: 'callback', data: null, suc: false })).toBe('{"seq":1,"t":0,"type":"callback","data":null,"suc":false}');
  });
});

describe('encodeHeader / encodeTrace', () => {
  it('writes the header with format and version first', () => {
    const h = sampleHeader();
    const shuffled = { nodes: h.nodes, options: h.options, scenario: h.scenario, seed: h.seed, project: h.project, version: h.version, format: h.format };
    expect(encodeHeader(shuffled)).toBe(encodeHeader(h));
    expect(encodeHeader(h).startsWith('{"format":"switchboard-trace","version":1,"project":"sample","seed":7,"scenario":"main","options":{')).toBe(true);
  });

  it('writes a header line and one line per event, each ending in a newline', () => {
    const text = encodeTrace(sampleHeader(), [{ seq: 1, t: 0, type: 'send' }, { seq: 2, t: 5, type: 'deliver', cause: 1 }]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[2]).toBe('{"seq":2,"t":5,"type":"deliver","cause":1}');
  });
});

describe('encodeTraceChunks', () => {
  it('concatenates to exactly encodeTrace, in pieces of the asked size', () => {
    const events: TraceEvent[] = Array.from({ length: 7 }, (_, i) => ({ seq: i + 1, t: i, type: 'send' }));
    const store = { header: sampleHeader(), length: events.length, get: (i: number) => events[i] };
    const chunks = [...encodeTraceChunks(store, 3)];
    expect(chunks.join('')).toBe(encodeTrace(sampleHeader(), events));
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([3, 3, 2]);
    expect([...encodeTraceChunks({ ...store, length: 0 })]).toEqual([`${encodeHeader(sampleHeader())}\n`]);
  });
});
