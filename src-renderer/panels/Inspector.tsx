// Right: the selected node's specification and its live state in the session.
import { useEffect, useState } from 'react';
import type { NodeState } from '../../core/engine/types';
import { getBridge } from '../bridge';
import { useDocumentStore } from '../stores/document-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

export function Inspector() {
  const selected = useUiStore((s) => s.selected);
  const spec = useDocumentStore((s) => s.doc?.project.nodes.find((n) => n.id === selected));
  const now = useSessionStore((s) => s.status?.now);
  const [state, setState] = useState<NodeState | null>(null);

  useEffect(() => {
    if (!selected) return setState(null);
    let live = true;
    getBridge()
      .request('session.nodeState', { id: selected })
      .then((s) => live && setState(s))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
  }, [selected, now]);

  return (
    <aside className="sb-inspector" data-testid="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {!spec ? (
        <p className="sb-muted">Select a node.</p>
      ) : (
        <dl>
          <dt>id</dt>
          <dd>{spec.id}</dd>
          <dt>kind</dt>
          <dd>{spec.kind}</dd>
          {spec.serverId !== undefined ? (<><dt>serverId</dt><dd>{spec.serverId}</dd></>) : null}
          {spec.type ? (<><dt>type</dt><dd>{spec.type}</dd></>) : null}
          {spec.moduleNames?.length ? (<><dt>modules</dt><dd>{spec.moduleNames.join(', ')}</dd></>) : null}
          {spec.uid !== undefined ? (<><dt>uid</dt><dd>{spec.uid}</dd></>) : null}
          <dt>systems</dt>
          <dd>{spec.systems.map((s) => `${s.namespace}/${s.systemName}`).join(', ') || '—'}</dd>
          {state ? (
            <>
              <dt>state</dt>
              <dd data-testid="inspector-state">
                {state.up ? 'up' : 'down'}
                {state.server !== undefined ? ` · on ${state.server ?? '—'}` : ''}
                {state.playerId ? ` · player ${state.playerId}` : ''}
                {state.inTransfer ? ' · in transfer' : ''}
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </aside>
  );
}
