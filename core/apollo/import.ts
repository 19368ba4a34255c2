// The import as a whole: deploy.json and the mod folders it names (through an ApolloReader) → a
// project, the findings, and the folder model the runtime loads mods from. Never throws for bad
// input: every problem is a finding, and the project holds what could be made sense of.
import type { Project } from '../model/schema';
import { validateProject } from '../model/validate';
import { parseDeployJson, DEPLOY_FILE, type DeployModel, type ModRef } from './deploy-json';
import { ApolloFindings, type ApolloFinding } from './findings';
import { checkNames, checkSupport, DEFAULT_CLIENTS, DEFAULT_DURATION_MS, generateProject } from './generate';
import { scanModFolder, type ModFolder } from './mod-folder';
import { normalize } from './paths';
import type { ApolloReader } from './reader';

export interface ImportOptions {
  /** Project name; callers pass the Apollo folder's name. */
  name: string;
  /** The Apollo folder as the project file sees it (POSIX, relative); '.' when the project sits beside deploy.json. */
  root?: string;
  /** Players to add (default 4). */
  clients?: number;
  /** Virtual ms the boot scenario runs (default 60 000). */
  durationMs?: number;
}

export interface ApolloImport {
  project: Project;
  findings: ApolloFinding[];
  /** Every mod folder deploy.json names, in the order first named. */
  mods: ModFolder[];
  /** False when the folder has no readable deploy.json (not an Apollo project). */
  hasDeployJson: boolean;
}

export function importApollo(reader: ApolloReader, opts: ImportOptions): ApolloImport {
  const f = new ApolloFindings();
  const r = reader.read(DEPLOY_FILE);
  let model: DeployModel = { master: null, entries: [] };
  if (r.ok) model = parseDeployJson(r.text, f);
  else f.error(DEPLOY_FILE, undefined, r.reason === 'missing' ? 'deploy.missing' : 'deploy.unreadable', r.reason === 'missing' ? 'no deploy.json here: pick the folder that holds deploy.json and the mod folders it names' : `cannot read deploy.json: ${r.message}`);

  const mods = new Map<string, ModFolder>();
  const refs: ModRef[] = [...(model.master?.mods ?? []), ...model.entries.flatMap((e) => e.mods)];
  for (const ref of refs) if (!mods.has(ref.name)) mods.set(ref.name, scanModFolder(reader, ref.name, f, { file: DEPLOY_FILE, at: ref.at }));

  const { project, deployed } = generateProject(model, mods, {
    name: opts.name.trim() || 'Apollo project',
    root: normalize((opts.root ?? '.').replace(/\\/g, '/')),
    clients: opts.clients ?? DEFAULT_CLIENTS,
    durationMs: opts.durationMs ?? DEFAULT_DURATION_MS,
  }, f);
  checkSupport(mods, deployed, f);
  checkNames(mods, f);

  // A safety net: what the import writes must be a valid project; an error here is a bug of the import.
  const v = validateProject(project);
  if (!v.ok) for (const e of v.errors) f.error(DEPLOY_FILE, undefined, 'import.invalid-project', `the generated project is invalid at ${e.path}: ${e.message}`);
  return { project: v.ok ? v.project : project, findings: f.list, mods: [...mods.values()], hasDeployJson: r.ok };
}
