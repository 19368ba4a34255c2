// Links between nodes: latency (fixed + uniform jitter), loss, cuts. Every pair Apollo implies is
// connected with the project's defaults; a listed link overrides them. Arrival times are clamped
// so that messages between one (sender, receiver) pair arrive in the order they were sent.
import type { Options, Project } from '../model/schema';
import type { Random } from './random';
import type { NodeRt } from './runtime';

/** Up to this many nodes the FIFO bookkeeping is a dense n×n matrix (2,500 nodes: 50 MB). */
export const DENSE_FIFO_NODES = 2500;

export interface LinkState {
  latencyMs: number;
  jitterMs: number;
  loss: number;
  cut: boolean;
}


export class Network {
  private readonly links = new Map<number, LinkState>();
  /**
   * Latest scheduled arrival per (sender, receiver): a dense matrix up to DENSE_FIFO_NODES nodes
   * (one typed-array read on the hot path), per-sender maps beyond that (memory stays linear).
   */
  private readonly fifoDense: Float64Array | null;
  private readonly fifoMaps: Map<number, number>[] | null;
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
    const dense = this.n <= DENSE_FIFO_NODES;
    this.fifoDense = dense ? new Float64Array(this.n * this.n).fill(-1) : null;
    this.fifoMaps = dense ? null : Array.from({ length: this.n }, () => new Map<number, number>());
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
    if (this.fifoDense) {
      const k = a.idx * this.n + b.idx;
      const last = this.fifoDense[k];
      if (last > time) time = last;
      this.fifoDense[k] = time;
    } else {
      const fifo = (this.fifoMaps as Map<number, number>[])[a.idx];
      const last = fifo.get(b.idx);
      if (last !== undefined && last > time) time = last;
      fifo.set(b.idx, time);
    }
    return time;
  }

  private lost(reason: 'loss' | 'link-down', at: NodeRt, t: number): number {
    this.dropReason = reason;
    this.dropAt = at;
    this.dropT = t;
    return -1;
  }
}
