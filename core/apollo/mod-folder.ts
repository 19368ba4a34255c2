// One mod folder named in deploy.json: `developer_mods/<X>Dev/` (server side: mod.json and a script
// package holding modMain.py, "该文件名称不可以更改") and optionally `behavior_packs/<X>*/` (client
// side, a script package with modMain.py when the pack has code). Everything is found through the
// ApolloReader; a missing piece is a finding naming the file.
import type { ApolloFindings, Position } from './findings';
import { parseModJson, type ModJson } from './mod-json';
import { join } from './paths';
import type { ApolloReader, DirEntry } from './reader';

export interface ServerMod {
  /** `modA/developer_mods/modADev`, relative to the Apollo folder. */
  dir: string;
  /** The package holding modMain.py (`modAScript`), or null when there is none. */
  script: string | null;
  modMain: string | null;
  modJson: ModJson | null;
}

export interface ClientMod {
  /** `modA/behavior_packs/modABehavior`. */
  dir: string;
  script: string | null;
  modMain: string | null;
}

export interface ModFolder {
  /** The name deploy.json uses, which is the folder's path relative to the Apollo folder. */
  name: string;
  exists: boolean;
  server: ServerMod[];
  client: ClientMod[];
}

export const DEVELOPER_MODS = 'developer_mods';
export const BEHAVIOR_PACKS = 'behavior_packs';
export const MOD_MAIN = 'modMain.py';
export const MOD_JSON = 'mod.json';

const byName = (a: DirEntry, b: DirEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Sorted entries (a file system's order is not deterministic). */
function entries(reader: ApolloReader, dir: string): DirEntry[] | null {
  const list = reader.list(dir);
  return list ? [...list].sort(byName) : null;
}

/** The entry named exactly `name`; a case-only match is used too, with a warning (Linux servers would not find it). */
function find(list: DirEntry[], name: string, dir: boolean, where: string, f: ApolloFindings): DirEntry | undefined {
  const exact = list.find((e) => e.name === name && e.dir === dir);
  if (exact) return exact;
  const loose = list.find((e) => e.name.toLowerCase() === name.toLowerCase() && e.dir === dir);
  if (loose) f.warn(join(where, loose.name), undefined, 'mod.name-case', `named "${loose.name}"; Apollo looks for "${name}" (letter case matters on its Linux servers). Used anyway`);
  return loose;
}

export function scanModFolder(reader: ApolloReader, name: string, f: ApolloFindings, namedIn: { file: string; at?: Position }): ModFolder {
  const folder: ModFolder = { name, exists: false, server: [], client: [] };
  const top = entries(reader, name);
  if (!top) {
    f.error(namedIn.file, namedIn.at, 'mod.folder-missing', `mod folder "${name}" is named here but is not in the Apollo folder; its nodes run without it`);
    return folder;
  }
  folder.exists = true;
  const dev = find(top, DEVELOPER_MODS, true, name, f);
  const packs = find(top, BEHAVIOR_PACKS, true, name, f);
  if (!dev && !packs) {
    f.warn(name, undefined, 'mod.empty', `"${name}" has neither ${DEVELOPER_MODS}/ nor ${BEHAVIOR_PACKS}/, so it has no code to run`);
    return folder;
  }
  if (dev) {
    const devDir = join(name, dev.name);
    const mods = (entries(reader, devDir) ?? []).filter((e) => e.dir);
    if (mods.length === 0) f.warn(devDir, undefined, 'mod.no-server-mod', `${devDir}/ holds no mod folder (like ${DEVELOPER_MODS}/<X>Dev/)`);
    for (const m of mods) folder.server.push(scanServerMod(reader, join(devDir, m.name), f));
  }
  if (packs) {
    const packsDir = join(name, packs.name);
    for (const p of (entries(reader, packsDir) ?? []).filter((e) => e.dir)) {
      const dir = join(packsDir, p.name);
      const script = findScript(reader, dir, f, false);
      folder.client.push({ dir, script, modMain: script === null ? null : join(dir, script, MOD_MAIN) });
    }
  }
  return folder;
}

function scanServerMod(reader: ApolloReader, dir: string, f: ApolloFindings): ServerMod {
  const script = findScript(reader, dir, f, true);
  const mod: ServerMod = { dir, script, modMain: script === null ? null : join(dir, script, MOD_MAIN), modJson: null };
  const list = entries(reader, dir) ?? [];
  const json = find(list, MOD_JSON, false, dir, f);
  if (!json) {
    f.warn(dir, undefined, 'mod.no-mod-json', `no ${MOD_JSON} in ${dir}/: the mod gets an empty configuration`);
    return mod;
  }
  const file = join(dir, json.name);
  const r = reader.read(file);
  if (!r.ok) f.error(file, undefined, 'mod.mod-json-unreadable', `cannot read ${MOD_JSON}: ${r.message}`);
  else mod.modJson = parseModJson(r.text, file, f);
  return mod;
}

/**
 * The script package: the sub-folder of `dir` that holds modMain.py. Several: the first by name
 * (warned). None: an error for a server mod (nothing to load), nothing for a data-only pack.
 */
function findScript(reader: ApolloReader, dir: string, f: ApolloFindings, required: boolean): string | null {
  const list = entries(reader, dir) ?? [];
  const found: string[] = [];
  for (const sub of list.filter((e) => e.dir)) {
    const inside = entries(reader, join(dir, sub.name)) ?? [];
    if (find(inside, MOD_MAIN, false, join(dir, sub.name), f)) found.push(sub.name);
  }
  if (found.length > 1) f.warn(dir, undefined, 'mod.many-mod-main', `several packages hold ${MOD_MAIN} (${found.join(', ')}); "${found[0]}" is loaded`);
  if (found.length > 0) return found[0];
  if (!required) return null;
  const atRoot = list.some((e) => !e.dir && e.name === MOD_MAIN);
  f.error(
    dir,
    undefined,
    'mod.no-mod-main',
    atRoot ? `${MOD_MAIN} sits directly in ${dir}/; Apollo loads it from a script package (${dir}/<X>Script/${MOD_MAIN})` : `no ${MOD_MAIN} in any package of ${dir}/ (expected ${dir}/<X>Script/${MOD_MAIN}); this mod is not loaded`,
  );
  return null;
}
