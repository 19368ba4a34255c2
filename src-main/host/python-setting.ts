// The Python 2.7 the app runs mods with: `--python` / SWITCHBOARD_PYTHON when given, else the one the
// user chose in the app (kept in <configDir>/python.json), else the one found on the machine. The
// app's status line says which and where it came from; a path is stored only once it runs as 2.7.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PythonStatus } from '../../core/contract';
import { findPython, forgetFoundPython, findPythonCached, type PythonFound, type PythonMissing } from '../mods/find-python';
import { atomicWriteFile } from './files/atomic-write';

const Stored = z.object({ version: z.literal(1), python: z.string().min(1).max(4096) });

export class PythonSetting {
  private readonly file: string;
  private chosen: string | null;

  constructor(
    configDir: string,
    /** `--python` (or SWITCHBOARD_PYTHON read by the shell): beats the stored choice, not changeable in the app. */
    private readonly fromCommandLine: string | null,
    /** Whether the app may change the choice (Electron: a native file dialog; web mode: no). */
    private readonly canChoose: boolean,
  ) {
    this.file = path.join(configDir, 'python.json');
    this.chosen = readStored(this.file);
  }

  /** The path to use (null: find one on the machine). */
  get path(): string | null {
    return this.fromCommandLine ?? (process.env.SWITCHBOARD_PYTHON || null) ?? this.chosen;
  }

  private get given(): boolean {
    return this.fromCommandLine !== null || !!process.env.SWITCHBOARD_PYTHON;
  }

  /** What runs mods now; `refresh` looks again (the user installed a Python meanwhile). */
  status(refresh = false): PythonStatus {
    if (refresh) forgetFoundPython();
    const found = findPythonCached(this.path);
    const source = this.given ? (this.fromCommandLine !== null ? '--python' : 'SWITCHBOARD_PYTHON') : this.chosen !== null ? 'chosen in the app' : null;
    return describe(found.ok && source ? { ...found, source } : found, this.chosen, this.given, this.canChoose);
  }

  /**
   * Keep `file` as the user's choice when it runs as a Python 2.7; otherwise the old choice stays
   * and the status says what is wrong with `file`.
   */
  async choose(file: string): Promise<{ status: PythonStatus; refused?: string }> {
    const probe = findPython({ explicit: file });
    if (!probe.ok) return { status: this.status(), refused: probe.message };
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    await atomicWriteFile(this.file, JSON.stringify({ version: 1, python: file }, null, 2) + '\n');
    this.chosen = file;
    return { status: this.status(true) };
  }

  /** Forget the choice: find a Python on the machine again. */
  async clear(): Promise<PythonStatus> {
    await fs.promises.rm(this.file, { force: true });
    this.chosen = null;
    return this.status(true);
  }
}

/** A missing or corrupt file reads as no choice: the app still starts and finds a Python itself. */
function readStored(file: string): string | null {
  try {
    const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.python : null;
  } catch {
    return null;
  }
}

function describe(found: PythonFound | PythonMissing, chosen: string | null, commandLine: boolean, canChoose: boolean): PythonStatus {
  const base = { chosen, commandLine, canChoose };
  if (!found.ok) return { ...base, found: false, message: found.message, tried: found.tried.slice(0, 20) };
  return { ...base, found: true, command: [found.command, ...found.args].join(' '), version: found.version, source: found.source };
}
