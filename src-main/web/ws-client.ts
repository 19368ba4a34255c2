// One WebSocket = one UI client of the host: requests are validated (envelope here, params in
// dispatch), replies and pushes go back as JSON.
//
// Bounded toward the client: a page that stops reading but keeps asking must not grow the host's
// memory. Past `softBytes` of unsent data the socket stops reading requests (TCP pushes back on the
// sender) and pushes are coalesced (only the newest of each kind is kept, event batches wait: the
// streamer waits); at most `maxPending` requests run at once per socket; past
// `hardBytes` the socket is closed (1013, try again later) and the page reconnects.
import type { WebSocket } from 'ws';
import { WireRequest, type PushMessage, type WireFromHost } from '../../core/contract';
import { dispatch } from '../host/dispatch';
import type { Host } from '../host/host';
import { parseJson, stringifyJson } from '../../core/json';

export interface SocketLimits {
  softBytes: number;
  hardBytes: number;
  maxPending: number;
  /** How often a congested socket is checked for having drained. */
  pollMs: number;
}

export const SOCKET_LIMITS: SocketLimits = { softBytes: 8 * 1024 * 1024, hardBytes: 96 * 1024 * 1024, maxPending: 8, pollMs: 20 };

export function bindSocket(host: Host, ws: WebSocket, limits: SocketLimits = SOCKET_LIMITS): void {
  let pending = 0;
  let poll: NodeJS.Timeout | undefined;
  /** Coalesced pushes waiting for the socket to drain: the newest per event name. */
  const held = new Map<string, PushMessage>();
  /**
   * Requests read while the socket is stopped wait here (the socket is paused, so this holds at
   * most what was already read from it) and are dispatched in order as room comes back.
   */
  const backlog: { id: number; method: string; params: unknown }[] = [];
  const congested = (): boolean => ws.bufferedAmount > limits.softBytes;

  const write = (m: WireFromHost): void => {
    if (ws.readyState !== ws.OPEN) return;
    let text: string;
    try {
      text = stringifyJson(m);
    } catch (err) {
      // A value that cannot be serialized (too deep, a cycle): answer with an error, never throw.
      host.warn(`Sending ${m.kind === 'reply' ? 'a reply' : m.event} to a browser tab`, err);
      if (m.kind !== 'reply') return;
      text = JSON.stringify({ kind: 'reply', id: m.id, ok: false, error: { code: 'failed', message: `the reply could not be sent: ${(err as Error).message}` } });
    }
    ws.send(text);
    if (ws.bufferedAmount > limits.hardBytes) {
      host.log.write('error', 'web socket', `closed a tab that stopped reading (${ws.bufferedAmount} bytes unsent)`);
      ws.close(1013, 'too much unread data');
      ws.terminate();
    }
    watch();
  };

  /** Stop reading while congested or busy; resume (and send held pushes) once it drains. */
  const watch = (): void => {
    const stop = congested() || pending >= limits.maxPending || backlog.length > 0;
    if (stop && !ws.isPaused) ws.pause();
    if ((stop || held.size > 0) && !poll) poll = setInterval(check, limits.pollMs);
  };
  const check = (): void => {
    if (ws.readyState !== ws.OPEN) return stopPolling();
    if (congested()) return;
    for (const m of [...held.values()]) {
      held.delete(m.event);
      write({ kind: 'event', ...m });
      if (congested()) return;
    }
    drainBacklog();
    if (!congested() && held.size === 0 && backlog.length === 0 && pending < limits.maxPending) stopPolling();
  };
  const stopPolling = (): void => {
    if (poll) clearInterval(poll);
    poll = undefined;
  };

  const attached = host.attach({
    send: (m: PushMessage) => {
      // Event batches are bounded by the streamer (acks, and no pumping while busy()): never held.
      if (m.event !== 'stream.events' && (congested() || held.size > 0)) {
        held.set(m.event, m);
        watch();
        return;
      }
      write({ kind: 'event', ...m });
    },
    busy: () => congested() || held.size > 0,
  });
  const stopped = (): boolean => congested() || pending >= limits.maxPending;
  const run = (req: { id: number; method: string; params: unknown }): void => {
    pending++;
    void dispatch(host, req.method, req.params, { clientId: attached.id }).then((reply) => {
      pending--;
      write({ kind: 'reply', id: req.id, ...reply });
      drainBacklog();
    });
  };
  const drainBacklog = (): void => {
    while (backlog.length > 0 && !stopped()) run(backlog.shift() as (typeof backlog)[number]);
    if (backlog.length > 0 || stopped()) watch();
    else if (ws.isPaused && held.size === 0) ws.resume();
  };
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(1003, 'text frames only');
    let raw: unknown;
    try {
      raw = parseJson(data.toString());
    } catch {
      return ws.close(1007, 'not JSON');
    }
    const req = WireRequest.safeParse(raw);
    if (!req.success) return ws.close(1008, 'not a request envelope');
    if (backlog.length > 0 || stopped()) {
      backlog.push(req.data);
      watch();
      return;
    }
    run(req.data);
    watch();
  });
  const gone = (): void => {
    stopPolling();
    held.clear();
    backlog.length = 0;
    attached.detach();
  };
  ws.on('close', gone);
  ws.on('error', gone);
}
