// `switchboard import DIR [--out FILE] [--clients N] [--duration MS] [--force]`: turns an Apollo
// project (DIR holds deploy.json and the mod folders it names) into a Switchboard project file.
// Default FILE: DIR/<folder name>.switchboard.json, so the project sits with the code and names
// the mod folders relative to itself. The import's findings go to stderr as
// `DIR/FILE:LINE:COL: warning|error: message`; then the written project's own validation warnings,
// as `validate` prints them. An existing FILE is replaced only when it already holds exactly this
// import, or with --force (it may carry the user's edits). Exit 0; 1 when an import finding is an
// error (the file is still written: it holds what could be imported) or DIR is not an Apollo
// project or FILE would be overwritten; 2 for bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { formatFinding, MAX_CLIENTS } from '../../../core/apollo';
import { validateProjectText } from '../../../core/model/validate';
import { importFolder } from '../../apollo/import-folder';
import { serializeProject } from '../../host/files/project-file';
import { CliError, EXIT_INVALID, EXIT_OK } from '../exit-codes';
import { resolvePath, type CliIo } from '../io';
import { formatIssue } from '../load-project';
import { writeFileAtomic } from '../write-output';

export function parseClients(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_CLIENTS) throw new InvalidArgumentError(`expected a number of players from 0 to ${MAX_CLIENTS}`);
  return n;
}

export function parseDuration(value: string): number {
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n > 1e12) throw new InvalidArgumentError('expected virtual milliseconds, e.g. 60000');
  return n;
}

interface ImportOptions {
  out?: string;
  clients?: number;
  duration?: number;
  force?: boolean;
}

export function registerImport(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('import')
    .description('import an Apollo project (a folder with deploy.json and its mod folders) as a Switchboard project')
    .argument('<dir>', 'the folder holding deploy.json')
    .option('--out <file>', 'project file to write (default: DIR/<folder name>.switchboard.json)')
    .option('--clients <n>', 'players to add, spread over the proxies (default: 4)', parseClients)
    .option('--duration <ms>', 'virtual ms the boot scenario runs (default: 60000)', parseDuration)
    .option('--force', 'replace FILE even if it differs from this import (it may hold your edits)')
    .action(async (dir: string, opts: ImportOptions) => {
      const abs = resolvePath(io, dir);
      if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new CliError(`${dir}: not a folder`, EXIT_INVALID);
      const r = importFolder(abs, { projectFile: opts.out === undefined ? undefined : resolvePath(io, opts.out), clients: opts.clients, durationMs: opts.duration });
      for (const f of r.findings) io.stderr.write(`${formatFinding(f, dir)}\n`);
      if (!r.hasDeployJson) throw new CliError(`${dir}: not an Apollo project (no readable deploy.json); nothing written`, EXIT_INVALID);

      const out = opts.out ?? path.join(dir, path.basename(r.projectFile));
      const text = serializeProject(r.project);
      let existing: string | null = null;
      try {
        existing = fs.readFileSync(r.projectFile, 'utf8');
      } catch {
        existing = null;
      }
      if (existing !== null && existing !== text && !opts.force) {
        throw new CliError(`${out} exists and differs from this import (it may hold your edits): not overwritten. Use --force to replace it, or --out to write elsewhere.`, EXIT_INVALID);
      }
      if (existing !== text) await writeFileAtomic(r.projectFile, [text]);

      // The written project's own warnings (e.g. a service no module reaches), as `validate` prints them.
      const v = validateProjectText(text, out);
      for (const w of v.warnings) io.stderr.write(`${formatIssue(out, w, 'warning')}\n`);
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      const warnings = r.findings.length - errors + v.warnings.length;
      const servers = r.project.nodes.filter((n) => n.kind !== 'client').length;
      const players = r.project.nodes.length - servers;
      const what = existing === text ? 'up to date' : existing === null ? 'written' : 'replaced';
      io.stdout.write(
        `${out}: ${what}: "${r.project.name}" with ${servers} servers, ${players} players, ${r.mods.length} mod folders; ` +
          `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. Run it: switchboard run ${out}\n`,
      );
      done(errors > 0 ? EXIT_INVALID : EXIT_OK);
    });
}
