// A small Apollo project as real ones look (official plugin layout, a hand-edited deploy.json):
// fixtures/apollo/import/acme, read through Vite's import.meta.glob (core has no file system).
// Its quirks are on purpose: a comment and a trailing comma in deploy.json, a duplicate "type",
// spaces in a mods list, a mod.json with "Game" and a netgame_mod_name copied from another mod,
// module_names written as a string; and its mods run: the lobby asks the shop service for a
// player's coins, and divides by zero for a player who has none (an error with a traceback).
const FILES = import.meta.glob<string>('../../../fixtures/apollo/import/acme/**/*', { eager: true, query: '?raw', import: 'default' });
const PREFIX = '../../../fixtures/apollo/import/acme/';

/** Path (relative to the acme folder) → text, a fresh copy each call. */
export function acmeFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, text] of Object.entries(FILES)) out[p.slice(PREFIX.length)] = text;
  return out;
}

export const ACME_DEPLOY = acmeFiles()['deploy.json'];
