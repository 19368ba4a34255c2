// Role columns, left to right: clients | proxies | lobby/game | master | services.
import type { NodeKind } from '../../core/model/schema';

export const ROLE_COLUMN: Record<NodeKind, number> = { client: 0, proxy: 1, lobby: 2, game: 2, master: 3, service: 4 };
