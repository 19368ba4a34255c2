// Value schemas shared by requests, replies and pushed events.
import { z } from 'zod';
import type { Project } from '../model/schema';
import type { TraceEvent, TraceHeader } from '../trace/event';

/** A problem with a file or a request, located where possible (line is 1-based). */
export const Issue = z.object({ path: z.string(), line: z.number().int().optional(), message: z.string() });
export type Issue = z.infer<typeof Issue>;

/** `conflict`: the file changed on disk since it was opened; the request may be repeated to overwrite. */
export const ErrorCode = z.enum(['invalid-request', 'invalid-file', 'unsupported', 'not-found', 'no-session', 'failed', 'conflict']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractError = z.object({ code: ErrorCode, message: z.string(), issues: z.array(Issue).optional() });
export type ContractError = z.infer<typeof ContractError>;

/** A finding of an Apollo import, named by its file (relative to the Apollo folder) and line. */
export const ImportFinding = z.object({ severity: z.enum(['error', 'warning']), file: z.string(), line: z.number().int().optional(), message: z.string() });
export type ImportFinding = z.infer<typeof ImportFinding>;

/** The document the host holds. `project` is host-validated, so the UI trusts its type. */
export const DocumentState = z.object({
  name: z.string(),
  /** Where Save writes; null for a new, uploaded or recovered-untitled document. */
  path: z.string().nullable(),
  dirty: z.boolean(),
  source: z.enum(['new', 'file', 'upload', 'recovered', 'apollo']),
  project: z.custom<Project>((v) => typeof v === 'object' && v !== null),
  warnings: z.array(Issue),
  /** Set while the document is an Apollo import not yet reopened from its file: the folder and what the import found. */
  apolloImport: z.object({ dir: z.string(), findings: z.array(ImportFinding) }).optional(),
  revision: z.number().int(),
});
export type DocumentState = z.infer<typeof DocumentState>;

export const RecentEntry = z.object({ id: z.string(), name: z.string(), path: z.string(), openedAt: z.number() });
export type RecentEntry = z.infer<typeof RecentEntry>;

/** Unsaved edits found by autosave from an earlier run. */
export const RecoveryOffer = z.object({ id: z.string(), name: z.string(), path: z.string().nullable(), savedAt: z.number() });
export type RecoveryOffer = z.infer<typeof RecoveryOffer>;

export const AppInfo = z.object({
  mode: z.enum(['electron', 'web']),
  version: z.string(),
  /** Electron has native open/save dialogs; the browser uses upload/download instead. */
  nativeDialogs: z.boolean(),
  recovery: z.array(RecoveryOffer),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The Python 2.7 that runs mods (src-main/host/python-setting.ts). */
export const PythonStatus = z.discriminatedUnion('found', [
  z.object({
    found: z.literal(true),
    /** Executable and arguments (`py -2.7`). */
    command: z.string(),
    version: z.string(),
    /** How it was found: --python, SWITCHBOARD_PYTHON, settings, PATH, pyenv, py launcher... */
    source: z.string(),
    chosen: z.string().nullable(),
    commandLine: z.boolean(),
    canChoose: z.boolean(),
  }),
  z.object({
    found: z.literal(false),
    /** What to install, and how to point Switchboard at it. */
    message: z.string(),
    tried: z.array(z.string()),
    chosen: z.string().nullable(),
    commandLine: z.boolean(),
    canChoose: z.boolean(),
  }),
]);
export type PythonStatus = z.infer<typeof PythonStatus>;

export const SessionStatus = z.object({
  sessionId: z.number().int(),
  running: z.boolean(),
  speed: z.number(),
  /** Virtual now, ms. */
  now: z.number(),
  events: z.number().int(),
  eventsPerSec: z.number(),
  scenario: z.string().nullable(),
  scenarioEnd: z.number(),
  seed: z.number(),
  /** The wall-clock driver could not keep up at this speed (virtual time lags). */
  behind: z.boolean(),
  /**
   * `events` written so far; `droppedEvents` of them were in older segment files removed since (the
   * rolling recording keeps the newest); `stopped` when a write failed (e.g. a full disk).
   */
  recording: z
    .object({ file: z.string(), bytes: z.number(), events: z.number().int(), droppedEvents: z.number().int().optional(), stopped: z.boolean().optional() })
    .nullable(),
  /** Index of the oldest event the live session still keeps (older ones were dropped by the cap). */
  firstEvent: z.number().int().optional(),
  /** The live-run cap: how many of the newest events are kept. */
  liveEvents: z.number().int().optional(),
  /** Set when the engine stopped the run (a livelock): Reset to run again. */
  halted: z.object({ reason: z.string(), detail: z.string() }).nullable().optional(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const CallResult = z.union([
  z.object({ ok: z.literal(true), seq: z.number() }),
  z.object({ ok: z.literal(false), error: z.string(), seq: z.number() }),
]);
export type CallResult = z.infer<typeof CallResult>;

export const NodeState = z.object({
  id: z.string(),
  up: z.boolean(),
  server: z.number().nullable().optional(),
  playerId: z.string().nullable().optional(),
  inTransfer: z.boolean().optional(),
});

export const TraceEventValue = z.custom<TraceEvent>((v) => typeof v === 'object' && v !== null);
export const TraceHeaderValue = z.custom<TraceHeader>((v) => typeof v === 'object' && v !== null);

/** What a merge of recorder files (Open recording…) reports: core/merge/report.ts, issues capped. */
export const MergeSummary = z.object({
  servers: z.array(
    z.object({ node: z.string(), kind: z.string(), serverId: z.number().optional(), type: z.string().optional(), segments: z.number(), lines: z.number(), skewMs: z.number(), method: z.string(), samples: z.number() }),
  ),
  originMs: z.number(),
  files: z.number().int(),
  lines: z.number().int(),
  events: z.number().int(),
  inferred: z.number().int(),
  deliveries: z.object({ total: z.number(), byCorrelation: z.number(), byOrder: z.number(), withoutSend: z.number() }),
  rpcs: z.record(z.string(), z.number()),
  clockConflicts: z.number(),
  issueTotal: z.number().int(),
  issueCounts: z.record(z.string(), z.number()),
  /** The first issues by file and line (issueTotal counts all). */
  issues: z.array(z.object({ kind: z.string(), file: z.string(), line: z.number(), message: z.string() })),
});
export type MergeSummary = z.infer<typeof MergeSummary>;

export const TraceInfo = z.object({
  name: z.string(),
  events: z.number().int(),
  header: TraceHeaderValue,
  /** A partial last line (e.g. the writer was killed) was ignored. */
  truncated: z.boolean(),
  /** Lines that were not valid events (skipped); the first of them in `issues`. */
  badLines: z.number().int(),
  issues: z.array(Issue),
  /** Present when the trace was merged from recorder files. */
  merge: MergeSummary.optional(),
});
export type TraceInfo = z.infer<typeof TraceInfo>;
