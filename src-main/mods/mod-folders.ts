// Where a mod folder's Python lives (apollo-official-facts.md §4): server side in
// `developer_mods/<X>Dev/` (mod.json and a script package holding modMain.py), client side in
// `behavior_packs/<X>*/` (a script package holding modMain.py). A folder that is itself a
// `<X>Dev` (it holds the script package directly) is accepted too.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { ModInfo, ResolvedMods } from '../../core/mods/types';

function dirs(p: string): string[] {
  try {
    return fs
      .readdirSync(p, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Script packages (sub-folders holding modMain.py) directly under `dir`. */
function scriptPackages(dir: string): string[] {
  return dirs(dir).filter((d) => isFile(path.join(dir, d, 'modMain.py')));
}

function readModJson(dir: string): { value: unknown; problem?: string } {
  const file = path.join(dir, 'mod.json');
  if (!isFile(file)) return { value: null };
  try {
    const errors: ParseError[] = [];
    const value = parseJsonc(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
    return errors.length ? { value, problem: `${file}: not valid JSON near offset ${errors[0].offset}; read what could be read` } : { value };
  } catch (e) {
    return { value: null, problem: `${file}: ${(e as Error).message}` };
  }
}

function modName(modJson: unknown, fallback: string): string {
  const n = (modJson as { netgame_mod_name?: unknown } | null)?.netgame_mod_name;
  return typeof n === 'string' && n ? n : fallback;
}

function fromDevDir(devDir: string, out: ResolvedMods): void {
  const json = readModJson(devDir);
  if (json.problem) out.problems.push(json.problem);
  const pkgs = scriptPackages(devDir);
  if (pkgs.length === 0) {
    out.problems.push(`${devDir}: no script package with a modMain.py (expected ${path.basename(devDir).replace(/Dev$/, '')}Script/modMain.py)`);
    return;
  }
  for (const script of pkgs) out.mods.push({ name: modName(json.value, path.basename(devDir)), dir: devDir, script, modJson: json.value });
}

/** The server-side mods of the mod folders a node names (paths relative to the project folder). */
export function resolveServerMods(projectDir: string, folders: readonly string[]): ResolvedMods {
  const out: ResolvedMods = { mods: [], problems: [] };
  for (const rel of folders) {
    const folder = path.resolve(projectDir, rel);
    if (!fs.existsSync(folder)) {
      out.problems.push(`mod folder ${rel} does not exist (looked in ${folder})`);
      continue;
    }
    const dev = path.join(folder, 'developer_mods');
    if (fs.existsSync(dev)) {
      const devDirs = dirs(dev);
      if (devDirs.length === 0) out.problems.push(`${dev} is empty`);
      for (const d of devDirs) fromDevDir(path.join(dev, d), out);
    } else if (scriptPackages(folder).length > 0) {
      fromDevDir(folder, out);
    } else if (!fs.existsSync(path.join(folder, 'behavior_packs'))) {
      out.problems.push(`mod folder ${rel} has no developer_mods/ (and no script package with a modMain.py)`);
    }
  }
  return out;
}

/** Client-side mods: every behaviour pack (with a modMain.py) of the given mod folders, once each. */
export function resolveClientMods(projectDir: string, folders: readonly string[]): ResolvedMods {
  const out: ResolvedMods = { mods: [], problems: [] };
  const seen = new Set<string>();
  for (const rel of folders) {
    const packs = path.join(path.resolve(projectDir, rel), 'behavior_packs');
    for (const p of dirs(packs)) {
      const packDir = path.join(packs, p);
      if (seen.has(packDir)) continue;
      seen.add(packDir);
      for (const script of scriptPackages(packDir)) out.mods.push({ name: p, dir: packDir, script, modJson: null } satisfies ModInfo);
    }
  }
  return out;
}

/** Every mod.sql of the given mod folders (at the folder's root or in a developer_mods/<X>Dev), once each. */
export function findSqlScripts(projectDir: string, folders: readonly string[]): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(file) || !isFile(file)) return;
    seen.add(file);
    try {
      const st = fs.statSync(file);
      // A schema script, not a dump: a bound keeps a stray huge file from stalling the run.
      if (st.size > 4 * 1024 * 1024) return;
      out.push({ file, text: fs.readFileSync(file, 'utf8') });
    } catch {
      // unreadable: the runtime reports the missing tables when mods use them
    }
  };
  for (const rel of folders) {
    const folder = path.resolve(projectDir, rel);
    add(path.join(folder, 'mod.sql'));
    const dev = path.join(folder, 'developer_mods');
    for (const d of dirs(dev)) add(path.join(dev, d, 'mod.sql'));
  }
  return out;
}
