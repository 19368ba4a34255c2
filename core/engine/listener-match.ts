// Option `listenerMatch` (semantics §2 and core/CONTEXT.md): under "reference" a message sent with a
// fixed NeteaseExtraApi pair is heard only by listeners for that pair; under "lenient" listeners for
// the sender's own (namespace, systemName) hear it too, as real plugins expect of a master's
// BroadcastToService. Both lists are merged by priority, then registration order.
import type { Listener, NodeRt } from './runtime';

export function listenersFor(node: NodeRt, key: string, alt: string): Listener[] | undefined {
  const a = node.listeners.get(key);
  const b = alt === key ? undefined : node.listeners.get(alt);
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  return [...a, ...b].sort((x, y) => y.priority - x.priority || x.order - y.order);
}
