// The native menu as data (no Electron import): labels, accelerators, roles and the command each
// item sends. menu.ts turns it into an Electron Menu; a unit test checks what is in it.
import type { RecentEntry } from '../../core/contract';

export type MenuCommand =
  | 'file.new'
  | 'file.open'
  | 'file.openApollo'
  | `file.openRecent:${string}`
  | 'file.save'
  | 'file.saveAs'
  | 'file.openTrace'
  | 'file.openRecording'
  | 'file.export'
  | 'edit.undo'
  | 'edit.redo'
  | 'view.toggleTheme'
  | 'help.about';

export interface MenuItemSpec {
  label?: string;
  command?: MenuCommand;
  role?: 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'quit' | 'appMenu' | 'windowMenu';
  accelerator?: string;
  type?: 'separator';
  enabled?: boolean;
  submenu?: MenuItemSpec[];
}

export function buildMenuTemplate(opts: { recent: RecentEntry[]; isMac: boolean; dev: boolean }): MenuItemSpec[] {
  const sep: MenuItemSpec = { type: 'separator' };
  const recent: MenuItemSpec[] = opts.recent.length
    ? opts.recent.map((r) => ({ label: `${r.name} — ${r.path}`, command: `file.openRecent:${r.id}` as const }))
    : [{ label: 'No recent files', enabled: false }];
  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      { label: 'New', command: 'file.new', accelerator: 'CmdOrCtrl+N' },
      { label: 'Open…', command: 'file.open', accelerator: 'CmdOrCtrl+O' },
      { label: 'Open Apollo Project…', command: 'file.openApollo' },
      { label: 'Open Recent', submenu: recent },
      sep,
      { label: 'Save', command: 'file.save', accelerator: 'CmdOrCtrl+S' },
      { label: 'Save As…', command: 'file.saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
      sep,
      { label: 'Open Trace…', command: 'file.openTrace', accelerator: 'CmdOrCtrl+Shift+O' },
      { label: 'Open Recording…', command: 'file.openRecording' },
      { label: 'Export Trace…', command: 'file.export', accelerator: 'CmdOrCtrl+E' },
      ...(opts.isMac ? [] : [sep, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      // Document undo lives in the renderer's history; the menu only forwards the command.
      { label: 'Undo', command: 'edit.undo', accelerator: 'CmdOrCtrl+Z' },
      { label: 'Redo', command: 'edit.redo', accelerator: opts.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      { label: 'Toggle Dark Theme', command: 'view.toggleTheme', accelerator: 'CmdOrCtrl+Shift+D' },
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      ...(opts.dev ? [sep, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemSpec = { label: 'Help', submenu: [{ label: 'About Switchboard', command: 'help.about' }] };
  return [...(opts.isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, ...(opts.isMac ? [{ role: 'windowMenu' as const }] : []), help];
}

/**
 * Commands the renderer handles itself (the host forwards them as `menu.command`). Open
 * Recording… is one: the renderer asks for the dialog and shows the merge report it answers.
 */
export const RENDERER_COMMANDS: ReadonlySet<string> = new Set(['edit.undo', 'edit.redo', 'view.toggleTheme', 'file.openRecording']);
