// The Electron-free host: one open document, one simulation session, an opened trace, and the UI
// clients (windows or browser tabs) it streams to. Electron and web mode are thin shells over it.
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentState, PushMessage, RecentEntry, RecoveryOffer, SessionStatus, TraceInfo } from '../../core/contract';
import type { TraceHeader } from '../../core/trace/event';
import { DocumentStore } from './document';
import { HostError } from './errors';
import { Autosave, type AutosaveOptions } from './files/autosave';
import { FileAccess, type FileAccessPolicy } from './files/file-access';
import { RecentFiles } from './files/recent';
import { ProjectValidator, inlineReader, type ProjectValidatorOptions } from './files/project-validator';
import type { OnStage } from './files/project-file';
import { Session, type SimulationFactory } from './session/session';
import { projectHasMods } from '../../core/mods';
import { findPythonCached } from '../mods/find-python';
import { PythonSetting } from './python-setting';
import { EventStreamer, type EventSource, type StreamerOptions } from './stream/streamer';
import { parseTraceText, readTraceFile, type LoadedTrace } from './trace/trace-reader';
import { folderFiles, mergeToTrace, RecorderUploads, type MergedTrace } from './trace/recording-open';
import { RecordingStore } from './session/recordings';
import type { Project } from '../../core/model/schema';
import { DEPLOY_FILE } from '../../core/apollo';
import { availableProjectFile, importFolder } from '../apollo/import-folder';
import { stringifyJson } from '../../core/json';
import { HostLog, NoticeThrottle, errorDetail, errorText, type FaultSink } from './guard';

export interface HostClient {
  send(message: PushMessage): void;
  /** True while the client cannot take more (its socket's buffer is full): no event batches then. */
  busy?(): boolean;
}

/** Native file dialogs (Electron). Web mode has none: the browser's pickers upload/download instead. */
export interface Dialogs {
  openProject(): Promise<string | null>;
  /** A folder holding deploy.json; the dialog says that its mods run as the user's own code. */
  openApolloFolder(): Promise<string | null>;
  saveProject(defaultName: string): Promise<string | null>;
  openTrace(): Promise<string | null>;
  exportTrace(defaultName: string): Promise<string | null>;
  /** A folder of recorder files (Open recording…). */
  openRecordingFolder?(): Promise<string | null>;
  /** A Python 2.7 executable for mods (kept in the config dir once it runs as 2.7). */
  choosePython?(): Promise<string | null>;
}

export interface HostOptions {
  mode: 'electron' | 'web';
  version: string;
  configDir: string;
  createSimulation: SimulationFactory;
  dialogs?: Dialogs;
  /** Web mode: the Apollo folder given to `serve --apollo DIR` (the browser never names a path). */
  apolloDir?: string;
  /** Wall clock, ms (performance.now by default). */
  clock?: () => number;
  tickMs?: number;
  /** How often the recording is written; well under the 1 s a kill may lose. */
  recordFlushMs?: number;
  statusEveryMs?: number;
  streamer?: StreamerOptions;
  record?: boolean;
  /** A Python 2.7 for projects with mods (--python); null = find one on the machine. */
  python?: string | null;
  /** Which files requests may open and save (default: any in Electron, only chosen ones in web mode). */
  fileAccess?: FileAccessPolicy;
  autosave?: Omit<AutosaveOptions, 'onError'>;
  /** The live-run cap: newest events a session keeps (memory and recording). */
  liveEvents?: number;
  /** Most bytes the recordings folder may hold; the oldest recordings are removed first. */
  recordingsBudgetBytes?: number;
  /** Validating big projects in a worker thread (`false`: always on the event loop). */
  validator?: ProjectValidatorOptions | false;
}

interface Attached {
  client: HostClient;
  streamer: EventStreamer;
}

export class Host implements FaultSink {
  readonly doc: DocumentStore;
  /** <configDir>/host.log: every failure the guards catch, with its stack. */
  readonly log: HostLog;
  private readonly throttle = new NoticeThrottle();
  private readonly capNotified = new Set<number>();
  readonly recent: RecentFiles;
  readonly autosave: Autosave;
  readonly recordings: RecordingStore;
  /** Browser uploads of recorder folders (Open recording… in web mode). */
  readonly recorderUploads: RecorderUploads;
  /** Where a merged recording's trace is written while it is open (removed when closed). */
  private readonly mergedDir: string;
  readonly files: FileAccess;
  /** The Python 2.7 that runs mods: --python, SWITCHBOARD_PYTHON, the user's choice, or found. */
  readonly python: PythonSetting;
  /** Validates big projects off the event loop; null when the host validates inline. */
  readonly validator: ProjectValidator | null;
  session: Session | null = null;
  private trace: (LoadedTrace & { name: string }) | null = null;
  private source: { source: EventSource; streamId: number } | null = null;
  private readonly clients = new Map<number, Attached>();
  private readonly observers = new Set<(message: PushMessage) => void>();
  private nextClientId = 1;
  private nextStreamId = 1;
  private nextSessionId = 1;
  private timer: NodeJS.Timeout | undefined;
  private readonly clock: () => number;
  private lastTick: number;
  private lastFlush: number;
  private lastStatus = -Infinity;
  private statusDirty = true;

  constructor(readonly opts: HostOptions) {
    this.clock = opts.clock ?? (() => performance.now());
    this.lastTick = this.lastFlush = this.clock();
    this.log = new HostLog(path.join(opts.configDir, 'host.log'));
    this.files = new FileAccess(opts.fileAccess ?? (opts.mode === 'web' ? 'chosen' : 'any'));
    this.recent = new RecentFiles(opts.configDir);
    this.python = new PythonSetting(opts.configDir, opts.python ?? null, !!opts.dialogs?.choosePython);
    this.autosave = new Autosave(opts.configDir, {
      ...opts.autosave,
      onError: (err) => this.warn('Autosave', err, 'The edits are kept in memory and autosave retries; Save to keep them for sure.'),
    });
    this.recordings = new RecordingStore(path.join(opts.configDir, 'recordings'), { budgetBytes: opts.recordingsBudgetBytes });
    this.recorderUploads = new RecorderUploads(path.join(opts.configDir, 'uploads'));
    this.mergedDir = path.join(opts.configDir, 'merged');
    this.validator = opts.validator === false ? null : new ProjectValidator({ ...opts.validator, log: (where, detail) => this.log.write('error', where, detail) });
    this.doc = new DocumentStore(
      this.recent,
      this.autosave,
      (s) => this.broadcast({ event: 'document.changed', payload: s }),
      (where, err) => this.warn(where, err),
      this.validator ?? inlineReader,
    );
  }

  /** Start the wall-clock tick (tests may call tick() themselves instead). */
  start(): void {
    if (this.timer) return;
    // Uploads and merged traces a killed host left behind (Open recording…).
    void this.recorderUploads.sweep();
    void fs.promises.rm(this.mergedDir, { recursive: true, force: true }).catch(() => {});
    this.timer = setInterval(() => this.tick(), this.opts.tickMs ?? 16);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.closeSession();
    this.closeTrace();
    await this.autosave.flush().catch(() => {});
    this.autosave.dispose();
    await this.validator?.close();
  }

  // ---- clients --------------------------------------------------------------------------------

  attach(client: HostClient): { id: number; detach: () => void } {
    const id = this.nextClientId++;
    const streamer = new EventStreamer((m) => client.send(m), this.opts.streamer);
    this.clients.set(id, { client, streamer });
    if (this.source) streamer.setSource(this.source.source, this.source.streamId);
    return { id, detach: () => this.clients.delete(id) };
  }

  streamerOf(clientId: number): EventStreamer {
    const a = this.clients.get(clientId);
    if (!a) throw new HostError('failed', 'client is not attached');
    return a.streamer;
  }

  broadcast(message: PushMessage): void {
    // One client that cannot take a message (a closed socket, a destroyed window) must not keep
    // the others from getting it, nor fail the caller.
    for (const [id, { client }] of this.clients) {
      try {
        client.send(message);
      } catch (err) {
        this.log.write('error', `push ${message.event} to client ${id}`, errorDetail(err));
      }
    }
    for (const o of this.observers) {
      try {
        o(message);
      } catch (err) {
        this.log.write('error', `observer of ${message.event}`, errorDetail(err));
      }
    }
  }

  /** Tell every UI something went wrong, without pausing anything (e.g. autosave will retry). */
  warn(where: string, err: unknown, advice = ''): void {
    const what = `${where} failed: ${friendlyError(err)}`;
    // The same failure again and again (a fault in every tick) is one notice and one log entry.
    if (!this.throttle.allow(what, this.clock())) return;
    this.log.write('error', where, errorDetail(err));
    this.broadcast({ event: 'host.notice', payload: { level: 'error', message: `${what}.${advice ? ` ${advice}` : ''}` } });
  }

  /**
   * The guard's end point: a failure in a tick, request or timer becomes an entry in the host's log
   * and an error notice in every UI, and the session pauses (its state may be half-updated).
   * Never throws.
   */
  fail(where: string, err: unknown): void {
    try {
      const s = this.session;
      const wasRunning = s?.running ?? false;
      s?.pause();
      this.statusDirty = true;
      this.warn(where, err, `${wasRunning ? 'The session is paused. ' : ''}Details are in ${this.log.file}.`);
    } catch (again) {
      // Reporting itself failed (out of memory, a broken stderr): nothing sensible is left to do.
      try {
        process.stderr.write(`switchboard: ${where}: ${errorText(err)} (and reporting it failed: ${errorText(again)})\n`);
      } catch {
        /* nothing left */
      }
    }
  }

  /** Watch pushes without being a UI client (no event stream), e.g. to rebuild a native menu. */
  observe(listener: (message: PushMessage) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  // ---- documents ------------------------------------------------------------------------------

  /** Open a project file: one the user chose (see `files`), or from the recent list where allowed. */
  async openFile(file: string): Promise<DocumentState> {
    this.files.check(file, 'open');
    const s = await this.validating(path.basename(file), (onStage) => this.doc.openFile(file, onStage));
    await this.afterOpen();
    return s;
  }

  async openText(name: string, text: string): Promise<DocumentState> {
    const s = await this.validating(name, (onStage) => this.doc.openText(name, text, 'upload', null, null, onStage));
    await this.afterOpen();
    return s;
  }

  /**
   * `project.progress` pushes while a big project validates in the worker (small ones validate
   * inline and report nothing), then one with `done` however it ended.
   */
  private async validating<T>(name: string, open: (onStage: OnStage) => Promise<T>): Promise<T> {
    let last: Parameters<OnStage>[0] | null = null;
    const onStage: OnStage = (stage) => {
      last = stage;
      this.broadcast({ event: 'project.progress', payload: { name, stage, done: false } });
    };
    try {
      return await open(onStage);
    } finally {
      if (last !== null) this.broadcast({ event: 'project.progress', payload: { name, stage: last, done: true } });
    }
  }

  /**
   * Imports an Apollo folder (deploy.json + the mod folders it names) as an unsaved document, saved
   * by default beside deploy.json. Refused when the folder has no readable deploy.json.
   */
  async openApollo(dir: string): Promise<DocumentState> {
    const abs = path.resolve(dir);
    const stat = await fs.promises.stat(abs).catch(() => null);
    if (!stat) throw new HostError('not-found', `No folder ${abs}.`);
    if (!stat.isDirectory()) throw new HostError('invalid-file', `${abs} is not a folder: pick the folder that holds deploy.json.`);
    const target = availableProjectFile(abs);
    // The user chose the folder (a dialog, or `serve --apollo DIR`): its project file may be saved.
    this.files.choose(target.file);
    const r = importFolder(abs, { projectFile: target.file });
    if (!r.hasDeployJson) {
      const why = r.findings.find((f) => f.file === DEPLOY_FILE);
      throw new HostError('invalid-file', `${abs} is not an Apollo project: ${why?.message ?? 'no readable deploy.json'}.`);
    }
    const findings = r.findings.map((f) => ({ severity: f.severity, file: f.file, ...(f.line !== undefined ? { line: f.line } : {}), message: f.message }));
    const s = this.doc.openImported(r.project, target.file, { dir: abs, findings });
    await this.afterOpen();
    const errors = findings.filter((f) => f.severity === 'error').length;
    const servers = r.project.nodes.filter((n) => n.kind !== 'client').length;
    const kept = target.taken ? ` ${path.basename(target.taken)} already exists and is kept; this import saves as ${path.basename(target.file)}.` : '';
    this.broadcast({
      event: 'host.notice',
      payload: {
        level: errors > 0 ? 'error' : 'info',
        message: `Imported "${r.project.name}" from ${abs}: ${servers} servers, ${r.mods.length} mod folders (${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}: see the Log panel). Its mods are your own code and run with your rights, like your test suite.${kept}`,
      },
    });
    return s;
  }

  async newDocument(): Promise<DocumentState> {
    const s = this.doc.newDocument();
    await this.afterOpen();
    return s;
  }

  /**
   * An edit from the UI. When it changes what the session simulates (anything but node positions,
   * descriptive text and scenarios the session does not run), the session restarts on the edited
   * project so Run uses it. `scenario`, when given, is what the session runs from now on (a renamed
   * scenario keeps running under its new name; null runs none).
   */
  async edit(project: unknown, scenario?: string | null): Promise<DocumentState> {
    if (typeof scenario === 'string' && !scenarioNames(project).includes(scenario)) {
      throw new HostError('not-found', `The edited project has no scenario named "${scenario}".`);
    }
    const s = await this.doc.edit(project);
    const session = this.session;
    if (!session) return s;
    const o = session.opts;
    const next = scenario !== undefined ? scenario : o.scenario !== null && s.project.scenarios.some((x) => x.name === o.scenario) ? o.scenario : null;
    if (next !== o.scenario || simulationKey(session.project, o.scenario) !== simulationKey(s.project, next)) {
      this.startSession({ scenario: next, seed: o.seed, record: o.recordTo !== null }, session.speed);
    }
    return s;
  }

  async save(overwrite = false): Promise<DocumentState> {
    const file = this.doc.current.path;
    if (file) this.files.check(file, 'save');
    const s = await this.doc.save(overwrite);
    this.broadcast({ event: 'recent.changed', payload: await this.recentList() });
    return s;
  }

  async saveAs(file: string): Promise<DocumentState> {
    this.files.check(file, 'save');
    const s = await this.doc.saveAs(file);
    this.broadcast({ event: 'recent.changed', payload: await this.recentList() });
    return s;
  }

  /** The recent files a UI may open here (web mode: only those chosen in this run). */
  async recentList(): Promise<RecentEntry[]> {
    return (await this.recent.list()).filter((e) => this.files.allows(e.path));
  }

  async recoveryOffers(): Promise<RecoveryOffer[]> {
    return this.autosave.offers();
  }

  async restore(id: string): Promise<DocumentState> {
    const slot = await this.autosave.read(id);
    if (!slot) throw new HostError('not-found', 'That autosave no longer exists.');
    // Web mode saves only files chosen in this run: elsewhere the recovered copy is downloaded.
    const docPath = slot.path !== null && this.files.allows(slot.path) ? slot.path : null;
    const s = await this.validating(slot.name, (onStage) => this.doc.openText(slot.name, slot.text, 'recovered', docPath, slot.diskHash ?? null, onStage));
    await this.autosave.clear(id);
    // Keep the recovered edits safe until the user saves them.
    this.autosave.schedule(s.path, s.name, () => slot.text, slot.diskHash ?? null);
    await this.afterOpen();
    return s;
  }

  private async afterOpen(): Promise<void> {
    this.startSession({ scenario: undefined, seed: undefined, record: this.opts.record ?? true });
    this.broadcast({ event: 'recent.changed', payload: await this.recentList() });
  }

  // ---- session --------------------------------------------------------------------------------

  private closeSession(): void {
    const s = this.session;
    this.session = null;
    const file = s?.recorder?.file;
    const err = s?.close();
    if (file) this.recordings.finished(file);
    if (err) this.warn(`Finishing the recording ${file ?? ''}`.trim(), err);
  }

  startSession(p: { scenario?: string | null; seed?: number; record: boolean }, speed = 1): SessionStatus {
    this.closeSession();
    const project = this.doc.current.project;
    const scenario = p.scenario === undefined ? (project.scenarios[0]?.name ?? null) : p.scenario;
    if (scenario !== null && !project.scenarios.some((s) => s.name === scenario)) throw new HostError('not-found', `No scenario named "${scenario}" in ${project.name}.`);
    const session = new Session(project, this.opts.createSimulation, {
      id: this.nextSessionId++,
      scenario,
      seed: p.seed ?? 1,
      recordTo: p.record ? () => this.recordings.newFile(project.name) : null,
      clock: this.clock,
      // Where the project's relative mod folders resolve from (an unsaved import: beside deploy.json).
      context: { projectDir: this.doc.baseDir, python: this.python.path },
      liveEvents: this.opts.liveEvents,
    });
    if (projectHasMods(project)) {
      const py = findPythonCached(this.python.path);
      if (!py.ok) this.broadcast({ event: 'host.notice', payload: { level: 'error', message: `This project's mods cannot run: ${py.message} Everything else simulates; the Log panel names the servers whose mods did not start.` } });
    }
    session.setSpeed(speed);
    this.session = session;
    if (session.recordingError) this.warn('Starting the recording', session.recordingError, 'The session runs without one.');
    this.closeTrace();
    this.streamSession();
    return this.status();
  }

  resetSession(): SessionStatus {
    const s = this.requireSession();
    return this.startSession({ scenario: s.opts.scenario, seed: s.opts.seed, record: s.opts.recordTo !== null }, s.speed);
  }

  requireSession(): Session {
    if (!this.session) throw new HostError('no-session', 'No simulation session: open a project first.');
    return this.session;
  }

  status(): SessionStatus {
    this.statusDirty = true;
    return this.requireSession().status();
  }

  private streamSession(): void {
    const session = this.session as Session;
    this.setSource({
      kind: 'session',
      name: session.project.name,
      get header(): TraceHeader {
        return session.sim.trace.header;
      },
      length: () => session.sim.trace.length,
      first: () => session.sim.trace.first,
      slice: (from, to) => session.sim.trace.slice(from, to),
    });
  }

  private setSource(source: EventSource): void {
    this.source = { source, streamId: this.nextStreamId++ };
    for (const a of this.clients.values()) a.streamer.setSource(source, this.source.streamId);
  }

  // ---- traces ---------------------------------------------------------------------------------

  async openTraceFile(file: string): Promise<TraceInfo> {
    const name = path.basename(file);
    const t = await readTraceFile(file, name, this.progress(name));
    return this.showTrace(name, t);
  }

  async openTraceText(name: string, text: string): Promise<TraceInfo> {
    return this.showTrace(name, await parseTraceText(text, name, this.progress(name)));
  }

  /** Open recording… from a folder: its recorder files merged into the trace shown. */
  async openRecordingFolder(dir: string): Promise<TraceInfo> {
    const name = path.basename(dir);
    return this.showTrace(name, await mergeToTrace(await folderFiles(dir), name, this.mergedDir, this.progress(`${name} (merging)`)));
  }

  /** Open recording… in a browser: the uploaded files merged, then the upload removed. */
  async mergeRecordingUpload(id: string, name: string): Promise<TraceInfo> {
    const { files, done } = this.recorderUploads.take(id);
    try {
      return this.showTrace(name, await mergeToTrace(files, name, this.mergedDir, this.progress(`${name} (merging)`)));
    } finally {
      await done();
    }
  }

  private showTrace(name: string, t: LoadedTrace | MergedTrace): TraceInfo {
    this.session?.pause();
    this.closeTrace();
    this.trace = { ...t, name };
    const file = t.file;
    this.setSource({ kind: 'trace', name, header: t.header, length: () => file.length, slice: (from, to) => file.slice(from, to) });
    return { name, events: file.length, header: t.header, truncated: t.truncated, badLines: t.badLines, issues: t.issues, ...('merge' in t ? { merge: t.merge } : {}) };
  }

  /** Release an opened trace's file. */
  private closeTrace(): void {
    this.trace?.close();
    this.trace = null;
  }

  /** Progress pushes, at most ~10 a second plus the final one. */
  private progress(name: string): (loaded: number, total: number) => void {
    let last = -Infinity;
    return (loaded, total) => {
      const now = this.clock();
      const done = loaded >= total;
      if (!done && now - last < 100) return;
      last = now;
      this.broadcast({ event: 'trace.progress', payload: { name, loaded, total, done } });
    };
  }

  async exportRecording(target: string): Promise<void> {
    const s = this.requireSession();
    if (!s.recorder) throw new HostError('unsupported', 'This session is not being recorded.');
    this.flushRecording(s);
    await s.recorder.copyTo(target);
  }

  // ---- the tick -------------------------------------------------------------------------------

  /** One tick of the wall clock. Never throws: failures go to fail() (the session pauses). */
  tick(): void {
    const now = this.clock();
    try {
      this.tickSession(now);
    } catch (err) {
      this.fail('The simulation tick', err);
    }
    for (const [id, a] of this.clients) {
      try {
        if (!a.client.busy?.()) a.streamer.pump(now);
      } catch (err) {
        this.fail(`Streaming events to client ${id}`, err);
      }
    }
  }

  /** Write what the session recorded so far (before a download of the recording). Never throws. */
  flushRecordingOf(s: Session): void {
    this.flushRecording(s);
  }

  /** A recording that cannot be written (a full disk) stops; the session pauses and the UI is told. */
  private flushRecording(s: Session): void {
    try {
      s.flushRecording();
    } catch (err) {
      this.fail(`Recording to ${s.recorder?.file ?? 'the recording file'}`, err);
    }
  }

  /** The live-run cap; the first time a session drops events, every UI is told. */
  private trimLiveTrace(s: Session): void {
    if (s.trimLiveTrace() > 0 && !this.capNotified.has(s.id)) {
      this.capNotified.add(s.id);
      const where = s.recorder && !s.recorder.failed ? 'in memory and in the recording' : 'in memory';
      this.broadcast({
        event: 'host.notice',
        payload: { level: 'info', message: `This live run keeps its newest ${s.liveEvents.toLocaleString('en-US')} events ${where}; older events were dropped (the live-run cap).` },
      });
    }
  }

  private tickSession(now: number): void {
    // Cap the step so a stalled event loop (sleep, debugger) does not jump virtual time far ahead.
    const dt = Math.min(now - this.lastTick, 250);
    this.lastTick = now;
    const s = this.session;
    if (s) {
      const wasRunning = s.running;
      const ended = s.advance(dt);
      if (ended) this.broadcast({ event: 'host.notice', payload: { level: 'info', message: `Scenario "${s.opts.scenario}" reached its end; Run continues past it.` } });
      const halt = s.takeHalt();
      if (halt) {
        this.statusDirty = true;
        this.log.write('error', 'the engine stopped the run', halt.detail);
        this.broadcast({ event: 'host.notice', payload: { level: 'error', message: `The run stopped (${halt.reason}): ${halt.detail}. Reset to run again.` } });
      }
      if (now - this.lastFlush >= (this.opts.recordFlushMs ?? 200)) {
        this.lastFlush = now;
        this.flushRecording(s);
        this.trimLiveTrace(s);
      }
      const every = this.opts.statusEveryMs ?? 250;
      if ((s.running || wasRunning || this.statusDirty) && now - this.lastStatus >= every) {
        this.lastStatus = now;
        this.statusDirty = false;
        this.broadcast({ event: 'session.status', payload: s.status() });
      }
    }
  }
}

/** What an errno means to a user ("the disk is full"), then the system's own words. */
export function friendlyError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EIO: 'an input/output error',
    EMFILE: 'too many open files',
  };
  const text = errorText(err);
  return typeof code === 'string' && why[code] ? `${why[code]} (${text})` : text;
}

/**
 * The parts of a project a session running `scenario` depends on: not positions or descriptions
 * (only drawn), not the other scenarios (only run when picked).
 */
function simulationKey(p: Project, scenario: string | null): string {
  return stringifyJson({ ...p, name: '', description: '', nodes: p.nodes.map(({ position: _p, ...n }) => n), scenarios: p.scenarios.filter((x) => x.name === scenario) });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function scenarioNames(project: unknown): string[] {
  const list = (project as { scenarios?: unknown } | null)?.scenarios;
  return Array.isArray(list) ? list.flatMap((x) => (typeof (x as { name?: unknown } | null)?.name === 'string' ? [(x as { name: string }).name] : [])) : [];
}
