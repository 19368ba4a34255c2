// Sequence view → Mermaid `sequenceDiagram` text.
import type { Events } from './source';
import { sequenceModel, sequenceRows, type SequenceModel, type SequenceOptions } from './sequence';

export interface MermaidOptions extends SequenceOptions {
  /** Cap on messages + notes written (default 400: Mermaid renders slowly beyond that). */
  maxItems?: number;
  /** Show times in labels (default true). */
  times?: boolean;
}

/** Text Mermaid shows as-is: no statement separators, comments or entity starts. */
export function mermaidText(s: string): string {
  return s.replace(/[;#%\r\n]/g, ' ').replace(/\s+/g, ' ').trim() || '-';
}

function fmt(t: number): string {
  return `${Math.round(t * 1000) / 1000}ms`;
}

export function modelToMermaid(m: SequenceModel, opts: { times?: boolean } = {}): string {
  const times = opts.times ?? true;
  const lines = ['sequenceDiagram'];
  const name = (lane: number) => `L${lane}`;
  for (const l of m.lifelines) lines.push(`  participant ${name(l.lane)} as ${mermaidText(`${l.id} (${l.kind})`)}`);
  for (const row of sequenceRows(m)) {
    if ('arrow' in row) {
      const a = row.arrow;
      if (a.fromLane < 0) continue;
      const label = (times ? `${fmt(a.t)} ` : '') + (a.thick ? `broadcast ${a.label}` : a.label);
      a.toLanes.forEach((to, k) => {
        if (to < 0) return;
        const out = a.outcomes.find((o) => o.lane === to);
        const dropped = out !== undefined && !out.delivered;
        const arrow = a.kind === 'response' ? (dropped ? '--x' : '-->>') : dropped ? '-x' : '->>';
        const text = dropped ? `${label} dropped ${out?.reason ?? ''}` : label;
        lines.push(`  ${name(a.fromLane)}${arrow}${name(to)}: ${mermaidText(k === 0 || !a.thick ? text : `(same) ${a.event}`)}`);
      });
    } else {
      const n = row.note;
      const lanes = n.lanes.filter((l) => l >= 0);
      if (lanes.length === 0) continue;
      const over = lanes.length > 1 && lanes[0] !== lanes[1] ? `${name(lanes[0])},${name(lanes[1])}` : name(lanes[0]);
      lines.push(`  Note over ${over}: ${mermaidText((times ? `${fmt(n.t)} ` : '') + n.text)}`);
    }
  }
  if (m.truncated) lines.push(`  Note over ${name(0)}: ${mermaidText(`… cut at event ${m.to}`)}`);
  return lines.join('\n') + '\n';
}

/** Mermaid sequenceDiagram of a window of the trace (only the lifelines it involves). */
export function toMermaid(events: Events, opts: MermaidOptions = {}): string {
  const m = sequenceModel(events, { lanes: 'involved', ...opts, maxItems: opts.maxItems ?? 400 });
  if (m.lifelines.length === 0) return 'sequenceDiagram\n  participant L0 as (empty)\n';
  return modelToMermaid(m, opts);
}
