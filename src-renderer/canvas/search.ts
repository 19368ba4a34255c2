// Node search for Ctrl+F: exact id first, then prefix, then substring, over id, name and serverId.
import type { NodeSpec } from '../../core/model/schema';

export function searchNodes(nodes: readonly NodeSpec[], query: string): NodeSpec[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...nodes];
  const score = (n: NodeSpec): number => {
    const keys = [n.id, n.name ?? '', n.serverId !== undefined ? String(n.serverId) : '', n.uid !== undefined ? String(n.uid) : ''].map((k) => k.toLowerCase());
    if (keys.includes(q)) return 0;
    if (keys.some((k) => k.startsWith(q))) return 1;
    if (keys.some((k) => k.includes(q))) return 2;
    return -1;
  };
  return nodes
    .map((n) => ({ n, s: score(n) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s)
    .map((x) => x.n);
}
