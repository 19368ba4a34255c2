// Fire: pick a node → only its kind's interfaces → typed fields → send. Below, the steps a
// scenario could take, now: login/transfer/logout, stop/start, cut/restore a link, POST to the master.
import { useEffect, useState } from 'react';
import type { ApiName } from '../../../core/api/interfaces';
import { INTERFACES } from '../../../core/api/interfaces';
import { getBridge } from '../../bridge';
import { useCanvasStore } from '../../stores/canvas-store';
import { useDocumentStore } from '../../stores/document-store';
import { recordStep } from './record';
import { useUiStore } from '../../stores/ui-store';
import { ArgsForm } from './ArgsForm';
import { fireableFor, initialValues, toArgs, type FieldValues } from './pick-options';
import { StepsForm } from './StepsForm';
import { useLivePlayers } from './use-live-players';

export function FirePanel() {
  const project = useDocumentStore((s) => s.doc?.project);
  const selected = useUiStore((s) => s.selected);
  const [nodeId, setNodeId] = useState<string>('');
  const node = project?.nodes.find((n) => n.id === nodeId);
  const apis = node ? fireableFor(node.kind) : [];
  const [api, setApi] = useState<ApiName | ''>('');
  const [values, setValues] = useState<FieldValues>({});
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string; seq?: number } | null>(null);
  const live = useLivePlayers(project);

  // Follow the canvas selection.
  useEffect(() => {
    if (selected) setNodeId(selected);
  }, [selected]);
  useEffect(() => {
    if (api && !apis.includes(api)) setApi('');
  }, [api, apis]);

  if (!project) return null;
  const send = async () => {
    if (!node || !api) return;
    const r = toArgs(api, values);
    if (!r.ok) return setError({ field: r.field, message: r.message });
    setError(null);
    try {
      const res = await getBridge().request('session.call', { node: node.id, api, args: r.args });
      if (res.ok) recordStep({ do: 'call', node: node.id, api, args: r.args });
      setResult(res.ok ? { ok: true, text: `sent ${api} (event #${res.seq})`, seq: res.seq } : { ok: false, text: res.error, seq: res.seq });
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div className="sb-fire" data-testid="fire-panel">
      <div className="sb-field">
        <label>
          <span className="sb-field__label">node</span>
          <select data-testid="fire-node" value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
            <option value="">— pick a node —</option>
            {project.nodes.map((n) => <option key={n.id} value={n.id}>{n.kind} · {n.name ?? n.id}</option>)}
          </select>
        </label>
      </div>
      {node ? (
        <>
          <div className="sb-field">
            <label>
              <span className="sb-field__label">interface</span>
              <select
                data-testid="fire-api"
                value={api}
                onChange={(e) => {
                  const next = e.target.value as ApiName | '';
                  setApi(next);
                  setValues(next ? initialValues(next) : {});
                  setError(null);
                  setResult(null);
                }}
              >
                <option value="">{apis.length ? '— pick an interface —' : `a ${node.kind} sends no messages`}</option>
                {apis.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </label>
            {api ? <div className="sb-field__hint">{INTERFACES[api].summary}</div> : null}
          </div>
          {api ? (
            <>
              <ArgsForm api={api} project={project} caller={node} live={live} values={values} onChange={setValues} error={error} />
              <button type="button" className="sb-primary" data-testid="fire-send" onClick={() => void send()}>Send {api}</button>
            </>
          ) : null}
          {result ? (
            <p className={result.ok ? 'sb-ok' : 'sb-field__error'} data-testid="fire-result">
              {result.text}{' '}
              {result.seq ? <button type="button" className="sb-link" onClick={() => useCanvasStore.getState().selectEvent(result.seq ?? null)}>show</button> : null}
            </p>
          ) : null}
          <StepsForm project={project} node={node} />
        </>
      ) : null}
    </div>
  );
}
