// Events per second over a sliding window of wall time (for the status bar).
export class RateMeter {
  private samples: { t: number; n: number }[] = [];

  constructor(
    private readonly clock: () => number,
    private readonly windowMs = 1000,
  ) {}

  reset(n: number): void {
    this.samples = [{ t: this.clock(), n }];
  }

  /** Record the current count and return the rate over the window. */
  sample(n: number): number {
    const t = this.clock();
    this.samples.push({ t, n });
    while (this.samples.length > 2 && t - this.samples[1].t >= this.windowMs) this.samples.shift();
    const first = this.samples[0];
    const dt = t - first.t;
    return dt > 0 ? Math.max(0, ((n - first.n) * 1000) / dt) : 0;
  }
}
