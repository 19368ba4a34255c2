// A folded group of nodes (grouping.ts): how many, what they share, their state at the playhead
// (online / players / down / RPCs waited on), the messages moving to or from them now, and a
// button to show the members one by one.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useActivityStore } from '../activity-store';
import type { ClusterNode as ClusterNodeType } from '../layout';
import { useCanvasStore } from '../../stores/canvas-store';

export function ClusterNode({ data, selected }: NodeProps<ClusterNodeType>) {
  const c = data.cluster;
  const v = data.view;
  const moving = useActivityStore((s) => s.moving[c.id] ?? 0);
  const toggle = useCanvasStore((s) => s.toggleExpanded);
  const state = [
    v?.online !== undefined ? `${v.online.toLocaleString('en-US')} online` : '',
    v?.players !== undefined ? `${v.players.toLocaleString('en-US')} players` : '',
    v?.down ? `${v.down} down` : '',
    v?.pending ? `${v.pending} RPC${v.pending === 1 ? '' : 's'} waiting` : '',
  ].filter(Boolean);
  return (
    <div className={`sb-node sb-node--${c.kind} sb-cluster${selected ? ' is-selected' : ''}${c.expanded ? ' is-expanded' : ''}`} data-testid={`node-${c.id}`} data-kind={c.kind} data-count={c.members.length} data-moving={moving}>
      <Handle type="target" position={Position.Left} />
      <div className="sb-node__head">
        <span className="sb-node__kind">{c.kind}</span>
        <span className="sb-node__name" data-testid={`node-${c.id}-title`}>{c.title}</span>
      </div>
      <div className="sb-cluster__sub">
        {c.subtitle}
        <button
          type="button"
          className="sb-cluster__toggle nodrag"
          data-testid={`node-${c.id}-toggle`}
          title={c.expanded ? 'Fold the members back into this card' : `Show the ${c.members.length} members one by one`}
          onClick={(e) => {
            e.stopPropagation();
            toggle(c.id);
          }}
        >
          {c.expanded ? '− fold' : '+ expand'}
        </button>
      </div>
      <div className="sb-cluster__state" data-testid={`node-${c.id}-state`}>
        {state.length ? state.join(' · ') : ' '}
        {moving > 0 ? <span className="sb-cluster__moving" data-testid={`node-${c.id}-moving`}>{moving.toLocaleString('en-US')} moving</span> : null}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
