// Bounded toward every client: a tab that stops reading but keeps asking used to grow the host to
// 3.4 GB. Now the host stops reading that socket's requests while its replies wait, coalesces its
// pushes, and closes it past a hard limit; a reader that comes back gets every reply.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { HANDLERS } from '../host/handlers';
import { quickstartText } from '../host/test-support/fixtures';
import { testHost } from '../host/test-support/test-host';
import { bindSocket, type SocketLimits } from './ws-client';

const LIMITS: SocketLimits = { softBytes: 256 * 1024, hardBytes: 64 * 1024 * 1024, maxPending: 4, pollMs: 5 };

async function serve(limits: SocketLimits) {
  const t = testHost();
  await t.call('project.openText', { name: 'q.json', text: quickstartText() });
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const sockets: WebSocket[] = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    bindSocket(t.host, ws, limits);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const close = async () => {
    for (const s of wss.clients) s.terminate();
    wss.close();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return { ...t, port, sockets, close };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup?.();
  cleanup = undefined;
});

describe('a client that stops reading but keeps asking', () => {
  it('is not served beyond the bound while it does not read, and gets every reply once it reads again', async () => {
    const s = await serve(LIMITS);
    cleanup = s.close;
    const handled = vi.fn();
    const real = HANDLERS['project.get'];
    vi.spyOn(HANDLERS, 'project.get').mockImplementation((host, p, ctx) => {
      handled();
      return real(host, p, ctx);
    });
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/`);
    await new Promise((r) => ws.once('open', r));
    // Stop reading: the socket's data stays in the kernel, then in the host's send buffer.
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const N = 3000;
    for (let i = 0; i < N; i++) ws.send(JSON.stringify({ kind: 'request', id: i, method: 'project.get', params: {} }));
    let maxBuffered = 0;
    for (let k = 0; k < 40; k++) {
      await new Promise((r) => setTimeout(r, 25));
      maxBuffered = Math.max(maxBuffered, s.sockets[0]?.bufferedAmount ?? 0);
    }
    // Each reply is ~20 KB: all of them would be ~60 MB. Served: what fits the bound, not N.
    const servedWhileStuck = handled.mock.calls.length;
    expect(servedWhileStuck).toBeLessThan(N / 2);
    expect(maxBuffered).toBeLessThan(LIMITS.softBytes + 4 * 64 * 1024);
    // Reading again: every request is answered, in order.
    const ids: number[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.kind === 'reply') ids.push(m.id);
    });
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await vi.waitFor(() => expect(ids).toHaveLength(N), { timeout: 30_000 });
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await s.call('app.info')).toMatchObject({ ok: true });
    ws.close();
  }, 60_000);

  it('pushes to a congested socket are coalesced to the newest of each kind; event batches wait', async () => {
    const t = testHost();
    await t.call('project.openText', { name: 'q.json', text: quickstartText() });
    // A socket whose send buffer the test controls.
    const sent: { kind: string; event?: string; payload?: { message?: string } }[] = [];
    const fake = Object.assign(new EventEmitter(), {
      OPEN: 1,
      readyState: 1,
      bufferedAmount: 0,
      isPaused: false,
      send: (text: string) => void sent.push(JSON.parse(text)),
      pause: () => void (fake.isPaused = true),
      resume: () => void (fake.isPaused = false),
      close: () => {},
      terminate: () => {},
    });
    bindSocket(t.host, fake as unknown as WebSocket, LIMITS);
    sent.length = 0;
    fake.bufferedAmount = LIMITS.softBytes + 1;
    for (let i = 0; i < 500; i++) t.host.broadcast({ event: 'host.notice', payload: { level: 'info', message: `notice ${i}` } });
    await t.call('session.run');
    t.run(200);
    expect(sent).toEqual([]);
    fake.bufferedAmount = 0;
    await vi.waitFor(() => expect(sent.some((m) => m.event === 'host.notice')).toBe(true));
    expect(sent.filter((m) => m.event === 'host.notice').map((m) => m.payload?.message)).toEqual(['notice 499']);
    // Event batches were not pumped into the congested socket; they flow once it drained.
    t.run(100);
    expect(sent.some((m) => m.event === 'stream.events')).toBe(true);
    fake.emit('close');
  });
});
