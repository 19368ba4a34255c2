// The RPC lifecycle machine as a drawable graph, read from rpcMachine's own config (so the drawing
// can never disagree with the machine the engine steps): states, transitions with their event
// names, final states, and a layout (column = longest path from the initial state; the main path
// on row 0, the other ends below).
import { rpcMachine } from '../../core/engine/rpc-machine';

export interface MachineState {
  id: string;
  final: boolean;
  description: string;
  col: number;
  row: number;
}

export interface MachineEdge {
  from: string;
  to: string;
  event: string;
}

export interface MachineGraph {
  initial: string;
  states: MachineState[];
  edges: MachineEdge[];
}

interface StateConfig {
  type?: string;
  description?: string;
  on?: Record<string, string | { target?: string }>;
}

export function machineGraph(config: { initial?: unknown; states?: unknown } = rpcMachine.config): MachineGraph {
  const states = (config.states ?? {}) as Record<string, StateConfig>;
  const ids = Object.keys(states);
  const initial = typeof config.initial === 'string' ? config.initial : ids[0];
  const edges: MachineEdge[] = [];
  for (const id of ids) {
    for (const [event, t] of Object.entries(states[id].on ?? {})) {
      const to = typeof t === 'string' ? t : t.target;
      if (to) edges.push({ from: id, to: to.replace(/^\./, ''), event });
    }
  }
  // Longest path depth (the machine is acyclic: every transition moves forward).
  const depth = new Map<string, number>([[initial, 0]]);
  const prevOnPath = new Map<string, string>();
  for (let pass = 0; pass < ids.length; pass++) {
    for (const e of edges) {
      const d = depth.get(e.from);
      if (d !== undefined && d + 1 > (depth.get(e.to) ?? -1)) {
        depth.set(e.to, d + 1);
        prevOnPath.set(e.to, e.from);
      }
    }
  }
  // Main path: back from the deepest state (first in config order on a tie).
  let end = initial;
  for (const id of ids) if ((depth.get(id) ?? 0) > (depth.get(end) ?? 0)) end = id;
  const main = new Set<string>([end]);
  for (let s = prevOnPath.get(end); s !== undefined; s = prevOnPath.get(s)) main.add(s);
  return {
    initial,
    edges,
    states: ids.map((id) => ({
      id,
      final: states[id].type === 'final',
      description: states[id].description ?? '',
      col: depth.get(id) ?? 0,
      row: main.has(id) ? 0 : 1,
    })),
  };
}
