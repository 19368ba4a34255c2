// The exact messages behind a connection (one click away in traffic mode): the latest sends between
// the two cards up to the playhead, newest first; a click selects one (the playhead goes there).
import { useMemo } from 'react';
import { sendKind } from '../../core/replay/message-style';
import type { TraceEvent } from '../../core/trace/event';
import { useReplayStore } from '../replay/replay-store';
import { fmtMs } from '../replay/format';
import { useCanvasStore } from '../stores/canvas-store';
import { traceLog, useTraceLogVersion } from '../trace/trace-log';
import { legsOf } from './overlay/flights';
import { cardIdOf } from './overlay/drawn-edges';

const MAX_ROWS = 100;
const MAX_SCAN = 50000;

/** Sends whose route crosses the hop between cards a and b (either way), newest first. */
export function messagesBetween(events: readonly (TraceEvent | undefined)[], sends: readonly number[], a: string, b: string, cardOf: (id: string) => string, upTo: number, max = MAX_ROWS): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let i = sends.length - 1, scanned = 0; i >= 0 && out.length < max && scanned < MAX_SCAN; i--, scanned++) {
    if (sends[i] > upTo) continue;
    const e = events[sends[i]];
    if (!e) continue;
    const hit = legsOf(e).some((leg) => {
      for (let h = 1; h < leg.length; h++) {
        const x = cardOf(leg[h - 1]);
        const y = cardOf(leg[h]);
        if ((x === a && y === b) || (x === b && y === a)) return true;
      }
      return false;
    });
    if (hit) out.push(e);
  }
  return out;
}

export function EdgeMessages({ a, b }: { a: string; b: string }) {
  const version = useTraceLogVersion((s) => s.version);
  const position = useReplayStore((s) => s.position);
  const rows = useMemo(() => {
    void version;
    return messagesBetween(traceLog.events, traceLog.sends, a, b, cardIdOf, position);
  }, [a, b, position, version]);
  return (
    <section className="sb-edge-messages" data-testid="edge-messages" data-count={rows.length}>
      <h4>
        Messages on this connection <span className="sb-muted">(latest {rows.length}{rows.length === MAX_ROWS ? '+' : ''}, up to the playhead)</span>
      </h4>
      {rows.length === 0 ? <p className="sb-muted">None yet.</p> : null}
      <ul>
        {rows.map((e) => (
          <li key={e.seq}>
            <button type="button" data-testid="edge-message" data-seq={e.seq} className={`k-${sendKind(e)}`} onClick={() => useCanvasStore.getState().selectEvent(e.seq)}>
              <span className="sb-muted">{fmtMs(e.t)}</span> {e.api} <b>{e.event}</b> <span className="sb-muted">{e.from} → {e.targets ? `${e.targets.length} targets` : e.to}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
