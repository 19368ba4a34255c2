// The Recording tab: for a trace merged from recorder files, the skew corrected per server, how
// messages were matched, how RPCs ended, and every issue by file and line (lost lines, unmatched
// messages, clocks that went back).
import { useState } from 'react';
import { runCommand } from '../commands/registry';
import { useRecordingStore } from './recording-store';
import { formatSkew, METHOD_TEXT } from './summary-text';
import './recording.css';

export function RecordingReport() {
  const name = useRecordingStore((s) => s.name);
  const s = useRecordingStore((st) => st.summary);
  const [kind, setKind] = useState('');
  if (!s) {
    return (
      <div className="sb-pane" data-testid="recording-report">
        <p className="sb-muted sb-pad">
          No recording open. <button type="button" onClick={() => runCommand('file.openRecording')}>Open recording…</button> merges the files the recorder mod
          wrote on each Apollo server into one trace (recorder/README.md).
        </p>
      </div>
    );
  }
  const kinds = Object.keys(s.issueCounts).sort();
  const issues = kind ? s.issues.filter((i) => i.kind === kind) : s.issues;
  const r = s.rpcs;
  return (
    <div className="sb-pane" data-testid="recording-report">
      <div className="sb-pane__main sb-rec">
        <div className="sb-pane__bar sb-rec__summary" data-testid="recording-summary">
          <strong>{name}</strong>
          <span>{s.files} files · {s.servers.length} servers · {s.lines.toLocaleString('en-US')} lines → {s.events.toLocaleString('en-US')} events{s.inferred ? ` (${s.inferred} inferred)` : ''}</span>
          <span className="sb-muted">t = 0 at {new Date(s.originMs).toISOString().replace('T', ' ').replace('Z', ' UTC')}</span>
        </div>
        <div className="sb-rec__cols">
          <section>
            <h4>Clock skew corrected</h4>
            <table className="sb-rec__table" data-testid="recording-skews">
              <thead>
                <tr><th>server</th><th>skew</th><th>from</th><th>matched</th><th>lines</th></tr>
              </thead>
              <tbody>
                {s.servers.map((x) => (
                  <tr key={x.node} data-testid={`skew-${x.node}`}>
                    <td>{x.node}{x.segments > 1 ? ` (${x.segments} boots)` : ''}</td>
                    <td className={x.skewMs ? 'sb-rec__skew' : 'sb-muted'}>{formatSkew(x.skewMs)}</td>
                    <td>{METHOD_TEXT[x.method] ?? x.method}</td>
                    <td>{x.samples}</td>
                    <td>{x.lines.toLocaleString('en-US')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {s.clockConflicts ? <p className="sb-rec__warn">{s.clockConflicts} server pair(s) whose clocks no single offset reconciles (a clock jumped?)</p> : null}
          </section>
          <section>
            <h4>Messages and RPCs</h4>
            <ul className="sb-rec__facts">
              <li>{s.deliveries.total} deliveries: {s.deliveries.byCorrelation} by correlation id, {s.deliveries.byOrder} by event and order, {s.deliveries.withoutSend} without a recorded send</li>
              <li>RPCs: {r.completed ?? 0} completed, {r.timedOut ?? 0} timed out, {r.noRoute ?? 0} no route, {r.noHandler ?? 0} no handler, {r.pending ?? 0} pending</li>
            </ul>
          </section>
          <section className="sb-rec__issues">
            <h4>
              {s.issueTotal ? `${s.issueTotal} issue${s.issueTotal === 1 ? '' : 's'}` : 'No issues'}
              {kinds.length > 1 ? (
                <select aria-label="Issue kind" data-testid="recording-issue-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                  <option value="">all kinds</option>
                  {kinds.map((k) => <option key={k} value={k}>{k} ({s.issueCounts[k]})</option>)}
                </select>
              ) : null}
            </h4>
            <ol className="sb-rec__list" data-testid="recording-issues">
              {issues.map((i) => (
                <li key={`${i.file}:${i.line}:${i.kind}:${i.message}`}>
                  <code>{i.file}:{i.line}</code> <span className={`sb-rec__kind sb-rec__kind--${i.kind}`}>{i.kind}</span> {i.message}
                </li>
              ))}
            </ol>
            {s.issueTotal > s.issues.length ? <p className="sb-muted">… {s.issueTotal - s.issues.length} more: run `switchboard merge --report` for all of them.</p> : null}
          </section>
        </div>
      </div>
    </div>
  );
}
