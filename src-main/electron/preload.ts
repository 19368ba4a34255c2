// Sandboxed preload (built as CommonJS): exposes `window.switchboard` with exactly two functions.
// Requests are limited to the contract's method names; the host validates their params again.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, isRequestMethod } from '../../core/contract/methods';
import type { PreloadApi } from '../../core/contract/wire';
import type { PushMessage } from '../../core/contract/pushes';

const api: PreloadApi = {
  request(method, params) {
    if (!isRequestMethod(method)) return Promise.reject(new Error(`not an allowed request: ${String(method)}`));
    return ipcRenderer.invoke(IPC_REQUEST_CHANNEL, { method, params });
  },
  onEvent(listener) {
    // Never hand the IpcRendererEvent (and its sender) to the page.
    const handler = (_e: IpcRendererEvent, message: PushMessage) => listener(message);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('switchboard', api);
