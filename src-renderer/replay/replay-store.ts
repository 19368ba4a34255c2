// The one playhead of the app. It indexes the current stream (live session or opened trace, from
// the trace log) with core/replay's ReplayIndex (keyframes) and holds the position every view
// follows: canvas (node states), event log (the selected event), RPC timeline, sequence view.
// The transport (../transport) moves it: seek/step/jump/play here are the transport's commands,
// and the transport service calls `showPosition` with where the picture is. The index and
// playhead are plain objects; the store holds what React renders from them.
import { create } from 'zustand';
import { allHits, parseBreakpoint, type Breakpoint, type BreakpointHit, type BreakpointInput } from '../../core/replay/breakpoints';
import type { NavKind } from '../../core/replay/navigation';
import { Playhead } from '../../core/replay/playhead';
import { ReplayIndex } from '../../core/replay/replay-index';
import type { ReplayState } from '../../core/replay/state';
import type { TraceEvent } from '../../core/trace/event';
import { transport, useTransportStore } from '../transport/instance';
import { useCanvasStore } from '../stores/canvas-store';
import { useEventsStore } from '../stores/events-store';
import { traceLog, useTraceLogVersion } from '../trace/trace-log';
import { LogSource } from './log-source';
import { rpcInFocus, seekForSelection } from './selection';

export const KEYFRAME_EVERY = 256;

export interface ReplayView {
  streamId: number;
  /** Events indexed. */
  length: number;
  /** Playhead index; -1 = before the first event. */
  position: number;
  state: ReplayState;
  /** At the head of the stream (the transport takes in new events as they come). */
  live: boolean;
  selectedRpc: number | null;
  breakpoints: Breakpoint[];
  /** Where enabled breakpoints hit (marks on the scrubber), in index order. */
  hits: BreakpointHit[];
  /** The breakpoint hit playback last stopped on. */
  lastHit: BreakpointHit | null;
  /** Bumped when the index grows or is replaced. */
  version: number;
}

let source = new LogSource(traceLog);
let index = new ReplayIndex(source, { keyframeEvery: KEYFRAME_EVERY });
let playhead = new Playhead(index);
let hitIndexes: number[] = [];
/** Whether the new stream's kind (live session or opened trace) has been read yet. */
let kindKnown = false;

export const useReplayStore = create<ReplayView>(() => ({
  streamId: -1,
  length: 0,
  position: -1,
  state: playhead.state,
  live: true,
  selectedRpc: null,
  breakpoints: [],
  hits: [],
  lastHit: null,
  version: 0,
}));

export function replayIndex(): ReplayIndex {
  return index;
}

export function currentEvent(): TraceEvent | undefined {
  return playhead.event;
}

export function sortedHitIndexes(): readonly number[] {
  return hitIndexes;
}

function setHits(hits: BreakpointHit[]): void {
  hitIndexes = hits.map((h) => h.index);
  useReplayStore.setState({ hits });
}

/** Re-read the trace log: a new stream rebuilds the index, new events extend it. */
export function syncReplay(): void {
  const s = useReplayStore.getState();
  if (traceLog.streamId !== s.streamId) {
    source = new LogSource(traceLog);
    index = new ReplayIndex(source, { keyframeEvery: KEYFRAME_EVERY });
    playhead = new Playhead(index);
    hitIndexes = [];
    kindKnown = false;
    transport.reset('session');
    useReplayStore.setState({ streamId: traceLog.streamId, length: 0, position: -1, state: playhead.state, live: true, selectedRpc: null, hits: [], lastHit: null, version: s.version + 1 });
    // The selected event is a seq of the old stream: in the new one that seq is another event.
    useCanvasStore.getState().selectEvent(null);
  }
  // The events store learns the stream's kind just after the trace log resets: read it on the
  // first batch. An opened trace starts before its first event; a live session at its head.
  const ev = useEventsStore.getState();
  if (!kindKnown && ev.streamId === traceLog.streamId) {
    kindKnown = true;
    if (ev.kind === 'trace') {
      transport.reset('trace');
      useReplayStore.setState({ live: false });
    }
  }
  const before = index.length;
  source.refresh();
  const n = index.sync();
  if (n === before) return;
  const bps = useReplayStore.getState().breakpoints;
  if (bps.length) setHits([...useReplayStore.getState().hits, ...allHits(index.source, bps, { from: before, to: n })]);
  useReplayStore.setState((v) => ({ length: n, version: v.version + 1 }));
}

/** Put the playhead on event i (the transport's position) and render it; `select` selects its event. */
export function showPosition(i: number, select: boolean): void {
  playhead.seek(i);
  const e = playhead.event;
  useReplayStore.setState((v) => ({ position: playhead.position, state: playhead.state, live: transport.follow, selectedRpc: rpcInFocus(e, v.selectedRpc) }));
  if (select) {
    const seq = e?.seq ?? null;
    if (useCanvasStore.getState().event !== seq) useCanvasStore.getState().selectEvent(seq);
  }
}

/** Move the playhead to event i (the transport goes there; playing goes on from there). */
export function seek(i: number): void {
  useReplayStore.setState({ lastHit: null });
  transport.seek(i);
  // At once (not on the next frame): a scrub, a click in a view, a jump shows where it went, and
  // when (the replay bar and the status bar read the transport's t).
  showPosition(transport.position, true);
  if (useTransportStore.getState().t !== transport.t) useTransportStore.setState({ t: transport.t });
}

/** One event back (pauses) or forward (animated, like the transport's Step). */
export function step(delta: 1 | -1): void {
  if (delta > 0) return transport.step();
  transport.pause();
  seek(transport.position - 1);
}

/** Jump to the next/previous event of a kind; false when there is none. */
export function jump(kind: NavKind, dir: 1 | -1): boolean {
  const i = dir > 0 ? index.next(kind, transport.position) : index.prev(kind, transport.position);
  if (i < 0) return false;
  transport.pause();
  seek(i);
  return true;
}

export function goLive(): void {
  useReplayStore.setState({ lastHit: null });
  transport.goLive();
}

export function play(): void {
  useReplayStore.setState({ lastHit: null });
  transport.play();
}

export function pause(): void {
  transport.pause();
}

export function selectRpc(id: number | null): void {
  useReplayStore.setState({ selectedRpc: id });
}

/** Playback stopped on a breakpoint at position. */
export function stopOnHit(position: number): void {
  const hit = useReplayStore.getState().hits.find((h) => h.index === position) ?? null;
  useReplayStore.setState({ lastHit: hit });
}

// ---- breakpoints -------------------------------------------------------------------------------

let nextBp = 1;

function setBreakpoints(bps: Breakpoint[]): void {
  useReplayStore.setState({ breakpoints: bps });
  setHits(bps.some((b) => b.enabled) ? allHits(index.source, bps, { to: index.length }) : []);
}

/** Add a breakpoint (validated; throws a ZodError naming the field). */
export function addBreakpoint(input: Omit<BreakpointInput, 'id'>): Breakpoint {
  const bp = parseBreakpoint({ ...input, id: `bp${nextBp++}` });
  setBreakpoints([...useReplayStore.getState().breakpoints, bp]);
  return bp;
}

export function toggleBreakpoint(id: string): void {
  setBreakpoints(useReplayStore.getState().breakpoints.map((b) => (b.id === id ? { ...b, enabled: !b.enabled } : b)));
}

export function removeBreakpoint(id: string): void {
  setBreakpoints(useReplayStore.getState().breakpoints.filter((b) => b.id !== id));
}

// ---- wiring ------------------------------------------------------------------------------------

/** Follow the trace log and the shared event selection; returns the unsubscribe function. */
export function startReplay(): () => void {
  syncReplay();
  const offLog = useTraceLogVersion.subscribe(() => syncReplay());
  const offSel = useCanvasStore.subscribe((s, prev) => {
    if (s.event === prev.event) return;
    const i = seekForSelection(s.event, useReplayStore.getState(), (seq) => index.indexOfSeq(seq), (k) => (k >= 0 && k < index.length ? index.get(k) : undefined));
    if (i !== null) {
      pause();
      seek(i);
    }
  });
  return () => {
    offLog();
    offSel();
  };
}
