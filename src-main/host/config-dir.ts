// Where the host keeps its own state (recent files, autosaves, recordings). Injectable for tests;
// SWITCHBOARD_CONFIG_DIR overrides for e2e runs so they never touch the user's real config.
import os from 'node:os';
import path from 'node:path';

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SWITCHBOARD_CONFIG_DIR) return path.resolve(env.SWITCHBOARD_CONFIG_DIR);
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(base, 'switchboard');
}
