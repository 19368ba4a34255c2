// The event log: the newest streamed events (a bounded tail; virtualised full list is its own issue).
import { useEffect, useRef } from 'react';
import type { TraceEvent } from '../../core/trace/event';
import { useEventsStore } from '../stores/events-store';

const SHOWN = 200;

function describe(e: TraceEvent): string {
  const route = e.from || e.to ? `${e.from ?? ''}${e.to ? ` → ${e.to}` : ''}${e.targets ? ` → [${e.targets.join(', ')}]` : ''}` : '';
  return [e.api, e.event, route, e.reason ? `(${e.reason})` : '', e.detail ?? ''].filter(Boolean).join('  ');
}

export function EventLog() {
  const tail = useEventsStore((s) => s.tail);
  const kind = useEventsStore((s) => s.kind);
  const list = useRef<HTMLOListElement>(null);
  const shown = tail.slice(-SHOWN);
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [tail]);
  return (
    <div className="sb-eventlog" data-testid="event-log">
      {shown.length === 0 ? (
        <p className="sb-muted">{kind ? 'No events yet — press Run or Step.' : 'Waiting for the host…'}</p>
      ) : (
        <ol ref={list}>
          {shown.map((e) => (
            <li key={e.seq} className={`sb-ev sb-ev--${e.type}`} data-testid="event-row">
              <span className="sb-ev__seq">#{e.seq}</span>
              <span className="sb-ev__t">{(e.t / 1000).toFixed(3)}</span>
              <span className="sb-ev__type">{e.type}</span>
              <span className="sb-ev__text">{describe(e)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
