// The sequence view: a lifeline per node, arrows in time order (thick for broadcasts, red for
// drops, dashed for RPC responses), notes for timeouts, callbacks, misuse and lifecycle, and a
// time column. Only a window of events around the playhead is modelled and drawn, so long traces
// stay smooth; lifelines can be narrowed to the selected nodes, the RPC in focus or the busiest N
// (lifeline-filter.ts; nodes left out share one "(others)" lifeline). Exports Mermaid text and SVG.
import { useEffect, useMemo, useRef } from 'react';
import { inferTopology } from '../../core/replay/topology';
import { OTHERS, sequenceModel, sequenceRows } from '../../core/replay/sequence';
import { exportActions } from '../replay/exports';
import { fmtMs } from '../replay/format';
import { busiest, lifelines, MAX_LIFELINES, type LifelineMode } from '../replay/lifeline-filter';
import { useLifelineChoice } from '../replay/lifeline-choice';
import { replayIndex, seek, useReplayStore } from '../replay/replay-store';
import { rowAtPosition, sequenceWindow } from '../replay/sequence-window';
import { useCanvasStore } from '../stores/canvas-store';
import { useEventsStore } from '../stores/events-store';

const LANE = 120;
const ROW = 24;
const TOP = 34;
/** The time column on the left. */
const TIME_W = 70;

const MODES: { id: LifelineMode; label: string }[] = [
  { id: 'auto', label: 'auto' },
  { id: 'all', label: 'all nodes' },
  { id: 'selected', label: 'selected nodes' },
  { id: 'rpc', label: 'the selected RPC' },
  { id: 'busiest', label: 'the busiest' },
];

export function SequenceView() {
  const version = useReplayStore((s) => s.version);
  const streamId = useReplayStore((s) => s.streamId);
  const position = useReplayStore((s) => s.position);
  const length = useReplayStore((s) => s.length);
  const selectedRpc = useReplayStore((s) => s.selectedRpc);
  const header = useEventsStore((s) => s.header);
  const selection = useCanvasStore((s) => s.selection);
  const groups = useCanvasStore((s) => s.groups);
  const { mode, n, setMode, setN } = useLifelineChoice();
  const scroller = useRef<HTMLDivElement>(null);
  // Lifelines: the header's nodes, else inferred from the events (recomputed as the trace grows tenfold).
  const bucket = header?.nodes ? 0 : Math.floor(Math.log10(length + 1));
  const nodes = useMemo(() => inferTopology(replayIndex().source, header), [streamId, header, bucket]);
  const win = sequenceWindow(position, length);
  const only = useMemo(() => {
    void version;
    const ix = replayIndex();
    const call = selectedRpc === null ? undefined : ix.rpcCall(selectedRpc);
    // A selected group card stands for its members.
    const selected = selection.flatMap((id) => groups[id]?.members ?? [id]);
    return lifelines(mode, {
      nodes: nodes.length,
      selected,
      rpc: [call?.requester, call?.owner].filter((x): x is string => !!x),
      busiest: (k) => busiest((i) => ix.get(i), win.from, win.to, k),
      n,
    });
  }, [mode, n, nodes, selection, groups, selectedRpc, version, win.from, win.to]);
  const model = useMemo(() => {
    void version;
    return sequenceModel(replayIndex().source, { from: win.from, to: win.to, nodes, maxItems: 400, lookahead: 2000, ...(only ? { only } : {}) });
  }, [version, win.from, win.to, nodes, only]);
  const rows = useMemo(() => sequenceRows(model), [model]);
  const rowIndexes = useMemo(() => rows.map((r) => ('arrow' in r ? r.arrow.index : r.note.index)), [rows]);
  const current = rowAtPosition(rowIndexes, position);
  // The lifelines' width; the time column (TIME_W) is drawn apart and stays put when scrolling sideways.
  const width = model.lifelines.length * LANE + 20;
  const height = (rows.length + 1) * ROW;
  const x = (lane: number) => 10 + lane * LANE + LANE / 2;

  useEffect(() => {
    const el = scroller.current;
    if (!el || current < 0) return;
    const y = 2 * TOP + (current + 1) * ROW;
    if (y < el.scrollTop + TOP + ROW || y > el.scrollTop + el.clientHeight - ROW) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    // Sideways too: the current row's lifelines in view (many lifelines are wider than the pane).
    const r = rows[current];
    const lanes = (r && 'arrow' in r ? [r.arrow.fromLane, ...r.arrow.toLanes] : (r?.note.lanes ?? [])).filter((l) => l >= 0);
    if (lanes.length === 0) return;
    const lo = TIME_W + x(Math.min(...lanes)) - LANE / 2;
    const hi = TIME_W + x(Math.max(...lanes)) + LANE / 2;
    if (lo < el.scrollLeft + TIME_W || hi > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, lo - TIME_W - 10);
  }, [current, model, rows]);

  return (
    <div className="sb-pane sb-seq" data-testid="sequence-view" data-from={model.from} data-to={model.to} data-rows={rows.length} data-lifelines={model.lifelines.length}>
      <div className="sb-pane__main" ref={scroller}>
        <div className="sb-pane__bar sb-seq__bar">
          <label>
            Lifelines{' '}
            <select data-testid="seq-lifelines" value={mode} onChange={(e) => setMode(e.target.value as LifelineMode)}>
              {MODES.map((m) => (
                <option key={m.id} value={m.id}>{m.label}</option>
              ))}
            </select>
          </label>
          {mode === 'busiest' ? <input type="number" aria-label="How many" data-testid="seq-busiest-n" min={1} max={MAX_LIFELINES} value={n} onChange={(e) => setN(Number(e.target.value))} /> : null}
          <span className="sb-muted">
            {model.lifelines.length} of {nodes.length} nodes · events {model.from + 1}–{model.to} of {length} (window around the playhead)
            {mode === 'selected' && selection.length === 0 ? ' · select nodes on the canvas' : ''}
            {mode === 'rpc' && selectedRpc === null ? ' · select an RPC (RPC timeline, or an event of one)' : ''}
          </span>
          <button type="button" data-testid="seq-export-mermaid" onClick={exportActions.mermaid}>Export Mermaid</button>
          <button type="button" data-testid="seq-export-svg" onClick={exportActions.svg}>Export SVG</button>
        </div>
        {/* Lifeline names stay in view while the rows scroll; the time column while they scroll sideways. */}
        <div className="sb-seq__head">
          <svg width={TIME_W} height={TOP} className="sb-seq__svg sb-seq__timecol" aria-hidden="true">
            <text x={6} y={20} className="sb-seq__kind">time</text>
          </svg>
          <svg width={width} height={TOP} className="sb-seq__svg sb-seq__names" aria-hidden="true">
            {model.lifelines.map((l) => (
              <g key={l.id} data-testid="seq-lifeline" data-node={l.id}>
                <text x={x(l.lane)} y={14} textAnchor="middle" className="sb-seq__name">{l.id}</text>
                <text x={x(l.lane)} y={27} textAnchor="middle" className="sb-seq__kind">{l.id === OTHERS ? 'nodes left out' : l.kind}</text>
              </g>
            ))}
          </svg>
        </div>
        <div className="sb-seq__body">
          <svg width={TIME_W} height={height} className="sb-seq__svg sb-seq__timecol" aria-hidden="true">
            {rows.map((r, k) => {
              const index = 'arrow' in r ? r.arrow.index : r.note.index;
              const t = 'arrow' in r ? r.arrow.t : r.note.t;
              const cls = k === current ? ' is-current' : index > position ? ' is-future' : '';
              const y = (k + 1) * ROW;
              return (
                <g key={k} className={`sb-seq__time${cls}`} onClick={() => seek(index)}>
                  <rect x={0} y={y - ROW / 2 - 4} width={TIME_W} height={ROW} className="sb-seq__hit" />
                  <text x={TIME_W - 6} y={y + 4} textAnchor="end" data-testid="seq-time">
                    {fmtMs(t)}
                  </text>
                </g>
              );
            })}
          </svg>
          <svg width={width} height={height} className="sb-seq__svg" role="img" aria-label="Sequence diagram">
            <defs>
              {['point', 'broadcast', 'request', 'response', 'drop'].map((k) => (
                <marker key={k} id={`sb-seq-${k}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" className={`sb-seq__head-${k}`} />
                </marker>
              ))}
            </defs>
            {model.lifelines.map((l) => (
              <g key={l.id} className={`sb-seq__life k-${l.kind}`} data-node={l.id}>
                <line x1={x(l.lane)} y1={0} x2={x(l.lane)} y2={height} />
              </g>
            ))}
            {rows.map((r, k) => {
              const y = (k + 1) * ROW;
              const index = 'arrow' in r ? r.arrow.index : r.note.index;
              const cls = k === current ? ' is-current' : index > position ? ' is-future' : '';
              if ('arrow' in r) {
                const a = r.arrow;
                if (a.fromLane < 0) return null;
                return (
                  <g key={`a${a.seq}`} className={`sb-seq__arrow arrow-${a.kind}${a.thick ? ' is-thick' : ''}${cls}`} data-testid="seq-arrow" data-seq={a.seq} onClick={() => seek(a.index)}>
                    <rect x={0} y={y - ROW / 2 - 4} width={width} height={ROW} className="sb-seq__hit" />
                    {a.toLanes.map((to) => {
                      if (to < 0) return null;
                      const o = a.outcomes.find((q) => q.lane === to);
                      const dropped = o !== undefined && !o.delivered;
                      const x1 = x(a.fromLane);
                      const x2 = to === a.fromLane ? x1 + 30 : x(to);
                      return <path key={to} d={to === a.fromLane ? `M${x1},${y} h30 v8 h-30` : `M${x1},${y} L${x2},${y}`} className={dropped ? 'is-dropped' : ''} markerEnd={`url(#sb-seq-${dropped ? 'drop' : a.thick ? 'broadcast' : a.kind})`} />;
                    })}
                    <text x={(x(a.fromLane) + x(a.toLanes[0] ?? a.fromLane)) / 2} y={y - 4} textAnchor="middle">{a.thick ? `⇶ ${a.label}` : a.label}</text>
                  </g>
                );
              }
              const note = r.note;
              const lanes = note.lanes.filter((l) => l >= 0);
              if (lanes.length === 0) return null;
              const x1 = Math.min(...lanes.map(x)) - 50;
              const x2 = Math.max(...lanes.map(x)) + 50;
              return (
                <g key={`n${note.seq}`} className={`sb-seq__note note-${note.kind}${cls}`} data-testid="seq-note" data-seq={note.seq} onClick={() => seek(note.index)}>
                  <rect x={x1} y={y - ROW / 2 - 2} width={x2 - x1} height={ROW - 6} rx={3} />
                  <text x={(x1 + x2) / 2} y={y + 2} textAnchor="middle">{note.text}</text>
                </g>
              );
            })}
          </svg>
        </div>
      </div>
    </div>
  );
}
