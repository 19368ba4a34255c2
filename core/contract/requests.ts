// Every request the UI can make: its params (validated by the host) and its result.
import { z } from 'zod';
import { ScenarioStep } from '../model/schema';
import { LIMITS } from '../limits';
import type { RequestMethod } from './methods';
import { AppInfo, CallResult, PythonStatus, DocumentState, NodeState, RecentEntry, SessionStatus, TraceEventValue, TraceInfo } from './values';

const none = z.object({}).strict();
const id = z.string().min(1).max(200);
/** Uploaded files travel as text; the cap keeps one message from exhausting the host. */
const fileText = z.string().max(LIMITS.uploadChars);
const fileName = z.string().min(1).max(255);

export const REQUESTS = {
  'app.info': { params: none, result: AppInfo },
  'project.get': { params: none, result: DocumentState },
  'project.new': { params: none, result: DocumentState },
  /** Electron: native dialog; null when cancelled. */
  'project.openDialog': { params: none, result: DocumentState.nullable() },
  /** Browser upload (or drop): the text and its file name; the host never sees a path. */
  'project.openText': { params: z.object({ name: fileName, text: fileText }).strict(), result: DocumentState },
  'project.openRecent': { params: z.object({ id }).strict(), result: DocumentState },
  /**
   * Import an Apollo project (a folder with deploy.json and its mod folders) as an unsaved document
   * saved beside deploy.json by default. Electron: a folder dialog (null when cancelled); web mode:
   * the folder given to `serve --apollo DIR`, re-imported (the browser never names a path).
   */
  'project.openApollo': { params: none, result: DocumentState.nullable() },
  /**
   * Replace the document with an edited project (validated like a file). `scenario`: the scenario
   * the session runs after the edit (e.g. one just renamed); absent keeps the current one if it
   * still exists.
   */
  'project.edit': { params: z.object({ project: z.unknown(), scenario: z.string().min(1).max(200).nullable().optional() }).strict(), result: DocumentState },
  /**
   * Write to the document's own path; refused for documents without one. When the file changed on
   * disk since it was opened, refused with code `conflict` unless `overwrite` (the UI asks first).
   */
  'project.save': { params: z.object({ overwrite: z.boolean().default(false) }).strict(), result: DocumentState },
  'project.saveAsDialog': { params: none, result: DocumentState.nullable() },
  /** The file text for a browser download; markClean after the download was started. */
  'project.serialize': {
    params: z.object({ markClean: z.boolean().default(false) }).strict(),
    result: z.object({ fileName: z.string(), text: z.string() }),
  },
  'recent.list': { params: none, result: z.array(RecentEntry) },
  'recovery.restore': { params: z.object({ id }).strict(), result: DocumentState },
  'recovery.discard': { params: z.object({ id }).strict(), result: z.object({}) },
  /** (Re)create the session from the current document. */
  'session.start': {
    params: z
      .object({
        scenario: z.string().nullable().optional(),
        seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
        record: z.boolean().default(true),
      })
      .strict(),
    result: SessionStatus,
  },
  'session.status': { params: none, result: SessionStatus.nullable() },
  /** Python mods: each use of something not simulated, counted per node id and dotted name. */
  'session.stubCounts': { params: none, result: z.record(z.string(), z.record(z.string(), z.number())) },
  'session.run': { params: none, result: SessionStatus },
  'session.pause': { params: none, result: SessionStatus },
  'session.step': { params: none, result: SessionStatus },
  'session.reset': { params: none, result: SessionStatus },
  'session.speed': { params: z.object({ speed: z.number().min(0.01).max(10000) }).strict(), result: SessionStatus },
  'session.call': {
    params: z
      .object({ node: id, api: z.string().min(1).max(100), args: z.record(z.string(), z.unknown()).default({}), system: z.string().max(400).optional() })
      .strict(),
    result: CallResult,
  },
  'session.apply': { params: z.object({ step: ScenarioStep }).strict(), result: CallResult },
  'session.nodeState': { params: z.object({ id }).strict(), result: NodeState },
  /** The UI processed every pushed event below `upTo` of stream `streamId`. */
  'stream.ack': { params: z.object({ streamId: z.number().int(), upTo: z.number().int().min(0) }).strict(), result: z.object({}) },
  /** Re-read events [from, to) after a skip (at most 5000 per call). */
  'stream.slice': {
    params: z
      .object({ streamId: z.number().int(), from: z.number().int().min(0), to: z.number().int().min(0) })
      .strict()
      .refine((p) => p.to >= p.from && p.to - p.from <= 5000, 'to must be within 5000 after from'),
    result: z.object({ from: z.number().int(), events: z.array(TraceEventValue) }),
  },
  'trace.openDialog': { params: none, result: TraceInfo.nullable() },
  'trace.openText': { params: z.object({ name: fileName, text: fileText }).strict(), result: TraceInfo },
  /** Electron: pick a folder of recorder files (recorder/FORMAT.md), merge them, open the trace; null when cancelled. */
  'recording.openDialog': { params: none, result: TraceInfo.nullable() },
  /**
   * Browser: one recorder file (or the next chunk of it, `append`) of a folder being uploaded,
   * kept by the host under the upload's id until `recording.merge`. `label` is the file's path in
   * the picked folder: only a name for reports, never a path the host opens.
   */
  'recording.upload': {
    params: z.object({ upload: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), label: z.string().min(1).max(1024), text: fileText, append: z.boolean().default(false) }).strict(),
    result: z.object({ files: z.number().int(), bytes: z.number() }),
  },
  /** Browser: merge an upload's files into a trace and open it (progress as trace.progress pushes). */
  'recording.merge': { params: z.object({ upload: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), name: fileName }).strict(), result: TraceInfo },
  /** The Python 2.7 that runs mods; `refresh` looks on the machine again. */
  'python.status': { params: z.object({ refresh: z.boolean().default(false) }).strict(), result: PythonStatus },
  /**
   * Electron: pick a Python 2.7 executable in a native dialog; kept only if it runs as 2.7 (else
   * refused, naming what it is). Null when cancelled. Web mode: refused (`serve --python PATH`).
   */
  'python.choose': { params: none, result: PythonStatus.nullable() },
  /** Forget the chosen Python: find one on the machine again. */
  'python.clear': { params: none, result: PythonStatus },
  /** Electron: save the session's recording where the user picks; null when cancelled. */
  'trace.exportDialog': { params: none, result: z.object({ path: z.string() }).nullable() },
} as const satisfies Record<RequestMethod, { params: z.ZodType; result: z.ZodType }>;

export type Requests = typeof REQUESTS;
export type Params<M extends RequestMethod> = z.input<Requests[M]['params']>;
export type ParsedParams<M extends RequestMethod> = z.output<Requests[M]['params']>;
export type Result<M extends RequestMethod> = z.output<Requests[M]['result']>;
