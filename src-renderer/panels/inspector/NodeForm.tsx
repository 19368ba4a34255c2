// Edit every property of semantics §1 for one node, validated inline by the core validator.
// Changes build a draft; a valid draft is committed (one undoable edit) on blur, Enter or select.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NodeSpec, Project } from '../../../core/model/schema';
import { editProject } from '../../edit/project-edits';
import { renameIssue, renameNode } from '../../edit/rename';
import { updateNode } from '../../edit/topology';
import { useCanvasStore } from '../../stores/canvas-store';
import { Row, TextInput } from './fields';
import { issueAt, nodeIssues, parseIntField, parseList } from './node-issues';
import { stringifyJson } from '../../../core/json';
import { rebaseDraft } from './rebase-draft';

export function NodeForm({ project, node }: { project: Project; node: NodeSpec }) {
  const index = project.nodes.findIndex((n) => n.id === node.id);
  const [draft, setDraft] = useState<NodeSpec>(node);
  const draftRef = useRef(draft);
  const base = useRef(node);
  useEffect(() => {
    if (base.current === node) return;
    // An update from the host (often the echo of the last commit) keeps what is being typed elsewhere.
    draftRef.current = rebaseDraft(base.current, draftRef.current, node);
    base.current = node;
    setDraft(draftRef.current);
  }, [node]);
  const issues = useMemo(() => nodeIssues(project, index, draft), [project, index, draft]);
  const err = (f: string) => issueAt(issues.errors, f);
  const warn = (f: string) => issueAt(issues.warnings, f);

  const change = (patch: Record<string, unknown>) => {
    const next = { ...draftRef.current } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    draftRef.current = next as NodeSpec;
    setDraft(draftRef.current);
    return draftRef.current;
  };
  const commit = (d: NodeSpec = draftRef.current) => {
    if (stringifyJson(d) === stringifyJson(node)) return;
    if (!nodeIssues(project, index, d).ok) return;
    void editProject((p) => updateNode(p, node.id, d));
  };
  const text = (field: keyof NodeSpec, label: string, hint?: string) => (
    <Row label={label} error={err(`.${field}`)} warning={warn(`.${field}`)} hint={hint}>
      <TextInput testId={`field-${field}`} value={String(draft[field] ?? '')} onChange={(v) => change({ [field]: v === '' ? undefined : v })} onCommit={() => commit()} />
    </Row>
  );
  const int = (field: 'serverId' | 'uid', label: string) => (
    <Row label={label} error={err(`.${field}`)} warning={warn(`.${field}`)}>
      <TextInput testId={`field-${field}`} inputMode="numeric" value={draft[field] === undefined ? '' : String(draft[field])} onChange={(v) => change({ [field]: parseIntField(v) })} onCommit={() => commit()} />
    </Row>
  );
  const [idText, setIdText] = useState(node.id);
  useEffect(() => setIdText(node.id), [node.id]);
  const idError = renameIssue(project, node.id, idText);
  const rename = async () => {
    const to = idText;
    if (to === node.id || renameIssue(project, node.id, to)) return;
    if (await editProject((p) => renameNode(p, node.id, to))) useCanvasStore.getState().setSelection([to]);
  };
  const servers = project.nodes.filter((n) => n.kind === 'lobby' || n.kind === 'game');
  const proxies = project.nodes.filter((n) => n.kind === 'proxy');
  const k = node.kind;

  return (
    <form className="sb-form" data-testid="node-form" onSubmit={(e) => e.preventDefault()}>
      <div className="sb-form__id">
        <span className={`sb-dot sb-dot--${k}`} /> <b>{node.id}</b> <span className="sb-muted">{k}</span>
      </div>
      <Row label="id" error={idError} hint="links and scenario steps follow a renamed id">
        <TextInput testId="field-id" value={node.id} onChange={setIdText} onCommit={() => void rename()} />
      </Row>
      {text('name', 'name')}
      {k !== 'client' ? int('serverId', 'serverId') : null}
      {k === 'lobby' || k === 'game' || k === 'service' ? text('type', 'type', k === 'service' ? 'the Type RequestToServiceMod addresses' : 'e.g. lobby, battle_game_server_type') : null}
      {k === 'service' || k === 'master' ? (
        <Row label="modules" error={err('.moduleNames')} warning={warn('.moduleNames')} hint="comma-separated; RequestToService addresses these">
          <TextInput testId="field-moduleNames" value={(draft.moduleNames ?? []).join(', ')} onChange={(v) => change({ moduleNames: parseList(v) })} onCommit={() => commit()} />
        </Row>
      ) : null}
      {k !== 'client' ? (
        <Row label="Python mods" error={err('.mods')} warning={warn('.mods')} hint="mod folders (comma-separated, relative to the project file); they load when the node starts">
          <TextInput testId="field-mods" value={(draft.mods ?? []).join(', ')} onChange={(v) => change({ mods: parseList(v)?.filter((m) => m !== '') })} onCommit={() => commit()} />
        </Row>
      ) : null}
      {k === 'client' ? (
        <>
          {int('uid', 'uid')}
          <Row label="proxy" error={err('.proxy')} warning={warn('.proxy')}>
            <select data-testid="field-proxy" value={draft.proxy ?? ''} onChange={(e) => commit(change({ proxy: e.target.value === '' ? undefined : Number(e.target.value) }))}>
              <option value="">—</option>
              {proxies.map((p) => <option key={p.id} value={p.serverId}>{p.serverId} · {p.name ?? p.id}</option>)}
            </select>
          </Row>
          <Row label="server at start" error={err('.server')} warning={warn('.server')}>
            <select data-testid="field-server" value={draft.server ?? ''} onChange={(e) => commit(change({ server: e.target.value === '' ? undefined : Number(e.target.value) }))}>
              <option value="">not logged in</option>
              {servers.map((s) => <option key={s.id} value={s.serverId}>{s.serverId} · {s.name ?? s.id}</option>)}
            </select>
          </Row>
          {text('playerId', 'playerId', 'on its first server; later joins get new ones')}
        </>
      ) : null}
      <fieldset className="sb-form__systems">
        <legend>mod systems</legend>
        {draft.systems.map((s, i) => (
          <div key={i} className="sb-form__system">
            <TextInput testId={`field-system-${i}-namespace`} placeholder="namespace" value={s.namespace} onChange={(v) => change({ systems: draft.systems.map((x, j) => (j === i ? { ...x, namespace: v } : x)) })} onCommit={() => commit()} />
            <span>/</span>
            <TextInput testId={`field-system-${i}-systemName`} placeholder="systemName" value={s.systemName} onChange={(v) => change({ systems: draftRef.current.systems.map((x, j) => (j === i ? { ...x, systemName: v } : x)) })} onCommit={() => commit()} />
            <button type="button" aria-label="Remove system" onClick={() => commit(change({ systems: draft.systems.filter((_, j) => j !== i) }))}>×</button>
            {issueAt(issues.errors, `.systems[${i}]`) ? <div className="sb-field__error">{issueAt(issues.errors, `.systems[${i}]`)}</div> : null}
          </div>
        ))}
        <button type="button" onClick={() => commit(change({ systems: [...draft.systems, { namespace: `${k}Namespace`, systemName: `${k}System${draft.systems.length + 1}`, rules: [] }] }))}>
          + system
        </button>
      </fieldset>
      {!issues.ok ? (
        <p className="sb-field__error" data-testid="form-invalid">
          Not applied until valid{issues.other.length ? `: ${issues.other[0]}` : '.'}
        </p>
      ) : null}
    </form>
  );
}
