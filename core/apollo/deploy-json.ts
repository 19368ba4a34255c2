// deploy.json → the servers it asks for. There is no official schema (apollo-official-facts §5);
// this reads what real projects hold: `common.master` (its `mods`), `proxy`, `lobby`, `game`
// (entries with `num`, `type`, `mods` as a comma-separated list of mod folder names) and
// `servicelist` (entries with `type`, `module_names`, `mods`). Anything odd is a finding with its
// line; the reading goes on with what makes sense.
import type { ApolloFindings, Position } from './findings';
import { isFolderName } from './paths';
import { readTolerantJson, type JsonPath, type TolerantJson } from './tolerant-json';

export const DEPLOY_FILE = 'deploy.json';

export type ServerKind = 'proxy' | 'lobby' | 'game' | 'service';
/** The deploy.json sections, in the order the import reads (and numbers) them. */
export const SECTIONS: readonly { key: string; kind: ServerKind }[] = [
  { key: 'proxy', kind: 'proxy' },
  { key: 'lobby', kind: 'lobby' },
  { key: 'game', kind: 'game' },
  { key: 'servicelist', kind: 'service' },
];

/** A mod folder named in deploy.json, and where it is named. */
export interface ModRef {
  name: string;
  at?: Position;
}

export interface DeployEntry {
  kind: ServerKind;
  /** Where the entry is: `lobby[1]`. */
  label: string;
  at?: Position;
  /** How many servers the entry starts. */
  num: number;
  /** lobby/game/service type; undefined when deploy.json gives none. */
  type?: string;
  mods: ModRef[];
  /** service: deploy.json `module_names`. */
  moduleNames: string[];
}

export interface DeployModel {
  master: { at?: Position; mods: ModRef[]; moduleNames: string[] } | null;
  /** Entries of every section, each section in file order: proxies, lobbies, games, services. */
  entries: DeployEntry[];
}

/** No entry may ask for more servers than this (a typo of `num` must not make a million nodes). */
export const MAX_NUM = 1000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function parseDeployJson(text: string, f: ApolloFindings, file = DEPLOY_FILE): DeployModel {
  const json = readTolerantJson(text, file, f);
  const model: DeployModel = { master: null, entries: [] };
  if (json.value === undefined) return model;
  if (!isObj(json.value)) {
    f.error(file, json.at([]), 'deploy.not-object', 'deploy.json must hold one JSON object (with "common", "proxy", "lobby", "game", "servicelist")');
    return model;
  }
  const root = json.value;
  const ctx: Ctx = { json, f, file };

  // The master: common.master (where deploy tools put it), or a top-level "master".
  const common = own(root, 'common') ? root.common : undefined;
  if (common !== undefined && !isObj(common)) f.warn(file, json.at(['common']), 'deploy.common', '"common" should be an object; it is ignored');
  const masterPath: JsonPath | null = isObj(common) && own(common, 'master') ? ['common', 'master'] : own(root, 'master') ? ['master'] : null;
  if (masterPath) {
    const m = masterPath.length === 2 ? (common as Obj).master : root.master;
    if (isObj(m)) {
      model.master = { at: json.at(masterPath), mods: readMods(ctx, m, masterPath), moduleNames: readNames(ctx, m, [...masterPath, 'module_names']) };
    } else {
      f.warn(file, json.at(masterPath), 'deploy.master', `"${masterPath.join('.')}" should be an object; the master runs no mods`);
    }
  }

  for (const { key, kind } of SECTIONS) {
    // Tolerated: servicelist written inside "common".
    const path: JsonPath | null = own(root, key) ? [key] : isObj(common) && own(common, key) ? ['common', key] : null;
    if (!path) continue;
    const section = path.length === 1 ? root[key] : (common as Obj)[key];
    const items: { v: unknown; p: JsonPath }[] = Array.isArray(section)
      ? section.map((v, i) => ({ v, p: [...path, i] }))
      : isObj(section)
        ? (f.warn(file, json.at(path), 'deploy.section-object', `"${key}" should be a list of entries; its one object is read as one entry`), [{ v: section, p: path }])
        : (f.error(file, json.at(path), 'deploy.section', `"${key}" should be a list of entries, got ${typeName(section)}; it is ignored`), []);
    for (const { v, p } of items) {
      const label = p.length > path.length ? `${key}[${p[p.length - 1]}]` : key;
      if (!isObj(v)) {
        f.error(file, json.at(p), 'deploy.entry', `${label} should be an object, got ${typeName(v)}; it is ignored`);
        continue;
      }
      model.entries.push(readEntry(ctx, v, p, kind, label));
    }
  }
  if (!model.master) f.warn(file, json.at([]), 'deploy.no-master', 'deploy.json has no "common.master"; a master without mods is added (every Apollo network has one)');
  return model;
}

interface Ctx {
  json: TolerantJson;
  f: ApolloFindings;
  file: string;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function readEntry(ctx: Ctx, o: Obj, p: JsonPath, kind: ServerKind, label: string): DeployEntry {
  const { json, f, file } = ctx;
  const entry: DeployEntry = { kind, label, at: json.at(p), num: readNum(ctx, o, p, label, kind), mods: readMods(ctx, o, p), moduleNames: [] };
  if (own(o, 'type') && typeof o.type === 'string' && o.type.trim() !== '') entry.type = o.type.trim();
  else if (kind !== 'proxy') {
    const why = own(o, 'type') ? `its "type" is ${typeName(o.type)}` : 'it has no "type"';
    f.warn(file, json.at(own(o, 'type') ? [...p, 'type'] : p), 'deploy.type', `${label}: ${why}; "${kind}" is used`);
  }
  if (own(o, 'app_type') && typeof o.app_type === 'string' && o.app_type !== kind) {
    f.warn(file, json.at([...p, 'app_type']), 'deploy.app-type', `${label} is in "${p[0]}" but says app_type "${o.app_type}"; it is read as a ${kind}`);
  }
  if (own(o, 'serverid')) {
    f.warn(file, json.at([...p, 'serverid']), 'deploy.serverid', `${label}: deploy.json carries no server ids; "serverid" is ignored and ids are assigned (editable in the project)`);
  }
  if (kind === 'service') entry.moduleNames = readNames(ctx, o, [...p, 'module_names']);
  else if (own(o, 'module_names')) f.warn(file, json.at([...p, 'module_names']), 'deploy.module-names', `${label}: only services (and the master) own modules; "module_names" is ignored`);
  return entry;
}

function readNum(ctx: Ctx, o: Obj, p: JsonPath, label: string, kind: ServerKind): number {
  const { json, f, file } = ctx;
  if (!own(o, 'num')) {
    // Service entries usually carry none (GetServiceConfig's example has no "num"): one service.
    if (kind !== 'service') f.warn(file, json.at(p), 'deploy.num-missing', `${label} has no "num"; 1 server is started`);
    return 1;
  }
  const raw = o.num;
  const at = json.at([...p, 'num']);
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) {
    n = Number(raw);
    f.warn(file, at, 'deploy.num-string', `${label}: "num" is the string ${JSON.stringify(raw)}; read as ${n}`);
  } else {
    f.error(file, at, 'deploy.num', `${label}: "num" should be a whole number, got ${typeName(raw)}; 1 server is started`);
    return 1;
  }
  if (!Number.isInteger(n) || n < 0) {
    f.error(file, at, 'deploy.num', `${label}: "num" should be a whole number ≥ 0, got ${n}; 1 server is started`);
    return 1;
  }
  if (n === 0) f.warn(file, at, 'deploy.num-zero', `${label}: "num" is 0, so this entry starts no server`);
  if (n > MAX_NUM) {
    f.error(file, at, 'deploy.num-large', `${label}: "num" is ${n}; at most ${MAX_NUM} servers per entry are imported`);
    return MAX_NUM;
  }
  return n;
}

/** `mods`: a comma-separated string of mod folder names (a list of strings is accepted too). */
function readMods(ctx: Ctx, o: Obj, p: JsonPath): ModRef[] {
  const { json, f, file } = ctx;
  if (!own(o, 'mods')) return [];
  const raw = o.mods;
  const at = json.at([...p, 'mods']);
  let names: { name: string; at?: Position }[];
  if (typeof raw === 'string') names = raw.split(',').map((s) => ({ name: s.trim(), at }));
  else if (Array.isArray(raw)) names = raw.flatMap((s, i) => (typeof s === 'string' ? [{ name: s.trim(), at: json.at([...p, 'mods', i]) }] : (f.warn(file, json.at([...p, 'mods', i]), 'deploy.mods', `a mod name should be a string, got ${typeName(s)}; it is ignored`), [])));
  else if (raw === null) names = [];
  else {
    f.error(file, at, 'deploy.mods', `"mods" should be a comma-separated string of mod folder names, got ${typeName(raw)}; it is ignored`);
    return [];
  }
  const out: ModRef[] = [];
  const seen = new Set<string>();
  for (const { name, at: where } of names) {
    if (name === '') continue;
    if (!isFolderName(name)) {
      f.error(file, where, 'deploy.mod-name', `mod "${name}" is not a folder name inside the Apollo folder; it is ignored`);
      continue;
    }
    if (seen.has(name)) {
      f.warn(file, where, 'deploy.mod-twice', `mod "${name}" is listed twice here; it is loaded once`);
      continue;
    }
    seen.add(name);
    out.push({ name, at: where });
  }
  return out;
}

/** `module_names`: a list of strings (a comma-separated string is accepted too). */
export function readNames(ctx: { json: TolerantJson; f: ApolloFindings; file: string }, o: Obj, p: JsonPath): string[] {
  const { json, f, file } = ctx;
  const key = p[p.length - 1] as string;
  if (!own(o, key)) return [];
  const raw = o[key];
  const at = json.at(p);
  let names: string[];
  if (Array.isArray(raw)) {
    names = raw.flatMap((s, i) => (typeof s === 'string' ? [s.trim()] : (f.warn(file, json.at([...p, i]), 'names.item', `"${key}" should hold strings, got ${typeName(s)}; it is ignored`), [])));
  } else if (typeof raw === 'string') names = raw.split(',').map((s) => s.trim());
  else if (raw === null) names = [];
  else {
    f.warn(file, at, 'names.type', `"${key}" should be a list of names, got ${typeName(raw)}; it is ignored`);
    return [];
  }
  return [...new Set(names.filter((n) => n !== ''))];
}
