import { describe, expect, it } from 'vitest';
import { isTrustedSender, parseIpcEnvelope } from './ipc-validate';

describe('IPC checks', () => {
  it('trusts only frames of app://switchboard', () => {
    expect(isTrustedSender('app://switchboard/index.html')).toBe(true);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html')).toBe(false);
    expect(isTrustedSender('https://switchboard/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('not a url')).toBe(false);
  });

  it('accepts only the {method, params} envelope', () => {
    const url = 'app://switchboard/index.html';
    expect(parseIpcEnvelope(url, { method: 'app.info', params: {} })).toEqual({ ok: true, method: 'app.info', params: {} });
    expect(parseIpcEnvelope(url, { method: 'app.info', params: {}, extra: 1 }).ok).toBe(false);
    expect(parseIpcEnvelope(url, 'app.info').ok).toBe(false);
    expect(parseIpcEnvelope('file:///x', { method: 'app.info', params: {} }).ok).toBe(false);
  });
});
