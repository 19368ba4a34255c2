// The Python 2.7 that runs this project's mods, on the Log panel: which one and where it came from,
// or what to install; in the desktop app, Choose… (a native file dialog; kept only if it runs as
// 2.7) and Automatic (forget the choice). The browser names the command-line way instead.
import { useCallback, useEffect, useState } from 'react';
import type { PythonStatus } from '../../../core/contract';
import { getBridge } from '../../bridge';
import { useUiStore } from '../../stores/ui-store';

export function PythonSection() {
  const [status, setStatus] = useState<PythonStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useUiStore((s) => s.notify);

  const act = useCallback(
    async (what: () => Promise<PythonStatus | null>) => {
      setBusy(true);
      try {
        const s = await what();
        if (s) setStatus(s);
      } catch (err) {
        notify('error', err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(false);
      }
    },
    [notify],
  );

  useEffect(() => {
    void act(() => getBridge().request('python.status', {}));
  }, [act]);

  if (!status) return null;
  return (
    // A missing Python is the first thing the pane shows (CSS order); a found one sits last.
    <section className={`sb-modlog__python${status.found ? '' : ' sb-modlog__python--missing'}`} data-testid="python-status" data-found={status.found}>
      <h4>Python for mods</h4>
      {status.found ? (
        <p>
          <span className="sb-modlog__ok">Python {status.version}</span> <span className="sb-muted">({status.source})</span>
          <br />
          <code className="sb-modlog__stub" data-testid="python-command">{status.command}</code>
        </p>
      ) : (
        <p className="sb-modlog__missing" data-testid="python-missing">{status.message}</p>
      )}
      <div className="sb-modlog__python-actions">
        {status.canChoose && !status.commandLine ? (
          <button type="button" disabled={busy} data-testid="python-choose" onClick={() => void act(() => getBridge().request('python.choose', {}))}>
            Choose…
          </button>
        ) : null}
        {status.canChoose && status.chosen !== null && !status.commandLine ? (
          <button type="button" disabled={busy} data-testid="python-auto" onClick={() => void act(() => getBridge().request('python.clear', {}))}>
            Automatic
          </button>
        ) : null}
        <button type="button" disabled={busy} data-testid="python-refresh" title="Look on this computer again" onClick={() => void act(() => getBridge().request('python.status', { refresh: true }))}>
          Look again
        </button>
      </div>
      {status.commandLine ? <p className="sb-muted">Set when Switchboard started (--python or SWITCHBOARD_PYTHON).</p> : null}
      {!status.canChoose && !status.commandLine ? <p className="sb-muted">To use another, start Switchboard with --python PATH (or set SWITCHBOARD_PYTHON).</p> : null}
    </section>
  );
}
