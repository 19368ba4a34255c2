// The single master (serverId 0); it may own modules too.
import type { NodeProps } from '@xyflow/react';
import type { SpecNode } from '../layout';
import { Field, NodeCard } from './NodeCard';

export function MasterNode({ data, selected }: NodeProps<SpecNode>) {
  const s = data.spec;
  return (
    <NodeCard spec={s} selected={selected} view={data.replay} compact={data.compact}>
      <Field label="serverId" value={s.serverId ?? 0} testId={`node-${s.id}-serverId`} />
      <Field label="modules" value={s.moduleNames?.join(', ')} />
    </NodeCard>
  );
}
