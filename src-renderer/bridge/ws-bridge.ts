// Web mode: one WebSocket to the page's own server (/ws). The token travels in an HttpOnly cookie
// set when the page was first opened, so this code never sees it.
import type { PushMessage, WireFromHost, WireRequest } from '../../core/contract';
import { BridgeError, unwrap, type Bridge } from './bridge';
import { parseJson, stringifyJson } from '../../core/json';
import { LIMITS, tooBigMessage } from '../../core/limits';

/** The server closes the socket on a larger message; refuse it here instead, with the reason. */
export function checkMessageSize(method: string, text: string): void {
  // Three UTF-8 bytes a character at most: only near the limit is it worth counting exactly.
  if (text.length * 3 <= LIMITS.socketMessageBytes) return;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.socketMessageBytes) throw new BridgeError({ code: 'invalid-request', message: `${tooBigMessage(`The ${method} request`, bytes, LIMITS.socketMessageBytes)}; nothing was sent.` });
}

export function createWsBridge(url: string): Bridge {
  const ws = new WebSocket(url);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(m: PushMessage) => void>();
  const connection = new Set<(open: boolean) => void>();
  const opened = new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve());
    ws.addEventListener('close', () => reject(new Error('connection to the Switchboard server closed')));
  });
  opened.catch(() => {});
  let nextId = 1;

  ws.addEventListener('open', () => connection.forEach((l) => l(true)));
  ws.addEventListener('close', () => {
    connection.forEach((l) => l(false));
    for (const p of pending.values()) p.reject(new BridgeError({ code: 'failed', message: 'connection closed' }));
    pending.clear();
  });
  ws.addEventListener('message', (e) => {
    const m = parseJson(String(e.data)) as WireFromHost;
    if (m.kind === 'event') {
      const { kind: _kind, ...message } = m;
      listeners.forEach((l) => l(message as PushMessage));
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    try {
      p.resolve(unwrap(m));
    } catch (err) {
      p.reject(err as Error);
    }
  });

  return {
    mode: 'web',
    async request(method, params) {
      await opened;
      const id = nextId++;
      const msg: WireRequest = { kind: 'request', id, method, params };
      const text = stringifyJson(msg);
      checkMessageSize(method, text);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(text);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection(listener) {
      connection.add(listener);
      return () => connection.delete(listener);
    },
  };
}

export function webSocketUrl(loc: Location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}
