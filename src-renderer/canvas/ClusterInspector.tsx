// The Inspect tab for a selected group card: what it folds, its state at the playhead, and its
// members (a click selects one: the card expands so it can be seen on its own).
import { useReplayStore } from '../replay/replay-store';
import { useCanvasStore } from '../stores/canvas-store';
import { useShownNodes } from './shown-topology';
import type { Cluster } from './grouping';
import { nodeViews } from './replay-view';
import { useMemo } from 'react';

const SHOWN = 300;

export function ClusterInspector({ cluster }: { cluster: Cluster }) {
  const nodes = useShownNodes();
  const state = useReplayStore((s) => s.state);
  const length = useReplayStore((s) => s.length);
  const members = useMemo(() => {
    const byId = new Map((nodes ?? []).map((n) => [n.id, n]));
    return cluster.members.map((id) => byId.get(id)).filter((n) => n !== undefined);
  }, [nodes, cluster]);
  const views = useMemo(() => (length > 0 ? nodeViews(state, members.slice(0, SHOWN)) : null), [state, members, length]);
  const pick = (id: string) => {
    const c = useCanvasStore.getState();
    if (!cluster.expanded) c.toggleExpanded(cluster.id);
    c.setSelection([id]);
  };
  return (
    <div className="sb-inspect sb-cluster-inspect" data-testid="cluster-inspector">
      <p>
        <b>{cluster.title}</b> <span className="sb-muted">{cluster.subtitle}</span>
      </p>
      <p className="sb-muted">
        One card for {cluster.members.length.toLocaleString('en-US')} {cluster.kind} nodes; messages to and from them are drawn at this card.{' '}
        <button type="button" data-testid="cluster-toggle" onClick={() => useCanvasStore.getState().toggleExpanded(cluster.id)}>
          {cluster.expanded ? 'Fold them' : 'Show them one by one'}
        </button>
      </p>
      <ul>
        {members.slice(0, SHOWN).map((n) => {
          const v = views?.get(n.id);
          const where = v?.on ? (v.on === 'offline' ? 'offline' : `on ${v.on}`) : v?.players ? `${v.players.length} players` : '';
          return (
            <li key={n.id}>
              <button type="button" data-testid="cluster-member" onClick={() => pick(n.id)}>
                {n.name ?? n.id} <span className="sb-muted">{n.id}{where ? ` · ${where}` : ''}{v?.down ? ' · down' : ''}</span>
              </button>
            </li>
          );
        })}
        {members.length > SHOWN ? <li className="sb-muted">… and {(members.length - SHOWN).toLocaleString('en-US')} more (Ctrl+F finds any node)</li> : null}
      </ul>
    </div>
  );
}
