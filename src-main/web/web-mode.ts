// Web mode as a whole: a host on the real engine, the project to start with, and the server.
import { createRequire } from 'node:module';
import { Host } from '../host/host';
import { defaultConfigDir } from '../host/config-dir';
import { createSimulation } from '../host/simulation-factory';
import { startWebServer, type WebServer } from './server';

export interface WebModeOptions {
  staticDir: string;
  port?: number;
  project?: string;
  configDir?: string;
}

export async function startWebMode(opts: WebModeOptions): Promise<{ host: Host; server: WebServer; close: () => Promise<void> }> {
  const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  const host = new Host({ mode: 'web', version, configDir: opts.configDir ?? defaultConfigDir(), createSimulation });
  if (opts.project) await host.openFile(opts.project);
  else await host.newDocument();
  host.start();
  const server = await startWebServer({ host, staticDir: opts.staticDir, port: opts.port });
  return {
    host,
    server,
    close: async () => {
      await server.close();
      await host.close();
    },
  };
}
