import { describe, expect, it } from 'vitest';
import { sequenceModel, sequenceRows } from './sequence';
import { sampleHeader, sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const header = sampleHeader();

describe('sequenceModel', () => {
  const m = sequenceModel(ev, { header });
  const lane = (id: string) => m.lifelines.find((l) => l.id === id)!.lane;

  it('has one lifeline per node in role order', () => {
    expect(m.lifelines.map((l) => l.kind)).toEqual(['client', 'client', 'proxy', 'lobby', 'game', 'master', 'service', 'service']);
    expect(m.lifelines.map((l) => l.lane)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('draws each send once: point, request, response, broadcast (thick), drop', () => {
    const sends = ev.filter((e) => e.type === 'send' && (e.to !== undefined || e.targets !== undefined));
    expect(m.arrows.map((a) => a.seq)).toEqual(sends.map((e) => e.seq));
    const hello = m.arrows.find((a) => a.event === 'Hello')!;
    expect(hello).toMatchObject({ kind: 'point', thick: false, fromLane: lane('client-1'), toLanes: [lane('lobby-4000')] });
    expect(hello.outcomes).toEqual([expect.objectContaining({ delivered: true, lane: lane('lobby-4000') })]);
    expect(hello.endT).toBeGreaterThan(hello.t);
    const req = m.arrows.find((a) => a.rpcId === 1 && a.kind === 'request')!;
    expect(req.toLanes).toEqual([lane('service-8000')]);
    expect(m.arrows.find((a) => a.rpcId === 1 && a.kind === 'response')!.toLanes).toEqual([lane('lobby-4000')]);
    const bc = m.arrows.find((a) => a.thick)!;
    expect(bc.toLanes).toEqual([lane('service-8000'), lane('service-8001')]);
    expect(bc.outcomes.map((o) => o.delivered)).toEqual([true, false]);
    const stats = m.arrows.find((a) => a.event === 'Stats')!;
    expect(stats.kind).toBe('drop');
    expect(stats.outcomes[0].reason).toBe('loss');
  });

  it('notes misuse, timeouts, lifecycle and faults', () => {
    const kinds = new Set(m.notes.map((n) => n.kind));
    for (const k of ['misuse', 'timeout', 'noRoute', 'noHandler', 'lifecycle', 'fault', 'http']) expect(kinds).toContain(k);
    const to = m.notes.find((n) => n.kind === 'timeout' && n.text === 'rpc 2: timedOut')!;
    expect(to.lanes).toEqual([lane('lobby-4000')]);
    const rows = sequenceRows(m);
    expect(rows.length).toBe(m.arrows.length + m.notes.length);
    const order = rows.map((r) => ('arrow' in r ? r.arrow.index : r.note.index));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('is windowed by index and by time; outcomes are found past the window', () => {
    const hello = ev.findIndex((e) => e.event === 'Hello' && e.type === 'send');
    const w = sequenceModel(ev, { header, from: hello, to: hello + 1 });
    expect(w.arrows.length).toBe(1);
    expect(w.arrows[0].outcomes[0].delivered).toBe(true);
    const t = ev[hello].t;
    const wt = sequenceModel(ev, { header, fromT: t, toT: t });
    expect(wt.arrows.map((a) => a.event)).toEqual(['Hello']);
    const inv = sequenceModel(ev, { header, from: hello, to: hello + 1, lanes: 'involved' });
    expect(inv.lifelines.map((l) => l.id)).toEqual(['client-1', 'lobby-4000']);
    expect(inv.arrows[0]).toMatchObject({ fromLane: 0, toLanes: [1] });
  });

  it('stops at maxItems and says so', () => {
    const c = sequenceModel(ev, { header, maxItems: 3 });
    expect(c.truncated).toBe(true);
    expect(c.arrows.length + c.notes.length).toBe(3);
    expect(c.to).toBeLessThan(ev.length);
  });
});

describe('a filtered sequence', () => {
  it('keeps lifelines for the chosen nodes and folds every other node into one "(others)" lifeline', async () => {
    const { OTHERS } = await import('./sequence');
    const f = sequenceModel(ev, { header, only: new Set(['lobby-4000', 'service-8000']) });
    expect(f.lifelines.map((l) => l.id)).toEqual(['lobby-4000', 'service-8000', OTHERS]);
    expect(f.lifelines.at(-1)?.kind).toBe('others');
    const othersLane = f.lifelines.length - 1;
    // Every row touches a chosen node; rows only among others are left out.
    for (const a of f.arrows) expect([a.fromLane, ...a.toLanes].some((l) => l !== othersLane && l >= 0)).toBe(true);
    for (const n of f.notes) expect(n.lanes.some((l) => l !== othersLane)).toBe(true);
    const full = sequenceModel(ev, { header });
    expect(f.arrows.length).toBeLessThan(full.arrows.length);
    expect(f.arrows.length).toBeGreaterThan(0);
  });
});
