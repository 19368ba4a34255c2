// An upload over the limit used to be sent anyway; the server closed the socket (too big) and the
// tab showed "disconnected". Now the page refuses it before sending, naming the limit.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../core/limits';
import { BridgeError } from './bridge';
import { checkMessageSize } from './ws-bridge';
import { checkUploadSize } from '../files/browser-files';

describe('upload limits in the page', () => {
  it('refuses a file over the upload limit before reading it', () => {
    expect(() => checkUploadSize('big.ndjson', 81 * 1024 * 1024)).toThrow(/^big\.ndjson is 81 MiB; the limit is 64 MiB for an upload\.$/);
    expect(() => checkUploadSize('ok.ndjson', LIMITS.uploadChars)).not.toThrow();
  });

  it('refuses a request the server would close the socket for, with a BridgeError naming the limit', () => {
    // 30 M three-byte characters: 90 MB of UTF-8, over the socket's 80 MiB.
    const text = JSON.stringify({ kind: 'request', id: 1, method: 'trace.openText', params: { name: 'x', text: '€'.repeat(30_000_000) } });
    let err: unknown;
    try {
      checkMessageSize('trace.openText', text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BridgeError);
    expect((err as BridgeError).message).toMatch(/^The trace\.openText request is 85\.\d MiB; the limit is 80 MiB; nothing was sent\.$/);
    expect(() => checkMessageSize('trace.openText', JSON.stringify({ text: 'x'.repeat(1000) }))).not.toThrow();
  });
});
