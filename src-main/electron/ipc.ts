// The IPC side of the contract: one invoke channel in, one push channel out, per window.
import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../core/contract';
import { dispatch } from '../host/dispatch';
import type { Host } from '../host/host';
import { parseIpcEnvelope } from './ipc-validate';

export function registerIpc(host: Host, clientOf: (webContentsId: number) => number | undefined): void {
  ipcMain.handle(IPC_REQUEST_CHANNEL, async (event, raw: unknown) => {
    const env = parseIpcEnvelope(event.senderFrame?.url, raw);
    if (!env.ok) return env.reply;
    const clientId = clientOf(event.sender.id);
    if (clientId === undefined) return { ok: false, error: { code: 'invalid-request', message: 'unknown window' } };
    return dispatch(host, env.method, env.params, { clientId });
  });
}

/** Attach a window to the host as a client; detaches itself when the window closes. */
export function attachWindow(host: Host, win: BrowserWindow): number {
  const { id, detach } = host.attach({
    send: (m) => {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, m);
    },
  });
  win.on('closed', detach);
  return id;
}
