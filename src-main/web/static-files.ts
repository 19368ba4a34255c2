// HTTP responses for the built renderer, with the same security headers on every response.
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { contentType } from '../host/renderer-files';

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

export function sendFile(res: ServerResponse, file: string, extraHeaders: Record<string, string> = {}): void {
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': contentType(file),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    ...extraHeaders,
  });
  fs.createReadStream(file).pipe(res);
}
