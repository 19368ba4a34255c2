// Lookups the semantic checks share: nodes by id and by serverId, first occurrence winning
// (later duplicates are themselves reported as errors).
import type { NodeKind, NodeSpec, Project } from '../schema';

export interface NodeRef {
  node: NodeSpec;
  index: number;
}

export const LOBBY_GAME: readonly NodeKind[] = ['lobby', 'game'];

export class ProjectIndex {
  readonly byId = new Map<string, NodeRef>();
  readonly byServerId = new Map<number, NodeRef>();
  /** Types of lobby/game nodes (what BroadcastToServerByType and transfers address). */
  readonly serverTypes = new Set<string>();

  constructor(readonly project: Project) {
    project.nodes.forEach((node, index) => {
      if (!this.byId.has(node.id)) this.byId.set(node.id, { node, index });
      // Clients carry no serverId (§1); one written on a client must not shadow a real server.
      if (node.kind !== 'client' && node.serverId !== undefined && !this.byServerId.has(node.serverId)) {
        this.byServerId.set(node.serverId, { node, index });
      }
      if (LOBBY_GAME.includes(node.kind) && node.type !== undefined) this.serverTypes.add(node.type);
    });
  }

  isLobbyOrGame(serverId: number): boolean {
    const ref = this.byServerId.get(serverId);
    return !!ref && LOBBY_GAME.includes(ref.node.kind);
  }
}

/** `lobby "l1" ($.nodes[2])`: how messages name a node so the reader can find it. */
export function describeNode(ref: NodeRef): string {
  return `${ref.node.kind} "${ref.node.id}" ($.nodes[${ref.index}])`;
}
