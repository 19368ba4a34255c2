import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../core/trace/event';
import { markersAt, type Marker } from './flights';
import { MarkerLife } from './marker-life';

const cb = (seq: number, t: number): Marker => ({ seq, kind: 'callback', node: 'lobby', label: 'callback ✓', t });

describe('marker lifetime (wall clock, any speed)', () => {
  it('at 16× a callback stays ~1.5 s of wall time, not 24 virtual seconds', () => {
    const life = new MarkerLife({ lifeMs: 1500 });
    const events: TraceEvent[] = [{ seq: 1, t: 1000, type: 'callback', to: 'lobby', suc: true, event: 'M' }];
    const rate = 16;
    const shown = (wall: number) => {
      const t = 1000 + wall * rate; // playing at 16× from the callback on
      return life.update(markersAt(events, t, life.admitWindow(rate)), t, wall).length;
    };
    expect(shown(0)).toBe(1);
    expect(shown(1000)).toBe(1); // 16 virtual s later, 1 wall s: still there
    expect(shown(1499)).toBe(1);
    expect(shown(1500)).toBe(0); // gone after 1.5 wall s (24 virtual s would have kept it to 2.5 s... and longer when paused)
    expect(shown(1600)).toBe(0);
  });

  it('paused: it goes after its wall lifetime and does not come back', () => {
    const life = new MarkerLife({ lifeMs: 1500 });
    const m = [cb(1, 100)];
    expect(life.update(m, 100, 0)).toHaveLength(1);
    expect(life.update(m, 100, 1000)).toHaveLength(1);
    expect(life.update(m, 100, 1600)).toHaveLength(0);
    expect(life.update(m, 100, 5000)).toHaveLength(0);
  });

  it('a seek does not pop up the markers behind it; passing one again after a seek back shows it', () => {
    const life = new MarkerLife({ lifeMs: 1500, admitWallMs: 250, minAdmitMs: 250 });
    const events: TraceEvent[] = [{ seq: 1, t: 100, type: 'drop', to: 'x', reason: 'lost' }, { seq: 2, t: 9000, type: 'drop', to: 'y', reason: 'lost' }];
    const rate = 16; // admit window 4000 virtual ms
    expect(life.admitWindow(rate)).toBe(4000);
    expect(life.admitWindow(0)).toBe(250);
    const frame = (t: number, wall: number) => life.update(markersAt(events, t, life.admitWindow(rate)), t, wall).map((m) => m.seq);
    expect(frame(20_000, 0)).toEqual([]); // jumped far past both
    expect(frame(9100, 100)).toEqual([2]); // back to just after the second: passed it again
    expect(frame(50, 200)).toEqual([]); // before both
    expect(frame(150, 250)).toEqual([1]);
  });

  it('keeps the pinned (playhead / selected) event marked', () => {
    const life = new MarkerLife({ lifeMs: 1500 });
    const m = cb(7, 100);
    expect(life.update([m], 100, 0, m)).toEqual([m]);
    expect(life.update([m], 100, 10_000, m)).toEqual([m]);
    expect(life.update([m], 100, 10_001, null)).toEqual([]);
    expect(life.update([], 50, 10_002, m)).toEqual([]); // not yet happened
  });
});

describe('marker lifetime across an eased jump', () => {
  it('does not pop the markers the easing passes; the one at the target shows when the clock gets there', () => {
    const life = new MarkerLife({ lifeMs: 1500 });
    const events: TraceEvent[] = [{ seq: 1, t: 1000, type: 'callback', to: 'a', suc: true }, { seq: 2, t: 3200, type: 'drop', to: 'b', reason: 'lost' }];
    const target = 3200;
    const fresh = markersAt(events, target, life.admitWindow(1));
    const seen: number[][] = [];
    for (const [t, wall] of [[0, 0], [1000, 16], [2500, 32], [3199, 48], [3200, 64]] as const) seen.push(life.update(fresh, t, wall).map((m) => m.seq));
    expect(seen).toEqual([[], [], [], [], [2]]);
    expect(life.update(fresh, 3200, 64 + 1499)).toHaveLength(1);
    expect(life.update(fresh, 3200, 64 + 1500)).toHaveLength(0);
  });
});
