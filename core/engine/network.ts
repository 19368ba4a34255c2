// Links between nodes: latency (fixed + uniform jitter), loss, cuts. Every pair Apollo implies is
// connected with the project's defaults; a listed link overrides them. Arrival times are clamped
// so that messages between one (sender, receiver) pair arrive in the order they were sent.
import type { Options, Project } from '../model/schema';
import type { Random } from './random';
import type { NodeRt } from './runtime';

export interface LinkState {
  latencyMs: number;
  jitterMs: number;
  loss: number;
  cut: boolean;
}


export class Network {
  private readonly links = new Map<number, LinkState>();
  /** Per sender: receiver index → latest scheduled arrival (small maps stay fast). */
  private readonly lastArrival: Map<number, number>[];
  private readonly n: number;
  private readonly defaults: LinkState;
  /** Why and where the last `travel` that returned -1 lost its message (no allocation per send). */
  dropReason: 'loss' | 'link-down' = 'loss';
  dropAt: NodeRt | null = null;
  dropT = 0;

  constructor(
    project: Project,
    byId: Map<string, NodeRt>,
    private readonly rng: Random,
  ) {
    this.n = project.nodes.length;
    this.lastArrival = Array.from({ length: this.n }, () => new Map<number, number>());
    const o: Options = project.options;
    this.defaults = { latencyMs: o.defaultLatencyMs, jitterMs: o.defaultJitterMs, loss: o.defaultLoss, cut: false };
    for (const l of project.links) {
      const a = byId.get(l.a);
      const b = byId.get(l.b);
      if (!a || !b) continue;
      this.set(a, b, {
        latencyMs: l.latencyMs ?? o.defaultLatencyMs,
        jitterMs: l.jitterMs ?? o.defaultJitterMs,
        loss: l.loss ?? o.defaultLoss,
        cut: false,
      });
    }
  }

  private key(a: NodeRt, b: NodeRt): number {
    return a.idx < b.idx ? a.idx * this.n + b.idx : b.idx * this.n + a.idx;
  }

  link(a: NodeRt, b: NodeRt): LinkState {
    return this.links.get(this.key(a, b)) ?? this.defaults;
  }

  private set(a: NodeRt, b: NodeRt, s: LinkState): void {
    this.links.set(this.key(a, b), s);
  }

  /** Change a link (a fault); returns the new state. */
  update(a: NodeRt, b: NodeRt, change: Partial<LinkState>): LinkState {
    const next = { ...this.link(a, b), ...change };
    this.set(a, b, next);
    return next;
  }

  /**
   * Time a message sent at `t` from a (through `via`) reaches b, or -1 when it is lost (see
   * dropReason/dropAt/dropT). Loss is drawn per hop; a drop happens when the lossy hop would end.
   */
  travel(t: number, a: NodeRt, via: NodeRt | null, b: NodeRt): number {
    let time = t;
    let from = a;
    for (let hop = 0; hop < 2; hop++) {
      const to = hop === 0 && via ? via : b;
      const l = this.links.get(this.key(from, to)) ?? this.defaults;
      if (l.cut) return this.lost('link-down', from, time);
      time += l.jitterMs > 0 ? l.latencyMs + l.jitterMs * this.rng.next() : l.latencyMs;
      if (l.loss > 0 && this.rng.next() < l.loss) return this.lost('loss', to, time);
      if (to === b) break;
      from = to;
    }
    // FIFO per (sender, receiver): never arrive before an earlier message of the same pair.
    const fifo = this.lastArrival[a.idx];
    const last = fifo.get(b.idx);
    if (last !== undefined && last > time) time = last;
    fifo.set(b.idx, time);
    return time;
  }

  private lost(reason: 'loss' | 'link-down', at: NodeRt, t: number): number {
    this.dropReason = reason;
    this.dropAt = at;
    this.dropT = t;
    return -1;
  }
}
