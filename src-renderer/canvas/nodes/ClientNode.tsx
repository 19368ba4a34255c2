// A player's client: identified by uid; shows the proxy it is attached to and its server.
import type { NodeProps } from '@xyflow/react';
import type { SwitchboardNode } from '../layout';
import { Field, NodeCard } from './NodeCard';

export function ClientNode({ data, selected }: NodeProps<SwitchboardNode>) {
  const s = data.spec;
  return (
    <NodeCard spec={s} selected={selected}>
      <Field label="uid" value={s.uid} testId={`node-${s.id}-uid`} />
      <Field label="proxy" value={s.proxy} />
      <Field label="on" value={s.server} />
    </NodeCard>
  );
}
