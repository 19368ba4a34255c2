// Sequence view → one standalone SVG document (no scripts, no external references).
import type { Events } from './source';
import { MESSAGE_COLORS } from './message-style';
import { sequenceModel, sequenceRows, type SequenceModel, type SequenceOptions } from './sequence';

export interface SvgOptions extends SequenceOptions {
  laneWidth?: number;
  rowHeight?: number;
  /** Cap on rows (default 2000). */
  maxItems?: number;
}

/** Escape for XML text and attributes; drops control characters XML 1.0 cannot carry. */
export function xmlEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    const ch = s[i];
    out += ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : ch === "'" ? '&apos;' : ch;
  }
  return out;
}

// The same colours as the canvas and its legend (light scheme: the export has a white background).
const PALETTE = MESSAGE_COLORS.light;
const COLORS: Record<string, string> = { point: PALETTE.point, broadcast: PALETTE.broadcast, request: PALETTE.request, response: PALETTE.response, drop: PALETTE.drop };
const NOTE_STROKE: Record<string, string> = { timeout: PALETTE.timeout, callback: PALETTE.callback, unhandled: PALETTE.unhandled };

export function modelToSvg(m: SequenceModel, opts: { laneWidth?: number; rowHeight?: number } = {}): string {
  const lw = opts.laneWidth ?? 150;
  const rh = opts.rowHeight ?? 28;
  const top = 60;
  const x = (lane: number) => 20 + lane * lw + lw / 2;
  const rows = sequenceRows(m);
  const width = Math.max(1, m.lifelines.length) * lw + 40;
  const height = top + (rows.length + 1) * rh + 20;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push('<defs>');
  for (const [k, c] of Object.entries(COLORS)) out.push(`<marker id="arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`);
  out.push('</defs>');
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const l of m.lifelines) {
    const cx = x(l.lane);
    out.push(`<g class="lifeline" data-node="${xmlEscape(l.id)}" data-kind="${xmlEscape(l.kind)}">`);
    out.push(`<rect x="${cx - lw / 2 + 8}" y="10" width="${lw - 16}" height="34" rx="4" fill="#f6f8fa" stroke="#57606a"/>`);
    out.push(`<text x="${cx}" y="25" text-anchor="middle" font-weight="bold">${xmlEscape(l.id)}</text>`);
    out.push(`<text x="${cx}" y="38" text-anchor="middle" fill="#57606a">${xmlEscape(l.kind)}</text>`);
    out.push(`<line x1="${cx}" y1="44" x2="${cx}" y2="${height - 10}" stroke="#8c959f" stroke-dasharray="4 3"/>`);
    out.push('</g>');
  }
  rows.forEach((row, r) => {
    const y = top + (r + 1) * rh;
    if ('arrow' in row) {
      const a = row.arrow;
      if (a.fromLane < 0) return;
      const x1 = x(a.fromLane);
      out.push(`<g class="arrow arrow-${a.kind}${a.thick ? ' broadcast' : ''}" data-seq="${a.seq}">`);
      for (const to of a.toLanes) {
        if (to < 0) continue;
        const o = a.outcomes.find((q) => q.lane === to);
        const dropped = o !== undefined && !o.delivered;
        const kind = dropped ? 'drop' : a.thick ? 'broadcast' : a.kind;
        const c = COLORS[kind];
        const sw = a.thick ? 3 : 1.5;
        const dash = a.kind === 'response' ? ' stroke-dasharray="7 4"' : '';
        if (to === a.fromLane) {
          out.push(`<path d="M${x1},${y - 6} h30 v12 h-28" fill="none" stroke="${c}" stroke-width="${sw}"${dash} marker-end="url(#arrow-${kind})"/>`);
        } else {
          const x2 = x(to);
          const end = dropped ? x1 + (x2 - x1) * 0.8 : x2;
          out.push(`<line x1="${x1}" y1="${y}" x2="${end}" y2="${y}" stroke="${c}" stroke-width="${sw}"${dash}${dropped ? '' : ` marker-end="url(#arrow-${kind})"`}/>`);
          if (dropped) out.push(`<text x="${end}" y="${y + 4}" text-anchor="middle" fill="${c}" font-weight="bold">×</text>`);
        }
      }
      const lx = a.toLanes.length > 0 && a.toLanes[0] >= 0 ? (x1 + x(a.toLanes[0])) / 2 : x1;
      const reason = a.outcomes.find((o) => !o.delivered)?.reason;
      out.push(`<text x="${lx}" y="${y - 4}" text-anchor="middle">${xmlEscape(`${a.label}${reason ? ` (${reason})` : ''}`)}</text>`);
      out.push('</g>');
    } else {
      const n = row.note;
      const lanes = n.lanes.filter((l) => l >= 0);
      if (lanes.length === 0) return;
      const xa = Math.min(...lanes.map(x)) - 55;
      const xb = Math.max(...lanes.map(x)) + 55;
      out.push(`<g class="note note-${n.kind}" data-seq="${n.seq}"><rect x="${xa}" y="${y - 10}" width="${xb - xa}" height="16" fill="#fff8c5" stroke="${NOTE_STROKE[n.kind] ?? '#d4a72c'}"/><text x="${(xa + xb) / 2}" y="${y + 2}" text-anchor="middle">${xmlEscape(n.text)}</text></g>`);
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** A standalone SVG sequence diagram of a window of the trace. */
export function toSvg(events: Events, opts: SvgOptions = {}): string {
  const m = sequenceModel(events, { ...opts, maxItems: opts.maxItems ?? 2000 });
  return modelToSvg(m, opts);
}
