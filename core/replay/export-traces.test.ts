import { describe, expect, it } from 'vitest';
import { toChromeTrace } from './chrome-trace';
import { spanIdOf, toOtlpJson, traceIdOf } from './otlp';
import { rpcCalls } from './rpc-calls';
import { generateSampleEvents, sampleHeader, sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const header = sampleHeader();

describe('toChromeTrace', () => {
  const ct = toChromeTrace(ev, header);
  const te = ct.traceEvents;

  it('every event has ph, ts (µs), pid, tid; the JSON round-trips', () => {
    expect(te.length).toBeGreaterThan(0);
    for (const e of te) {
      expect(['X', 'i', 's', 'f', 'M']).toContain(e.ph);
      expect(Number.isFinite(e.ts)).toBe(true);
      expect(e.ts).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(e.pid)).toBe(true);
      expect(Number.isInteger(e.tid)).toBe(true);
      expect(typeof e.name).toBe('string');
      if (e.ph === 'X') expect(e.dur).toBeGreaterThan(0);
      if (e.ph === 'i') expect(e.s).toBe('t');
    }
    expect(JSON.parse(JSON.stringify(ct))).toEqual(ct);
    expect(ct.displayTimeUnit).toBe('ms');
  });

  it('names a process per node kind and a thread per node', () => {
    const procs = te.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => e.args!.name);
    expect(procs).toEqual(['client', 'proxy', 'lobby', 'game', 'master', 'service']);
    const threads = te.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args!.name as string);
    for (const n of header.nodes!) expect(threads).toContain(n.id);
    const keys = te.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => `${e.pid}/${e.tid}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has an X slice per RPC from request to end, on the requester', () => {
    const calls = rpcCalls(ev);
    const slices = te.filter((e) => e.ph === 'X' && e.cat === 'rpc');
    expect(slices.length).toBe(calls.length);
    const names = new Map(te.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}/${e.tid}`, e.args!.name as string]));
    for (const c of calls) {
      const s = slices.find((x) => x.args!.rpc === c.id)!;
      expect(s.ts).toBe(c.requestedT * 1000);
      expect(s.dur).toBe((c.endT! - c.requestedT) * 1000);
      expect(names.get(`${s.pid}/${s.tid}`)).toMatch(new RegExp(`^${c.requester} rpc`));
    }
  });

  it('flow events pair up (same id, s then f with bp e) and bind to message slices', () => {
    const flows = te.filter((e) => e.ph === 's' || e.ph === 'f');
    const byId = new Map<number, typeof flows>();
    for (const f of flows) byId.set(f.id!, [...(byId.get(f.id!) ?? []), f]);
    expect(byId.size).toBe(ev.filter((e) => e.type === 'deliver' && e.from !== undefined).length);
    const xs = te.filter((e) => e.ph === 'X' && (e.cat === 'send' || e.cat === 'deliver'));
    for (const [, pair] of byId) {
      expect(pair.map((p) => p.ph)).toEqual(['s', 'f']);
      expect(pair[1].bp).toBe('e');
      expect(pair[0].ts).toBeLessThanOrEqual(pair[1].ts);
      for (const p of pair) expect(xs.some((x) => x.pid === p.pid && x.tid === p.tid && x.ts <= p.ts && p.ts <= x.ts + x.dur!)).toBe(true);
    }
    // Message slices on one thread never overlap.
    const per = new Map<string, number[]>();
    for (const x of xs) per.set(`${x.pid}/${x.tid}`, [...(per.get(`${x.pid}/${x.tid}`) ?? []), x.ts]);
    for (const ts of per.values()) expect(new Set(ts).size).toBe(ts.length);
  });

  it('marks drops, misuse and timeouts as instants', () => {
    const cats = new Set(te.filter((e) => e.ph === 'i').map((e) => e.cat));
    for (const c of ['drop', 'misuse', 'timeout']) expect(cats).toContain(c);
    expect(te.filter((e) => e.ph === 'i' && e.cat === 'drop').length).toBe(ev.filter((e) => e.type === 'drop').length);
  });

  it('overlapping RPCs of one requester go to separate lanes, never partially overlapping', () => {
    const long = [...generateSampleEvents(6000, { seed: 9, maxGapMs: 5 })];
    const slices = toChromeTrace(long).traceEvents.filter((e) => e.ph === 'X' && e.cat === 'rpc');
    const per = new Map<string, { a: number; b: number }[]>();
    for (const s of slices) per.set(`${s.pid}/${s.tid}`, [...(per.get(`${s.pid}/${s.tid}`) ?? []), { a: s.ts, b: s.ts + s.dur! }]);
    for (const list of per.values()) for (let i = 1; i < list.length; i++) expect(list[i].a).toBeGreaterThanOrEqual(list[i - 1].b);
    expect(per.size).toBeGreaterThan(1);
  });
});

describe('toOtlpJson', () => {
  const otlp = toOtlpJson(ev, header);
  const spans = otlp.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  const calls = rpcCalls(ev);

  it('has the ExportTraceServiceRequest shape', () => {
    expect(otlp.resourceSpans.length).toBeGreaterThan(0);
    for (const r of otlp.resourceSpans) {
      expect(r.resource.attributes.find((a) => a.key === 'service.name')).toBeDefined();
      expect(r.scopeSpans[0].scope.name).toBe('switchboard');
    }
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(s.startTimeUnixNano).toMatch(/^\d+$/);
      expect(s.endTimeUnixNano).toMatch(/^\d+$/);
      expect(BigInt(s.endTimeUnixNano) >= BigInt(s.startTimeUnixNano)).toBe(true);
      expect([2, 3]).toContain(s.kind);
    }
  });

  it('a CLIENT span per RPC, a SERVER child when it reached the owner, errors for failed calls', () => {
    const clients = spans.filter((s) => s.kind === 3);
    expect(clients.length).toBe(calls.length);
    for (const c of calls) {
      const cs = clients.find((s) => s.traceId === traceIdOf(c.id, header))!;
      expect(cs.spanId).toBe(spanIdOf(c.id, 'client', header));
      expect(cs.startTimeUnixNano).toBe(String(Math.round(c.requestedT * 1e6)));
      expect(cs.status.code).toBe(c.endState === 'completed' ? 1 : 2);
      const server = spans.find((s) => s.kind === 2 && s.traceId === cs.traceId);
      if (c.deliveredT !== undefined) {
        expect(server?.parentSpanId).toBe(cs.spanId);
        expect(server?.spanId).not.toBe(cs.spanId);
      } else expect(server).toBeUndefined();
    }
    const noRoute = calls.find((c) => c.endState === 'noRoute')!;
    expect(clients.find((s) => s.traceId === traceIdOf(noRoute.id, header))!.status).toEqual({ code: 2, message: 'no-route' });
  });

  it('ids are deterministic and distinct', () => {
    expect(toOtlpJson(ev, header)).toEqual(otlp);
    const ids = new Set(spans.map((s) => s.spanId));
    expect(ids.size).toBe(spans.length);
    expect(new Set(calls.map((c) => traceIdOf(c.id, header))).size).toBe(calls.length);
    expect(toOtlpJson(ev, header, { epochMs: 1_700_000_000_000 }).resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano).toMatch(/^17\d{17}$/);
  });
});
