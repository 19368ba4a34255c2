// Warning (§1): a lobby/game type no one can reach. A deliberately simple, static heuristic:
// a type T counts as reachable (or at least in use) when
//   - a node of type T has behaviour rules or is the node of a scenario `call` step (it acts, and
//     answers to its requests come back to it), or
//   - a client starts on a server of type T (`server`), or
//   - a scenario login/transfer names a server of type T, a transfer names type T, or a login
//     names no server (the master places it on the first lobby), or
//   - a rule action or scenario `call` sends BroadcastToServerByType with serverType T, or
//     NotifyToServerNode with the targetId of a server of type T.
// Targets built with `$ref` are unknown until run time: one BroadcastToServerByType with a
// computed serverType (or NotifyToServerNode with a computed targetId) silences the warning, and
// so does any node running Python mods (`mods`): their code may reach any type.
import type { Findings } from '../issues';
import type { CallAction, Project } from '../schema';
import { LOBBY_GAME, type ProjectIndex } from './project-index';

interface Targets {
  types: Set<string>;
  anyType: boolean;
}

export function checkReachability(project: Project, index: ProjectIndex, f: Findings): void {
  const targets: Targets = { types: new Set(), anyType: false };
  const typeOf = (serverId: number | undefined): string | undefined => {
    if (serverId === undefined) return undefined;
    const ref = index.byServerId.get(serverId);
    return ref && LOBBY_GAME.includes(ref.node.kind) ? ref.node.type : undefined;
  };
  const add = (t: string | undefined): void => {
    if (t !== undefined) targets.types.add(t);
  };
  const call = (api: string, args: Record<string, unknown>): void => {
    if (api === 'BroadcastToServerByType') {
      if (typeof args.serverType === 'string') add(args.serverType);
      else targets.anyType = true;
    } else if (api === 'NotifyToServerNode') {
      if (typeof args.targetId === 'number') add(typeOf(args.targetId));
      else targets.anyType = true;
    }
  };
  const actions = (list: CallAction[]): void => {
    for (const a of list) {
      call(a.call, a.args);
      if (a.onResult) actions(a.onResult);
    }
  };

  const firstLobby = project.nodes.find((n) => n.kind === 'lobby');
  if (project.nodes.some((n) => n.kind !== 'client' && (n.mods?.length ?? 0) > 0)) return;
  for (const node of project.nodes) {
    if (node.kind === 'client') add(typeOf(node.server));
    if (LOBBY_GAME.includes(node.kind) && node.systems.some((s) => s.rules.length > 0)) add(node.type);
    for (const system of node.systems) for (const rule of system.rules) actions(rule.actions as CallAction[]);
  }
  for (const scenario of project.scenarios) {
    for (const step of scenario.steps) {
      if (step.do === 'call') {
        call(step.api, step.args);
        const actor = index.byId.get(step.node)?.node;
        if (actor && LOBBY_GAME.includes(actor.kind)) add(actor.type);
      }
      else if (step.do === 'login') add(step.server === undefined ? firstLobby?.type : typeOf(step.server));
      else if (step.do === 'transfer') {
        add(step.type);
        add(typeOf(step.server));
      }
    }
  }
  if (targets.anyType) return;

  const reported = new Set<string>();
  project.nodes.forEach((node, i) => {
    if (!LOBBY_GAME.includes(node.kind) || node.type === undefined) return;
    if (targets.types.has(node.type) || reported.has(node.type)) return;
    reported.add(node.type);
    f.warn(['nodes', i, 'type'], 'reach.unreachable-type',
      `no one reaches lobby/game type "${node.type}": no client starts on it, no login or transfer names it, no BroadcastToServerByType or NotifyToServerNode targets it, and none of its servers acts (rules or scenario calls)`);
  });
}
