// The list of guided tours. A tour needs a trace of the quickstart project's "tour" scenario: the
// current one if it has the steps, else "Record the tour run" runs that scenario in the session.
import { useState } from 'react';
import { getBridge } from '../bridge';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useReplayStore } from '../replay/replay-store';
import { transport } from '../transport/instance';
import { TOURS } from './tour-defs';
import { startTour } from './tour-store';
import './tours.css';

/** Run the current project's "tour" scenario to its end at full speed, then pause; the session's
 * speed goes back to the transport's afterwards. */
export async function recordTourRun(): Promise<void> {
  const b = getBridge();
  transport.pause();
  await b.request('session.start', { scenario: 'tour', seed: 1 });
  let st = await b.request('session.speed', { speed: 10000 });
  try {
    st = await b.request('session.run', {});
    for (let k = 0; k < 200 && st.now < st.scenarioEnd; k++) {
      await new Promise((r) => setTimeout(r, 50));
      st = (await b.request('session.status', {})) ?? st;
    }
    st = await b.request('session.pause', {});
  } finally {
    st = await b.request('session.speed', { speed: transport.speed });
  }
  useSessionStore.getState().setStatus(st);
  // Wait until every recorded event has streamed in and been indexed.
  for (let k = 0; k < 200 && useReplayStore.getState().length < st.events; k++) await new Promise((r) => setTimeout(r, 50));
}

export function ToursPanel() {
  const [missing, setMissing] = useState<{ tour: string; step: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const start = (id: string) => {
    const m = startTour(id);
    setMissing(m ? { tour: id, step: m } : null);
  };
  const record = async (id: string) => {
    setBusy(true);
    try {
      await recordTourRun();
      start(id);
    } catch (err) {
      useUiStore.getState().notify('error', `Could not run the tour scenario: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sb-tours" data-testid="tours">
      <p className="sb-muted">Guided walks on the quickstart project. Each step moves the playhead and highlights the nodes involved; before each hop you predict where it goes.</p>
      <ul>
        {TOURS.map((t) => (
          <li key={t.id}>
            <button type="button" data-testid={`tour-start-${t.id}`} onClick={() => start(t.id)}>Start</button> <b>{t.title}</b> — {t.summary}
            {missing?.tour === t.id ? (
              <div className="sb-muted" data-testid="tour-missing">
                This trace has no "{missing.step}".{' '}
                <button type="button" data-testid={`tour-record-${t.id}`} disabled={busy} onClick={() => void record(t.id)}>
                  {busy ? 'Running…' : 'Run the quickstart tour scenario and start'}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
