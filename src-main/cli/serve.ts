// `switchboard serve [--port N] [--project FILE | --apollo DIR] [--no-open] [--live-events N] [--recordings-mb N]`:
// web mode on 127.0.0.1 (without --project or --apollo: the built-in quickstart, as an unsaved copy). Prints the
// URL (with this run's token) on stdout once listening — and nothing else on stdout; runs until
// SIGINT/SIGTERM. On a fresh clone it builds the renderer first (`npm run build`, output to stderr).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HostError } from '../host/errors';
import { installProcessGuard } from '../host/guard';
import { hostLimitsFromEnv } from '../host/settings';
import { startWebMode } from '../web/web-mode';
import { openBrowser } from '../web/open-browser';
import { CliError, EXIT_USAGE } from './exit-codes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER = path.join(ROOT, 'out', 'renderer');

function buildRendererIfMissing(): void {
  if (fs.existsSync(path.join(RENDERER, 'index.html')) || !fs.existsSync(path.join(ROOT, 'src-renderer', 'index.html'))) return;
  process.stderr.write('switchboard: the app is not built yet; running "npm run build"…\n');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) throw new CliError('"npm run build" failed; the web app cannot be served.');
}

export async function serveCommand(opts: { port?: number; project?: string; apollo?: string; open?: boolean; liveEvents?: number; recordingsMb?: number }): Promise<void> {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be an integer 0..65535, got ${opts.port}`, EXIT_USAGE);
  // Listen for a stop before anything starts: a Ctrl+C at any moment (even while starting) ends
  // the server cleanly instead of killing the process mid-start.
  let stopRequested!: () => void;
  const stopped = new Promise<void>((resolve) => (stopRequested = resolve));
  process.once('SIGINT', stopRequested);
  process.once('SIGTERM', stopRequested);
  try {
    buildRendererIfMissing();
    let web: Awaited<ReturnType<typeof startWebMode>>;
    try {
      if (opts.apollo) process.stderr.write(`switchboard: importing the Apollo project in ${opts.apollo}; its mods are your own code and run with your rights, like your test suite.\n`);
      const env = hostLimitsFromEnv();
      const limits = {
        liveEvents: opts.liveEvents ?? env.liveEvents,
        recordingsBudgetBytes: opts.recordingsMb !== undefined ? opts.recordingsMb * 1024 * 1024 : env.recordingsBudgetBytes,
      };
      web = await startWebMode({ staticDir: RENDERER, port, project: opts.project ? path.resolve(opts.project) : undefined, apollo: opts.apollo ? path.resolve(opts.apollo) : undefined, limits });
    } catch (err) {
      // A bad project or a taken port is the user's input, not a crash: one message, exit 1.
      if (err instanceof HostError || (err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError((err as Error).message);
      throw err;
    }
    // From here on nothing a request, a tick or a library callback throws ends the process.
    const unguard = installProcessGuard(web.host);
    process.stdout.write(`${web.server.url}\n`);
    if (opts.open !== false) openBrowser(web.server.url);
    await stopped;
    await web.close();
    unguard();
  } finally {
    process.off('SIGINT', stopRequested);
    process.off('SIGTERM', stopRequested);
  }
}
