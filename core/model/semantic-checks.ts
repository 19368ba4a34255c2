// The checks zod cannot express (semantics §1 and the cross-references between nodes, links, rules
// and scenarios). Runs on a project that already passed the schema.
import { checkRules } from './checks/rules';
import { ProjectIndex } from './checks/project-index';
import { checkReachability } from './checks/reachability';
import { checkScenarios } from './checks/scenarios';
import { checkLinks, checkNodes } from './checks/topology';
import { Findings } from './issues';
import type { Project } from './schema';

export function semanticChecks(project: Project): Findings {
  const f = new Findings();
  const index = new ProjectIndex(project);
  checkNodes(project, index, f);
  checkLinks(project, index, f);
  checkRules(project, f);
  checkScenarios(project, index, f);
  checkReachability(project, index, f);
  return f;
}
