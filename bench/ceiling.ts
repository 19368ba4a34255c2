// Bare-heap ceilings (issue 12): for each engine workload, the same traffic shape driven by nothing
// but a binary min-heap on (time, insertion order) and the same PRNG: what scheduling alone costs,
// with no routing, copies, handlers or trace. Measured in the same process and round as the engine,
// so `engine.<workload>_vs_ceiling` stays meaningful on a shared, noisy machine. This heap is the
// bench's own and never changes with the engine (a faster engine queue must not move the ceiling).
import { Random } from '../core/engine/random';

interface Item {
  t: number;
  order: number;
  /** Who the item belongs to (client, caller) and, for RPC, which leg it is. */
  who: number;
  leg: number;
}

class Heap {
  private h: Item[] = [];
  get size(): number {
    return this.h.length;
  }
  peek(): Item | undefined {
    return this.h[0];
  }
  push(item: Item): void {
    const h = this.h;
    let i = h.length;
    h.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (parent.t < item.t || (parent.t === item.t && parent.order < item.order)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = item;
  }
  pop(): Item | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    const n = h.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && (h[r].t < h[l].t || (h[r].t === h[l].t && h[r].order < h[l].order))) c = r;
      const child = h[c];
      if (last.t < child.t || (last.t === child.t && last.order < child.order)) break;
      h[i] = child;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

/** One hop of the bench topology: 5 ms + up to 2 ms of jitter. */
const hop = (rng: Random): number => 5 + 2 * rng.next();

/**
 * Point ping-pong: `clients` messages in flight, each taking two hops (client → proxy → server, and
 * back); every arrival sends the next one. Returns messages per second.
 */
export function ceilingPoint(clients: number, messages: number): number {
  const rng = new Random(7);
  const q = new Heap();
  let order = 0;
  for (let c = 0; c < clients; c++) q.push({ t: 1 + hop(rng) + hop(rng), order: ++order, who: c, leg: 0 });
  const start = performance.now();
  let n = 0;
  while (n < messages) {
    const m = q.pop() as Item;
    n++;
    q.push({ t: m.t + hop(rng) + hop(rng), order: ++order, who: m.who, leg: 0 });
  }
  return (n / (performance.now() - start)) * 1000;
}

/**
 * RPC: `callers × perCaller` calls outstanding; a request takes one hop to its service, the
 * response one hop back, and each completed call starts the next. Returns round trips per second.
 */
export function ceilingRpc(callers: number, perCaller: number, roundTrips: number): number {
  const rng = new Random(7);
  const q = new Heap();
  let order = 0;
  for (let c = 0; c < callers * perCaller; c++) q.push({ t: 1 + hop(rng), order: ++order, who: c, leg: 0 });
  const start = performance.now();
  let done = 0;
  while (done < roundTrips) {
    const m = q.pop() as Item;
    if (m.leg === 0) q.push({ t: m.t + hop(rng), order: ++order, who: m.who, leg: 1 });
    else {
      done++;
      q.push({ t: m.t + hop(rng), order: ++order, who: m.who, leg: 0 });
    }
  }
  return (done / (performance.now() - start)) * 1000;
}

/**
 * Broadcast: per round, each of `senders` fans out to `targets` receivers (one hop each), then the
 * clock moves 10 ms and every arrival due is popped. Returns deliveries per second.
 */
export function ceilingBroadcast(senders: number, targets: number, rounds: number): number {
  const rng = new Random(7);
  const q = new Heap();
  let order = 0;
  let now = 1;
  const start = performance.now();
  let delivered = 0;
  for (let r = 0; r < rounds; r++) {
    for (let s = 0; s < senders; s++) for (let k = 0; k < targets; k++) q.push({ t: now + hop(rng), order: ++order, who: k, leg: 0 });
    now += 10;
    for (let m = q.peek(); m && m.t <= now; m = q.peek()) {
      q.pop();
      delivered++;
    }
  }
  return (delivered / (performance.now() - start)) * 1000;
}
