// A valid project of about `bytes` bytes (the quickstart plus copies of its players, each with its
// rules), for tests and measurements of validating big projects.
import fs from 'node:fs';
import path from 'node:path';

const QUICKSTART = path.resolve(import.meta.dirname, '../../../fixtures/projects/quickstart.switchboard.json');

interface Node {
  id: string;
  kind: string;
  name?: string;
  uid?: number;
  [key: string]: unknown;
}

/** Pretty-printed like a saved project; at least `bytes` long (UTF-8 = characters here: ASCII only). */
export function bigProjectText(bytes: number, name = 'Big'): string {
  const base = { ...(JSON.parse(fs.readFileSync(QUICKSTART, 'utf8')) as { nodes: Node[] }), name };
  const player = base.nodes.find((n) => n.id === 'client-2') as Node;
  const baseLength = JSON.stringify(base, null, 2).length;
  const copy = (i: number): Node => ({ ...player, id: `client-x${i}`, name: `Player x${i}`, uid: 100000 + i });
  // One more player, as written inside the nodes array (indented two levels deeper, and a comma).
  const each = JSON.stringify({ nodes: [copy(100000), copy(100001)] }, null, 2).length - JSON.stringify({ nodes: [copy(100000)] }, null, 2).length;
  let count = Math.max(0, Math.ceil((bytes - baseLength) / each));
  for (;;) {
    const text = JSON.stringify({ ...base, nodes: base.nodes.concat(Array.from({ length: count }, (_, i) => copy(i))) }, null, 2) + '\n';
    if (text.length >= bytes) return text;
    count += Math.ceil((bytes - text.length) / each);
  }
}
