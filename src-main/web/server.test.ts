import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from './server';
import { cookieName } from './auth';
import { REPO, tempDir } from '../host/test-support/fixtures';
import { testHost } from '../host/test-support/test-host';

let server: WebServer;
let origin: string;
let cookie: string;

function get(p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: p, method, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgrade(p: string, headers: Record<string, string>): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${p}`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

beforeAll(async () => {
  const root = tempDir('sb-static-');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');
  server = await startWebServer({ host: testHost().host, staticDir: root, port: 0 });
  origin = `http://127.0.0.1:${server.port}`;
  cookie = `${cookieName(server.port)}=${server.token}`;
});

afterAll(() => server.close());

describe('web mode HTTP', () => {
  it('prints a 127.0.0.1 URL with a random token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{32}$`));
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/?token=nope')).status).toBe(403);
    expect((await get('/', { Cookie: `${cookieName(server.port)}=nope` })).status).toBe(403);
  });

  it('trades the URL token for an HttpOnly cookie, then serves with CSP', async () => {
    const first = await get(`/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get('/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/assets/app.js', { Cookie: cookie })).body).toBe('console.log(1)');
  });

  it('the token stays valid for the whole run, as the README says (it is not one-time)', async () => {
    expect((await get(`/?token=${server.token}`)).status).toBe(303);
    expect((await get(`/?token=${server.token}`)).status).toBe(303);
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/one-time token/);
    expect(readme).toMatch(/valid until the server stops/);
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    expect((await get('/', { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`/?token=${server.token}`, { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await get('/', { Cookie: cookie, Host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('serves nothing outside the renderer and no methods but GET/HEAD', async () => {
    expect((await get('/../secret.txt', { Cookie: cookie })).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt', { Cookie: cookie })).status).toBe(404);
    expect((await get('/', { Cookie: cookie }, 'POST')).status).toBe(405);
  });
});

describe('web mode WebSocket', () => {
  it('refuses upgrades without the token', async () => {
    expect((await upgrade('/ws', { Origin: origin })).status).toBe(403);
  });

  it('refuses upgrades from a foreign Origin, or with none', async () => {
    expect((await upgrade('/ws', { Origin: 'http://evil.example', Cookie: cookie })).status).toBe(403);
    expect((await upgrade(`/ws?token=${server.token}`, { Origin: 'http://localhost:1' })).status).toBe(403);
    expect((await upgrade('/ws', { Cookie: cookie })).status).toBe(403);
  });

  it('speaks the contract with a page of its own origin', async () => {
    const { status, ws } = await upgrade('/ws', { Origin: origin, Cookie: cookie });
    expect(status).toBe(101);
    const reply = await new Promise<unknown>((resolve) => {
      ws!.on('message', (d) => {
        const m = JSON.parse(d.toString());
        if (m.kind === 'reply') resolve(m);
      });
      ws!.send(JSON.stringify({ kind: 'request', id: 7, method: 'app.info', params: {} }));
    });
    expect(reply).toMatchObject({ kind: 'reply', id: 7, ok: true, result: { mode: 'web', nativeDialogs: false } });
    const closed = new Promise<number>((resolve) => ws!.on('close', (code) => resolve(code)));
    ws!.send(JSON.stringify({ hello: 'not an envelope' }));
    expect(await closed).toBe(1008);
  });
});
