// Electron: the preload's `window.switchboard` (contextBridge) carries the contract over IPC.
import type { PreloadApi } from '../../core/contract';
import { unwrap, type Bridge } from './bridge';

export function createIpcBridge(api: PreloadApi): Bridge {
  return {
    mode: 'electron',
    request: async (method, params) => unwrap(await api.request(method, params)),
    onEvent: (listener) => api.onEvent(listener),
    // IPC lives as long as the window does.
    onConnection: () => () => {},
  };
}
