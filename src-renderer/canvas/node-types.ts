// The React Flow node component for each node kind (lobby and game share one).
import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../core/model/schema';
import { ClientNode } from './nodes/ClientNode';
import { ClusterNode } from './nodes/ClusterNode';
import { MasterNode } from './nodes/MasterNode';
import { ProxyNode } from './nodes/ProxyNode';
import { ServerNode } from './nodes/ServerNode';
import { ServiceNode } from './nodes/ServiceNode';

export const NODE_TYPES = {
  client: ClientNode,
  proxy: ProxyNode,
  lobby: ServerNode,
  game: ServerNode,
  master: MasterNode,
  service: ServiceNode,
  cluster: ClusterNode,
} satisfies Record<NodeKind | 'cluster', unknown> as NodeTypes;
