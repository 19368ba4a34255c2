// One Python runner process as the engine sees it (core/mods/types.ts ModProcess): send a command
// line, block until its `done`, handing every post/call/log/stub line to the engine as it comes.
import type { CallReply, ExchangeResult, ModDone, ModMessage, ModProcess } from '../../core/mods/types';
import { parseJson, stringifyJson } from '../../core/json';
import type { ModChannel, SpawnSpec } from './channel';

/** The least wall-clock time a `load` gets (process start, imports, Init hooks). */
const LOAD_TIMEOUT_MS = 60_000;

export interface PythonProcessOptions {
  /** Wall-clock ms a single command may run before the process is taken for hung and killed. */
  timeoutMs: number;
}

export class PythonProcess implements ModProcess {
  private readonly id: number;
  private dead: string | null = null;

  constructor(
    private readonly channel: ModChannel,
    spec: SpawnSpec,
    private readonly label: string,
    private readonly opts: PythonProcessOptions,
  ) {
    this.id = channel.spawn(spec);
  }

  exchange(command: Record<string, unknown>, onMessage: (msg: ModMessage) => CallReply | undefined): ExchangeResult {
    if (this.dead) return { ok: false, reason: this.dead };
    this.channel.send(this.id, stringifyJson(command));
    // A load also starts Python and imports every mod: on a busy machine that alone can take seconds.
    const timeoutMs = command.op === 'load' ? Math.max(this.opts.timeoutMs, LOAD_TIMEOUT_MS) : this.opts.timeoutMs;
    for (;;) {
      const line = this.channel.next(this.id, timeoutMs);
      if (line === null) {
        return this.fail(`${this.label}: mod code did not return within ${timeoutMs / 1000} s of real time (an endless loop?); its process was stopped`, true);
      }
      if (line.kind === 'exit') return this.fail(`${this.label}: ${line.message}`);
      if (line.kind === 'stderr') {
        onMessage({ op: 'log', node: String(command.node ?? ''), stream: 'stderr', text: line.text });
        continue;
      }
      let msg: Record<string, unknown>;
      try {
        msg = parseJson(line.text) as Record<string, unknown>;
      } catch {
        return this.fail(`${this.label}: the runner wrote a line that is not JSON: ${line.text.slice(0, 200)}`);
      }
      switch (msg.op) {
        case 'done':
          return { ok: true, done: msg as unknown as ModDone };
        case 'fatal':
          return this.fail(`${this.label}: the mod runner failed: ${String(msg.message)}`);
        case 'call': {
          const reply = onMessage(msg as unknown as ModMessage) ?? { error: 'no answer' };
          this.channel.send(this.id, stringifyJson('error' in reply ? { op: 'result', error: reply.error } : { op: 'result', value: reply.value }));
          break;
        }
        default:
          onMessage(msg as unknown as ModMessage);
      }
    }
  }

  private fail(reason: string, hung = false): ExchangeResult {
    this.dead = reason;
    this.channel.kill(this.id, hung);
    return { ok: false, reason };
  }

  close(): void {
    if (this.dead) return;
    this.dead = `${this.label}: stopped`;
    this.channel.send(this.id, '{"op":"exit"}');
    this.channel.kill(this.id);
  }
}
