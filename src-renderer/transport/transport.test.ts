import { describe, expect, it } from 'vitest';
import { nextHitAfter, neighbourSpeed, Transport, type HostStatusView, type Timeline } from './transport';

/** Events at these times; a send at `sends[i]` moves for `hop` virtual ms. */
function timeline(times: number[]): Timeline & { times: number[] } {
  return {
    times,
    get length() {
      return times.length;
    },
    timeOf: (i) => times[i],
    indexAfterTime: (t) => {
      let n = 0;
      while (n < times.length && times[n] <= t) n++;
      return n;
    },
  };
}

function rig(times: number[], opts: { live?: boolean; sends?: { at: number; hop: number }[]; hits?: number[] } = {}) {
  const tl = timeline(times);
  const calls: string[] = [];
  let status: HostStatusView | null = opts.live ? { now: 0, running: false, speed: 1, events: times.length, at: 0 } : null;
  const ok = (name: string, patch: Partial<HostStatusView> = {}) => () => {
    calls.push(name);
    if (status) status = { ...status, ...patch };
    return Promise.resolve();
  };
  const changes: string[] = [];
  const tr = new Transport({
    timeline: () => tl,
    host: { status: () => status, run: ok('run', { running: true }), pause: ok('pause', { running: false }), step: ok('step'), setSpeed: ok('speed') },
    moving: (t, upTo) => {
      const m = (opts.sends ?? []).filter((s, k) => k <= upTo + 99 && s.at <= t && s.at + s.hop > t);
      return { hops: m.map((s) => s.hop), instants: new Set(m.map((s) => s.at)).size };
    },
    hits: () => opts.hits ?? [],
    changed: (r) => changes.push(r),
  });
  const run = (fromWall: number, toWall: number, frame = 16) => {
    for (let w = fromWall; w <= toWall; w += frame) tr.tick(w);
  };
  return { tr, tl, calls, changes, run, setStatus: (s: Partial<HostStatusView>) => (status = { ...(status as HostStatusView), ...s }) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the transport', () => {
  it('plays a trace paced: a 20 ms hop takes about 600 ms of wall time at 1×, then the trace ends', async () => {
    // send at 100, deliver at 120.
    const { tr, run } = rig([100, 120], { sends: [{ at: 100, hop: 20 }] });
    tr.play(0);
    let w = 0;
    for (; w < 5000 && tr.position < 1; w += 16) tr.tick(w);
    // Idle wait before the send (≤ 150 ms), then ~600 ms for the hop.
    expect(w).toBeGreaterThan(600);
    expect(w).toBeLessThan(800);
    run(w, w + 100);
    expect(tr.playing).toBe(false);
    expect(tr.t).toBe(120);
  });

  it('steps one event at a time, animating the hop, and plays through a range for a tour', () => {
    const { tr, run } = rig([0, 100, 120, 500], { sends: [{ at: 100, hop: 20 }] });
    tr.seek(1);
    tr.step();
    expect(tr.moving).toBe(true);
    run(0, 300);
    expect(tr.position).toBe(1);
    expect(tr.t).toBeLessThan(120);
    run(316, 1000);
    expect(tr.position).toBe(2);
    expect(tr.t).toBe(120);
    expect(tr.moving).toBe(false);
    tr.playThrough(1, 2);
    expect(tr.position).toBe(1);
    run(1016, 2000);
    expect(tr.position).toBe(2);
    expect(tr.moving).toBe(false);
  });

  it('stops on a breakpoint hit on the way', () => {
    const { tr, run } = rig([0, 10, 20, 30], { hits: [2] });
    tr.seek(0);
    tr.play(0);
    run(0, 2000);
    expect(tr.position).toBe(2);
    expect(tr.stoppedOnHit).toBe(2);
    expect(tr.playing).toBe(false);
    expect(nextHitAfter([2, 5, 9], 5)).toBe(9);
    expect(nextHitAfter([2, 5, 9], 9)).toBe(-1);
  });

  it('drives a live host: Run runs it, Pause pauses it; a far-ahead host is held and let go again', async () => {
    const { tr, tl, calls, run, setStatus } = rig([0], { live: true, sends: [] });
    tr.play(0);
    await flush();
    expect(calls).toContain('run');
    // The host ran 5 s ahead (events up to 5000 streamed in); the picture is at ~0.
    tl.times.push(100, 120, 5000);
    setStatus({ now: 5000, running: true, at: 0, events: 4 });
    run(0, 32);
    await flush();
    expect(calls.at(-1)).toBe('pause');
    // The picture catches up (idle stretches are skipped): the host is let go.
    setStatus({ running: false, now: 5000, at: 40 });
    run(48, 4000);
    await flush();
    expect(calls.filter((c) => c === 'run').length).toBeGreaterThanOrEqual(2);
    tr.pause();
    await flush();
    expect(calls.at(-1)).toBe('pause');
  });

  it('a host that stops on its own (scenario end) ends the run once the picture shows its last event', async () => {
    const { tr, tl, run, setStatus } = rig([0], { live: true });
    tr.play(0);
    await flush();
    tl.times.push(200);
    setStatus({ now: 300, running: false, at: 10, events: 2 });
    run(16, 2000);
    expect(tr.position).toBe(1);
    expect(tr.playing).toBe(false);
    expect(tr.t).toBe(300);
  });

  it('following a paused live session, a fired call joins the picture at once', () => {
    const { tr, tl, run } = rig([0], { live: true });
    tr.reset('session');
    run(0, 16);
    expect(tr.position).toBe(0);
    tl.times.push(0);
    run(32, 48);
    expect(tr.position).toBe(1);
  });

  it('steps through the speed presets', () => {
    expect(neighbourSpeed(1, 1)).toBe(2);
    expect(neighbourSpeed(1, -1)).toBe(0.5);
    expect(neighbourSpeed(100, 1)).toBe(100);
    expect(neighbourSpeed(0.1, -1)).toBe(0.1);
  });
});

describe('the transport and a paused live host', () => {
  it('jumps to what the user fired while paused, even with the picture behind the host', async () => {
    const { tr, tl, run, setStatus } = rig([0, 100, 120], { live: true, sends: [{ at: 100, hop: 20 }] });
    setStatus({ now: 2000, events: 3 });
    tr.seek(1);
    tr.pause();
    await flush();
    run(0, 32);
    expect(tr.position).toBe(1);
    // A call fired at the host's time 2000: one new event.
    tl.times.push(2000);
    run(48, 64);
    expect(tr.position).toBe(3);
    expect(tr.t).toBe(2000);
  });
});
