// The running tour: which step is shown, the prediction being asked before the next step, and the
// learner's score. Showing a step moves the one playhead to its event (so the event log, RPC
// timeline and sequence view follow) and highlights its nodes on the canvas.
import { create } from 'zustand';
import { replayIndex, seek } from '../replay/replay-store';
import { transport } from '../transport/instance';
import { useCanvasStore } from '../stores/canvas-store';
import { shownNodes } from '../canvas/shown-topology';
import { TOURS } from './tour-defs';
import { isCorrect, resolveTour, type PredictOption, type ResolvedStep, type Tour } from './tour-engine';

export interface TourView {
  tour: Tour | null;
  steps: ResolvedStep[];
  /** Index of the step shown (-1 before the first). */
  at: number;
  /** Asking before step at + 1: its options and, once answered, the answer. */
  asking: { options: PredictOption[]; answer: string | null } | null;
  right: number;
  asked: number;
  done: boolean;
}

const IDLE: TourView = { tour: null, steps: [], at: -1, asking: null, right: 0, asked: 0, done: false };
export const useTourStore = create<TourView>(() => IDLE);

/** Where a send's hop ends: the last deliver/drop it caused (every leg of a broadcast), else -1. */
export function arrivalIndex(i: number): number {
  const ix = replayIndex();
  const e = ix.get(i);
  if (e.type !== 'send' || e.arrive === undefined) return -1;
  let found = -1;
  for (let j = i + 1; j < ix.length && j < i + 5000; j++) {
    const x = ix.get(j);
    if (x.t > e.arrive) break;
    if ((x.type === 'deliver' || x.type === 'drop') && x.cause === e.seq) found = j;
  }
  return found;
}

/** Show step k: a send animates its own hop (paced, at 1×) and stops where it arrives. */
function show(k: number): void {
  const s = useTourStore.getState().steps[k];
  useTourStore.setState({ at: k, asking: null });
  const to = arrivalIndex(s.index);
  if (to > s.index) transport.playThrough(s.index, to);
  else seek(s.index);
  useCanvasStore.getState().setSelection(s.step.highlight(s.event));
}

/** The speed before the tour: tours show hops at 1× and give the speed back when they end. */
let speedBefore: number | null = null;

/** Start a tour on the current trace; returns the missing step's title when the trace lacks it. */
export function startTour(id: string): string | null {
  const tour = TOURS.find((t) => t.id === id);
  if (!tour) return 'unknown tour';
  const ix = replayIndex();
  const r = resolveTour(tour, ix.source, (rpc) => ix.rpcCall(rpc)?.endState);
  if (!r.ok) return r.missing;
  useTourStore.setState({ ...IDLE, tour, steps: r.steps });
  speedBefore ??= transport.speed;
  if (transport.speed !== 1) transport.setSpeed(1);
  show(0);
  return null;
}

/** Go on: ask the next step's prediction first when it has one, else show it. */
export function nextStep(): void {
  const v = useTourStore.getState();
  const k = v.at + 1;
  if (k >= v.steps.length) return void useTourStore.setState({ done: true, asking: null });
  const s = v.steps[k];
  if (s.step.predict && !v.asking) {
    const nodes = shownNodes().map((n) => n.id);
    useTourStore.setState({ asking: { options: s.step.predict.options(s.event, nodes), answer: null } });
    return;
  }
  show(k);
}

export function answer(label: string): void {
  const v = useTourStore.getState();
  if (!v.asking || v.asking.answer !== null) return;
  const ok = isCorrect(v.asking.options, label);
  useTourStore.setState({ asking: { ...v.asking, answer: label }, asked: v.asked + 1, right: v.right + (ok ? 1 : 0) });
}

export function endTour(): void {
  useTourStore.setState(IDLE);
  if (speedBefore !== null && transport.speed !== speedBefore) transport.setSpeed(speedBefore);
  speedBefore = null;
}
