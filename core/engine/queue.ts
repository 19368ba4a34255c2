// Binary min-heap keyed by (time, order): the discrete-event scheduler's queue. `order` is a global
// insertion counter, so equal times pop in insertion order (FIFO). The keys live in two typed arrays
// beside the items, so sifting compares numbers in contiguous memory instead of reading each
// item object (items are scattered in the heap: every comparison was a likely cache miss).
export interface Scheduled {
  t: number;
  order: number;
}

export class EventQueue<T extends Scheduled> {
  private items: (T | undefined)[] = [];
  private ts = new Float64Array(1024);
  private os = new Float64Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  peek(): T | undefined {
    return this.n > 0 ? this.items[0] : undefined;
  }

  push(item: T): void {
    if (this.n === this.ts.length) {
      const ts = new Float64Array(this.n * 2);
      ts.set(this.ts);
      this.ts = ts;
      const os = new Float64Array(this.n * 2);
      os.set(this.os);
      this.os = os;
    }
    const items = this.items;
    const ts = this.ts;
    const os = this.os;
    const t = item.t;
    const o = item.order;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ts[p];
      if (pt < t || (pt === t && os[p] < o)) break;
      items[i] = items[p];
      ts[i] = pt;
      os[i] = os[p];
      i = p;
    }
    items[i] = item;
    ts[i] = t;
    os[i] = o;
  }

  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const items = this.items;
    const ts = this.ts;
    const os = this.os;
    const top = items[0];
    const n = --this.n;
    const last = items[n] as T;
    items[n] = undefined;
    if (n === 0) return top;
    const t = ts[n];
    const o = os[n];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let ct = ts[l];
      if (r < n) {
        const rt = ts[r];
        if (rt < ct || (rt === ct && os[r] < os[l])) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && o < os[c])) break;
      items[i] = items[c];
      ts[i] = ct;
      os[i] = os[c];
      i = c;
    }
    items[i] = last;
    ts[i] = t;
    os[i] = o;
    return top;
  }

  clear(): void {
    this.items = [];
    this.n = 0;
  }
}
