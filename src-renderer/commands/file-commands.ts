// File commands for both shells: native dialogs in Electron, upload/download in the browser.
import { getBridge, BridgeError } from '../bridge';
import { downloadText, downloadUrl, pickTextFile } from '../files/browser-files';
import { useDocumentStore } from '../stores/document-store';
import { useUiStore } from '../stores/ui-store';
import { traceOpened } from '../replay/trace-opened';
import { registerCommand } from './registry';
import { openRecording } from '../recording/open-recording';

const native = () => useUiStore.getState().app?.nativeDialogs === true;

function report(err: unknown): void {
  if (err instanceof BridgeError) {
    useUiStore.getState().notify('error', err.message, err.issues?.slice(0, 5).map((i) => `${i.line ? `line ${i.line}: ` : ''}${i.path} ${i.message}`));
  } else useUiStore.getState().notify('error', err instanceof Error ? err.message : String(err));
}

function confirmDiscard(): boolean {
  const doc = useDocumentStore.getState().doc;
  return !doc?.dirty || window.confirm(`"${doc.name}" has unsaved changes. Discard them?`);
}

export const fileCommands = {
  async newProject() {
    if (confirmDiscard()) await getBridge().request('project.new', {});
  },
  async open() {
    if (!confirmDiscard()) return;
    if (native()) return void (await getBridge().request('project.openDialog', {}));
    const f = await pickTextFile('.json,application/json');
    if (f) await getBridge().request('project.openText', f);
  },
  /** Electron: a folder dialog; web mode: re-imports the folder `serve --apollo DIR` was given. */
  async openApollo() {
    if (!confirmDiscard()) return;
    await getBridge().request('project.openApollo', {});
  },
  async save() {
    const doc = useDocumentStore.getState().doc;
    if (!doc?.path) return fileCommands.saveAs();
    try {
      await getBridge().request('project.save', {});
    } catch (err) {
      // Another program changed the file since it was opened: overwrite only when the user says so.
      if (!(err instanceof BridgeError && err.code === 'conflict')) throw err;
      if (window.confirm(err.message)) await getBridge().request('project.save', { overwrite: true });
    }
  },
  async saveAs() {
    if (native()) return void (await getBridge().request('project.saveAsDialog', {}));
    const out = await getBridge().request('project.serialize', { markClean: true });
    downloadText(out.fileName, out.text);
  },
  async openTrace() {
    if (native()) return traceOpened(await getBridge().request('trace.openDialog', {}));
    const f = await pickTextFile('.ndjson,.jsonl,application/x-ndjson');
    if (f) traceOpened(await getBridge().request('trace.openText', f));
  },
  async exportTrace() {
    if (native()) return void (await getBridge().request('trace.exportDialog', {}));
    // Same-origin download of the session's recording; the cookie authorizes it.
    downloadUrl('switchboard-trace.ndjson', '/recording.ndjson');
  },
};

/** Wraps a command so failures become notices instead of unhandled rejections. */
export function safe(run: () => Promise<void>): () => void {
  return () => void run().catch(report);
}

export function registerFileCommands(): () => void {
  const offs = [
    registerCommand('file.new', safe(fileCommands.newProject)),
    registerCommand('file.open', safe(fileCommands.open)),
    registerCommand('file.openApollo', safe(fileCommands.openApollo)),
    registerCommand('file.save', safe(fileCommands.save)),
    registerCommand('file.saveAs', safe(fileCommands.saveAs)),
    registerCommand('file.openTrace', safe(fileCommands.openTrace)),
    registerCommand('file.openRecording', safe(openRecording)),
    registerCommand('file.export', safe(fileCommands.exportTrace)),
    registerCommand('view.toggleTheme', () => useUiStore.getState().toggleTheme()),
  ];
  return () => offs.forEach((off) => off());
}
