// IPC checks without Electron: which frames may call the host, and the request envelope.
import { IpcRequest, type Reply } from '../../core/contract';
import { APP_ORIGIN } from './web-preferences';

/** Only our own renderer, served from app://switchboard, may call the host. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export type Envelope = { ok: true; method: string; params: unknown } | { ok: false; reply: Reply };

export function parseIpcEnvelope(frameUrl: string | undefined | null, raw: unknown): Envelope {
  if (!isTrustedSender(frameUrl)) return { ok: false, reply: { ok: false, error: { code: 'invalid-request', message: 'untrusted sender' } } };
  const r = IpcRequest.safeParse(raw);
  if (!r.success) return { ok: false, reply: { ok: false, error: { code: 'invalid-request', message: 'malformed request envelope' } } };
  return { ok: true, method: r.data.method, params: r.data.params };
}
