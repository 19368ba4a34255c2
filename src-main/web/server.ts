// Web mode: the host over HTTP + WebSocket on 127.0.0.1 only. Every request and upgrade must
// come from this server's own origin and carry this run's token (see auth.ts).
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Host } from '../host/host';
import { authorize, cookieName, newToken } from './auth';
import { resolveStatic } from '../host/renderer-files';
import { securityHeaders, sendFile } from './static-files';
import { bindSocket } from './ws-client';
import { LIMITS } from '../../core/limits';

export interface WebServerOptions {
  host: Host;
  /** out/renderer: the built renderer. */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** WebSocket messages carry uploaded projects and traces as text; beyond this the socket is closed (the page checks first). */
const MAX_MESSAGE = LIMITS.socketMessageBytes;

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const root = path.resolve(opts.staticDir);

  const token = opts.token ?? newToken();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  let port = 0;
  const facts = (req: http.IncomingMessage) => ({
    url: req.url ?? '/',
    host: req.headers.host,
    origin: req.headers.origin,
    cookie: req.headers.cookie,
  });

  const server = http.createServer((req, res) => {
    const verdict = authorize(facts(req), token, port, false);
    if (!verdict.ok) return refuse(res, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 'method', 405);
    const url = new URL(req.url ?? '/', 'http://x');
    if (verdict.viaQuery) {
      // Trade the token in the URL for a cookie, then drop it from the address bar.
      res.writeHead(303, {
        ...securityHeaders(),
        'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    if (url.pathname === '/recording.ndjson') return sendRecording(opts.host, res);
    const file = resolveStatic(root, url.pathname);
    if (!file) return refuse(res, 'not found', 404);
    sendFile(res, file);
  });

  server.on('upgrade', (req, socket, head) => {
    const verdict = authorize(facts(req), token, port, true);
    const url = new URL(req.url ?? '/', 'http://x');
    if (!verdict.ok || url.pathname !== '/ws') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => bindSocket(opts.host, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function refuse(res: http.ServerResponse, reason: string, status = 403): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(status === 403 ? 'Forbidden\n' : `${reason}\n`);
}

function sendRecording(host: Host, res: http.ServerResponse): void {
  const s = host.session;
  const recorder = s?.recorder;
  if (!s || !recorder) return refuse(res, 'no recording', 404);
  host.flushRecordingOf(s);
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': 'application/x-ndjson',
    'Content-Disposition': `attachment; filename="${path.basename(recorder.file)}"`,
    'Cache-Control': 'no-store',
  });
  // A rolling recording is several segment files: sent as one trace.
  const body = recorder.stream();
  body.on('error', () => res.destroy());
  body.pipe(res);
}
