// `switchboard check FILE [--scenario NAME] [--seed N] [--json]`: the Problems view of a run. FILE is a
// project (its scenario is run first, as `run` would) or an NDJSON trace (read as it is; suggestions
// then know only the topology in its header). Exit 0 with no problems, 3 with problems, 1 for invalid
// input, 2 for bad usage.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyzeProblems, contextFromHeader, contextFromProject, type ProblemGroup } from '../../../core/diagnostics';
import { Simulation } from '../../../core/engine/simulation';
import { stringifyJson } from '../../../core/json';
import { readTrace } from '../../../core/trace/ndjson-reader';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_PROBLEMS } from '../exit-codes';
import { resolvePath, type CliIo } from '../io';
import { loadProject } from '../load-project';
import { formatProblems, type Lookup } from '../problems-report';
import { parseSeed } from './run';

interface CheckOptions {
  scenario?: string;
  seed?: number;
  json?: boolean;
}

/** A trace file starts with its header line. */
function looksLikeTrace(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"switchboard-trace"/.test(text.slice(0, 200));
}

export function registerCheck(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('check')
    .description('list the problems of a run (unhandled, drops, no-route, timeouts, misuse, ...), grouped by cause with suggestions')
    .argument('<file>', 'project file (its scenario is run) or NDJSON trace')
    .option('--scenario <name>', 'scenario to run (default: the first in the project)')
    .option('--seed <n>', 'PRNG seed, an integer from 0 to 2^32-1 (default: 1)', parseSeed)
    .option('--json', 'print the groups as JSON')
    .action(async (file: string, opts: CheckOptions) => {
      let text: string;
      try {
        text = await readFile(resolvePath(io, file), 'utf8');
      } catch (e) {
        throw new CliError(`${file}: cannot read: ${(e as Error).message}`, EXIT_INVALID);
      }
      let groups: ProblemGroup[];
      let trace: Lookup;
      if (looksLikeTrace(text)) {
        const read = readTrace(text);
        for (const err of read.errors.slice(0, 20)) io.stderr.write(`${file}:${err.line}: ${err.message}\n`);
        trace = { length: read.events.length, get: (i) => read.events[i] };
        groups = analyzeProblems(read.events, contextFromHeader(read.header));
      } else {
        const { sim } = await runProject(io, file, opts);
        trace = sim.trace;
        groups = analyzeProblems(sim.trace, contextFromProject(sim.project));
      }
      io.stdout.write(opts.json ? `${stringifyJson(groups, 2)}\n` : formatProblems(groups, trace));
      done(groups.length > 0 ? EXIT_PROBLEMS : EXIT_OK);
    });
}

/** Validate and run a project's scenario, as `run` does. */
export async function runProject(io: CliIo, file: string, opts: { scenario?: string; seed?: number }): Promise<{ sim: Simulation }> {
  const project = await loadProject(io, file);
  const names = project.scenarios.map((s) => s.name);
  const scenario = opts.scenario ?? names[0] ?? null;
  if (scenario !== null && !names.includes(scenario)) {
    throw new CliError(`${file}: no scenario named "${scenario}" (scenarios: ${names.map((n) => `"${n}"`).join(', ') || 'none'})`, EXIT_INVALID);
  }
  const sim = new Simulation(project, { seed: opts.seed ?? 1, scenario });
  sim.runScenario();
  return { sim };
}
