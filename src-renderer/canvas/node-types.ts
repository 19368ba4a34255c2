// One React Flow node component per node kind.
import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../core/model/schema';
import { ClientNode } from './nodes/ClientNode';
import { GameNode } from './nodes/GameNode';
import { LobbyNode } from './nodes/LobbyNode';
import { MasterNode } from './nodes/MasterNode';
import { ProxyNode } from './nodes/ProxyNode';
import { ServiceNode } from './nodes/ServiceNode';

export const NODE_TYPES = {
  client: ClientNode,
  proxy: ProxyNode,
  lobby: LobbyNode,
  game: GameNode,
  master: MasterNode,
  service: ServiceNode,
} satisfies Record<NodeKind, unknown> as NodeTypes;
