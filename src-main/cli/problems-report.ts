// The Problems view as text: `switchboard check` prints it on stdout, `run --problems` on stderr,
// and `run` always ends with a one-line summary on stderr.
import type { ProblemGroup } from '../../core/diagnostics';
import type { TraceEvent } from '../../core/trace/event';

export interface Lookup {
  readonly length: number;
  get(i: number): TraceEvent;
}

const fmt = new Intl.NumberFormat('en-US');

function plural(n: number, word: string): string {
  return `${fmt.format(n)} ${word}${n === 1 ? '' : 's'}`;
}

export interface RunFigures {
  events: number;
  virtualMs: number;
  drops: number;
  /** Undefined when the run kept no trace (--no-trace): RPC states were not recorded. */
  timeouts?: number;
  problems?: number;
}

/** Drops and timeouts of a recorded trace. */
export function countTrace(trace: Lookup): { drops: number; timeouts: number } {
  let drops = 0;
  let timeouts = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace.get(i);
    if (e.type === 'drop') drops++;
    else if (e.type === 'rpc' && e.rpc?.state === 'timedOut') timeouts++;
  }
  return { drops, timeouts };
}

/** `12,345 events · 60.0 s virtual · 3 drops · 1 timeout · 4 problems (switchboard check FILE lists them)` */
export function runSummary(f: RunFigures, file: string): string {
  const parts = [plural(f.events, 'event'), `${(f.virtualMs / 1000).toFixed(1)} s virtual`, plural(f.drops, 'drop')];
  if (f.timeouts !== undefined) parts.push(plural(f.timeouts, 'timeout'));
  if (f.problems !== undefined) parts.push(`${plural(f.problems, 'problem')}${f.problems > 0 ? ` (switchboard check ${file} lists them)` : ''}`);
  else parts.push('problems not analysed (no trace kept)');
  return parts.join(' · ');
}

/** seq → event, for traces whose seq is index + 1 (engine traces, files written by run). */
function bySeq(trace: Lookup, seq: number): TraceEvent | undefined {
  const e = seq >= 1 && seq <= trace.length ? trace.get(seq - 1) : undefined;
  return e && e.seq === seq ? e : undefined;
}

/** The report: one block per group (kind, title, explanation, suggestion, its first events). */
export function formatProblems(groups: readonly ProblemGroup[], trace: Lookup, maxEvents = 5): string {
  if (groups.length === 0) return 'No problems: every message arrived and was handled, every RPC answered.\n';
  const lines: string[] = [`${plural(groups.length, 'problem')} (${plural(groups.reduce((n, g) => n + g.events.length, 0), 'event')})`, ''];
  for (const g of groups) {
    lines.push(`[${g.kind}] ${g.title}`);
    for (const l of g.explanation.split('\n')) lines.push(`  ${l}`);
    if (g.suggestion) lines.push(`  → ${g.suggestion}`);
    const shown = g.events.slice(0, maxEvents).map((seq) => {
      const e = bySeq(trace, seq);
      return e ? `#${seq} (${e.type} at ${e.t} ms)` : `#${seq}`;
    });
    const more = g.events.length > maxEvents ? ` and ${fmt.format(g.events.length - maxEvents)} more` : '';
    lines.push(`  events: ${shown.join(', ')}${more}`, '');
  }
  return `${lines.join('\n')}`;
}
