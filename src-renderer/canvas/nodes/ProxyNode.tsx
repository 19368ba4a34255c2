// A proxy: the gateway client sessions attach to.
import type { NodeProps } from '@xyflow/react';
import type { SpecNode } from '../layout';
import { Field, NodeCard } from './NodeCard';

export function ProxyNode({ data, selected }: NodeProps<SpecNode>) {
  const s = data.spec;
  return (
    <NodeCard spec={s} selected={selected} view={data.replay} compact={data.compact}>
      <Field label="serverId" value={s.serverId} testId={`node-${s.id}-serverId`} />
    </NodeCard>
  );
}
