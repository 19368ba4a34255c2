// What each native menu command does. File commands go through the same dispatch (and zod
// validation) as renderer requests, so the menu and the UI cannot drift apart.
import { app, dialog, type BrowserWindow } from 'electron';
import type { Reply, RequestMethod } from '../../core/contract';
import { dispatch } from '../host/dispatch';
import type { Host } from '../host/host';
import { RENDERER_COMMANDS, type MenuCommand } from './menu-template';

export function menuCommandRunner(host: Host, window: () => BrowserWindow | null, clientId: () => number | undefined) {
  const call = async (method: RequestMethod, params: unknown = {}): Promise<void> => {
    const id = clientId();
    if (id === undefined) return;
    const reply: Reply = await dispatch(host, method, params, { clientId: id });
    if (!reply.ok && reply.error.code === 'conflict' && method === 'project.save') {
      // The file changed on disk since it was opened: overwrite only when the user says so.
      if (await confirm(window(), reply.error.message, 'Overwrite')) await call('project.save', { overwrite: true });
      return;
    }
    if (!reply.ok) {
      const w = window();
      const opts = { type: 'error' as const, title: 'Switchboard', message: reply.error.message, detail: reply.error.issues?.map((i) => `${i.line ? `line ${i.line}: ` : ''}${i.path} ${i.message}`).join('\n') };
      if (w) await dialog.showMessageBox(w, opts);
      else await dialog.showMessageBox(opts);
    }
  };

  return async (command: MenuCommand): Promise<void> => {
    if (RENDERER_COMMANDS.has(command)) return host.broadcast({ event: 'menu.command', payload: { command } });
    if (command.startsWith('file.openRecent:')) {
      // Opening another file replaces the document: the same prompt as File > Open.
      if (await confirmDiscard(host, window())) await call('project.openRecent', { id: command.slice('file.openRecent:'.length) });
      return;
    }
    switch (command) {
      case 'file.new':
        if (await confirmDiscard(host, window())) await call('project.new');
        return;
      case 'file.open':
        if (await confirmDiscard(host, window())) await call('project.openDialog');
        return;
      case 'file.openApollo':
        if (await confirmDiscard(host, window())) await call('project.openApollo');
        return;
      case 'file.save':
        return call(host.doc.current.path ? 'project.save' : 'project.saveAsDialog');
      case 'file.saveAs':
        return call('project.saveAsDialog');
      case 'file.openTrace':
        return call('trace.openDialog');
      case 'file.export':
        return call('trace.exportDialog');
      case 'help.about': {
        const w = window();
        const opts = { type: 'info' as const, title: 'About Switchboard', message: `Switchboard ${app.getVersion()}`, detail: 'Simulates NetEase Apollo server messaging.' };
        if (w) await dialog.showMessageBox(w, opts);
        return;
      }
    }
  };
}

async function confirm(win: BrowserWindow | null, message: string, yes: string): Promise<boolean> {
  const opts = { type: 'warning' as const, buttons: [yes, 'Cancel'], defaultId: 1, cancelId: 1, message };
  const r = win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts);
  return r.response === 0;
}

/** True when there are no unsaved edits or the user agrees to drop them (autosave keeps a copy). */
export async function confirmDiscard(host: Host, win: BrowserWindow | null): Promise<boolean> {
  if (!host.doc.current.dirty) return true;
  const opts = { type: 'warning' as const, buttons: ['Discard', 'Cancel'], defaultId: 1, cancelId: 1, message: `"${host.doc.current.name}" has unsaved changes.`, detail: 'Discard them?' };
  const r = win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts);
  return r.response === 0;
}
