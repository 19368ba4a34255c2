// `switchboard serve [--port N] [--project FILE] [--no-open]`: web mode on 127.0.0.1. Prints the
// URL (with this run's token) on stdout once listening; runs until SIGINT/SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebMode } from '../web/web-mode';
import { openBrowser } from '../web/open-browser';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function serveCommand(opts: { port?: number; project?: string; open?: boolean }): Promise<void> {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0..65535, got ${opts.port}`);
  const web = await startWebMode({
    staticDir: path.join(ROOT, 'out', 'renderer'),
    port,
    project: opts.project ? path.resolve(opts.project) : undefined,
  });
  process.stdout.write(`${web.server.url}\n`);
  if (opts.open !== false) openBrowser(web.server.url);
  await new Promise<void>((resolve) => {
    const stop = () => void web.close().finally(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
