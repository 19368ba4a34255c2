// mod.json of a developer_mods/<X>Dev folder (the official plugin spec): `netgame_mod_name`,
// `netgame_mod_version`, `support_server_type` (game/lobby/master/service), `module_names`
// (required for a service mod), and every tunable the mod reads, annotated with "_comment" keys.
// Files in the wild carry duplicate keys, "Master" for master and names copied from another mod:
// all accepted, with warnings.
import type { ApolloFindings, Position } from './findings';
import { readNames } from './deploy-json';
import { readTolerantJson } from './tolerant-json';

export const SUPPORT_KINDS = ['game', 'lobby', 'master', 'service'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export interface ModJson {
  file: string;
  /** The parsed object (duplicate keys: the last counts), as the runtime hands it to the mod. */
  value: Record<string, unknown>;
  name?: string;
  nameAt?: Position;
  version?: string;
  /** null when the file does not say. */
  supports: SupportKind[] | null;
  supportsAt?: Position;
  moduleNames: string[];
  moduleNamesAt?: Position;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Returns null when the file holds no object at all (an error finding says why). */
export function parseModJson(text: string, file: string, f: ApolloFindings): ModJson | null {
  const json = readTolerantJson(text, file, f);
  if (json.value === undefined) return null;
  if (!isObj(json.value)) {
    f.error(file, json.at([]), 'modjson.not-object', 'mod.json must hold one JSON object; it is not used');
    return null;
  }
  const o = json.value;
  const out: ModJson = { file, value: o, supports: null, moduleNames: [] };

  if (own(o, 'netgame_mod_name')) {
    out.nameAt = json.at(['netgame_mod_name']);
    if (typeof o.netgame_mod_name === 'string' && o.netgame_mod_name.trim() !== '') out.name = o.netgame_mod_name.trim();
    else f.warn(file, out.nameAt, 'modjson.name', '"netgame_mod_name" should be the mod\'s name (a string)');
  }
  if (typeof o.netgame_mod_version === 'string') out.version = o.netgame_mod_version;

  if (own(o, 'support_server_type')) {
    out.supportsAt = json.at(['support_server_type']);
    const raw = o.support_server_type;
    const items: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
    if (!Array.isArray(raw)) {
      if (typeof raw === 'string') f.warn(file, out.supportsAt, 'modjson.support-string', `"support_server_type" should be a list, like ["lobby", "game"]; the string ${JSON.stringify(raw)} is read as one`);
      else f.warn(file, out.supportsAt, 'modjson.support-type', '"support_server_type" should be a list of server types; it is ignored');
    }
    const kinds: SupportKind[] = [];
    items.forEach((item, i) => {
      const at = Array.isArray(raw) ? json.at(['support_server_type', i]) : out.supportsAt;
      if (typeof item !== 'string') {
        f.warn(file, at, 'modjson.support-item', `"support_server_type" should hold strings; ${JSON.stringify(item)} is ignored`);
        return;
      }
      const word = item.trim();
      const kind = word.toLowerCase();
      if (!(SUPPORT_KINDS as readonly string[]).includes(kind)) {
        f.warn(file, at, 'modjson.support-unknown', `"${word}" is not a server type a mod supports (game, lobby, master, service); it is ignored`);
        return;
      }
      if (word !== kind) f.warn(file, at, 'modjson.support-case', `"${word}" is read as "${kind}" (Apollo's server types are lowercase)`);
      if (!kinds.includes(kind as SupportKind)) kinds.push(kind as SupportKind);
    });
    if (Array.isArray(raw) || typeof raw === 'string') out.supports = kinds;
  }

  if (own(o, 'module_names')) {
    out.moduleNamesAt = json.at(['module_names']);
    out.moduleNames = readNames({ json, f, file }, o, ['module_names']);
  }
  return out;
}
