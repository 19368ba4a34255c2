// A lobby or game server (a Minecraft world players are on): the two kinds show the same fields;
// the card's kind label tells them apart.
import type { NodeProps } from '@xyflow/react';
import type { SpecNode } from '../layout';
import { Field, NodeCard } from './NodeCard';

export function ServerNode({ data, selected }: NodeProps<SpecNode>) {
  const s = data.spec;
  return (
    <NodeCard spec={s} selected={selected} view={data.replay} compact={data.compact}>
      <Field label="serverId" value={s.serverId} testId={`node-${s.id}-serverId`} />
      <Field label="type" value={s.type} testId={`node-${s.id}-type`} />
      {data.replay?.players ? <Field label="players" value={data.replay.players.length ? data.replay.players.join(', ') : 'none'} testId={`node-${s.id}-players`} /> : null}
    </NodeCard>
  );
}
