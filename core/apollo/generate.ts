// deploy.json's servers + the mod folders → a Switchboard project. Ids are assigned the way the
// reference's examples number servers (master 0, proxies 2000+, lobbies 4000+, games 5000+,
// services 8000+), in deploy.json order, `num` per entry; they are written into the project, where
// the user may change them. The same input always gives the same project.
import { Options, PROJECT_FORMAT, PROJECT_VERSION, type NodeKind, type NodeSpec, type Project, type Scenario, type ScenarioStep } from '../model/schema';
import type { ApolloFindings } from './findings';
import { DEPLOY_FILE, type DeployModel, type ModRef, type ServerKind } from './deploy-json';
import type { ModFolder } from './mod-folder';
import type { ModJson, SupportKind } from './mod-json';
import { join } from './paths';

/** First serverId of each kind, and how many fit before the next range starts. */
export const ID_RANGES: Record<ServerKind, { first: number; max: number }> = {
  proxy: { first: 2000, max: 2000 },
  lobby: { first: 4000, max: 1000 },
  game: { first: 5000, max: 3000 },
  service: { first: 8000, max: 2000 },
};
export const MASTER_ID = 0;

export const DEFAULT_CLIENTS = 4;
export const MAX_CLIENTS = 2000;
export const DEFAULT_DURATION_MS = 60_000;
/** Boot timing: servers start this far apart, logins begin this long after the last start, one per gap. */
export const SERVER_GAP_MS = 10;
export const FIRST_LOGIN_DELAY_MS = 1000;
export const LOGIN_GAP_MS = 500;
export const FIRST_UID = 100001;
export const BOOT_SCENARIO = 'boot';

export interface GenerateOptions {
  name: string;
  /** The Apollo folder relative to the project file ('.' when they sit together). */
  root: string;
  clients: number;
  durationMs: number;
}

/** The mod folders each node kind loads, to check them against mod.json's support_server_type. */
export type Deployments = Map<string, { kinds: Set<NodeKind>; at: { file: string; line?: number } }>;

export function generateProject(model: DeployModel, mods: Map<string, ModFolder>, opts: GenerateOptions, f: ApolloFindings): { project: Project; deployed: Deployments } {
  const nodes: NodeSpec[] = [];
  const deployed: Deployments = new Map();
  const modPaths = (refs: ModRef[], kind: NodeKind): string[] | undefined => {
    for (const r of refs) {
      const d = deployed.get(r.name) ?? { kinds: new Set<NodeKind>(), at: { file: DEPLOY_FILE, line: r.at?.line } };
      d.kinds.add(kind);
      deployed.set(r.name, d);
    }
    const present = refs.filter((r) => mods.get(r.name)?.exists);
    return present.length > 0 ? present.map((r) => join(opts.root, r.name)) : undefined;
  };
  const mjsonModules = (refs: ModRef[]): { names: string[]; from: Map<string, ModJson> } => {
    const names: string[] = [];
    const from = new Map<string, ModJson>();
    for (const r of refs) {
      for (const sm of mods.get(r.name)?.server ?? []) {
        for (const m of sm.modJson?.moduleNames ?? []) {
          if (!names.includes(m)) {
            names.push(m);
            from.set(m, sm.modJson!);
          }
        }
      }
    }
    return { names, from };
  };

  // The master.
  const master: NodeSpec = { id: 'master', kind: 'master', name: 'master', serverId: MASTER_ID, systems: [] };
  if (model.master) {
    const m = modPaths(model.master.mods, 'master');
    if (m) master.mods = m;
    const names = union(model.master.moduleNames, mjsonModules(model.master.mods).names);
    if (names.length > 0) master.moduleNames = names;
  }
  nodes.push(master);

  // Servers, numbered per kind in deploy.json order.
  const next: Record<ServerKind, number> = { proxy: 0, lobby: 0, game: 0, service: 0 };
  const byKind: Record<ServerKind, NodeSpec[]> = { proxy: [], lobby: [], game: [], service: [] };
  for (const e of model.entries) {
    const range = ID_RANGES[e.kind];
    let n = e.num;
    if (next[e.kind] + n > range.max) {
      f.error(DEPLOY_FILE, e.at, 'import.id-range', `${e.label}: only ${range.max} ${e.kind} servers fit in ids ${range.first}..${range.first + range.max - 1}; ${next[e.kind] + n - range.max} are left out`);
      n = Math.max(0, range.max - next[e.kind]);
    }
    const m = modPaths(e.mods, e.kind);
    let moduleNames: string[] | undefined;
    if (e.kind === 'service') {
      const fromMods = mjsonModules(e.mods);
      for (const name of fromMods.names) {
        if (!e.moduleNames.includes(name)) {
          const j = fromMods.from.get(name)!;
          f.warn(j.file, j.moduleNamesAt, 'import.module-not-in-deploy', `module "${name}" (from this mod.json) is not in ${e.label}'s "module_names" in deploy.json; MCStudio adds it on deploy, and so does the import`);
        }
      }
      moduleNames = union(e.moduleNames, fromMods.names);
    }
    if (e.kind === 'proxy' && m) f.warn(DEPLOY_FILE, e.mods[0]?.at, 'import.proxy-mods', `${e.label} lists mods; Apollo plugins are lobby, game, master or service mods, so a proxy loads them without an Init`);
    for (let i = 0; i < n; i++) {
      const serverId = range.first + next[e.kind]++;
      const node: NodeSpec = { id: `${e.kind}-${serverId}`, kind: e.kind, name: e.kind === 'proxy' ? `proxy ${serverId}` : `${e.type ?? e.kind} ${serverId}`, serverId, systems: [] };
      if (e.kind !== 'proxy') node.type = e.type ?? e.kind;
      if (moduleNames && moduleNames.length > 0) node.moduleNames = [...moduleNames];
      if (m) node.mods = [...m];
      byKind[e.kind].push(node);
    }
  }

  // Clients, spread over the proxies (one is added when deploy.json has none).
  const clientCount = Math.min(Math.max(0, Math.floor(opts.clients)), MAX_CLIENTS);
  if (clientCount > 0 && byKind.proxy.length === 0) {
    f.warn(DEPLOY_FILE, undefined, 'import.no-proxy', 'deploy.json lists no proxy; proxy 2000 is added so the clients can connect');
    byKind.proxy.push({ id: 'proxy-2000', kind: 'proxy', name: 'proxy 2000', serverId: ID_RANGES.proxy.first, systems: [] });
  }
  if (clientCount > 0 && byKind.lobby.length + byKind.game.length === 0) {
    f.warn(DEPLOY_FILE, undefined, 'import.no-lobby', 'deploy.json lists no lobby or game server, so the clients have nowhere to log in');
  }
  const clients: NodeSpec[] = [];
  for (let i = 0; i < clientCount; i++) {
    const proxy = byKind.proxy[i % byKind.proxy.length];
    clients.push({ id: `client-${i + 1}`, kind: 'client', name: `player ${i + 1}`, uid: FIRST_UID + i, proxy: proxy.serverId, systems: [] });
  }

  // Boot order: master, services, proxies, lobbies, games; then the players.
  const servers = [master, ...byKind.service, ...byKind.proxy, ...byKind.lobby, ...byKind.game];
  nodes.push(...byKind.proxy, ...byKind.lobby, ...byKind.game, ...byKind.service, ...clients);
  const steps: ScenarioStep[] = servers.map((n, i) => ({ at: i * SERVER_GAP_MS, do: 'start', node: n.id }));
  const firstLogin = (servers.length - 1) * SERVER_GAP_MS + FIRST_LOGIN_DELAY_MS;
  clients.forEach((c, i) => steps.push({ at: firstLogin + i * LOGIN_GAP_MS, do: 'login', client: c.id }));
  const last = steps.length > 0 ? steps[steps.length - 1].at : 0;
  if (opts.durationMs < last) {
    f.warn(DEPLOY_FILE, undefined, 'import.duration-short', `the boot scenario lasts ${opts.durationMs} ms but its last step is at ${last} ms; the steps after the end do not run`);
  }
  const boot: Scenario = {
    name: BOOT_SCENARIO,
    description: 'Every server starts as on a real network (master, services, proxies, lobbies, games; each gets the engine events a real server gets), then the players log in one by one.',
    startStopped: true,
    durationMs: opts.durationMs,
    steps,
  };

  const hasClientCode = [...mods.values()].some((m) => m.client.some((c) => c.script !== null));
  const serverCount = servers.length;
  const project: Project = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: opts.name,
    description: `Imported from ${DEPLOY_FILE}: ${serverCount} server${serverCount === 1 ? '' : 's'} and ${clientCount} player${clientCount === 1 ? '' : 's'}. Mod folders are referenced relative to this file.${hasClientCode ? ' Client mods (behavior_packs) run when options.clientMods is on.' : ''}`,
    options: Options.parse({}),
    apollo: { root: opts.root },
    nodes,
    links: [],
    scenarios: [boot],
  };
  return { project, deployed };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** mod.json says which server types a mod supports; a mod deployed elsewhere deserves a word. */
export function checkSupport(mods: Map<string, ModFolder>, deployed: Deployments, f: ApolloFindings): void {
  for (const [name, d] of deployed) {
    for (const sm of mods.get(name)?.server ?? []) {
      const supports = sm.modJson?.supports;
      if (!supports) continue;
      for (const kind of d.kinds) {
        if (kind === 'proxy' || kind === 'client') continue;
        if (!supports.includes(kind as SupportKind)) {
          f.warn(sm.modJson!.file, sm.modJson!.supportsAt, 'modjson.not-supported', `"${name}" is deployed on a ${kind} (${d.at.file}${d.at.line ? ` line ${d.at.line}` : ''}) but support_server_type is [${supports.join(', ')}]; it is loaded anyway`);
        }
      }
    }
  }
}

/** netgame_mod_name copied from another mod: Apollo tells mods apart by it. */
export function checkNames(mods: Map<string, ModFolder>, f: ApolloFindings): void {
  const first = new Map<string, string>();
  for (const m of mods.values()) {
    for (const sm of m.server) {
      const j = sm.modJson;
      if (!j?.name) continue;
      const other = first.get(j.name);
      if (other === undefined) first.set(j.name, j.file);
      else f.warn(j.file, j.nameAt, 'modjson.duplicate-name', `netgame_mod_name "${j.name}" is also the name in ${other} (copied from it?); mods are told apart by this name`);
    }
  }
}
