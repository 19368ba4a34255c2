// Small display helpers shared by the replay views.
import type { TraceEvent } from '../../core/trace/event';

/** Virtual ms as "1.234 s" / "20 ms". */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return Math.abs(ms) >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${Math.round(ms * 1000) / 1000} ms`;
}

export function eventLabel(e: TraceEvent | undefined): string {
  if (!e) return 'start of trace';
  const who = e.targets ? `${e.from ?? ''} → [${e.targets.join(', ')}]` : [e.from, e.to].filter(Boolean).join(' → ');
  const rpc = e.rpc ? ` rpc ${e.rpc.id} ${e.rpc.state}` : '';
  return `#${e.seq} ${e.type} ${e.api ?? ''} ${e.event ?? ''} ${who}${rpc}${e.reason ? ` (${e.reason})` : ''}`.replace(/\s+/g, ' ').trim();
}
