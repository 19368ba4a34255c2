// The overlay's virtual clock: the host's `now` as last reported, advanced by wall time × speed
// while running, and eased toward its target so a step or a status update moves messages smoothly
// instead of jumping. Read once per animation frame; never React state.
export class PlayClock {
  private anchorNow = 0;
  private anchorWall = 0;
  private running = false;
  private speed = 1;
  private shown = 0;
  private lastWall: number | null = null;

  constructor(private readonly easeMs = 120) {}

  sync(now: number, running: boolean, speed: number, wall: number): void {
    this.anchorNow = now;
    this.anchorWall = wall;
    this.running = running;
    this.speed = speed;
  }

  get rate(): number {
    return this.speed;
  }

  target(wall: number): number {
    return this.running ? this.anchorNow + Math.max(0, wall - this.anchorWall) * this.speed : this.anchorNow;
  }

  /** Virtual time to draw at wall time `wall`. */
  tick(wall: number): number {
    const target = this.target(wall);
    const dt = this.lastWall === null ? Infinity : Math.max(0, wall - this.lastWall);
    this.lastWall = wall;
    // Backwards (a reset) or far away (a long jump): no easing.
    if (target < this.shown - 1e-6 || Math.abs(target - this.shown) > 5000 * Math.max(1, this.speed)) this.shown = target;
    else this.shown += (target - this.shown) * (1 - Math.exp(-dt / this.easeMs));
    if (Math.abs(target - this.shown) < 0.01) this.shown = target;
    return this.shown;
  }
}

export const playClock = new PlayClock();
