// `switchboard serve [--port N] [--project FILE] [--no-open]`: the app in a browser (web mode).
// The implementation (src-main/cli/serve.ts) is loaded only when asked for, so `validate` and
// `run` never load the web server.
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT_OK } from '../exit-codes';
import { resolvePath, type CliIo } from '../io';

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
    .option('--no-open', 'do not open a browser')
    .action(async (opts: { port?: number; project?: string; open: boolean }) => {
      const { serveCommand } = await import('../serve');
      await serveCommand({ port: opts.port, project: opts.project === undefined ? undefined : resolvePath(io, opts.project), open: opts.open });
      done(EXIT_OK);
    });
}
