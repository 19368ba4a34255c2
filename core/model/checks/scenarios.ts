// Scenarios (issue item 6): every step names things that exist, and player steps name clients.
import type { Findings } from '../issues';
import type { Project, ScenarioStep } from '../schema';
import { checkCall } from './calls';
import { describeNode, type ProjectIndex } from './project-index';

type Path = (string | number)[];

export function checkScenarios(project: Project, index: ProjectIndex, f: Findings): void {
  const names = new Map<string, number>();
  project.scenarios.forEach((scenario, k) => {
    const first = names.get(scenario.name);
    if (first !== undefined) f.error(['scenarios', k, 'name'], 'scenario.duplicate-name', `duplicate scenario name "${scenario.name}": $.scenarios[${first}] already has it`);
    else names.set(scenario.name, k);
    scenario.steps.forEach((step, i) => {
      const at: Path = ['scenarios', k, 'steps', i];
      checkStep(step, at, index, f);
      if (scenario.durationMs !== undefined && step.at > scenario.durationMs) {
        f.warn([...at, 'at'], 'scenario.step-after-end', `this step (at ${step.at} ms) comes after the scenario ends (durationMs ${scenario.durationMs}) and never runs`);
      }
    });
  });
}

function checkStep(step: ScenarioStep, at: Path, index: ProjectIndex, f: Findings): void {
  const node = (field: string, id: string): boolean => {
    if (index.byId.has(id)) return true;
    f.error([...at, field], 'scenario.unknown-node', `no node has id "${id}"`);
    return false;
  };
  const client = (id: string): void => {
    const ref = index.byId.get(id);
    if (!ref) f.error([...at, 'client'], 'scenario.unknown-node', `no node has id "${id}"`);
    else if (ref.node.kind !== 'client') f.error([...at, 'client'], 'scenario.not-a-client', `a ${step.do} step moves a client; "${id}" is ${describeNode(ref)}`);
  };
  const server = (serverId: number): void => {
    const ref = index.byServerId.get(serverId);
    if (!ref) f.error([...at, 'server'], 'scenario.unknown-server', `no node has serverId ${serverId}`);
    else if (!index.isLobbyOrGame(serverId)) f.error([...at, 'server'], 'scenario.server-not-lobby-game', `players only go to a lobby or game; serverId ${serverId} is ${describeNode(ref)}`);
  };

  switch (step.do) {
    case 'call': {
      if (!node('node', step.node)) return;
      const ref = index.byId.get(step.node)!;
      checkCall(ref.node.kind, step.api, step.args, [...at, 'api'], [...at, 'args'], f);
      if (step.system !== undefined && !ref.node.systems.some((s) => `${s.namespace}/${s.systemName}` === step.system)) {
        const known = ref.node.systems.map((s) => `${s.namespace}/${s.systemName}`);
        f.error([...at, 'system'], 'scenario.unknown-system', `node "${step.node}" has no system "${step.system}" (write "namespace/systemName"; it has: ${known.join(', ') || 'none'})`);
      }
      return;
    }
    case 'login':
      client(step.client);
      if (step.server !== undefined) server(step.server);
      return;
    case 'transfer':
      client(step.client);
      if (step.server !== undefined) server(step.server);
      if (step.type !== undefined && !index.serverTypes.has(step.type)) {
        f.error([...at, 'type'], 'scenario.unknown-type', `no lobby or game has type "${step.type}"`);
      }
      if (step.server === undefined && step.type === undefined) {
        f.error([...at, 'server'], 'scenario.transfer-target-missing', 'a transfer needs a target: "server" (a serverId) or "type" (a lobby/game type)');
      }
      return;
    case 'logout':
      client(step.client);
      return;
    case 'stop':
    case 'start':
      node('node', step.node);
      return;
    case 'cut':
    case 'restore':
    case 'loss':
      node('a', step.a);
      node('b', step.b);
      return;
    case 'http':
      if (!index.project.nodes.some((n) => n.kind === 'master')) {
        f.warn([...at, 'path'], 'scenario.http-without-master', 'the project has no master, so nothing receives this POST');
      }
      return;
    case 'invoke': {
      if (!node('node', step.node)) return;
      const spec = index.byId.get(step.node)!.node;
      // Python systems register at run time, so only rule systems can be checked here.
      const known = spec.systems.some((s) => s.namespace === step.namespace && s.systemName === step.systemName);
      const runsPython = (spec.mods?.length ?? 0) > 0 || (spec.kind === 'client' && index.project.options.clientMods);
      if (!known && !runsPython) {
        f.error([...at, 'systemName'], 'scenario.unknown-system', `node "${step.node}" has no system ${step.namespace}/${step.systemName} and runs no mods${spec.kind === 'client' ? ' (client mods run when options.clientMods is on)' : ''}`);
      }
      return;
    }
  }
}
