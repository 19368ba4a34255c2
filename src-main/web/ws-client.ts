// One WebSocket = one UI client of the host: requests are validated (envelope here, params in
// dispatch), replies and pushes go back as JSON. Pushes wait while the socket's send buffer is
// large; the streamer's acks already bound how much trace data can be in flight.
import type { WebSocket } from 'ws';
import { WireRequest, type PushMessage, type WireFromHost } from '../../core/contract';
import { dispatch } from '../host/dispatch';
import type { Host } from '../host/host';
import { parseJson, stringifyJson } from '../../core/json';

export function bindSocket(host: Host, ws: WebSocket): void {
  const send = (m: WireFromHost): void => {
    if (ws.readyState === ws.OPEN) ws.send(stringifyJson(m));
  };
  const attached = host.attach({ send: (m: PushMessage) => send({ kind: 'event', ...m }) });
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
    void dispatch(host, req.data.method, req.data.params, { clientId: attached.id }).then((reply) => send({ kind: 'reply', id: req.data.id, ...reply }));
  });
  ws.on('close', () => attached.detach());
  ws.on('error', () => attached.detach());
}
