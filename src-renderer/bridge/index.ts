// Picks the transport: the Electron preload's API when present, otherwise the web mode WebSocket.
import type { PreloadApi } from '../../core/contract';
import type { Bridge } from './bridge';
import { createIpcBridge } from './ipc-bridge';
import { createWsBridge, webSocketUrl } from './ws-bridge';

export type { Bridge } from './bridge';
export { BridgeError } from './bridge';

declare global {
  interface Window {
    switchboard?: PreloadApi;
  }
}

let bridge: Bridge | undefined;

export function getBridge(): Bridge {
  bridge ??= window.switchboard ? createIpcBridge(window.switchboard) : createWsBridge(webSocketUrl(window.location));
  return bridge;
}
