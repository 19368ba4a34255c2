// One node's Python side as the engine tracks it: its process, the systems its mods registered,
// the engine handlers that call back into Python, its timers. A node that stops loses all of it
// (a real server's process ends); a node that starts again loads its mods afresh.
import type { Handler, NodeRt, SystemRt } from '../engine/runtime';
import type { ModInfo, ModProcess } from './types';

export class NodeMods {
  proc: ModProcess | null = null;
  /** Bumped at every stop: handlers and timers of an earlier life do nothing. */
  generation = 0;
  /** Why this node's mods no longer run (process died, none could start); recorded once. */
  failed: string | null = null;
  readonly systems = new Map<number, SystemRt>();
  /** Python handler id → the engine handler that invokes it (for UnListenForEvent). */
  readonly handlers = new Map<number, Handler>();
  readonly timers = new Map<number, { cancelled: boolean }>();
  ticking = false;
  /** A system for calls made outside any registered system (masterHttp from a plain object). */
  anonymous: SystemRt | null = null;

  constructor(
    readonly node: NodeRt,
    readonly mods: ModInfo[],
    /** Client nodes share one process: this is its key, or null for a server's own process. */
    readonly shared: boolean,
  ) {}

  get running(): boolean {
    return this.proc !== null && this.failed === null;
  }

  /** Forget everything this life registered in the engine: the node stopped. */
  forget(): void {
    const ours = new Set<Handler>(this.handlers.values());
    const node = this.node;
    for (const [key, list] of node.listeners) {
      const kept = list.filter((l) => !ours.has(l.fn));
      if (kept.length === list.length) continue;
      if (kept.length) node.listeners.set(key, kept);
      else node.listeners.delete(key);
    }
    for (const [key, h] of node.rpcMethods) if (ours.has(h.fn)) node.rpcMethods.delete(key);
    for (const [key, h] of node.httpRoutes) if (ours.has(h.fn)) node.httpRoutes.delete(key);
    const systems = new Set(this.systems.values());
    if (this.anonymous) systems.add(this.anonymous);
    node.systems = node.systems.filter((s) => !systems.has(s));
    this.systems.clear();
    this.handlers.clear();
    for (const t of this.timers.values()) t.cancelled = true;
    this.timers.clear();
    this.anonymous = null;
    this.ticking = false;
    this.generation++;
  }
}
