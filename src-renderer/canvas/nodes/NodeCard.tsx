// The frame every node kind draws: kind badge, name, identity fields, handles left and right.
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { NodeSpec } from '../../../core/model/schema';

export function NodeCard(props: { spec: NodeSpec; selected: boolean; up?: boolean; children?: ReactNode }) {
  const { spec } = props;
  return (
    <div className={`sb-node sb-node--${spec.kind}${props.selected ? ' is-selected' : ''}${props.up === false ? ' is-down' : ''}`} data-testid={`node-${spec.id}`} data-kind={spec.kind}>
      <Handle type="target" position={Position.Left} />
      <div className="sb-node__head">
        <span className="sb-node__kind" data-testid={`node-${spec.id}-kind`}>
          {spec.kind}
        </span>
        <span className="sb-node__name">{spec.name ?? spec.id}</span>
      </div>
      <dl className="sb-node__fields">{props.children}</dl>
      <Handle type="source" position={Position.Right} />
    </div>
  );
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
