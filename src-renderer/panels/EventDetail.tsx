// The selected event: payload, its cause (click to jump) and its effects (events it caused).
import type { TraceEvent } from '../../core/trace/event';
import { useCanvasStore } from '../stores/canvas-store';
import { traceLog } from '../trace/trace-log';
import { stringifyJson } from '../../core/json';

function Link({ e }: { e: TraceEvent }) {
  return (
    <button type="button" className="sb-link" onClick={() => useCanvasStore.getState().selectEvent(e.seq)}>
      #{e.seq} {e.type} {e.api ?? ''} {e.event ?? ''}
    </button>
  );
}

export function EventDetail({ event }: { event: TraceEvent }) {
  const cause = event.cause !== undefined ? traceLog.bySeqNo(event.cause) : undefined;
  const effects = traceLog.effectsOf(event.seq);
  const { seq: _s, t: _t, type: _y, data, ...rest } = event;
  return (
    <aside className="sb-evdetail" data-testid="event-detail">
      <h4>
        #{event.seq} {event.type} <span className="sb-muted">t = {(event.t / 1000).toFixed(3)} s</span>
        <button type="button" aria-label="Close" onClick={() => useCanvasStore.getState().selectEvent(null)}>×</button>
      </h4>
      <dl>
        {Object.entries(rest).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'object' ? stringifyJson(v) : String(v)}</dd>
          </div>
        ))}
      </dl>
      {data !== undefined ? <pre data-testid="event-payload">{stringifyJson(data, 2)}</pre> : null}
      <p>cause: {cause ? <Link e={cause} /> : <span className="sb-muted">{event.cause !== undefined ? `#${event.cause} (not loaded)` : 'none (an input)'}</span>}</p>
      <div>
        effects: {effects.length === 0 ? <span className="sb-muted">none</span> : null}
        <ul data-testid="event-effects">
          {effects.slice(0, 50).map((e) => <li key={e.seq}><Link e={e} /></li>)}
        </ul>
      </div>
    </aside>
  );
}
