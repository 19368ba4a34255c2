// Problems: every unhandled event, drop, no-route, no-handler, timeout, bad response, misuse, mod
// error, stubbed API and non-dict payload of the run, grouped by cause (core/diagnostics), each
// with its explanation and "did you mean". A group expands to its events; clicking one moves the
// playhead there (and so selects it in the event log and on the canvas).
import { useState } from 'react';
import type { ProblemGroup, ProblemKind } from '../../core/diagnostics';
import { fmtMs } from '../replay/format';
import { useProblems } from '../replay/problems';
import { replayIndex, seek, useReplayStore } from '../replay/replay-store';
import './problems.css';

const SHOWN_EVENTS = 50;

const KIND_LABEL: Record<ProblemKind, string> = {
  'wrong-sender': 'wrong sender',
  'listener-match': 'listener pair',
  unhandled: 'unhandled',
  'no-route': 'no route',
  'no-handler': 'no handler',
  'no-response': 'no response',
  timeout: 'timeout',
  'wrong-target': 'wrong target',
  'client-moved': 'client moved',
  drop: 'drop',
  response: 'response',
  misuse: 'misuse',
  'mod-error': 'mod error',
  'not-simulated': 'not simulated',
  'non-dict-payload': 'non-dict payload',
  http: 'http',
};

function go(seq: number): void {
  const i = replayIndex().indexOfSeq(seq);
  if (i >= 0) seek(i);
}

function EventLinks({ g }: { g: ProblemGroup }) {
  const ix = replayIndex();
  const position = useReplayStore((s) => s.position);
  const at = position >= 0 && position < ix.source.length ? ix.source.get(position).seq : -1;
  return (
    <ol className="sb-problems__events">
      {g.events.slice(0, SHOWN_EVENTS).map((seq) => {
        const i = ix.indexOfSeq(seq);
        const e = i >= 0 ? ix.source.get(i) : undefined;
        return (
          <li key={seq}>
            <button type="button" className={seq === at ? 'is-current' : ''} data-testid="problem-event" data-seq={seq} onClick={() => go(seq)}>
              #{seq} · {e ? `${e.type} at ${fmtMs(e.t)}` : 'not loaded'}
            </button>
          </li>
        );
      })}
      {g.events.length > SHOWN_EVENTS && <li className="sb-muted">and {(g.events.length - SHOWN_EVENTS).toLocaleString()} more</li>}
    </ol>
  );
}

export function Problems() {
  const groups = useProblems();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (key: string) => setOpen((o) => {
    const n = new Set(o);
    if (n.has(key)) n.delete(key);
    else n.add(key);
    return n;
  });
  const total = groups.reduce((n, g) => n + g.events.length, 0);
  return (
    <div className="sb-pane" data-testid="problems" data-count={groups.length}>
      <div className="sb-pane__main sb-problems">
        {groups.length === 0 ? (
          <p className="sb-muted sb-pad" data-testid="problems-none">No problems so far: every message arrived and was handled, every RPC answered.</p>
        ) : (
          <>
            <p className="sb-muted sb-problems__summary" data-testid="problems-summary">
              {groups.length} problem{groups.length === 1 ? '' : 's'} · {total.toLocaleString()} event{total === 1 ? '' : 's'}
            </p>
            <ul className="sb-problems__list">
              {groups.map((g) => {
                const expanded = open.has(g.key);
                return (
                  <li key={g.key} className={`sb-problems__group kind-${g.kind}${expanded ? ' is-open' : ''}`} data-testid="problem-group" data-kind={g.kind}>
                    <button type="button" className="sb-problems__head" aria-expanded={expanded} data-testid="problem-title" onClick={() => toggle(g.key)}>
                      <span className="sb-problems__chevron" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                      <span className={`sb-problems__kind kind-${g.kind}`}>{KIND_LABEL[g.kind]}</span>
                      <span className="sb-problems__title">{g.title}</span>
                      <span className="sb-problems__count" title="events">{g.events.length}</span>
                    </button>
                    {expanded && (
                      <div className="sb-problems__body">
                        <p className="sb-problems__why" data-testid="problem-explanation">{g.explanation}</p>
                        {g.suggestion && (
                          <p className="sb-problems__fix" data-testid="problem-suggestion">
                            <strong>Fix:</strong> {g.suggestion}
                          </p>
                        )}
                        <EventLinks g={g} />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

/** The count on the Problems tab (live while the tab is hidden). */
export function ProblemsBadge() {
  const n = useProblems().length;
  return n > 0 ? <span className="sb-problems__badge" data-testid="problems-badge">{n}</span> : null;
}
