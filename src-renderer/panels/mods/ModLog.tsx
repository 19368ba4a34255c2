// The Log panel: what mod code printed and raised, for the selected node (or every node), beside
// the canvas. Rows: print lines, stderr, errors (click for the traceback; file:line references copy
// to the clipboard), and "not simulated" stubs; the side pane counts each stub's uses and lists
// what the Apollo import found.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentState } from '../../../core/contract';
import { getBridge } from '../../bridge';
import { useEventsStore } from '../../stores/events-store';
import { useCanvasStore } from '../../stores/canvas-store';
import { useDocumentStore } from '../../stores/document-store';
import { useUiStore } from '../../stores/ui-store';
import { visibleRange } from '../../trace/filter';
import { traceLog, useTraceLogVersion } from '../../trace/trace-log';
import { displayPath, errorInfo, filterRows, ModLogIndex, tracebackParts, type LogKind, type LogRow } from './mod-log';
import { PythonSection } from './PythonSection';
import './modlog.css';

const ROW_HEIGHT = 22;
const KINDS: { kind: LogKind; label: string }[] = [
  { kind: 'print', label: 'print' },
  { kind: 'stderr', label: 'stderr' },
  { kind: 'error', label: 'errors' },
  { kind: 'stub', label: 'not simulated' },
];
const GLYPH: Record<LogKind, string> = { print: '›', stderr: '»', error: '✕', stub: '∅' };

/** The Apollo folder on disk, where the document knows it (to show mod paths relative to it). */
function apolloDir(doc: DocumentState | null): string | undefined {
  if (!doc) return undefined;
  if (doc.apolloImport) return doc.apolloImport.dir;
  const root = doc.project.apollo?.root;
  if (!doc.path || root === undefined) return undefined;
  const dir = doc.path.replace(/[\\/][^\\/]*$/, '');
  return root === '.' ? dir : `${dir}/${root}`;
}

function copyRef(file: string, line?: number): void {
  const ref = line === undefined ? file : `${file}:${line}`;
  const notify = useUiStore.getState().notify;
  const clip = globalThis.navigator?.clipboard;
  if (!clip) return notify('info', ref);
  clip.writeText(ref).then(
    () => notify('info', `Copied ${ref}`),
    () => notify('info', ref),
  );
}

function FileLine({ file, line, root }: { file: string; line?: number; root?: string }) {
  return (
    <button type="button" className="sb-fileline" data-testid="fileline" title="Copy file:line" onClick={() => copyRef(file, line)}>
      {displayPath(file, root)}
      {line === undefined ? '' : `:${line}`}
    </button>
  );
}

export function ModLog() {
  const version = useTraceLogVersion((s) => s.version);
  const selected = useUiStore((s) => s.selected);
  const doc = useDocumentStore((s) => s.doc);
  const [kinds, setKinds] = useState<ReadonlySet<LogKind>>(() => new Set<LogKind>(['print', 'stderr', 'error', 'stub']));
  const [picked, setPicked] = useState<number | null>(null);
  const [view, setView] = useState({ top: 0, height: 200 });
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const index = useRef(new ModLogIndex(-1));
  const counted = useStubCounts(version);

  const rows = useMemo(() => {
    void version;
    if (index.current.streamId !== traceLog.streamId || index.current.done > traceLog.length) index.current = new ModLogIndex(traceLog.streamId);
    index.current.append(traceLog.events);
    return filterRows(index.current.rows, selected, kinds);
  }, [version, selected, kinds]);
  const count = rows.length;

  useEffect(() => {
    const el = scroller.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [count]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const nodes = doc?.project.nodes;
  const nameOf = (id: string) => nodes?.find((n) => n.id === id)?.name ?? id;
  const root = apolloDir(doc);
  const [first, last] = visibleRange(view.top, view.height, ROW_HEIGHT, count);
  // The picked error's detail shows while its row is in view (another node selected: its own pane).
  const pickedEvent = picked === null || !rows.some((r) => r.seq === picked) ? undefined : traceLog.bySeqNo(picked);
  const stubs = index.current.stubCounts(selected, counted);
  const errors = index.current.errorCount(selected);
  const findings = doc?.apolloImport?.findings ?? [];
  // The Python line only where it matters: a project whose servers have mod folders.
  const hasMods = !!doc?.project.nodes.some((n) => (n.mods?.length ?? 0) > 0);
  const importErrors = findings.filter((f) => f.severity === 'error').length;
  const toggle = (k: LogKind) =>
    setKinds((s) => {
      const next = new Set(s);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  const pick = (r: LogRow) => {
    setPicked(r.seq === picked ? null : r.seq);
    useCanvasStore.getState().selectEvent(r.seq === picked ? null : r.seq);
  };

  return (
    <div className="sb-modlog" data-testid="mod-log">
      <div className="sb-modlog__bar">
        <strong data-testid="mod-log-scope">{selected ? nameOf(selected) : 'All nodes'}</strong>
        {!selected ? <span className="sb-muted">(select a node to see only its output)</span> : null}
        {KINDS.map(({ kind, label }) => (
          <label key={kind} className="sb-check">
            <input type="checkbox" checked={kinds.has(kind)} onChange={() => toggle(kind)} /> {label}
          </label>
        ))}
        <span className="sb-muted" data-testid="mod-log-count">
          {count.toLocaleString('en-US')} lines, {errors} error{errors === 1 ? '' : 's'}
        </span>
      </div>
      <div className="sb-modlog__main">
        <div
          ref={scroller}
          className="sb-modlog__rows"
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
            setView({ top: el.scrollTop, height: el.clientHeight });
          }}
        >
          {count === 0 ? (
            <p className="sb-muted">
              {selected ? `No mod output from ${nameOf(selected)} yet.` : 'No mod output yet: Python mods print here. Open an Apollo project (File → Open Apollo project…) and press Run.'}
            </p>
          ) : (
            <div style={{ height: count * ROW_HEIGHT, position: 'relative' }}>
              {rows.slice(first, last).map((r, i) => (
                <div
                  key={r.seq}
                  className={`sb-modlog__row sb-modlog__row--${r.kind}${r.seq === picked ? ' is-selected' : ''}`}
                  data-testid="mod-log-row"
                  data-kind={r.kind}
                  style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onClick={() => pick(r)}
                  title={r.kind === 'error' ? 'Show the traceback' : undefined}
                >
                  <span className="sb-modlog__t">{(r.t / 1000).toFixed(3)}</span>
                  {selected ? null : <span className="sb-modlog__node">{nameOf(r.node)}</span>}
                  <span className="sb-modlog__glyph" aria-hidden>{GLYPH[r.kind]}</span>
                  <span className="sb-modlog__text">{r.text}</span>
                </div>
              ))}
            </div>
          )}
        </div>
        <aside className="sb-modlog__side">
          {pickedEvent && pickedEvent.type === 'error' ? <ErrorDetail seq={pickedEvent.seq} root={root} onClose={() => setPicked(null)} /> : null}
          <section data-testid="mod-log-stubs">
            <h4>Not simulated {selected ? `on ${nameOf(selected)}` : ''}</h4>
            {stubs.length === 0 ? (
              <p className="sb-muted">Nothing yet. World, UI and engine calls that only a real server can do are stubbed, counted here.</p>
            ) : (
              <table>
                <tbody>
                  {stubs.map((s) => (
                    <tr key={s.name}>
                      <td className="sb-modlog__stub">{s.name}</td>
                      <td className="sb-modlog__n">{s.count}×</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {findings.length > 0 ? (
            <details className="sb-modlog__import" data-testid="mod-log-import" open={importErrors > 0}>
              <summary>
                Import: {importErrors} error{importErrors === 1 ? '' : 's'}, {findings.length - importErrors} warning{findings.length - importErrors === 1 ? '' : 's'}
              </summary>
              <ul>
                {findings.map((f, i) => (
                  <li key={i} className={`sb-modlog__finding sb-modlog__finding--${f.severity}`}>
                    <FileLine file={root ? `${root}/${f.file}` : f.file} line={f.line} root={root} /> {f.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {hasMods ? <PythonSection /> : null}
        </aside>
      </div>
    </div>
  );
}

/** The runtime's count of every stub use (live sessions only), fetched at most twice a second while events arrive. */
function useStubCounts(version: number): Record<string, Record<string, number>> | undefined {
  const kind = useEventsStore((s) => s.kind);
  const streamId = useEventsStore((s) => s.streamId);
  const [counts, setCounts] = useState<{ stream: number; counts: Record<string, Record<string, number>> } | null>(null);
  const last = useRef(0);
  useEffect(() => {
    if (kind !== 'session') return;
    const wait = Math.max(0, last.current + 500 - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      getBridge()
        .request('session.stubCounts', {})
        .then((c) => setCounts({ stream: streamId, counts: c }))
        .catch(() => {});
    }, wait);
    return () => clearTimeout(timer);
  }, [version, kind, streamId]);
  return kind === 'session' && counts?.stream === streamId ? counts.counts : undefined;
}

function ErrorDetail({ seq, root, onClose }: { seq: number; root?: string; onClose: () => void }) {
  const e = traceLog.bySeqNo(seq);
  if (!e) return null;
  const info = errorInfo(e);
  return (
    <section className="sb-modlog__error" data-testid="mod-log-detail">
      <h4>
        {info.message}
        <button type="button" aria-label="Close" onClick={onClose}>×</button>
      </h4>
      {info.file ? (
        <p>
          in <FileLine file={info.file} line={info.line} root={root} />
        </p>
      ) : null}
      {info.traceback ? (
        <pre className="sb-modlog__traceback">
          {tracebackParts(info.traceback).map((p, i) =>
            'file' in p ? (
              <button key={i} type="button" className="sb-fileline" data-testid="fileline" title="Copy file:line" onClick={() => copyRef(p.file, p.line)}>
                {p.text}
              </button>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </pre>
      ) : null}
      <p className="sb-muted">The simulation went on, as a real server would: the exception ended this call only.</p>
    </section>
  );
}
