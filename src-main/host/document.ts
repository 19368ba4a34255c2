// The open document: the project the host holds, where it lives, and whether it has unsaved edits.
// Every change goes through here so saving, autosave and recent files stay consistent.
import path from 'node:path';
import type { Project } from '../../core/model/schema';
import { Options, PROJECT_FORMAT, PROJECT_VERSION } from '../../core/model/schema';
import type { DocumentState, ImportFinding, Issue } from '../../core/contract';
import { rebaseProject } from '../apollo/rebase';
import { HostError } from './errors';
import { Autosave } from './files/autosave';
import { parseProjectText, serializeProject, writeProjectFile, projectFileName, type OnStage } from './files/project-file';
import { inlineReader, type ProjectReader } from './files/project-validator';
import { removeStaleTemps } from './files/atomic-write';
import type { RecentFiles } from './files/recent';
import { stringifyJson } from '../../core/json';
import { diskHash } from './files/save-file';

export function emptyProject(name = 'Untitled'): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    options: Options.parse({}),
    nodes: [],
    links: [],
    scenarios: [],
  };
}

export class DocumentStore {
  private state: DocumentState = { name: 'Untitled', path: null, dirty: false, source: 'new', project: emptyProject(), warnings: [], revision: 0 };
  /** The folder the project's relative paths (mod folders, apollo.root) resolve against; null when unknown. */
  private base: string | null = null;
  /**
   * What the document's file held when it was opened or last saved (sha256), so Save notices a
   * change another program made in between; null when unknown (the file did not exist).
   */
  private disk: { path: string; hash: string | null } | null = null;
  /** Opens started so far: an open whose validation ends after a later open began is dropped. */
  private opens = 0;
  /** Documents put in place so far: an edit validated for an earlier document is dropped. */
  private documents = 0;
  /** The edit being validated (the next one waits for it). */
  private edits: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly recent: RecentFiles,
    private readonly autosave: Autosave,
    private readonly onChange: (s: DocumentState) => void,
    /** A side job failed (the recent list could not be written): reported, never a reason to fail. */
    private readonly onSideError: (where: string, err: unknown) => void = () => {},
    /** How opened files and uploads are validated (big ones off the event loop: project-validator.ts). */
    private readonly reader: ProjectReader = inlineReader,
  ) {}

  get current(): DocumentState {
    return this.state;
  }

  /** Where the project's relative mod paths point from: its file's folder (or, unsaved, where it will be saved). */
  get baseDir(): string | null {
    return this.base;
  }

  newDocument(): DocumentState {
    this.opens++;
    this.documents++;
    this.base = null;
    this.disk = null;
    return this.replace({ name: 'Untitled', path: null, dirty: false, source: 'new', project: emptyProject(), warnings: [] });
  }

  /**
   * An imported Apollo project: unsaved (dirty), with `defaultPath` beside deploy.json as where Save
   * writes; its mod paths are relative to that file's folder.
   */
  openImported(project: Project, defaultPath: string, apollo: { dir: string; findings: ImportFinding[] }): DocumentState {
    const r = parseProjectText(serializeProject(project));
    if (!r.ok) throw invalid('the imported project', r.errors);
    this.opens++;
    this.documents++;
    const abs = path.resolve(defaultPath);
    this.base = path.dirname(abs);
    // Not on disk yet: a file that appears there before Save is another program's (a conflict).
    this.disk = { path: abs, hash: null };
    // No autosave yet: the import can be made again from the folder; edits autosave as usual.
    return this.replace({ name: r.project.name, path: abs, dirty: true, source: 'apollo', project: r.project, warnings: r.warnings, apolloImport: apollo });
  }

  async openFile(file: string, onStage?: OnStage): Promise<DocumentState> {
    const abs = path.resolve(file);
    const ticket = ++this.opens;
    const r = await this.reader.readFile(abs, onStage).catch((err: NodeJS.ErrnoException) => {
      if (err instanceof HostError) throw err;
      throw new HostError(err.code === 'ENOENT' ? 'not-found' : 'failed', `Cannot read ${abs}: ${err.message}`);
    });
    if (!r.ok) throw invalid(path.basename(abs), r.errors);
    this.latest(ticket, path.basename(abs));
    await removeStaleTemps(abs);
    await this.addRecent(abs, r.project.name);
    this.base = path.dirname(abs);
    this.disk = { path: abs, hash: r.hash ?? null };
    return this.replace({ name: r.project.name, path: abs, dirty: false, source: 'file', project: r.project, warnings: r.warnings });
  }

  private async addRecent(file: string, name: string): Promise<void> {
    try {
      await this.recent.add(file, name);
    } catch (err) {
      this.onSideError('Updating the recent files list', err);
    }
  }

  /** The hash of the document's file as the document last saw it (kept in autosave slots). */
  get diskHash(): string | null {
    return this.disk && this.disk.path === this.state.path ? this.disk.hash : null;
  }

  /**
   * An open that finished validating after a later one began would replace what the user opened
   * last: it is dropped instead.
   */
  private latest(ticket: number, name: string): void {
    if (ticket !== this.opens) throw new HostError('failed', `Opening ${name} was cancelled: another project was opened meanwhile.`);
    this.documents++;
  }

  /** An uploaded file: it has no path, so it must be downloaded (or saved via a dialog) to keep it. */
  async openText(
    fileName: string,
    text: string,
    source: 'upload' | 'recovered' = 'upload',
    docPath: string | null = null,
    docHash: string | null = null,
    onStage?: OnStage,
  ): Promise<DocumentState> {
    const ticket = ++this.opens;
    const r = await this.reader.readText(text, fileName, onStage);
    if (!r.ok) throw invalid(fileName, r.errors);
    this.latest(ticket, fileName);
    this.base = docPath === null ? null : path.dirname(path.resolve(docPath));
    this.disk = docPath === null ? null : { path: docPath, hash: docHash };
    return this.replace({ name: r.project.name, path: docPath, dirty: source === 'recovered', source, project: r.project, warnings: r.warnings });
  }

  /**
   * An edit from the UI, validated like an upload (a big project off the event loop). Edits apply in
   * the order they came; one that finishes after another project was opened is dropped.
   */
  edit(project: unknown): Promise<DocumentState> {
    const ticket = this.documents;
    const text = stringifyJson(project);
    const done = this.edits.then(async () => {
      const r = await this.reader.readText(text, 'the edited project');
      if (!r.ok) throw invalid('the edited project', r.errors);
      if (ticket !== this.documents) throw new HostError('failed', 'The edit was dropped: another project was opened meanwhile.');
      const s = this.replace({ ...this.state, name: r.project.name, dirty: true, project: r.project, warnings: r.warnings });
      this.autosave.schedule(s.path, s.name, () => serializeProject(this.state.project), this.diskHash);
      return s;
    });
    this.edits = done.catch(() => {});
    return done;
  }

  /**
   * Write to the document's own file. When another program changed that file since it was opened
   * (or last saved), refuse with a `conflict` unless `overwrite`: the UI asks the user first.
   */
  async save(overwrite = false): Promise<DocumentState> {
    const file = this.state.path;
    if (!file) throw new HostError('unsupported', 'This project has no file yet: use Save As (in the browser: Download).');
    if (!overwrite && this.disk && this.disk.path === file) {
      const now = await diskHash(file);
      if (now !== null && now !== this.disk.hash) {
        throw new HostError('conflict', `${path.basename(file)} was changed on disk by another program since it was opened. Overwrite it with this version?`);
      }
    }
    return this.saveAs(file);
  }

  /**
   * Writes the project to `file`. Moving it to another folder re-bases its relative mod paths, so
   * they still name the same mod folders from the new place.
   */
  async saveAs(file: string): Promise<DocumentState> {
    const abs = path.resolve(file);
    const before = this.state;
    const from = this.base;
    const to = path.dirname(abs);
    const moved = (p: Project): Project => (from === null ? p : rebaseProject(p, from, to));
    const written = moved(before.project);
    const hash = await writeProjectFile(abs, written);
    this.disk = { path: abs, hash };
    await this.autosave.clear(Autosave.slotId(before.path));
    if (before.path !== abs) await this.autosave.clear(Autosave.slotId(abs));
    await this.addRecent(abs, before.project.name);
    // Edits made while writing stay dirty (and are re-based like the rest).
    const dirty = this.state.revision !== before.revision;
    const project = this.state.project === before.project ? written : moved(this.state.project);
    this.base = to;
    return this.replace({ ...this.state, project, path: abs, source: 'file', dirty });
  }

  serialize(markClean: boolean): { fileName: string; text: string } {
    const out = { fileName: projectFileName(this.state.project), text: serializeProject(this.state.project) };
    if (markClean && this.state.dirty) {
      void this.autosave.clear(Autosave.slotId(this.state.path));
      this.replace({ ...this.state, dirty: false });
    }
    return out;
  }

  private replace(next: Omit<DocumentState, 'revision'>): DocumentState {
    this.state = { ...next, revision: this.state.revision + 1 };
    this.onChange(this.state);
    return this.state;
  }
}

function invalid(what: string, errors: Issue[]): HostError {
  const first = errors[0];
  const where = first ? `${first.line !== undefined ? `line ${first.line}, ` : ''}${first.path || 'file'}: ${first.message}` : 'unknown problem';
  return new HostError('invalid-file', `${what} is not a valid Switchboard project (${where})`, errors);
}
