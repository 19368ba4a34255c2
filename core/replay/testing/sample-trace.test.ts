import { describe, expect, it } from 'vitest';
import { generateSampleEvents, sampleTrace, SampleTraceBuilder } from './sample-trace';

describe('sample traces follow the engine rules', () => {
  const checkWellFormed = (events: ReturnType<typeof sampleTrace>) => {
    const bySeq = new Map(events.map((e) => [e.seq, e]));
    events.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.t).toBeGreaterThanOrEqual(events[i - 1].t);
      if (e.cause !== undefined) {
        expect(e.cause).toBeLessThan(e.seq);
        expect(bySeq.has(e.cause)).toBe(true);
      }
      if (e.type === 'deliver' && e.from !== undefined) {
        const s = bySeq.get(e.cause!)!;
        expect(s.type).toBe('send');
        expect(s.to ?? s.targets).toBeDefined();
        if (s.targets) expect(s.targets).toContain(e.to);
        else expect(s.to).toBe(e.to);
      }
      if (e.type === 'handle' || e.type === 'unhandled') expect(bySeq.get(e.cause!)!.type).toBe('deliver');
    });
  };

  it('sampleTrace is well formed and covers every rule', () => {
    const ev = sampleTrace();
    checkWellFormed(ev);
    const types = new Set(ev.map((e) => e.type));
    for (const t of ['send', 'deliver', 'drop', 'handle', 'unhandled', 'rpc', 'callback', 'misuse', 'lifecycle', 'fault', 'http', 'register']) expect(types).toContain(t);
    const states = new Set(ev.filter((e) => e.type === 'rpc').map((e) => e.rpc!.state));
    for (const s of ['delivered', 'handling', 'responded', 'completed', 'timedOut', 'noRoute', 'noHandler']) expect(states).toContain(s);
    expect(ev.some((e) => e.reason === 'late-response')).toBe(true);
    expect(ev.some((e) => e.reason === 'in-transfer')).toBe(true);
    expect(ev.some((e) => e.type === 'send' && e.targets?.length === 2)).toBe(true);
  });

  it('a timeout callback comes exactly timeout ms after the request', () => {
    const b = new SampleTraceBuilder();
    b.at(100).rpc('lobby-4000', 'service-8000', 'RequestToServiceMod', 'X', { outcome: 'timeout', timeoutMs: 1500 });
    const ev = b.build();
    const req = ev.find((e) => e.type === 'send')!;
    const cb = ev.find((e) => e.type === 'callback')!;
    expect(cb.t - req.t).toBe(1500);
    expect(cb.suc).toBe(false);
    expect(cb.data).toBeNull();
  });

  it('generator yields exactly count well-formed events, deterministically', () => {
    const a = [...generateSampleEvents(5000, { seed: 7 })];
    const b = [...generateSampleEvents(5000, { seed: 7 })];
    expect(a.length).toBe(5000);
    expect(a).toEqual(b);
    checkWellFormed(a);
    const kinds = new Set(a.map((e) => e.type));
    expect(kinds).toContain('rpc');
    expect(kinds).toContain('drop');
  });
});
