// A small scripted engine for tests of the Python runner: spawns switchboard_runner.py over the
// real protocol (python/PROTOCOL.md), sends commands, answers `call`s, runs nested commands.
// Tests only; src-main/mods/ is the real host.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUNNER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'runner', 'switchboard_runner.py');

/** Python 2.7 for tests: SWITCHBOARD_PYTHON, else pyenv's 2.7.18; throws saying what to install. */
export function findPython27(): string {
  const env = process.env.SWITCHBOARD_PYTHON;
  if (env) {
    if (!existsSync(env)) throw new Error(`SWITCHBOARD_PYTHON=${env} does not exist`);
    return env;
  }
  const roots: string[] = [];
  if (process.env.PYENV_ROOT) roots.push(process.env.PYENV_ROOT);
  try {
    roots.push(execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim());
  } catch {
    // pyenv not on PATH
  }
  roots.push(join(homedir(), '.pyenv'));
  for (const root of roots) {
    const candidate = join(root, 'versions', '2.7.18', 'bin', 'python2.7');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    'Python 2.7 not found: the mod runner tests need CPython 2.7.18. Install it with `pyenv install 2.7.18` ' +
      '(or point SWITCHBOARD_PYTHON at a python2.7 binary).',
  );
}

export type Msg = Record<string, any>;
export type CallReply = { value: unknown } | { error: string };

export interface CommandResult {
  /** Every line before the done, parsed, in order (nested commands' lines are in their own result). */
  messages: Msg[];
  /** The same lines as written by the runner. */
  raw: string[];
  done: Msg;
}

export interface Handlers {
  /** Answer a `call`; may run nested commands first through `ctx.command`. */
  onCall?: (msg: Msg, ctx: RunnerProcess) => CallReply | Promise<CallReply>;
}

export class RunnerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stderr: string[] = [];
  private buffer = '';
  private readonly lines: string[] = [];
  private waiter: (() => void) | null = null;
  private exited: number | null = null;

  constructor(python: string, cwd: string) {
    this.child = spawn(python, ['-u', '-B', RUNNER], {
      cwd,
      env: { ...process.env, PYTHONHASHSEED: '0', TZ: 'UTC', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
    });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, nl));
        this.buffer = this.buffer.slice(nl + 1);
      }
      this.wake();
    });
    // A write racing the process's exit fails with EPIPE; the exit itself is what tests look at.
    this.child.stdin.on('error', () => {});
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.stderr.push(chunk));
    this.child.on('exit', (code) => {
      this.exited = code ?? -1;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  async nextLine(timeoutMs = 10000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.lines.length === 0) {
      if (this.exited !== null) throw new Error(`runner exited (${this.exited}); stderr: ${this.stderr.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no line from the runner within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiter = () => {
          clearTimeout(t);
          res();
        };
      });
    }
    return this.lines.shift()!;
  }

  send(obj: Msg | string): void {
    this.child.stdin.write((typeof obj === 'string' ? obj : JSON.stringify(obj)) + '\n');
  }

  /** Send a command and collect its lines until its `done`, answering calls with `handlers.onCall`. */
  async command(cmd: Msg | string, handlers: Handlers = {}): Promise<CommandResult> {
    this.send(cmd);
    return this.collect(handlers);
  }

  async collect(handlers: Handlers = {}): Promise<CommandResult> {
    const messages: Msg[] = [];
    const raw: string[] = [];
    for (;;) {
      const line = await this.nextLine();
      const msg = JSON.parse(line) as Msg;
      if (msg.op === 'done') return { messages, raw, done: msg };
      if (msg.op === 'fatal') throw new Error(`runner fatal: ${msg.message}`);
      messages.push(msg);
      raw.push(line);
      if (msg.op === 'call') {
        const reply = handlers.onCall ? await handlers.onCall(msg, this) : { error: `no answer for ${msg.api}` };
        this.send('error' in reply ? { op: 'result', error: reply.error } : { op: 'result', value: reply.value });
      }
    }
  }

  async exit(): Promise<number> {
    if (this.exited === null) {
      this.send({ op: 'exit' });
      await new Promise<void>((res) => {
        if (this.exited !== null) res();
        else this.child.on('exit', () => res());
      });
    }
    return this.exited ?? -1;
  }

  kill(): void {
    if (this.exited === null) this.child.kill('SIGKILL');
  }
}

export function posts(result: CommandResult, api?: string): Msg[] {
  return result.messages.filter((m) => m.op === 'post' && (api === undefined || m.api === api));
}

export function logs(result: CommandResult, stream?: 'stdout' | 'stderr'): string[] {
  return result.messages.filter((m) => m.op === 'log' && (stream === undefined || m.stream === stream)).map((m) => m.text as string);
}
