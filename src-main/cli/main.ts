// The `switchboard` command line: validate a project, run it to a trace, serve the app, merge recordings.
// `main(args)` takes the arguments after the program name and resolves to the exit code; it never
// calls process.exit, so tests run it in-process. Commands live in ./commands, one file each
// (add `export` and others there).
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerImport } from './commands/import';
import { registerCheck } from './commands/check';
import { registerMerge } from './commands/merge';
import { registerRun } from './commands/run';
import { registerServe } from './commands/serve-command';
import { registerValidate } from './commands/validate';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { processIo, type CliIo } from './io';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(HERE, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('switchboard')
    .description('Simulate NetEase Apollo server messaging: validate projects, run scenarios to NDJSON traces')
    .version(version())
    // Set before the subcommands are added: they inherit both.
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError('(switchboard --help lists the commands and options)');
  registerValidate(program, io, done);
  registerRun(program, io, done);
  registerCheck(program, io, done);
  registerServe(program, io, done);
  registerImport(program, io, done);
  registerMerge(program, io, done);
  return program;
}

/** Runs the CLI on `args` (without node and the script path); resolves to the exit code. */
export async function main(args: string[], io: CliIo = processIo()): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end parsing through the same exception as real errors.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      io.stderr.write(`switchboard: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(`switchboard: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_INVALID;
  }
}

/** True when this process was started to run the CLI: this file directly, or bin/switchboard.mjs (which imports it). */
function startedAsCli(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    const real = realpathSync(entry);
    return real === realpathSync(fileURLToPath(import.meta.url)) || real === realpathSync(path.join(HERE, '../../bin/switchboard.mjs'));
  } catch {
    return false;
  }
}

if (startedAsCli()) {
  process.exitCode = await main(process.argv.slice(2));
}
