// The four "who can send what to whom" diagrams of the reference (into client, into lobby/game,
// into master, into service), derived from the engine's interface table: callers per interface
// come from INTERFACES; what this file adds is where each interface delivers and how the receiver
// must listen (semantics §2), the two facts INTERFACES does not carry.
import { EXTRA_API_NAMESPACE, INTERFACES, type ApiName } from '../../core/api/interfaces';
import type { NodeKind } from '../../core/model/schema';

export type Target = 'client' | 'lobby/game' | 'master' | 'service';
export const TARGETS: readonly Target[] = ['client', 'lobby/game', 'master', 'service'];

/** Where each messaging interface delivers (semantics §2, §3). */
export const DELIVERS_TO: Partial<Record<ApiName, readonly Target[]>> = {
  NotifyToClient: ['client'],
  RemoteNotifyToClient: ['client'],
  NotifyToServer: ['lobby/game'],
  NotifyToServerNode: ['lobby/game'],
  BroadcastToServerByType: ['lobby/game'],
  NotifyToMaster: ['master'],
  NotifyToServiceNode: ['service'],
  BroadcastToService: ['service'],
  RequestToService: ['service', 'master'],
  RequestToServiceMod: ['service'],
  ResponseToServer: ['lobby/game', 'master', 'service'],
};

/** The fixed listen pair for system-to-service traffic, by the sender's kind (as the engine picks it). */
export function extraApiSystem(kind: NodeKind): string {
  return kind === 'master' ? 'extraApiMaster' : kind === 'service' ? 'extraApiService' : 'extraApiDev';
}

/** How the receiver hears (api from a caller kind), semantics §2/§3. */
export function heardAs(api: ApiName, caller: NodeKind): string {
  const extra = `${EXTRA_API_NAMESPACE}/${extraApiSystem(caller)}`;
  switch (api) {
    case 'NotifyToServiceNode':
      return caller === 'client' ? "sender's (ns, sys); adds __neteaseProxyId__, __uid__" : extra;
    case 'BroadcastToService':
      return extra;
    case 'NotifyToMaster':
      return caller === 'service' ? extra : "sender's (ns, sys)";
    case 'NotifyToServer':
      return "sender's (ns, sys); adds __id__";
    case 'RequestToService':
      return 'RegisterRpcMethod(module, event) handler';
    case 'RequestToServiceMod':
      return 'RegisterRpcMethodForMod(method) handler';
    case 'ResponseToServer':
      return "the request's callback(suc, data)";
    default:
      return "sender's (ns, sys)";
  }
}

export interface DiagramEdge {
  api: ApiName;
  /** Caller kinds, merged when they hear the same (lobby + game → "lobby/game"). */
  from: string;
  thick: boolean;
  rpc: boolean;
  heard: string;
}

export interface InterfaceDiagram {
  target: Target;
  title: string;
  edges: DiagramEdge[];
}

const TITLES: Record<Target, string> = {
  client: 'Into a client',
  'lobby/game': 'Into lobby/game',
  master: 'Into the master (control server)',
  service: 'Into a functional service',
};

function callerLabel(kinds: readonly NodeKind[]): string {
  const s = new Set<string>(kinds);
  const out: string[] = [];
  if (s.has('lobby') && s.has('game')) {
    out.push('lobby/game');
    s.delete('lobby');
    s.delete('game');
  }
  return [...out, ...s].join(', ');
}

export function interfaceDiagrams(): InterfaceDiagram[] {
  return TARGETS.map((target) => {
    const edges: DiagramEdge[] = [];
    for (const [name, spec] of Object.entries(INTERFACES) as [ApiName, (typeof INTERFACES)[ApiName]][]) {
      if (!DELIVERS_TO[name]?.includes(target)) continue;
      // One edge per distinct way of being heard; callers that hear alike share it.
      const groups = new Map<string, NodeKind[]>();
      for (const k of spec.callers as readonly NodeKind[]) {
        const h = heardAs(name, k);
        groups.set(h, [...(groups.get(h) ?? []), k]);
      }
      for (const [heard, kinds] of groups) edges.push({ api: name, from: callerLabel(kinds), thick: spec.shape === 'broadcast', rpc: spec.shape === 'request' || spec.shape === 'response', heard });
    }
    return { target, title: TITLES[target], edges };
  });
}
