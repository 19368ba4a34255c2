// The guided tours on the quickstart project's "tour" scenario: the reference's five-step RPC flow,
// a timeout, broadcasts, and client → service with the fields the proxy injects.
import type { TraceEvent } from '../../core/trace/event';
import { nodeOptions, type PredictOption, type Tour, type TourContext } from './tour-engine';

const to = (e: TraceEvent) => e.to ?? '';
const both = (e: TraceEvent) => [e.from, e.to, ...(e.targets ?? [])].filter((x): x is string => !!x);
const sameRpc = (e: TraceEvent, c: TourContext) => e.rpc?.id === c.rpcId;
const capture = (e: TraceEvent, c: TourContext) => {
  c.rpcId = e.rpc?.id;
};
const hop = (question: string, why: (e: TraceEvent) => string, answer: (e: TraceEvent) => string = to) => ({
  question,
  options: (e: TraceEvent, nodes: readonly string[]) => nodeOptions(answer(e), e, nodes),
  why,
});
const choice = (question: string, options: [string, boolean][], why: string) => ({
  question,
  options: (): PredictOption[] => options.map(([label, correct]) => ({ label, correct })),
  why: () => why,
});

export const RPC_TOUR: Tour = {
  id: 'rpc',
  title: 'The five-step RPC call',
  summary: 'RegisterRpcMethodForMod → RequestToServiceMod → handler → ResponseToServer → callback, as the reference draws it.',
  steps: [
    {
      id: 'register',
      title: '1. The service registers its method',
      text: (e) => `${e.to} calls RegisterRpcMethodForMod("${e.event}", ServiceCallback): requests for its service type and this method will run ServiceCallback.`,
      match: (e) => e.type === 'register' && e.api === 'RegisterRpcMethodForMod',
      highlight: (e) => [to(e)],
    },
    {
      id: 'request',
      title: '2. The lobby requests it',
      text: (e) => `${e.from} calls RequestToServiceMod(type, "${e.event}", args, ServerCallback): RPC ${e.rpc?.id} starts in state "requested" and travels to ${e.to}.`,
      match: (e) => e.type === 'send' && e.api === 'RequestToServiceMod' && e.rpc?.state === 'requested',
      capture,
      highlight: both,
      predict: hop('RequestToServiceMod leaves the lobby. Which node receives the request?', (e) => `${e.to} owns that service type, so the request is routed there.`),
    },
    {
      id: 'handler',
      title: '3. The service runs ServiceCallback',
      text: (e) => `The request arrived ("delivered") and ${e.to} runs the registered method ("handling") with (serverId, callbackId, args).`,
      match: (e, c) => e.type === 'handle' && sameRpc(e, c),
      highlight: (e) => [to(e)],
      predict: hop('Which node runs the handler?', (e) => `The handler registered on ${e.to} runs where the request was delivered.`),
    },
    {
      id: 'response',
      title: '4. The service answers with ResponseToServer',
      text: (e) => `${e.from} calls ResponseToServer(serverId, callbackId, data): the RPC is "responded" and the answer travels back to ${e.to}.`,
      match: (e, c) => e.type === 'send' && e.api === 'ResponseToServer' && sameRpc(e, c),
      highlight: both,
      predict: hop('ResponseToServer(serverId, callbackId, …) — where does the response go?', (e) => `serverId is the requester's: ${e.to}.`),
    },
    {
      id: 'callback',
      title: '5. The requester runs ServerCallback',
      text: (e) => `${e.to} runs its callback with (suc=${String(e.suc)}, data). RPC ${e.rpc?.id} is "completed".`,
      match: (e, c) => e.type === 'callback' && sameRpc(e, c),
      highlight: (e) => [to(e)],
      predict: hop('Which node runs the callback?', (e) => `The callback belongs to the requester, ${e.to}.`),
    },
  ],
};

export const TIMEOUT_TOUR: Tour = {
  id: 'timeout',
  title: 'An RPC that times out',
  summary: 'A handler that answers too late: callback(False, None) at the timeout, then the late response is dropped.',
  steps: [
    {
      id: 'request',
      title: '1. A request with a 1 s timeout',
      text: (e) => `${e.from} calls RequestToServiceMod(…, "${e.event}", …, callback, timeout=1).`,
      match: (e, c) => e.type === 'send' && e.rpc?.state === 'requested' && c.endOf(e.rpc.id) === 'timedOut',
      capture,
      highlight: both,
    },
    {
      id: 'handle',
      title: '2. The handler starts but does not answer yet',
      text: (e) => `${e.to} runs the handler; it will answer much later.`,
      match: (e, c) => e.type === 'handle' && sameRpc(e, c),
      highlight: (e) => [to(e)],
      predict: hop('Which node handles the request?', (e) => `${e.to} owns the service type.`),
    },
    {
      id: 'timeout',
      title: '3. The timeout fires',
      text: () => 'No ResponseToServer arrived within the timeout: the RPC ends in "timedOut".',
      match: (e, c) => e.type === 'rpc' && e.rpc?.state === 'timedOut' && sameRpc(e, c),
      highlight: both,
      predict: choice('The timeout passes with no response. What happens?', [['callback(False, None) runs on the requester', true], ['the request is sent again', false], ['nothing until the response arrives', false]], 'The callback runs once with (False, None) at the timeout.'),
    },
    {
      id: 'callback',
      title: '4. callback(False, None)',
      text: (e) => `${e.to}'s callback runs with suc=False.`,
      match: (e, c) => e.type === 'callback' && sameRpc(e, c),
      highlight: (e) => [to(e)],
      predict: hop('Which node runs callback(False, None)?', (e) => `The requester, ${e.to}.`),
    },
    {
      id: 'late',
      title: '5. The late response is dropped',
      text: (e) => `The response reaches ${e.to} after the timeout and is dropped (${e.reason}).`,
      match: (e, c) => e.type === 'drop' && sameRpc(e, c),
      highlight: both,
      predict: choice('The handler finally answers. What happens to the response?', [['dropped as a late response', true], ['the callback runs a second time', false], ['it replaces the timeout result', false]], 'A response after the timeout is dropped: late-response.'),
    },
  ],
};

export const BROADCAST_TOUR: Tour = {
  id: 'broadcast',
  title: 'Broadcasts (thick arrows)',
  summary: 'BroadcastToService from a lobby, from a service (reaching itself), and BroadcastToServerByType.',
  steps: [
    {
      id: 'lobby',
      title: '1. A lobby broadcasts to every service',
      text: (e) => `${e.from} calls BroadcastToService("${e.event}", data): one send, ${e.targets?.length ?? 0} receivers (${e.targets?.join(', ')}). Services hear it as NeteaseExtraApi/extraApiDev.`,
      match: (e) => e.type === 'send' && e.api === 'BroadcastToService' && !!e.from?.startsWith('lobby'),
      highlight: both,
      predict: choice('BroadcastToService from the lobby reaches…', [['every service', true], ['the master only', false], ['every lobby/game', false], ['one service, the lowest id', false]], 'BroadcastToService reaches every service.'),
    },
    {
      id: 'service',
      title: '2. A service broadcasts, and hears itself',
      text: (e) => `${e.from} broadcasts ${e.event} to ${e.targets?.join(', ')} — itself included (option broadcastIncludesSender).`,
      match: (e) => e.type === 'send' && e.api === 'BroadcastToService' && !!e.from?.startsWith('service'),
      highlight: both,
      predict: choice('A service calls BroadcastToService. Does it receive its own broadcast?', [['yes, by default', true], ['no, never', false]], 'By default the sender is included (broadcastIncludesSender).'),
    },
    {
      id: 'unhandled',
      title: '3. Delivered, but nobody listens',
      text: (e) => `${e.to} has no listener for ${e.event}: the message is delivered and recorded as unhandled.`,
      match: (e) => e.type === 'unhandled',
      highlight: (e) => [to(e)],
    },
    {
      id: 'bytype',
      title: '4. BroadcastToServerByType',
      text: (e) => `${e.from} calls BroadcastToServerByType(type, "${e.event}", data): every lobby/game of that type — ${e.targets?.join(', ')}.`,
      match: (e) => e.type === 'send' && e.api === 'BroadcastToServerByType',
      highlight: both,
      predict: choice('BroadcastToServerByType("battle_game_server_type", …) reaches…', [['every game of that type', true], ['every lobby and game', false], ['the players on them', false]], 'It reaches every lobby/game whose type matches.'),
    },
  ],
};

export const CLIENT_SERVICE_TOUR: Tour = {
  id: 'client-service',
  title: 'Client → service',
  summary: 'NotifyToServiceNode from a client goes through its proxy, which adds __neteaseProxyId__ and __uid__.',
  steps: [
    {
      id: 'send',
      title: '1. The client calls NotifyToServiceNode',
      text: (e) => `${e.from} calls NotifyToServiceNode(serverId, "${e.event}", data). Path: ${e.path?.join(' → ') ?? `${e.from} → ${e.to}`}.`,
      match: (e) => e.type === 'send' && e.api === 'NotifyToServiceNode' && !!e.from?.startsWith('client'),
      highlight: (e) => [...new Set([...(e.path ?? []), ...both(e)])],
      predict: hop('NotifyToServiceNode(8000, …) from a client reaches which node?', (e) => `${e.to}: serverId 8000, through the client's proxy.`),
    },
    {
      id: 'deliver',
      title: '2. The proxy added two fields',
      text: (e) => {
        const d = (e.data ?? {}) as Record<string, unknown>;
        return `${e.to} receives eventData with __neteaseProxyId__ = ${String(d.__neteaseProxyId__)} and __uid__ = ${String(d.__uid__)}, injected on the way.`;
      },
      match: (e) => e.type === 'deliver' && e.api === 'NotifyToServiceNode' && !!e.from?.startsWith('client'),
      highlight: both,
      predict: choice('Which fields appear in eventData at the service?', [['__neteaseProxyId__ and __uid__', true], ['__id__ (the playerId)', false], ['nothing is added', false]], 'The proxy injects __neteaseProxyId__ and __uid__ so the service can answer the client.'),
    },
    {
      id: 'reply',
      title: '3. The service answers the client',
      text: (e) => `${e.from} calls RemoteNotifyToClient(uid, proxyId, "${e.event}", data) with the injected ids.`,
      match: (e) => e.type === 'send' && e.api === 'RemoteNotifyToClient',
      highlight: both,
      predict: hop('RemoteNotifyToClient(uid=101, proxyId=2000, …) reaches…', (e) => `${e.to}, the client with that uid on that proxy.`),
    },
  ],
};

export const TOURS: readonly Tour[] = [RPC_TOUR, TIMEOUT_TOUR, BROADCAST_TOUR, CLIENT_SERVICE_TOUR];
