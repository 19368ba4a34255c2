// The sequence view: a lifeline per node, arrows in time order (thick for broadcasts, red for
// drops, dashed for RPC responses), notes for timeouts, misuse and lifecycle. Only a window of
// events around the playhead is modelled and drawn, so long traces stay smooth. Exports Mermaid
// text and SVG of the trace.
import { useEffect, useMemo, useRef } from 'react';
import { inferTopology } from '../../core/replay/topology';
import { sequenceModel, sequenceRows } from '../../core/replay/sequence';
import { exportActions } from '../replay/exports';
import { replayIndex, seek, useReplayStore } from '../replay/replay-store';
import { rowAtPosition, sequenceWindow } from '../replay/sequence-window';
import { useEventsStore } from '../stores/events-store';

const LANE = 120;
const ROW = 24;
const TOP = 34;

export function SequenceView() {
  const version = useReplayStore((s) => s.version);
  const streamId = useReplayStore((s) => s.streamId);
  const position = useReplayStore((s) => s.position);
  const length = useReplayStore((s) => s.length);
  const header = useEventsStore((s) => s.header);
  const scroller = useRef<HTMLDivElement>(null);
  // Lifelines: the header's nodes, else inferred from the events (recomputed as the trace grows tenfold).
  const bucket = header?.nodes ? 0 : Math.floor(Math.log10(length + 1));
  const nodes = useMemo(() => inferTopology(replayIndex().source, header), [streamId, header, bucket]);
  const win = sequenceWindow(position, length);
  const model = useMemo(() => {
    void version;
    return sequenceModel(replayIndex().source, { from: win.from, to: win.to, nodes, maxItems: 400, lookahead: 2000 });
  }, [version, win.from, win.to, nodes]);
  const rows = useMemo(() => sequenceRows(model), [model]);
  const rowIndexes = useMemo(() => rows.map((r) => ('arrow' in r ? r.arrow.index : r.note.index)), [rows]);
  const current = rowAtPosition(rowIndexes, position);
  const width = model.lifelines.length * LANE + 20;
  const height = (rows.length + 1) * ROW;
  const x = (lane: number) => 10 + lane * LANE + LANE / 2;

  useEffect(() => {
    const el = scroller.current;
    if (!el || current < 0) return;
    const y = 2 * TOP + (current + 1) * ROW;
    if (y < el.scrollTop + TOP + ROW || y > el.scrollTop + el.clientHeight - ROW) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
  }, [current, model]);

  return (
    <div className="sb-pane sb-seq" data-testid="sequence-view" data-from={model.from} data-to={model.to} data-rows={rows.length}>
      <div className="sb-pane__main" ref={scroller}>
        <div className="sb-pane__bar sb-seq__bar">
          <span className="sb-muted">
            events {model.from + 1}–{model.to} of {length} (window around the playhead)
          </span>
          <button type="button" data-testid="seq-export-mermaid" onClick={exportActions.mermaid}>Export Mermaid</button>
          <button type="button" data-testid="seq-export-svg" onClick={exportActions.svg}>Export SVG</button>
        </div>
        {/* Lifeline names stay in view while the rows scroll. */}
        <svg width={width} height={TOP} className="sb-seq__svg sb-seq__names" aria-hidden="true">
          {model.lifelines.map((l) => (
            <g key={l.id}>
              <text x={x(l.lane)} y={14} textAnchor="middle" className="sb-seq__name">{l.id}</text>
              <text x={x(l.lane)} y={27} textAnchor="middle" className="sb-seq__kind">{l.kind}</text>
            </g>
          ))}
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
            const n = r.note;
            const lanes = n.lanes.filter((l) => l >= 0);
            if (lanes.length === 0) return null;
            const x1 = Math.min(...lanes.map(x)) - 50;
            const x2 = Math.max(...lanes.map(x)) + 50;
            return (
              <g key={`n${n.seq}`} className={`sb-seq__note note-${n.kind}${cls}`} data-testid="seq-note" data-seq={n.seq} onClick={() => seek(n.index)}>
                <rect x={x1} y={y - ROW / 2 - 2} width={x2 - x1} height={ROW - 6} rx={3} />
                <text x={(x1 + x2) / 2} y={y + 2} textAnchor="middle">{n.text}</text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
