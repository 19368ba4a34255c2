// Who may talk to web mode: only pages from this very server, holding this run's token. The token
// arrives once in the URL (?token=) and is then kept in an HttpOnly, SameSite=Strict cookie so the
// page's own asset and WebSocket requests carry it. Host and Origin are checked to defeat DNS
// rebinding and cross-site requests.
import crypto from 'node:crypto';

export const TOKEN_COOKIE = 'switchboard_token';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Cookies are shared by every port of a host, so the name carries the port. */
export function cookieName(port: number): string {
  return `${TOKEN_COOKIE}_${port}`;
}

export function cookieToken(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export interface RequestFacts {
  url: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
}

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; reason: string };

/** The decision for one HTTP request or WebSocket upgrade. */
export function authorize(req: RequestFacts, token: string, port: number, requireOrigin: boolean): Verdict {
  const hosts = allowedHosts(port);
  if (!req.host || !hosts.includes(req.host)) return { ok: false, reason: 'bad host' };
  if (req.origin !== undefined) {
    if (!hosts.some((h) => req.origin === `http://${h}`)) return { ok: false, reason: 'foreign origin' };
  } else if (requireOrigin) {
    return { ok: false, reason: 'missing origin' };
  }
  const query = new URL(req.url, 'http://x').searchParams.get('token');
  if (tokenMatches(query, token)) return { ok: true, viaQuery: true };
  if (tokenMatches(cookieToken(req.cookie, cookieName(port)), token)) return { ok: true, viaQuery: false };
  return { ok: false, reason: 'missing or wrong token' };
}
