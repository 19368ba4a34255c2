// Web mode as a whole: a host on the real engine, the project to start with, and the server.
// Order matters: everything that can fail (renderer missing, bad project, port taken) happens
// before the host's tick starts, so a failed start leaves nothing running.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Host } from '../host/host';
import { defaultConfigDir } from '../host/config-dir';
import { createSimulation } from '../host/simulation-factory';
import { startWebServer, type WebServer } from './server';
import { hostLimitsFromEnv, limitOptions, type HostLimits } from '../host/settings';

/** What `serve` opens without --project: the built-in quickstart, as an unsaved copy (Save downloads it). */
export const QUICKSTART_FILE = fileURLToPath(new URL('../../fixtures/projects/quickstart.switchboard.json', import.meta.url));

export interface WebModeOptions {
  staticDir: string;
  port?: number;
  project?: string;
  /** An Apollo folder to import at start (and re-import on "Open Apollo project…"). */
  apollo?: string;
  configDir?: string;
  /** The live-run cap and the recordings budget (default: from the environment, see host/settings.ts). */
  limits?: HostLimits;
}

export async function startWebMode(opts: WebModeOptions): Promise<{ host: Host; server: WebServer; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(opts.staticDir, 'index.html'))) throw new Error(`${opts.staticDir}/index.html is missing: run "npm run build" first.`);
  const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  const apolloDir = opts.apollo ? path.resolve(opts.apollo) : undefined;
  const host = new Host({ mode: 'web', version, configDir: opts.configDir ?? defaultConfigDir(), createSimulation, apolloDir, ...limitOptions(opts.limits ?? hostLimitsFromEnv()) });
  let server: WebServer;
  try {
    if (apolloDir) {
      await host.openApollo(apolloDir);
    } else if (opts.project) {
      // The one file this web mode may open and save: the user named it on the command line.
      host.files.choose(opts.project);
      await host.openFile(opts.project);
    } else {
      await host.openText(path.basename(QUICKSTART_FILE), await fs.promises.readFile(QUICKSTART_FILE, 'utf8'));
    }
    server = await startWebServer({ host, staticDir: opts.staticDir, port: opts.port });
  } catch (err) {
    await host.close();
    throw err;
  }
  host.start();
  return {
    host,
    server,
    close: async () => {
      await server.close();
      await host.close();
    },
  };
}
