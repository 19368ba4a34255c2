// `switchboard validate FILE`: exit 0 when FILE is a valid project (a summary on stdout, warnings on stderr), 1 with
// every error on stderr as `FILE:LINE:COL: $.path: message`.
import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes';
import type { CliIo } from '../io';
import { loadProject } from '../load-project';

export function registerValidate(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('validate')
    .description('check a *.switchboard.json project file; errors and warnings go to stderr')
    .argument('<file>', 'project file')
    .action(async (file: string) => {
      const project = await loadProject(io, file);
      io.stdout.write(`${file}: valid project "${project.name}" (${project.nodes.length} nodes, ${project.scenarios.length} scenarios)\n`);
      done(EXIT_OK);
    });
}
