// Tours as data over a trace: each step names the event it shows (the first match after the
// previous step's event), the nodes to highlight, and optionally a prediction the learner answers
// before the step is shown. Resolving and checking are pure; the panel and card only render them.
import type { EventSource } from '../../core/replay/source';
import type { TraceEvent } from '../../core/trace/event';

export interface TourContext {
  /** Captured by earlier steps (e.g. the RPC id the tour follows). */
  rpcId?: number;
  /** How an RPC ended in this trace (timedOut, completed, ...). */
  endOf(rpcId: number): string | undefined;
}

export interface PredictOption {
  label: string;
  correct: boolean;
}

export interface TourStep {
  id: string;
  title: string;
  /** Shown with the step; may read the event (payloads, ids). */
  text(e: TraceEvent): string;
  match(e: TraceEvent, ctx: TourContext): boolean;
  /** Remember something for later steps. */
  capture?(e: TraceEvent, ctx: TourContext): void;
  highlight(e: TraceEvent): string[];
  /** Asked before the step is shown: where does the message go next? */
  predict?: { question: string; options(e: TraceEvent, nodes: readonly string[]): PredictOption[]; why(e: TraceEvent): string };
}

export interface Tour {
  id: string;
  title: string;
  summary: string;
  steps: TourStep[];
}

export interface ResolvedStep {
  step: TourStep;
  index: number;
  event: TraceEvent;
}

export type Resolution = { ok: true; steps: ResolvedStep[] } | { ok: false; missing: string };

/** Find each step's event in order; stops at the first step the trace does not contain. */
export function resolveTour(tour: Tour, src: EventSource, endOf: (rpcId: number) => string | undefined): Resolution {
  const ctx: TourContext = { endOf };
  const out: ResolvedStep[] = [];
  let from = 0;
  for (const step of tour.steps) {
    let found = -1;
    for (let i = from; i < src.length; i++) {
      if (step.match(src.get(i), ctx)) {
        found = i;
        break;
      }
    }
    if (found < 0) return { ok: false, missing: step.title };
    const event = src.get(found);
    step.capture?.(event, ctx);
    out.push({ step, index: found, event });
    from = found + 1;
  }
  return { ok: true, steps: out };
}

/**
 * Choices for "which node does it reach?": the right node, the sender, and nodes of the same kind
 * or nearby roles, at most four, in a stable order (no randomness: tests and screenshots repeat).
 */
export function nodeOptions(correct: string, e: TraceEvent, nodes: readonly string[], max = 4): PredictOption[] {
  const want = nodeKindOf(correct);
  const pool = [correct, e.from, ...nodes.filter((n) => nodeKindOf(n) === want), ...nodes.filter((n) => /master|proxy|lobby/.test(n))];
  const picked: string[] = [];
  for (const n of pool) if (n && !picked.includes(n) && picked.length < max) picked.push(n);
  return picked.sort().map((n) => ({ label: n, correct: n === correct }));
}

/**
 * "client-12" → "client": the id without its trailing number and the "-" or "_" before it (as
 * `id.replace(/[-_]?\d+$/, '')` would, but linear: that regex took a second per 30k-digit id).
 */
export function nodeKindOf(id: string): string {
  let end = id.length;
  while (end > 0 && id.charCodeAt(end - 1) >= 48 && id.charCodeAt(end - 1) <= 57) end--;
  if (end === id.length) return id;
  if (end > 0 && (id[end - 1] === '-' || id[end - 1] === '_')) end--;
  return id.slice(0, end);
}

export function isCorrect(options: readonly PredictOption[], label: string): boolean {
  return options.some((o) => o.label === label && o.correct);
}
