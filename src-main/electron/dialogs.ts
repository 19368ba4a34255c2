// Native file dialogs for the host (web mode has none and uses upload/download instead).
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../host/host';

const PROJECT_FILTERS = [{ name: 'Switchboard project', extensions: ['json'] }];
const TRACE_FILTERS = [{ name: 'Switchboard trace', extensions: ['ndjson', 'jsonl'] }];

export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  const open = async (filters: typeof PROJECT_FILTERS, title: string) => {
    const w = window();
    const opts = { title, filters, properties: ['openFile' as const] };
    const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  };
  const save = async (filters: typeof PROJECT_FILTERS, title: string, defaultPath: string) => {
    const w = window();
    const opts = { title, filters, defaultPath };
    const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  const openFolder = async () => {
    const w = window();
    // Where the user starts it, the dialog says what opening means: their mods run as their code.
    const opts = {
      title: 'Open Apollo project — its Python mods will run with your rights',
      buttonLabel: 'Open and run its mods',
      message: 'Pick the folder that holds deploy.json. Its mods are your own code and run on this computer with your rights, like your test suite.',
      properties: ['openDirectory' as const],
    };
    const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  };
  return {
    openProject: () => open(PROJECT_FILTERS, 'Open project'),
    openApolloFolder: openFolder,
    saveProject: (def) => save(PROJECT_FILTERS, 'Save project as', def),
    openTrace: () => open(TRACE_FILTERS, 'Open trace'),
    exportTrace: (def) => save(TRACE_FILTERS, 'Export trace', def),
    choosePython: async () => {
      const w = window();
      const opts = {
        title: 'Choose the Python 2.7 that runs Apollo mods',
        message: 'Pick a python2.7 (or python.exe of a Python 2.7.18 install). Mods run in it with your rights.',
        properties: ['openFile' as const, 'showHiddenFiles' as const],
      };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    openRecordingFolder: async () => {
      const w = window();
      const opts = {
        title: 'Open recording — a folder of recorder files',
        message: 'Pick the folder holding the files the recorder mod wrote on each server (*.ndjson); they are merged into one trace.',
        properties: ['openDirectory' as const],
      };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
  };
}
