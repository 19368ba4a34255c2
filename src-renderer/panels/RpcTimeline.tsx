// The RPC timeline: one row per RPC call as a waterfall (requested → delivered → handling →
// responded → completed, or its other end) with durations, rows virtualised; beside it the RPC
// machine with the focused call's state at the playhead lit. Clicking a row selects its request.
// The time axis zooms (Ctrl+wheel, + / −) around the cursor and pans (drag the axis, Shift+wheel,
// ← →); "Fit" shows the whole trace again (replay/time-view.ts; the window survives tab switches,
// replay/rpc-zoom.ts).
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { centreOn, fracOf, panView, ticks, zoomView, type TimeView } from '../replay/time-view';
import { setRpcZoom, useRpcZoom } from '../replay/rpc-zoom';
import type { RpcCall } from '../../core/replay/rpc-calls';
import { fmtMs } from '../replay/format';
import { replayIndex, seek, selectRpc, useReplayStore } from '../replay/replay-store';
import { RpcMachine } from '../replay/RpcMachine';
import { isPendingPhase, rpcPhaseAt, type RpcPhase } from '../replay/rpc-at';

const ROW = 22;

function segments(c: RpcCall): { from: number; to: number; cls: string; title: string }[] {
  const out: { from: number; to: number; cls: string; title: string }[] = [];
  const add = (from: number | undefined, to: number | undefined, cls: string, title: string) => {
    if (from !== undefined && to !== undefined && to >= from) out.push({ from, to, cls, title });
  };
  add(c.requestedT, c.deliveredT, 'net', 'requested → delivered');
  add(c.deliveredT, c.handlingT, 'queue', 'delivered → handling');
  add(c.handlingT, c.respondedT, 'handling', 'handling → responded');
  add(c.respondedT, c.completedT, 'net', 'responded → completed');
  if (c.endState !== 'completed' && c.endT !== undefined) add(c.requestedT, c.endT, `end-${c.endState}`, `${c.endState} (${c.reason ?? ''})`);
  return out;
}

export function RpcTimeline() {
  const version = useReplayStore((s) => s.version);
  const state = useReplayStore((s) => s.state);
  const selected = useReplayStore((s) => s.selectedRpc);
  const [view, setView] = useState({ top: 0, height: 200 });
  const scroller = useRef<HTMLDivElement>(null);
  void version;
  const ix = replayIndex();
  const calls = ix.rpcCalls();
  const { start, end } = ix.timeRange;
  const bounds = { start, end: Math.max(start + 1, end) };
  // null: the whole trace (and it follows a live trace as it grows).
  const zoom = useRpcZoom();
  const setZoom = setRpcZoom;
  const tv = zoom ?? bounds;
  const x = (t: number) => `${fracOf(tv, t) * 100}%`;
  const width = (a: number, b: number) => `max(2px, ${(fracOf(tv, b) - fracOf(tv, a)) * 100}%)`;
  const phaseOf = (c: RpcCall): RpcPhase => rpcPhaseAt(c, state, ix.indexOfSeq(c.requestSeq));
  const focused = selected === null ? undefined : ix.rpcCall(selected);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Ctrl+wheel zooms around the cursor, Shift+wheel pans; a plain wheel scrolls the rows.
  const axis = useRef<HTMLDivElement>(null);
  const latest = useRef({ tv, bounds });
  latest.current = { tv, bounds };
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const box = axis.current?.getBoundingClientRect();
      if (!box || !(e.ctrlKey || e.shiftKey)) return;
      e.preventDefault();
      const { tv: v, bounds: b } = latest.current;
      if (e.ctrlKey) setZoom(zoomView(v, e.deltaY > 0 ? 1.25 : 0.8, (e.clientX - box.left) / box.width, b));
      else setZoom(panView(v, (e.deltaY || e.deltaX) > 0 ? 0.1 : -0.1, b));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);
  const drag = useRef<{ x: number; tv: TimeView } | null>(null);
  const onAxisDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, tv };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onAxisMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const box = axis.current?.getBoundingClientRect();
    if (!d || !box) return;
    setZoom(panView(d.tv, -(e.clientX - d.x) / box.width, bounds));
  };
  const zoomBy = (factor: number) => setZoom(zoomView(tv, factor, Math.min(1, Math.max(0, fracOf(tv, state.t))), bounds));
  useEffect(() => {
    // Bring the focused call into view.
    const el = scroller.current;
    const row = focused ? calls.indexOf(focused) : -1;
    if (el && row >= 0 && (row * ROW < el.scrollTop || row * ROW > el.scrollTop + el.clientHeight - ROW)) el.scrollTop = Math.max(0, row * ROW - el.clientHeight / 2);
  }, [focused, calls]);

  const first = Math.max(0, Math.floor(view.top / ROW) - 5);
  const last = Math.min(calls.length, Math.ceil((view.top + view.height) / ROW) + 5);
  const focusedPhase = focused ? phaseOf(focused) : null;
  return (
    <div className="sb-pane" data-testid="rpc-timeline" data-view-start={Math.round(tv.start)} data-view-end={Math.round(tv.end)}>
      <div className="sb-pane__main sb-rpc" ref={scroller} onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div className="sb-rpc__toolbar">
          <span className="sb-rpc__zoom">
            <button type="button" data-testid="rpc-zoom-in" title="Zoom in around the playhead (Ctrl+wheel: around the cursor)" onClick={() => zoomBy(0.5)}>+</button>
            <button type="button" data-testid="rpc-zoom-out" title="Zoom out" onClick={() => zoomBy(2)}>−</button>
            <button type="button" data-testid="rpc-pan-left" title="Earlier (Shift+wheel, or drag the axis)" onClick={() => setZoom(panView(tv, -0.25, bounds))}>←</button>
            <button type="button" data-testid="rpc-pan-right" title="Later" onClick={() => setZoom(panView(tv, 0.25, bounds))}>→</button>
            <button type="button" data-testid="rpc-centre" title="Centre on the playhead" onClick={() => setZoom(centreOn(tv, state.t, bounds))}>Now</button>
            <button type="button" data-testid="rpc-fit" title="The whole trace" disabled={!zoom} onClick={() => setZoom(null)}>Fit</button>
          </span>
          <div className="sb-rpc__axis" ref={axis} data-testid="rpc-axis" onPointerDown={onAxisDown} onPointerMove={onAxisMove} onPointerUp={() => (drag.current = null)} title="Drag to pan; Ctrl+wheel to zoom">
            {ticks(tv, 6).map((t) => (
              <span key={t} className="sb-rpc__tick" style={{ left: x(t) }}>{fmtMs(t)}</span>
            ))}
          </div>
        </div>
        {calls.length === 0 ? (
          <p className="sb-muted sb-pad">No RPC calls in this trace yet.</p>
        ) : (
          <div style={{ height: calls.length * ROW, position: 'relative' }}>
            {fracOf(tv, state.t) >= 0 && fracOf(tv, state.t) <= 1 ? <div className="sb-rpc__playhead" style={{ left: `calc(340px + (100% - 350px) * ${fracOf(tv, state.t)})` }} /> : null}
            {calls.slice(first, last).map((c, k) => {
              const phase = phaseOf(c);
              return (
                <div
                  key={c.id}
                  className={`sb-rpc__row${c.id === selected ? ' is-selected' : ''}${isPendingPhase(phase) ? ' is-pending' : ''} phase-${phase}`}
                  style={{ top: (first + k) * ROW, height: ROW }}
                  data-testid="rpc-row"
                  data-rpc={c.id}
                  data-phase={phase}
                  data-end={c.endState}
                  onClick={() => {
                    selectRpc(c.id);
                    const i = ix.indexOfSeq(c.requestSeq);
                    if (i >= 0) seek(i);
                  }}
                >
                  <span className="sb-rpc__label" title={`${c.api} ${c.method}: ${c.requester ?? '?'} → ${c.owner ?? 'no owner'}`}>
                    <b>#{c.id}</b> {c.method} <span className="sb-muted">{c.requester ?? '?'} → {c.owner ?? '∅'}</span>
                  </span>
                  <span className="sb-rpc__phase">{phase === 'notYet' ? '·' : phase}</span>
                  <span className="sb-rpc__total">{c.durations.total !== undefined ? fmtMs(c.durations.total) : '…'}</span>
                  <span className="sb-rpc__bars">
                    {segments(c)
                      .filter((s) => s.to >= tv.start && s.from <= tv.end)
                      .map((s, j) => (
                        <span key={j} className={`sb-rpc__seg seg-${s.cls}`} title={`${s.title}: ${fmtMs(s.to - s.from)}`} style={{ left: x(Math.max(s.from, tv.start)), width: width(Math.max(s.from, tv.start), Math.min(s.to, tv.end)) }} />
                      ))}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div className="sb-pane__side sb-rpc__side">
        <RpcMachine phase={focusedPhase === 'notYet' ? null : focusedPhase} />
        {focused ? (
          <dl className="sb-rpc__detail" data-testid="rpc-detail" data-phase={focusedPhase ?? ''}>
            <dt>call</dt>
            <dd>#{focused.id} {focused.api} {focused.method}</dd>
            <dt>at playhead</dt>
            <dd data-testid="rpc-detail-phase">{focusedPhase === 'notYet' ? 'not requested yet' : focusedPhase}</dd>
            <dt>end</dt>
            <dd>{focused.endState}{focused.reason ? ` (${focused.reason})` : ''}</dd>
            <dt>durations</dt>
            <dd>
              net {fmtMs(focused.durations.toDeliver ?? NaN)} · queue {fmtMs(focused.durations.toHandle ?? NaN)} · handler {fmtMs(focused.durations.handling ?? NaN)} · back {fmtMs(focused.durations.toComplete ?? NaN)} · total {fmtMs(focused.durations.total ?? NaN)}
            </dd>
          </dl>
        ) : (
          <p className="sb-muted">Select an RPC row (or an event of one) to light its state.</p>
        )}
      </div>
    </div>
  );
}
