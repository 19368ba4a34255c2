// The engine's runaway guard. A valid project can loop forever without virtual time passing (two
// nodes answering each other over zero-latency links): `run` would never end and the trace would
// grow until the host runs out of memory. The engine calls `see` for every queue item it processes;
// past `maxEventsPerInstant` items at one virtual instant the run stops with a `livelock` error
// event naming the cycle of nodes and events, and the queue is emptied. `maxEvents` bounds a whole
// run the same way (`switchboard run --max-events`), without an event of its own.
//
// Cheap on the hot path: one comparison of the time and one of the event count per item; the
// items are only looked at (the last SAMPLE of them) once an instant is close to the limit.
import { TYPE_INDEX } from '../trace/recorder';

/** What the guard reads of a queue item (the engine's Message / Timeout / Task). */
export interface ItemView {
  readonly kind: number;
  readonly from?: { readonly id: string } | null;
  readonly to?: { readonly id: string };
  readonly node?: { readonly id: string } | null;
  readonly event?: string;
}

/** The parts of the engine the guard uses when it stops a run. */
export interface HaltTarget {
  now: number;
  cause: number;
  /** Drop everything queued (messages, tasks, timeouts). */
  halt(): void;
  record(type: number, api: number, from: null, to: null, event: undefined, data: unknown, cause: number): number;
  note(seq: number, fields: { reason?: string; detail?: string }): void;
}

export interface Halt {
  reason: 'livelock' | 'max-events';
  /** One sentence for a person: what stopped the run and why. */
  detail: string;
  /** seq of the livelock error event (none for max-events). */
  seq?: number;
}

export interface CycleStep {
  from: string;
  to: string;
  event: string;
}

/** Items kept for naming the cycle. */
const SAMPLE = 256;
export const DEFAULT_MAX_EVENTS_PER_INSTANT = 100_000;

export class RunawayGuard {
  halted: Halt | null = null;
  private t = NaN;
  private n = 0;
  private watchFrom: number;
  private readonly sample: CycleStep[] = [];

  constructor(
    readonly maxPerInstant = DEFAULT_MAX_EVENTS_PER_INSTANT,
    /** Events (trace seqs) after which the run stops; Infinity = no bound. */
    public maxEvents = Infinity,
  ) {
    this.watchFrom = Math.max(0, maxPerInstant - SAMPLE);
  }

  /** Per queue item, before it runs: true when `check` must look at it. `total` = events made so far. */
  see(t: number, total: number): boolean {
    if (t !== this.t) {
      this.t = t;
      this.n = 0;
      this.sample.length = 0;
    }
    return ++this.n > this.watchFrom || total >= this.maxEvents;
  }

  /** Samples the item; true when the run must stop now (the item is not processed). */
  check(engine: HaltTarget, item: ItemView, total: number): boolean {
    if (this.halted) return this.stop(engine);
    if (total >= this.maxEvents) {
      this.halted = { reason: 'max-events', detail: `the run stopped after ${total} events (the limit set for it)` };
      return this.stop(engine);
    }
    this.sample.push(stepOf(item));
    if (this.n <= this.maxPerInstant) return false;
    const cycle = findCycle(this.sample);
    const detail =
      `${this.maxPerInstant} messages and timers at t=${this.t} ms without virtual time passing (options.maxEventsPerInstant): ` +
      (cycle ? `the cycle ${describeCycle(cycle)} repeats` : `no repeating cycle; the last were ${describeCycle(this.sample.slice(-4))}`);
    const data = { t: this.t, items: this.n - 1, cycle: cycle ?? null, maxEventsPerInstant: this.maxPerInstant };
    const seq = engine.record(TYPE_INDEX.error, 0, null, null, undefined, data, engine.cause);
    engine.note(seq, { reason: 'livelock', detail });
    this.halted = { reason: 'livelock', detail, seq };
    return this.stop(engine);
  }

  private stop(engine: HaltTarget): boolean {
    // Halted for good: whatever is queued later (an injected call) stops here too; Reset starts over.
    this.watchFrom = -1;
    engine.halt();
    return true;
  }
}

function stepOf(item: ItemView): CycleStep {
  // Messages name both ends; timers and tasks run on one node.
  if (item.to) return { from: item.from?.id ?? '(engine)', to: item.to.id, event: item.event ?? '' };
  const on = item.node?.id ?? '(scenario)';
  return { from: on, to: on, event: item.kind === 1 ? '(rpc timeout)' : '(task)' };
}

const same = (a: CycleStep, b: CycleStep): boolean => a.from === b.from && a.to === b.to && a.event === b.event;

/**
 * The loop at the end of the sample: the shortest period p with which the whole sample repeats
 * (the usual case: the loop has run for thousands of items), else the shortest p with which its
 * newest 3p steps repeat (a loop that began inside the sample). Undefined when nothing repeats.
 */
export function findCycle(steps: readonly CycleStep[]): CycleStep[] | undefined {
  const k = steps.length;
  for (const whole of [true, false]) {
    for (let p = 1; p * (whole ? 2 : 3) <= k; p++) {
      let ok = true;
      for (let i = whole ? p : k - 2 * p; i < k && ok; i++) ok = same(steps[i], steps[i - p]);
      if (ok) return rotate(steps.slice(k - p));
    }
  }
  return undefined;
}

/** Start a cycle at its smallest step, so the same loop is always told the same way. */
function rotate(cycle: CycleStep[]): CycleStep[] {
  const key = (s: CycleStep) => `${s.from}\u0000${s.to}\u0000${s.event}`;
  let best = 0;
  for (let i = 1; i < cycle.length; i++) if (key(cycle[i]) < key(cycle[best])) best = i;
  return [...cycle.slice(best), ...cycle.slice(0, best)];
}

/** "lobby-b -Ping-> lobby-a -Pong-> lobby-b"; steps that do not chain are separated by "; ". */
export function describeCycle(steps: readonly CycleStep[]): string {
  let out = '';
  let at: string | null = null;
  for (const s of steps) {
    if (at !== s.from) out += `${out ? '; ' : ''}${s.from}`;
    out += ` -${s.event}-> ${s.to}`;
    at = s.to;
  }
  return out;
}
