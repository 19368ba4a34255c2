// The event log: every event of the stream, virtualised (only visible rows are in the DOM, so
// 100k+ rows scroll smoothly), filtered by node, interface, event name and type. Selecting a row
// highlights its message and nodes on the canvas and shows its payload, cause and effects.
import { useEffect, useMemo, useRef, useState } from 'react';
import { API_NAMES } from '../../core/api/interfaces';
import { EVENT_TYPES, type TraceEvent } from '../../core/trace/event';
import { useCanvasStore } from '../stores/canvas-store';
import { useShownNodes } from '../canvas/shown-topology';
import { useEventsStore } from '../stores/events-store';
import { filterFrom, NO_FILTER, rowsUpTo, visibleRange, type LogFilter } from '../trace/filter';
import { useReplayStore } from '../replay/replay-store';
import { traceLog, useTraceLogVersion } from '../trace/trace-log';
import { EventDetail } from './EventDetail';

export const ROW_HEIGHT = 22;

export function describe(e: TraceEvent): string {
  const route = e.from || e.to || e.targets ? `${e.from ?? ''}${e.to ? ` → ${e.to}` : ''}${e.targets ? ` → [${e.targets.join(', ')}]` : ''}` : '';
  const extra = e.type === 'callback' ? `suc=${String(e.suc)}` : e.rpc && e.type === 'rpc' ? e.rpc.state : '';
  return [e.api, e.event, route, extra, e.reason ? `(${e.reason})` : '', e.detail ?? ''].filter(Boolean).join('  ');
}

export function EventLog() {
  const version = useTraceLogVersion((s) => s.version);
  const kind = useEventsStore((s) => s.kind);
  // The trace's nodes while a trace of another project is shown.
  const nodes = useShownNodes();
  const selected = useCanvasStore((s) => s.event);
  const [filter, setFilter] = useState<LogFilter>({ ...NO_FILTER, hideRegister: true });
  const [view, setView] = useState({ top: 0, height: 200 });
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  // Incremental: new events are filtered once, the list is rebuilt only when the filter changes.
  const cache = useRef<{ filter: LogFilter; stream: number; done: number; rows: number[] }>({ filter, stream: -1, done: 0, rows: [] });
  const rows = useMemo(() => {
    void version;
    const c = cache.current;
    if (c.filter !== filter || c.stream !== traceLog.streamId || c.done > traceLog.length) cache.current = { filter, stream: traceLog.streamId, done: 0, rows: [] };
    const cur = cache.current;
    filterFrom(traceLog.events, filter, cur.done, cur.rows);
    cur.done = traceLog.length;
    return cur.rows;
  }, [version, filter]);
  // A live run's log follows the picture: events the canvas has not shown yet are not listed.
  const position = useReplayStore((s) => s.position);
  const count = kind === 'session' ? rowsUpTo(rows, position) : rows.length;

  useEffect(() => {
    const el = scroller.current;
    if (el && follow.current && kind === 'session') el.scrollTop = el.scrollHeight;
  }, [count, kind]);
  // An opened trace lists all its events: the list keeps the playhead's event in view (an opened
  // recording starts at its first event, not scrolled to its last).
  const playheadRow = kind === 'session' ? -1 : Math.max(0, rowsUpTo(rows, position) - 1);
  useEffect(() => {
    const el = scroller.current;
    if (playheadRow < 0 || !el) return;
    const top = playheadRow * ROW_HEIGHT;
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - ROW_HEIGHT) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [playheadRow]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Jump to a selected event made elsewhere (a cause link, the fire panel).
  useEffect(() => {
    if (selected === null) return;
    const at = traceLog.indexOfSeq(selected);
    const row = at === undefined ? -1 : rows.indexOf(at);
    const el = scroller.current;
    if (row >= 0 && el && (row * ROW_HEIGHT < el.scrollTop || row * ROW_HEIGHT > el.scrollTop + el.clientHeight - ROW_HEIGHT)) {
      follow.current = false;
      el.scrollTop = Math.max(0, row * ROW_HEIGHT - el.clientHeight / 2);
    }
  }, [selected, rows]);

  const [first, last] = visibleRange(view.top, view.height, ROW_HEIGHT, count);
  const set = (patch: Partial<LogFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const selectedEvent = selected === null ? undefined : traceLog.bySeqNo(selected);
  return (
    <div className="sb-eventlog" data-testid="event-log">
      <div className="sb-eventlog__filters" role="search">
        <select aria-label="Node" data-testid="filter-node" value={filter.node} onChange={(e) => set({ node: e.target.value })}>
          <option value="">all nodes</option>
          {nodes?.map((n) => <option key={n.id} value={n.id}>{n.name ?? n.id}</option>)}
        </select>
        <select aria-label="Interface" data-testid="filter-api" value={filter.api} onChange={(e) => set({ api: e.target.value })}>
          <option value="">all interfaces</option>
          {API_NAMES.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        <input aria-label="Event name" data-testid="filter-event" placeholder="event name" value={filter.event} onChange={(e) => set({ event: e.target.value })} />
        <select aria-label="Type" data-testid="filter-type" value={filter.type} onChange={(e) => set({ type: e.target.value as LogFilter['type'] })}>
          <option value="">all types</option>
          {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <label className="sb-check">
          <input type="checkbox" checked={!!filter.hideRegister} onChange={(e) => set({ hideRegister: e.target.checked })} /> hide registrations
        </label>
        <span className="sb-muted" data-testid="event-count">
          {count.toLocaleString('en-US')} of {traceLog.length.toLocaleString('en-US')}
        </span>
      </div>
      <div className="sb-eventlog__main">
        <div
          ref={scroller}
          className="sb-eventlog__rows"
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
            setView({ top: el.scrollTop, height: el.clientHeight });
          }}
        >
          {count === 0 ? (
            <p className="sb-muted">{kind ? 'No events yet — fire an interface, or press Run or Step.' : 'Waiting for the host…'}</p>
          ) : (
            <div style={{ height: count * ROW_HEIGHT, position: 'relative' }}>
              {rows.slice(first, last).map((at, i) => {
                const e = traceLog.events[at];
                return (
                  <div
                    key={e.seq}
                    className={`sb-ev sb-ev--${e.type}${e.seq === selected ? ' is-selected' : ''}`}
                    data-testid="event-row"
                    data-type={e.type}
                    data-seq={e.seq}
                    style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                    onClick={() => useCanvasStore.getState().selectEvent(e.seq === selected ? null : e.seq)}
                  >
                    <span className="sb-ev__seq">#{e.seq}</span>
                    <span className="sb-ev__t">{(e.t / 1000).toFixed(3)}</span>
                    <span className="sb-ev__type">{e.type}</span>
                    <span className="sb-ev__text">{describe(e)}</span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
        {selectedEvent ? <EventDetail event={selectedEvent} /> : null}
      </div>
    </div>
  );
}
