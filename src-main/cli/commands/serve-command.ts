// `switchboard serve [--port N] [--project FILE | --apollo DIR] [--python PATH] [--no-open] [--live-events N] [--recordings-mb N]`:
// the app in a browser (web mode); without --project or --apollo it opens the built-in quickstart.
// The implementation (src-main/cli/serve.ts) is loaded only when asked for, so `validate` and
// `run` never load the web server.
import { InvalidArgumentError, type Command } from 'commander';
import { CliError, EXIT_OK, EXIT_USAGE } from '../exit-codes';
import { resolvePath, type CliIo } from '../io';
import { parseCount } from './run';

function parsePort(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}

export function registerServe(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the app on 127.0.0.1 and open it in a browser')
    .option('--port <n>', 'port (default: any free port)', parsePort)
    .option('--project <file>', 'project to open')
    .option('--apollo <dir>', 'import and open an Apollo project (the folder holding deploy.json); its mods run with your rights')
    .option('--python <path>', 'the Python 2.7 that runs the mods (default: found on PATH, pyenv, py -2.7; or SWITCHBOARD_PYTHON)')
    .option('--no-open', 'do not open a browser')
    .option('--live-events <n>', 'newest events a live run keeps, in memory and in its recording (default 1000000)', parseCount)
    .option('--recordings-mb <n>', 'most megabytes the recordings folder may hold, oldest removed first (default 2048)', parseCount)
    .action(async (opts: { port?: number; project?: string; apollo?: string; python?: string; open: boolean; liveEvents?: number; recordingsMb?: number }) => {
      if (opts.project !== undefined && opts.apollo !== undefined) throw new CliError('give either --project or --apollo, not both', EXIT_USAGE);
      // The mod runtime looks here first (src-main/mods/find-python.ts).
      if (opts.python !== undefined) process.env.SWITCHBOARD_PYTHON = resolvePath(io, opts.python);
      const { serveCommand } = await import('../serve');
      await serveCommand({
        port: opts.port,
        project: opts.project === undefined ? undefined : resolvePath(io, opts.project),
        apollo: opts.apollo === undefined ? undefined : resolvePath(io, opts.apollo),
        open: opts.open,
        liveEvents: opts.liveEvents,
        recordingsMb: opts.recordingsMb,
      });
      done(EXIT_OK);
    });
}
