// Links between nodes: latency (fixed + uniform jitter), loss, cuts. Every pair Apollo implies is
// connected with the project's defaults; a listed link overrides them. Arrival times are clamped
// so that messages between one (sender, receiver) pair arrive in the order they were sent.
import type { Options, Project } from '../model/schema';
import type { Random } from './random';
import type { NodeRt } from './runtime';

/**
 * Up to this many nodes the FIFO bookkeeping is a dense n×n matrix (256 nodes: 512 KB). Beyond, a
 * hash table of the pairs in use: the matrix of a 2,000-client topology (34 MB) made every send a
 * cache miss (8 % of the point workload), while the pairs that talk fit in cache.
 */
export const DENSE_FIFO_NODES = 256;

/** Latest arrival per (sender, receiver) pair: open addressing over typed arrays. */
class PairTimes {
  private a = new Int32Array(1024).fill(-1);
  private b = new Int32Array(1024);
  private t = new Float64Array(1024);
  private size = 0;

  private slot(a: number, b: number): number {
    const mask = this.a.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
    while (this.a[i] !== -1 && (this.a[i] !== a || this.b[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** Clamp `time` to the pair's latest arrival and make it the latest. */
  clamp(a: number, b: number, time: number): number {
    const i = this.slot(a, b);
    if (this.a[i] === -1) {
      this.a[i] = a;
      this.b[i] = b;
      this.t[i] = time;
      if (++this.size * 2 > this.a.length) this.grow();
      return time;
    }
    const last = this.t[i];
    if (last > time) return last;
    this.t[i] = time;
    return time;
  }

  private grow(): void {
    const [a, b, t] = [this.a, this.b, this.t];
    this.a = new Int32Array(a.length * 2).fill(-1);
    this.b = new Int32Array(a.length * 2);
    this.t = new Float64Array(a.length * 2);
    for (let k = 0; k < a.length; k++) {
      if (a[k] === -1) continue;
      const i = this.slot(a[k], b[k]);
      this.a[i] = a[k];
      this.b[i] = b[k];
      this.t[i] = t[k];
    }
  }
}

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
  private readonly fifoPairs: PairTimes | null;
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
    this.fifoPairs = dense ? null : new PairTimes();
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
      // No link of the project or a fault changed anything: every hop has the defaults.
      const l = this.links.size === 0 ? this.defaults : (this.links.get(this.key(from, to)) ?? this.defaults);
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
      time = (this.fifoPairs as PairTimes).clamp(a.idx, b.idx, time);
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
