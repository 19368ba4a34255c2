// The engine's public surface: what the host, the CLI, the bench and the tests drive.
import type { Project, ScenarioStep } from '../model/schema';
import type { ModRuntimeHost } from '../mods/types';
import type { EventType, TraceEvent, TraceHeader } from '../trace/event';
import type { Halt } from './runaway';

/** Read access to a recorded trace (columnar underneath; `get` materializes one event). */
export interface TraceStore {
  readonly header: TraceHeader;
  /** Events kept (0 when the simulation runs with `record: false`). */
  readonly length: number;
  /** Events made, kept or not (the last seq). */
  readonly total: number;
  /** Events made, by type (counted even when not recorded). */
  countsByType(): Partial<Record<EventType, number>>;
  /** Event at index i (seq = i + 1). */
  get(i: number): TraceEvent;
  /** Events [from, to) as objects (only those still kept). */
  slice(from: number, to?: number): TraceEvent[];
  /** Index of the oldest event still kept (0 unless a live run discarded its oldest). */
  readonly first: number;
  /** Forget events before index i, a chunk at a time; returns the new `first` (the live-run cap). */
  discardBefore(i: number): number;
}

export interface SimulationOptions {
  seed?: number;
  /** Name of a scenario in the project whose steps are scheduled; null/undefined = none. */
  scenario?: string | null;
  /**
   * Record the trace (default true). False: events are only counted (`trace.total`,
   * `trace.countsByType()`), `trace.length` stays 0: for throughput runs and `run --no-trace`.
   */
  record?: boolean;
  /** Runs the project's Python mods (src-main/mods); without it, mod nodes record why they did not run. */
  mods?: ModRuntimeHost;
}

export type CallResult = { ok: true; seq: number } | { ok: false; error: string; seq: number };

/** What a node looks like right now (for inspectors and replay checks). */
export interface NodeState {
  id: string;
  up: boolean;
  /** client: serverId of the lobby/game it is on, null when not on one. */
  server?: number | null;
  playerId?: string | null;
  inTransfer?: boolean;
}

export interface SimulationApi {
  readonly project: Project;
  readonly trace: TraceStore;
  /** Set once the runaway guard stopped the run (a livelock, or its event bound); nothing runs after. */
  readonly halted?: Halt | null;
  /** Virtual now, ms. */
  readonly now: number;
  /** End of the chosen scenario (last step + slack, or its durationMs); 0 without a scenario. */
  readonly scenarioEnd: number;
  /** Time of the next queued item, or undefined when idle. */
  nextTime(): number | undefined;
  /** Process every queued item with time <= t, then set now = t. */
  runUntil(t: number): void;
  /** Process the next queued item (all events it records). Returns false when idle. */
  step(): boolean;
  /** Run the scenario to its end (and whatever it triggers up to then). */
  runScenario(): void;
  /** Inject a documented interface call as if `system` ("namespace/systemName", default the node's first) on `nodeId` made it now. */
  call(nodeId: string, api: string, args: Record<string, unknown>, system?: string): CallResult;
  /** Apply a scenario step now (login, transfer, stop, cut, http, ...), ignoring its `at`. */
  apply(step: ScenarioStep): CallResult;
  nodeState(id: string): NodeState;
  /** Python mods: uses of things not simulated so far, per node id, by dotted name (empty without mods). */
  stubCounts?(): Record<string, Record<string, number>>;
  /** Stop what the run holds outside the engine (mod processes). Idempotent. */
  close(): void;
}
