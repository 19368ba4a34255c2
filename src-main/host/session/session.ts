// A simulation session: one Simulation driven in virtual time by the wall clock. At speed s,
// each real ms advances virtual time by s ms; work per tick is bounded so a busy simulation
// lags (reported as `behind`) instead of freezing the host.
import type { Project } from '../../../core/model/schema';
import type { ScenarioStep } from '../../../core/model/schema';
import type { CallResult, NodeState, SimulationApi, SimulationOptions } from '../../../core/engine/types';
import type { SessionStatus } from '../../../core/contract';
import { TraceRecorder } from './recorder';
import { RateMeter } from './rate-meter';
import type { Halt } from '../../../core/engine/runaway';
import { CHUNK_ROWS } from '../../../core/trace/recorder';

/** Events a live session keeps (in memory, and in its rolling recording) unless told otherwise. */
export const DEFAULT_LIVE_EVENTS = 1_000_000;

/** Where the project lives and which Python runs its mods: what the engine cannot know itself. */
export interface SimulationContext {
  /** The folder relative mod paths start from (the project file's folder); null for an unsaved, mod-less project. */
  projectDir: string | null;
  /** A Python 2.7 the user named (--python, settings); null = find one. */
  python?: string | null;
}

export type SimulationFactory = (project: Project, opts: SimulationOptions, context?: SimulationContext) => SimulationApi;

export interface SessionOptions {
  id: number;
  scenario: string | null;
  seed: number;
  /** Recording file path, or null to not record. */
  recordTo: ((sessionId: number) => string) | null;
  /** Wall clock in ms (injectable for tests). */
  clock?: () => number;
  /** Max real ms of simulation work per tick. */
  budgetMs?: number;
  context?: SimulationContext;
  /**
   * The live-run cap: the newest events kept in memory and in the recording; older ones are
   * dropped (the UI is told). Default DEFAULT_LIVE_EVENTS.
   */
  liveEvents?: number;
}

export class Session {
  sim: SimulationApi;
  running = false;
  speed = 1;
  behind = false;
  recorder: TraceRecorder | null = null;
  /** Why this session is not recording although it was asked to (the file could not be made or written). */
  recordingError: unknown = null;
  private readonly clock: () => number;
  private readonly rate: RateMeter;
  private endNotified = false;
  private haltSeen = false;
  readonly liveEvents: number;

  constructor(
    readonly project: Project,
    private readonly create: SimulationFactory,
    readonly opts: SessionOptions,
  ) {
    this.clock = opts.clock ?? (() => performance.now());
    this.liveEvents = Math.max(1, opts.liveEvents ?? DEFAULT_LIVE_EVENTS);
    this.rate = new RateMeter(this.clock);
    this.sim = this.build();
  }

  get id(): number {
    return this.opts.id;
  }

  run(): void {
    if (!this.running) this.rate.reset(this.sim.trace.length);
    this.running = true;
  }

  pause(): void {
    this.running = false;
  }

  /**
   * Process queued items until at least one trace event is recorded (some items, e.g. timers
   * that find nothing to do, record none). Pauses a running session. False when idle.
   */
  step(): boolean {
    this.running = false;
    const before = this.sim.trace.length;
    for (let i = 0; i < 10_000 && this.sim.trace.length === before; i++) if (!this.sim.step()) return this.sim.trace.length > before;
    return true;
  }

  setSpeed(speed: number): void {
    this.speed = speed;
  }

  call(node: string, api: string, args: Record<string, unknown>, system?: string): CallResult {
    return this.sim.call(node, api, args, system);
  }

  apply(step: ScenarioStep): CallResult {
    return this.sim.apply(step);
  }

  nodeState(id: string): NodeState {
    return this.sim.nodeState(id);
  }

  /**
   * Advance virtual time for `realMs` of wall time. Returns true when the scenario's end was
   * crossed during this call (the session pauses there once; Run continues past it).
   */
  advance(realMs: number, budgetMs = this.opts.budgetMs ?? 12): boolean {
    if (!this.running || realMs <= 0) return false;
    const sim = this.sim;
    const end = sim.scenarioEnd;
    let target = sim.now + realMs * this.speed;
    let reachedEnd = false;
    if (!this.endNotified && end > 0 && sim.now < end && target >= end) {
      target = end;
      reachedEnd = true;
    }
    const deadline = this.clock() + budgetMs;
    this.behind = false;
    for (;;) {
      const next = sim.nextTime();
      if (next === undefined || next > target) {
        sim.runUntil(target);
        break;
      }
      for (let i = 0; i < 256; i++) {
        const n = sim.nextTime();
        if (n === undefined || n > target) break;
        sim.step();
      }
      if (this.clock() > deadline) {
        this.behind = true;
        reachedEnd = false;
        break;
      }
    }
    if (reachedEnd) {
      this.endNotified = true;
      this.running = false;
    }
    return reachedEnd;
  }

  /** The runaway guard's stop (a livelock), once: the host pauses and tells the UI. */
  takeHalt(): Halt | null {
    const h = this.sim.halted ?? null;
    if (!h || this.haltSeen) return null;
    this.haltSeen = true;
    this.running = false;
    return h;
  }

  /**
   * Apply the live-run cap: forget the oldest events beyond `liveEvents` (never ones the recording
   * has not written yet). Work is done a quarter of the cap (at least one trace chunk) at a time.
   * Returns how many events were forgotten by this call.
   */
  trimLiveTrace(): number {
    const trace = this.sim.trace;
    const slack = Math.max(CHUNK_ROWS, this.liveEvents >> 2);
    if (trace.length - trace.first <= this.liveEvents + slack) return 0;
    const before = trace.first;
    const writer = this.recorder && !this.recorder.failed ? this.recorder.eventsWritten : Infinity;
    return trace.discardBefore(Math.min(trace.length - this.liveEvents, writer)) - before;
  }

  /**
   * Write new events to the recording (called by the host several times a second). A write that
   * fails (a full disk) stops the recording for good; the error is rethrown for the host to report
   * (and pause the session). The simulation itself goes on when the user runs it again.
   */
  flushRecording(): void {
    const r = this.recorder;
    if (!r || r.failed) return;
    try {
      r.flush();
    } catch (err) {
      r.abandon(err);
      this.recordingError = err;
      throw err;
    }
  }

  status(): SessionStatus {
    const events = this.sim.trace.length;
    return {
      sessionId: this.id,
      running: this.running,
      speed: this.speed,
      now: this.sim.now,
      events,
      // A paused session produces nothing; the window restarts on Run.
      eventsPerSec: this.running ? this.rate.sample(events) : 0,
      scenario: this.opts.scenario,
      scenarioEnd: this.sim.scenarioEnd,
      seed: this.opts.seed,
      behind: this.behind,
      recording: this.recorder
        ? { file: this.recorder.file, bytes: this.recorder.bytesWritten, events: this.recorder.eventsWritten, droppedEvents: this.recorder.droppedEvents, stopped: this.recorder.failed !== null }
        : null,
      firstEvent: this.sim.trace.first,
      liveEvents: this.liveEvents,
      halted: this.sim.halted ? { reason: this.sim.halted.reason, detail: this.sim.halted.detail } : null,
    };
  }

  /** Stop and finish the recording; returns the error that cut the recording short, if any. */
  close(): unknown {
    this.running = false;
    const r = this.recorder;
    this.recorder = null;
    // Mod runtimes (child processes) end with the session, whatever happens to the recording.
    try {
      this.sim.close();
    } catch {
      /* a runtime that is already gone */
    }
    if (!r || r.failed) return null;
    try {
      r.close();
      return null;
    } catch (err) {
      r.abandon(err);
      return err;
    }
  }

  private build(): SimulationApi {
    const sim = this.create(this.project, { seed: this.opts.seed, scenario: this.opts.scenario, record: true }, this.opts.context);
    this.rate.reset(sim.trace.length);
    this.recorder = null;
    if (this.opts.recordTo) {
      // No recording (a read-only config dir, a full disk) is no reason to refuse the session.
      try {
        // Segments of half the cap, three kept: the files hold between the cap and 1.5 × the cap.
        this.recorder = new TraceRecorder(this.opts.recordTo(this.id), sim.trace, { segmentEvents: Math.ceil(this.liveEvents / 2), keepSegments: 3 });
      } catch (err) {
        this.recordingError = err;
      }
    }
    return sim;
  }
}
