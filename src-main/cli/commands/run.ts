// `switchboard run FILE [--scenario NAME] [--seed N] [--out PATH] [--no-trace] [--max-events N] [--until MS]`:
// simulates the project and writes the NDJSON trace (header line, then one event per line) to
// stdout or, atomically, to PATH. `--no-trace` keeps no events (the engine only counts them) and
// writes one JSON line of counts instead: for runs too long to record. `--until MS` runs to virtual
// time MS instead of the scenario's end; `--max-events N` stops after N events (the trace then holds
// the first N). A run the engine stops as a livelock (options.maxEventsPerInstant) still writes
// its trace, ending in the `error` event that names the cycle, says so on stderr and exits 1.
// Defaults: the project's first scenario (none if it has none) and seed 1, the engine's default.
// Exit 1 for invalid input (a bad project, a scenario the project does not have); 2 for bad usage
// (unknown option, a seed that is not an integer in 0..2^32-1). Same file + scenario + seed ⇒ the
// same bytes: the engine is deterministic and the encoder's key order is fixed. stderr ends with a
// one-line summary (events, virtual time, drops, timeouts, problems); --problems lists the problems.
import { InvalidArgumentError, type Command } from 'commander';
import { analyzeProblems, contextFromProject } from '../../../core/diagnostics';
import path from 'node:path';
import { Simulation } from '../../../core/engine/simulation';
import { projectHasMods } from '../../../core/mods';
import { PythonModHost } from '../../mods/python-host';
import { encodeTraceChunks } from '../../../core/trace/ndjson';
import { CliError, EXIT_INVALID, EXIT_OK } from '../exit-codes';
import type { TraceStore } from '../../../core/engine/types';
import { resolvePath, type CliIo } from '../io';
import { loadProject } from '../load-project';
import { countTrace, formatProblems, runSummary } from '../problems-report';
import { writeChunks, writeFileAtomic } from '../write-output';

const MAX_SEED = 2 ** 32 - 1;

/** The engine's PRNG takes a 32-bit unsigned seed; anything else would be silently wrapped. */
export function parseSeed(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_SEED) throw new InvalidArgumentError(`expected an integer from 0 to ${MAX_SEED}`);
  return n;
}

/** A count bound: a positive safe integer. */
export function parseCount(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** Virtual milliseconds: a finite number >= 0. */
export function parseMs(value: string): number {
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected virtual milliseconds, a number >= 0');
  return n;
}

interface RunOptions {
  scenario?: string;
  seed?: number;
  out?: string;
  /** False with --no-trace. */
  trace?: boolean;
  problems?: boolean;
  python?: string;
  maxEvents?: number;
  until?: number;
}

/** The first `n` events of a trace (what --max-events writes). */
function firstEvents(trace: TraceStore, n: number): TraceStore {
  return {
    header: trace.header,
    length: Math.min(trace.length, n),
    total: Math.min(trace.total, n),
    first: trace.first,
    countsByType: () => trace.countsByType(),
    get: (i) => trace.get(i),
    slice: (from, to) => trace.slice(from, Math.min(to ?? n, n)),
    discardBefore: () => trace.first,
  };
}

/** What `run --no-trace` writes: the run's identity, its virtual duration and its event counts. */
export function runCounts(sim: Simulation): { project: string; scenario: string | null; seed: number; virtualMs: number; events: number; byType: Record<string, number> } {
  const h = sim.trace.header;
  return { project: h.project, scenario: h.scenario, seed: h.seed, virtualMs: sim.now, events: sim.trace.total, byType: sim.trace.countsByType() };
}

export function registerRun(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('run')
    .description('simulate a project and write its NDJSON trace (stdout, or --out)')
    .argument('<file>', 'project file')
    .option('--scenario <name>', 'scenario to run (default: the first in the project)')
    .option('--seed <n>', 'PRNG seed, an integer from 0 to 2^32-1 (default: 1)', parseSeed)
    .option('--out <path>', 'write the trace to this file (atomically) instead of stdout')
    .option('--problems', 'also list the problems of the run on stderr (as switchboard check does)')
    .option('--no-trace', 'record nothing, count events only: write {"events":N,"byType":{...},...} instead of the trace')
    .option('--python <path>', 'the Python 2.7 that runs the project\'s mods (default: found on PATH, pyenv, py -2.7)')
    .option('--max-events <n>', 'stop after N events (the trace holds the first N)', parseCount)
    .option('--until <ms>', 'run to this virtual time (ms) instead of the scenario\'s end', parseMs)
    .action(async (file: string, opts: RunOptions) => {
      const project = await loadProject(io, file);
      const names = project.scenarios.map((s) => s.name);
      const scenario = opts.scenario ?? names[0] ?? null;
      if (scenario !== null && !names.includes(scenario)) {
        throw new CliError(`${file}: no scenario named "${scenario}" (scenarios: ${names.map((n) => `"${n}"`).join(', ') || 'none'})`, EXIT_INVALID);
      }
      const record = opts.trace !== false;
      const mods = projectHasMods(project) ? modHost(io, file, opts.python) : undefined;
      const sim = new Simulation(project, { seed: opts.seed ?? 1, scenario, record, ...(mods ? { mods } : {}) });
      if (opts.maxEvents !== undefined) sim.limitEvents(opts.maxEvents);
      try {
        sim.runUntil(opts.until ?? sim.scenarioEnd);
      } finally {
        sim.close();
      }
      const trace = opts.maxEvents !== undefined ? firstEvents(sim.trace, opts.maxEvents) : sim.trace;
      const chunks = record ? encodeTraceChunks(trace) : [`${JSON.stringify(runCounts(sim))}\n`];
      if (opts.out !== undefined) await writeFileAtomic(resolvePath(io, opts.out), chunks);
      else await writeChunks(io.stdout, chunks);
      if (record) {
        const groups = analyzeProblems(sim.trace, contextFromProject(sim.project));
        if (opts.problems) io.stderr.write(formatProblems(groups, sim.trace));
        io.stderr.write(`${runSummary({ events: sim.trace.length, virtualMs: sim.now, ...countTrace(sim.trace), problems: groups.length }, file)}\n`);
      } else {
        const c = runCounts(sim);
        io.stderr.write(`${runSummary({ events: c.events, virtualMs: c.virtualMs, drops: c.byType.drop ?? 0 }, file)}\n`);
      }
      const halted = sim.halted;
      if (halted?.reason === 'max-events') {
        const at = trace.length > 0 ? trace.get(trace.length - 1).t : sim.now;
        io.stderr.write(`switchboard: ${file}: stopped at t=${at} ms after ${opts.maxEvents} events (--max-events)\n`);
      }
      if (halted?.reason === 'livelock') {
        io.stderr.write(`switchboard: ${file}: the run stopped as a livelock: ${halted.detail} (the trace ends with it, seq ${halted.seq})\n`);
        return done(EXIT_INVALID);
      }
      done(EXIT_OK);
    });
}

/** The Python mod runtime for a project file: mods are the user's code, run with their rights. */
function modHost(io: CliIo, file: string, python: string | undefined): PythonModHost {
  const host = new PythonModHost({ projectDir: path.dirname(resolvePath(io, file)), python: python ?? null });
  if (host.python.ok) io.stderr.write(`switchboard: running the project's Python mods with ${host.python.command} (Python ${host.python.version}); they are your code and run with your rights\n`);
  else io.stderr.write(`switchboard: ${host.python.message} The mods do not run; the trace says which nodes are affected.\n`);
  return host;
}
