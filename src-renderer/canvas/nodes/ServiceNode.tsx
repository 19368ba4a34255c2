// A functional service: addressed by type (RequestToServiceMod) and module names (RequestToService).
import type { NodeProps } from '@xyflow/react';
import type { SpecNode } from '../layout';
import { Field, NodeCard } from './NodeCard';

export function ServiceNode({ data, selected }: NodeProps<SpecNode>) {
  const s = data.spec;
  return (
    <NodeCard spec={s} selected={selected} view={data.replay} compact={data.compact}>
      <Field label="serverId" value={s.serverId} testId={`node-${s.id}-serverId`} />
      <Field label="type" value={s.type} testId={`node-${s.id}-type`} />
      <Field label="modules" value={s.moduleNames?.join(', ')} />
    </NodeCard>
  );
}
