// Clock alignment: one offset per server (ms added to its wall clock) such that no message is
// handled before it was sent. Each matched pair (send on A at a, handle on B at b) says
// off[B] - off[A] >= a - b. Between two servers with traffic both ways the offset is the middle
// of what both directions allow (as NTP assumes equal latency each way); with traffic one way the
// tightest bound is moved by the shortest latency seen between the others (the server's own
// latency cannot be told apart from its skew). A spanning tree from
// the reference server (the master when recorded) gives first offsets; the remaining constraints
// are then enforced by raising offsets (longest-path relaxation), which also finds clocks no offset
// can reconcile (a clock that jumped).
// A group of servers no matched message ties to the reference (a lobby whose only message had no
// listener) cannot be aligned from traffic; left at its raw wall clock, a clock that was ahead put
// its boot after messages sent to it and the merge called it down. Such a group is placed so that
// its first boot coincides with the reference group's first boot (servers of one network are
// deployed together; method 'boot', reported as an assumption).

export interface ClockConstraint {
  /** Node index of the earlier line (the send). */
  from: number;
  /** Node index of the later line (the handle). */
  to: number;
  /** a - b: off[to] - off[from] must be at least this. */
  d: number;
}

/** boot: no matched message ties it to the reference; its group's first boot taken as the reference's. */
export type SkewMethod = 'reference' | 'two-way' | 'one-way' | 'boot' | 'none';

export interface ClockResult {
  /** ms to add to each node's clock. */
  offsets: number[];
  method: SkewMethod[];
  /** Matched pairs that involve the node. */
  samples: number[];
  /** Constraints no offsets satisfy (the emitter then keeps order by clamping). */
  violated: number;
  reference: number;
}

interface Edge {
  lo: number; // off[j] - off[i] >= lo
  hi: number; // off[j] - off[i] <= hi
  n: number;
}

/**
 * `nodes` nodes (0..nodes-1); `reference` stays at 0. `boots`: each node's first boot on its own
 * clock (ms; NaN when unknown), to place the groups traffic does not tie to the reference.
 */
export function alignClocks(nodes: number, constraints: readonly ClockConstraint[], reference = 0, boots?: readonly number[]): ClockResult {
  if (nodes === 0) return { offsets: [], method: [], samples: [], violated: 0, reference };
  const samples = new Array<number>(nodes).fill(0);
  // Only the tightest constraint per ordered pair matters (millions of messages, few servers).
  const tightest = new Map<number, ClockConstraint>();
  // Per ordered pair i<j: bounds on off[j] - off[i].
  const edges = new Map<number, Edge>();
  const edgeKey = (i: number, j: number) => i * nodes + j;
  for (const c of constraints) {
    if (c.from === c.to) continue;
    samples[c.from]++;
    samples[c.to]++;
    const [i, j] = c.from < c.to ? [c.from, c.to] : [c.to, c.from];
    let e = edges.get(edgeKey(i, j));
    if (!e) edges.set(edgeKey(i, j), (e = { lo: -Infinity, hi: Infinity, n: 0 }));
    e.n++;
    const t = tightest.get(c.from * nodes + c.to);
    if (!t || c.d > t.d) tightest.set(c.from * nodes + c.to, c);
    if (c.from === i) e.lo = Math.max(e.lo, c.d); // off[j] - off[i] >= d
    else e.hi = Math.min(e.hi, -c.d); // off[i] - off[j] >= d  =>  off[j] - off[i] <= -d
  }
  // The shortest one-way latency seen between servers with traffic both ways (half the gap their
  // bounds leave): what a server with traffic one way is assumed to have too.
  const halfGaps = [...edges.values()].filter((e) => Number.isFinite(e.lo) && Number.isFinite(e.hi) && e.lo <= e.hi).map((e) => (e.hi - e.lo) / 2).sort((x, y) => x - y);
  const latency = halfGaps.length ? halfGaps[Math.floor((halfGaps.length - 1) / 2)] : 0;
  // Offset of `to` given `from`'s, when off[to] - off[from] lies in [a, b]: the middle when traffic
  // went both ways; one way, the bound moved by that typical latency.
  const place = (offFrom: number, a: number, b: number): { v: number; twoWay: boolean } => {
    if (Number.isFinite(a) && Number.isFinite(b)) return { v: offFrom + (a <= b ? (a + b) / 2 : a), twoWay: true };
    return { v: Number.isFinite(a) ? offFrom + a + latency : offFrom + b - latency, twoWay: false };
  };
  const adj: { other: number; sign: number; e: Edge }[][] = Array.from({ length: nodes }, () => []);
  for (const [k, e] of edges) {
    const i = Math.floor(k / nodes);
    const j = k % nodes;
    adj[i].push({ other: j, sign: 1, e });
    adj[j].push({ other: i, sign: -1, e });
  }
  const offsets = new Array<number>(nodes).fill(0);
  const method = new Array<SkewMethod>(nodes).fill('none');
  const seen = new Array<boolean>(nodes).fill(false);
  const group = new Array<number>(nodes).fill(-1);
  // Prim from each unreached node (the reference first): prefer two-way edges, then more samples.
  const roots = [reference, ...Array.from({ length: nodes }, (_, i) => i).filter((i) => i !== reference)];
  for (const root of roots) {
    if (seen[root]) continue;
    seen[root] = true;
    group[root] = root;
    method[root] = root === reference ? 'reference' : 'none';
    const frontier: { from: number; to: number; sign: number; e: Edge }[] = [];
    const grow = (n: number) => {
      for (const a of adj[n]) if (!seen[a.other]) frontier.push({ from: n, to: a.other, sign: a.sign, e: a.e });
    };
    grow(root);
    while (frontier.length > 0) {
      let bi = -1;
      let bestScore = -Infinity;
      for (let k = 0; k < frontier.length; k++) {
        const f = frontier[k];
        if (seen[f.to]) continue;
        const score = (Number.isFinite(f.e.lo) && Number.isFinite(f.e.hi) ? 1e9 : 0) + f.e.n;
        if (score > bestScore || (score === bestScore && f.to < frontier[bi].to)) {
          bestScore = score;
          bi = k;
        }
      }
      if (bi < 0) break;
      const f = frontier[bi];
      frontier.splice(bi, 1);
      // sign 1: f.to is j of the edge, off[to] - off[from] in [lo, hi]; -1: f.to is i, in [-hi, -lo].
      const est = f.sign === 1 ? place(offsets[f.from], f.e.lo, f.e.hi) : place(offsets[f.from], -f.e.hi, -f.e.lo);
      offsets[f.to] = est.v;
      method[f.to] = est.twoWay ? 'two-way' : 'one-way';
      seen[f.to] = true;
      group[f.to] = root;
      grow(f.to);
    }
  }
  // Enforce every constraint by raising the later side; more than `nodes` rounds means a cycle no offsets satisfy.
  let violated = 0;
  const tight = [...tightest.values()];
  for (let round = 0; round <= nodes; round++) {
    let changed = false;
    for (const c of tight) {
      const need = offsets[c.from] + c.d;
      if (offsets[c.to] < need - 1e-9) {
        offsets[c.to] = need;
        changed = true;
      }
    }
    if (!changed) break;
    if (round === nodes) violated = tight.filter((c) => offsets[c.to] < offsets[c.from] + c.d - 1e-9).length || 1;
  }
  if (boots) alignGroupsByBoot(offsets, method, group, boots, reference);
  const shift = offsets[reference] ?? 0;
  for (let i = 0; i < nodes; i++) offsets[i] = Math.round((offsets[i] - shift) * 1000) / 1000;
  return { offsets, method, samples, violated, reference };
}

/** Shifts each group not tied to the reference so that its first boot is the reference group's. */
function alignGroupsByBoot(offsets: number[], method: SkewMethod[], group: number[], boots: readonly number[], reference: number): void {
  const first = new Map<number, number>();
  for (let i = 0; i < offsets.length; i++) {
    const b = boots[i];
    if (!Number.isFinite(b)) continue;
    const at = b + offsets[i];
    if (!(at >= (first.get(group[i]) ?? Infinity))) first.set(group[i], at);
  }
  const anchor = first.get(group[reference]);
  if (anchor === undefined) return;
  for (let i = 0; i < offsets.length; i++) {
    const g = group[i];
    const own = first.get(g);
    if (g === group[reference] || own === undefined) continue;
    offsets[i] += anchor - own;
    method[i] = 'boot';
  }
}
