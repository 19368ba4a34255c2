// RPC timeouts kept out of the main queue until they matter. Every request with a callback arms a
// timeout, and almost all of them are answered first: in the main binary heap they made it several
// times larger (400,000 dead items for 2,000 calls in flight at 2 s), and every push and pop
// deeper. Timeouts of one duration come due in the order they were armed (the clock never goes
// back), so each duration is a FIFO lane; the engine compares the lanes' heads with the heap's top
// by (time, order), exactly as if they were in the heap. Heads whose RPC already ended are dropped
// as they come up (firing them would do nothing).

/** Distinct durations given lanes; beyond, timeouts go to the main queue. */
export const MAX_LANES = 16;

export class TimeoutLane {
  t = new Float64Array(256);
  order = new Float64Array(256);
  rpc = new Int32Array(256);
  head = 0;
  tail = 0;

  push(t: number, order: number, rpc: number): void {
    if (this.tail === this.t.length) this.make();
    this.t[this.tail] = t;
    this.order[this.tail] = order;
    this.rpc[this.tail] = rpc;
    this.tail++;
  }

  /** Room at the end: slide the live entries down, or grow when most of the lane is live. */
  private make(): void {
    const live = this.tail - this.head;
    if (live * 2 <= this.t.length) {
      this.t.copyWithin(0, this.head, this.tail);
      this.order.copyWithin(0, this.head, this.tail);
      this.rpc.copyWithin(0, this.head, this.tail);
    } else {
      const n = this.t.length * 2;
      const t = new Float64Array(n);
      const order = new Float64Array(n);
      const rpc = new Int32Array(n);
      t.set(this.t.subarray(this.head, this.tail));
      order.set(this.order.subarray(this.head, this.tail));
      rpc.set(this.rpc.subarray(this.head, this.tail));
      this.t = t;
      this.order = order;
      this.rpc = rpc;
    }
    this.head = 0;
    this.tail = live;
  }
}

export class TimeoutLanes {
  readonly lanes: TimeoutLane[] = [];
  private readonly byDuration = new Map<number, TimeoutLane>();

  /** Forget every pending timeout (a halted run). */
  clear(): void {
    this.lanes.length = 0;
    this.byDuration.clear();
  }

  /** The lane for a duration (ms), or null when there are too many durations already. */
  lane(ms: number): TimeoutLane | null {
    let lane = this.byDuration.get(ms);
    if (lane === undefined) {
      if (this.lanes.length >= MAX_LANES) return null;
      lane = new TimeoutLane();
      this.byDuration.set(ms, lane);
      this.lanes.push(lane);
    }
    return lane;
  }

  /**
   * The lane whose live head comes first by (time, order), dropping dead heads on the way
   * (`dead(rpc)` true: firing it would do nothing), or null when every lane is empty.
   */
  first(dead: (rpc: number) => boolean): TimeoutLane | null {
    let best: TimeoutLane | null = null;
    for (let k = 0; k < this.lanes.length; k++) {
      const lane = this.lanes[k];
      while (lane.head < lane.tail && dead(lane.rpc[lane.head])) lane.head++;
      if (lane.head === lane.tail) continue;
      if (best === null) best = lane;
      else {
        const t = lane.t[lane.head];
        const bt = best.t[best.head];
        if (t < bt || (t === bt && lane.order[lane.head] < best.order[best.head])) best = lane;
      }
    }
    return best;
  }
}
