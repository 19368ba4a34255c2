// Binds mod system objects to the node they run on. The documented constructors take only
// (namespace, systemName), so the engine announces the node before it constructs a system.
import type { Engine } from '../engine/engine';
import type { NodeRt, SystemRt } from '../engine/runtime';

interface Pending {
  engine: Engine;
  node: NodeRt;
}

let pending: Pending | null = null;
let active: Engine | null = null;

/** Construct a system class on `node` (what `RegisterSystem` does in Apollo). */
export function constructOn<T>(engine: Engine, node: NodeRt, build: () => T): T {
  const outer = pending;
  pending = { engine, node };
  try {
    return build();
  } finally {
    pending = outer;
  }
}

export function claimNode(kind: string): Pending {
  if (!pending) {
    throw new Error(`A ${kind} must be created by the simulation (sim.registerSystem(nodeId, Class, namespace, systemName)), not with new`);
  }
  const p = pending;
  pending = null;
  return p;
}

/** The engine whose code is running (for masterHttp, a module-level object as in Apollo). */
export function withActive<T>(engine: Engine, fn: () => T): T {
  const outer = active;
  active = engine;
  try {
    return fn();
  } finally {
    active = outer;
  }
}

export function activeEngine(): Engine {
  if (!active) throw new Error('masterHttp can only be used from mod code running in a simulation');
  return active;
}

export type { SystemRt };
