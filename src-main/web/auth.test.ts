import { describe, expect, it } from 'vitest';
import { authorize, cookieName, cookieToken, newToken } from './auth';

const token = newToken();
const base = { url: '/', host: '127.0.0.1:4000', origin: undefined, cookie: undefined };

describe('authorize', () => {
  it('accepts the token from the query or the per-port cookie', () => {
    expect(authorize({ ...base, url: `/?token=${token}` }, token, 4000, false)).toEqual({ ok: true, viaQuery: true });
    expect(authorize({ ...base, cookie: `a=b; ${cookieName(4000)}=${token}` }, token, 4000, false)).toEqual({ ok: true, viaQuery: false });
    // A cookie for another port's server is not this server's token.
    expect(authorize({ ...base, cookie: `${cookieName(4001)}=${token}` }, token, 4000, false).ok).toBe(false);
  });

  it('requires an Origin of this very server for sockets', () => {
    const withToken = { ...base, url: `/ws?token=${token}` };
    expect(authorize(withToken, token, 4000, true).ok).toBe(false);
    expect(authorize({ ...withToken, origin: 'http://127.0.0.1:4000' }, token, 4000, true).ok).toBe(true);
    expect(authorize({ ...withToken, origin: 'http://localhost:4000' }, token, 4000, true).ok).toBe(true);
    expect(authorize({ ...withToken, origin: 'https://127.0.0.1:4000' }, token, 4000, true).ok).toBe(false);
    expect(authorize({ ...withToken, origin: 'null' }, token, 4000, true).ok).toBe(false);
  });

  it('refuses other Host headers (DNS rebinding)', () => {
    expect(authorize({ ...base, url: `/?token=${token}`, host: 'attacker.example:4000' }, token, 4000, false).ok).toBe(false);
  });

  it('parses cookies', () => {
    expect(cookieToken('x=1; switchboard_token_9=abc=', 'switchboard_token_9')).toBe('abc=');
    expect(cookieToken(undefined, 'x')).toBeNull();
  });
});
