// The frame every node kind draws: kind badge, name, identity fields, handles left and right.
// With a replay view (the playhead's state): DOWN when stopped, and a badge with the RPCs the node
// is waiting on. Compact (a column with many cards): the name only, the fields in its tooltip.
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { NodeSpec } from '../../../core/model/schema';
import type { NodeReplayView } from '../replay-view';

export function NodeCard(props: { spec: NodeSpec; selected: boolean; up?: boolean; view?: NodeReplayView; compact?: boolean; children?: ReactNode }) {
  const { spec, view } = props;
  const down = props.up === false || view?.down === true;
  return (
    <div
      className={`sb-node sb-node--${spec.kind}${props.selected ? ' is-selected' : ''}${down ? ' is-down' : ''}${view ? ' is-replay' : ''}${props.compact ? ' is-compact' : ''}`}
      title={props.compact ? compactTitle(spec) : undefined}
      data-testid={`node-${spec.id}`}
      data-kind={spec.kind}
      data-down={view ? String(down) : undefined}
    >
      <Handle type="target" position={Position.Left} />
      <div className="sb-node__head">
        <span className="sb-node__kind" data-testid={`node-${spec.id}-kind`}>
          {spec.kind}
        </span>
        <span className="sb-node__name">{spec.name ?? spec.id}</span>
        {down && view ? <span className="sb-node__down" data-testid={`node-${spec.id}-down`}>down</span> : null}
      </div>
      {props.compact ? null : <dl className="sb-node__fields">{props.children}</dl>}
      {view?.pending ? (
        // A corner badge: it neither widens nor lengthens the card (the layout's rows stay clear).
        <span className="sb-node__rpcs" data-testid={`node-${spec.id}-rpcs`} data-count={view.pending.count} data-states={view.pending.states} title={`Waiting on ${view.pending.count} RPC${view.pending.count === 1 ? '' : 's'}:\n${view.pending.detail}`}>
          {view.pending.count} RPC · {view.pending.states}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

function compactTitle(s: NodeSpec): string {
  return [s.id, s.serverId !== undefined ? `serverId ${s.serverId}` : '', s.type ? `type ${s.type}` : '', s.uid !== undefined ? `uid ${s.uid}` : ''].filter(Boolean).join(' · ');
}

export function Field(props: { label: string; value: ReactNode; testId?: string }) {
  if (props.value === undefined || props.value === null || props.value === '') return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </>
  );
}
