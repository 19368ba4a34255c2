// A player's client: identified by uid; shows the proxy it is attached to and its server (the
// project's at t=0, or the playhead's: where it is at that moment, and where it is moving to).
import type { NodeProps } from '@xyflow/react';
import type { SpecNode } from '../layout';
import { Field, NodeCard } from './NodeCard';

export function ClientNode({ data, selected }: NodeProps<SpecNode>) {
  const s = data.spec;
  const r = data.replay;
  return (
    <NodeCard spec={s} selected={selected} view={data.replay} compact={data.compact}>
      <Field label="uid" value={s.uid} testId={`node-${s.id}-uid`} />
      <Field label="proxy" value={s.proxy} />
      {r ? <Field label="on" value={r.transferTo ? `${r.on} → ${r.transferTo}` : r.on} testId={`node-${s.id}-on`} /> : <Field label="on" value={s.server} testId={`node-${s.id}-on`} />}
    </NodeCard>
  );
}
