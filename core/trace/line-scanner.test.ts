// The byte scanner may only say yes to a line that JSON.parse reads and isTraceEvent accepts, and
// then must report exactly what JSON.parse finds. Everything else (no) is left to the slow path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTraceEvent } from '../replay/load';
import { generateSampleEvents, sampleTrace } from '../replay/testing/sample-trace';
import { EVENT_TYPES, RPC_STATES, type TraceEvent } from './event';
import { EventLineScanner } from './line-scanner';
import { encodeEvent } from './ndjson';
import { decodeUtf8, encodeUtf8 } from './utf8';

/** What the scanner found, as the event fields JSON.parse would give (data parsed from its range). */
function scanned(sc: EventLineScanner, bytes: Uint8Array): Record<string, unknown> {
  const s = sc.ev;
  const e: Record<string, unknown> = { seq: s.seq, t: s.t, type: EVENT_TYPES[s.type] };
  for (const k of ['api', 'from', 'to', 'event', 'reason', 'ns', 'sys', 'at', 'detail'] as const) if (s[k] !== undefined) e[k] = s[k];
  if (s.cause >= 0) e.cause = s.cause;
  if (s.suc) e.suc = s.suc === 2;
  if (s.arrive !== undefined) e.arrive = s.arrive;
  if (s.targets) e.targets = [...s.targets];
  if (s.path) e.path = [...s.path];
  if (s.dataStart >= 0) e.data = JSON.parse(decodeUtf8(bytes, s.dataStart, s.dataEnd));
  if (s.rpcId >= 0) {
    const r: Record<string, unknown> = { id: s.rpcId, state: RPC_STATES[s.rpcState] };
    if (s.callbackId !== undefined) r.callbackId = s.callbackId;
    if (s.requester !== undefined) r.requester = s.requester;
    if (s.deadline !== undefined) r.deadline = s.deadline;
    e.rpc = r;
  }
  return e;
}

/** The fields of a parsed event the scanner reports (unknown keys and unknown rpc keys aside). */
function known(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['seq', 't', 'type', 'api', 'from', 'to', 'event', 'reason', 'ns', 'sys', 'at', 'detail', 'cause', 'suc', 'arrive', 'targets', 'path', 'data']) if (v[k] !== undefined) out[k] = v[k];
  const r = v.rpc as Record<string, unknown> | undefined;
  if (r) {
    const rr: Record<string, unknown> = { id: r.id, state: r.state };
    for (const k of ['callbackId', 'requester', 'deadline']) if (r[k] !== undefined) rr[k] = r[k];
    out.rpc = rr;
  }
  return out;
}

/** The scanner's verdict on `line`, checked against JSON.parse + isTraceEvent. */
function check(sc: EventLineScanner, line: string): boolean {
  const bytes = encodeUtf8(line);
  const yes = sc.scan(bytes, 0, bytes.length);
  if (!yes) return false;
  let parsed: unknown;
  expect(() => (parsed = JSON.parse(line)), line).not.toThrow();
  expect(isTraceEvent(parsed), line).toBe(true);
  expect(scanned(sc, bytes), line).toEqual(known(parsed as Record<string, unknown>));
  return true;
}

const events: TraceEvent[] = [...sampleTrace(), ...generateSampleEvents(3000, { seed: 9, clients: 20 })];

describe('EventLineScanner', () => {
  it('reads every line the codec writes, exactly as JSON.parse does', () => {
    const sc = new EventLineScanner();
    for (const e of events) expect(check(sc, encodeEvent(e))).toBe(true);
  });

  it('handles escapes, non-ASCII text, number forms, whitespace and repeated keys like JSON.parse', () => {
    const sc = new EventLineScanner();
    const yes = [
      '{"seq":1,"t":0,"type":"send","from":"cli\\u0065nt-1","to":"ロビー","event":"a\\"b\\\\c\\n"}',
      ' { "seq" : 2 , "t" : 1.5e2 , "type" : "drop" , "reason" : "" } ',
      '{"seq":3,"t":0.30000000000000004,"type":"send","arrive":1e-7,"cause":0}',
      '{"seq":4,"t":123456789.12345678,"type":"deliver","data":{"a":[1,-2.5e+3,true,false,null,{"b":"\\ud83d\\ude00"}]},"x":{"y":[]}}',
      '{"seq":5,"t":1,"type":"rpc","rpc":{"id":0,"state":"timedOut","extra":[1],"deadline":3000.5},"suc":false}',
      '{"seq":6,"t":1,"type":"send","api":"x","api":"y","targets":[],"path":["a","b"]}',
      '{"seq":7.0,"t":-0,"type":"send"}',
    ];
    for (const l of yes) expect(check(sc, l), l).toBe(true);
  });

  it('leaves lines it cannot vouch for to the slow path', () => {
    const sc = new EventLineScanner();
    const no = [
      '{"format":"switchboard-trace","version":1}',
      '{"se\\u0071":1,"t":0,"type":"send"}',
      '{"seq":1,"t":0,"type":"send"',
      '{"seq":1,"t":0,"type":"send"} x',
      '{"seq":1,"t":0,"type":"teleport"}',
      '{"seq":01,"t":0,"type":"send"}',
      '{"seq":1,"t":1e999,"type":"send"}',
      '{"seq":-1,"t":0,"type":"send"}',
      '{"seq":1,"t":0,"type":"send","api":null}',
      '{"seq":1,"t":0,"type":"send","data":{a:1}}',
      '{"seq":1,"t":0,"type":"send","rpc":{"id":1}}',
      '{"seq":1,"t":0,"type":"send","targets":["a",1]}',
      '{"seq":1,"t":0,"type":"send","event":"tab\there"}',
      '{"seq":1,"t":0}',
      '[1,2]',
      '',
    ];
    for (const l of no) expect(check(sc, l), l).toBe(false);
  });

  it('property: any yes is a line JSON.parse and isTraceEvent accept, with the same values (mutated event lines, random JSON)', () => {
    const sc = new EventLineScanner();
    const lines = events.slice(0, 400).map(encodeEvent);
    const mutated = fc.tuple(fc.constantFrom(...lines), fc.nat(), fc.nat({ max: 4 }), fc.string({ maxLength: 4, unit: fc.constantFrom(...'{}[]":,\\-.0123456789eEtrufalsn x\u00e9') })).map(([l, at, del, ins]) => {
      const i = at % (l.length + 1);
      return l.slice(0, i) + ins + l.slice(i + del);
    });
    const shaped = fc.record({ seq: fc.oneof(fc.nat(), fc.double()), t: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.string()), type: fc.constantFrom(...EVENT_TYPES, 'x'), from: fc.oneof(fc.string(), fc.integer()), rpc: fc.record({ id: fc.integer(), state: fc.constantFrom(...RPC_STATES), callbackId: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: ['id', 'state'] }), data: fc.jsonValue(), targets: fc.array(fc.string()), arrive: fc.double({ noNaN: true }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v));
    let yes = 0;
    fc.assert(fc.property(fc.oneof(mutated, shaped, fc.json()), (line) => {
      if (check(sc, line)) yes++;
    }), { numRuns: 3000 });
    expect(yes).toBeGreaterThan(100);
  });
});
