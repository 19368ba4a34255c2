// Sequence view → Mermaid `sequenceDiagram` text.
import type { Events } from './source';
import { MESSAGE_COLORS, MESSAGE_KINDS, type MessageKind } from './message-style';
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

/** Mermaid cannot colour one arrow, but it can tint a band of rows: each message (and each
 * callback/timeout note) sits in a band of its kind's colour, the same as the canvas legend. */
export function band(kind: MessageKind): string {
  const hex = MESSAGE_COLORS.light[kind];
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rect rgba(${r}, ${g}, ${b}, 0.14)`;
}

export function modelToMermaid(m: SequenceModel, opts: { times?: boolean } = {}): string {
  const times = opts.times ?? true;
  const lines = ['sequenceDiagram', `  %% bands: ${MESSAGE_KINDS.map((k) => `${k} ${MESSAGE_COLORS.light[k]}`).join(', ')}`];
  const name = (lane: number) => `L${lane}`;
  for (const l of m.lifelines) lines.push(`  participant ${name(l.lane)} as ${mermaidText(`${l.id} (${l.kind})`)}`);
  for (const row of sequenceRows(m)) {
    if ('arrow' in row) {
      const a = row.arrow;
      if (a.fromLane < 0) continue;
      const label = (times ? `${fmt(a.t)} ` : '') + (a.thick ? `broadcast ${a.label}` : a.label);
      lines.push(`  ${band(a.thick ? 'broadcast' : a.kind === 'drop' ? 'drop' : a.kind)}`);
      a.toLanes.forEach((to, k) => {
        if (to < 0) return;
        const out = a.outcomes.find((o) => o.lane === to);
        const dropped = out !== undefined && !out.delivered;
        const arrow = a.kind === 'response' ? (dropped ? '--x' : '-->>') : dropped ? '-x' : '->>';
        const text = dropped ? `${label} dropped ${out?.reason ?? ''}` : label;
        lines.push(`  ${name(a.fromLane)}${arrow}${name(to)}: ${mermaidText(k === 0 || !a.thick ? text : `(same) ${a.event}`)}`);
      });
      lines.push('  end');
    } else {
      const n = row.note;
      const lanes = n.lanes.filter((l) => l >= 0);
      if (lanes.length === 0) continue;
      const over = lanes.length > 1 && lanes[0] !== lanes[1] ? `${name(lanes[0])},${name(lanes[1])}` : name(lanes[0]);
      const tint = n.kind === 'callback' ? 'callback' : n.kind === 'timeout' ? 'timeout' : n.kind === 'unhandled' ? 'unhandled' : null;
      if (tint) lines.push(`  ${band(tint)}`);
      lines.push(`  Note over ${over}: ${mermaidText((times ? `${fmt(n.t)} ` : '') + n.text)}`);
      if (tint) lines.push('  end');
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
