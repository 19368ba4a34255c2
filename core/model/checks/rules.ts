// Behaviour rules (issue item 5): each rule may only do what its node kind can do.
import { kindMayCall } from '../../api/interfaces';
import type { Findings } from '../issues';
import type { CallAction, NodeSpec, Project, Rule } from '../schema';
import { checkCall } from './calls';

type Path = (string | number)[];

const REQUESTS = new Set(['RequestToService', 'RequestToServiceMod']);

export function checkRules(project: Project, f: Findings): void {
  project.nodes.forEach((node, i) => {
    node.systems.forEach((system, s) => {
      system.rules.forEach((rule, r) => checkRule(node, rule, ['nodes', i, 'systems', s, 'rules', r], f));
    });
  });
}

function checkRule(node: NodeSpec, rule: Rule, at: Path, f: Findings): void {
  if (rule.on === 'rpc') {
    if (rule.register === 'mod' && node.kind !== 'service') {
      f.error([...at, 'register'], 'rule.rpc-mod-not-service', `register "mod" (RegisterRpcMethodForMod) is for service nodes; "${node.id}" is a ${node.kind}`);
    }
    if (rule.register === 'module') {
      if (!kindMayCall(node.kind, 'RegisterRpcMethod')) {
        f.error([...at, 'register'], 'rule.rpc-module-kind', `register "module" (RegisterRpcMethod) is for service and master nodes; "${node.id}" is a ${node.kind}`);
      }
      if (rule.module === undefined) {
        f.error([...at, 'module'], 'rule.rpc-module-missing', 'register "module" (RegisterRpcMethod) needs "module": the module the handler answers for');
      } else if ((node.kind === 'service' || node.kind === 'master') && !(node.moduleNames ?? []).includes(rule.module)) {
        f.warn([...at, 'module'], 'rule.rpc-module-not-owned', `module "${rule.module}" is not in "${node.id}".moduleNames, so RequestToService never routes it here`);
      }
    }
  }
  if (rule.on === 'http' && node.kind !== 'master') {
    f.error([...at, 'on'], 'rule.http-not-master', `http rules (masterHttp.RegisterMasterHttp) are for the master; "${node.id}" is a ${node.kind}`);
  }
  checkActions(node, rule.actions as CallAction[], [...at, 'actions'], f);
}

function checkActions(node: NodeSpec, actions: CallAction[], at: Path, f: Findings): void {
  actions.forEach((action, a) => {
    const here = [...at, a];
    checkCall(node.kind, action.call, action.args, [...here, 'call'], [...here, 'args'], f);
    if (action.onResult !== undefined) {
      if (!REQUESTS.has(action.call)) {
        f.warn([...here, 'onResult'], 'rule.on-result-ignored', `onResult only runs for RequestToService / RequestToServiceMod, not ${action.call}`);
      }
      checkActions(node, action.onResult, [...here, 'onResult'], f);
    }
  });
}
