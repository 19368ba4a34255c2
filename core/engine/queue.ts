// Binary min-heap keyed by (time, order): the discrete-event scheduler's queue. Items are plain
// objects; `order` is a global insertion counter, so equal times pop in insertion order (FIFO).
export interface Scheduled {
  t: number;
  order: number;
}

export class EventQueue<T extends Scheduled> {
  private heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  push(item: T): void {
    const h = this.heap;
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

  pop(): T | undefined {
    const h = this.heap;
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

  clear(): void {
    this.heap = [];
  }
}
