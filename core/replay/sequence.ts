// The sequence view as data: a lifeline per node (role order), arrows for messages in time order
// (thick for broadcasts), notes for what is not a message (misuse, timeouts, logins, faults...).
// Windowed by index or time range so a long trace stays cheap; the UI and both exports read it.
import type { TraceEvent, TraceHeader } from '../trace/event';
import { liteSource, indexRangeForTime, seqIndexer, type Events } from './source';
import { compareNodes, inferTopology, type TopologyNode } from './topology';

/** Id of the lifeline standing for every node a filtered sequence leaves out. */
export const OTHERS = '(others)';

export interface Lifeline {
  id: string;
  kind: string;
  lane: number;
  serverId?: number;
}

export type ArrowKind = 'point' | 'request' | 'response' | 'drop';

export interface ArrowOutcome {
  lane: number;
  /** The deliver/drop event, when found. */
  seq?: number;
  t?: number;
  delivered: boolean;
  /** Drop reason. */
  reason?: string;
}

export interface SequenceArrow {
  /** The send. */
  seq: number;
  index: number;
  t: number;
  /** Latest outcome time (deliver/drop), else the scheduled arrival, else t. */
  endT: number;
  fromLane: number;
  /** One lane for a point message, every target for a broadcast. */
  toLanes: number[];
  /** A broadcast: drawn as one thick fan-out. */
  thick: boolean;
  kind: ArrowKind;
  api: string;
  event: string;
  label: string;
  outcomes: ArrowOutcome[];
  rpcId?: number;
}

export type NoteKind = 'misuse' | 'timeout' | 'noRoute' | 'noHandler' | 'unhandled' | 'error' | 'lifecycle' | 'fault' | 'http' | 'callback';

export interface SequenceNote {
  seq: number;
  index: number;
  t: number;
  /** One lane, or two for a link fault. */
  lanes: number[];
  kind: NoteKind;
  text: string;
}

export interface SequenceModel {
  lifelines: Lifeline[];
  arrows: SequenceArrow[];
  notes: SequenceNote[];
  /** Index range covered [from, to). */
  from: number;
  to: number;
  /** True when maxItems cut the window short (`to` says where). */
  truncated: boolean;
}

export interface SequenceOptions {
  /** Index window [from, to). */
  from?: number;
  to?: number;
  /** Time window (used when from/to are absent). */
  fromT?: number;
  toT?: number;
  /** Lifelines: the topology (default: inferred from header/events). */
  nodes?: readonly TopologyNode[];
  header?: TraceHeader | null;
  /** 'all' nodes (default) or only those the window involves. */
  lanes?: 'all' | 'involved';
  /**
   * Only these nodes get a lifeline; every other node shares one "(others)" lifeline (drawn last),
   * and what happens only among others is left out. Unset: every node.
   */
  only?: ReadonlySet<string>;
  /** Cap on arrows + notes (default 5000). */
  maxItems?: number;
  /** How many events past the window to look for deliveries of its sends (default 20000). */
  lookahead?: number;
  /** Include notes (default true). */
  notes?: boolean;
}

export function arrowKindOf(e: TraceEvent): ArrowKind {
  if (e.api === 'ResponseToServer') return 'response';
  if (e.rpc?.state === 'requested') return 'request';
  return 'point';
}

export function sequenceModel(events: Events, opts: SequenceOptions = {}): SequenceModel {
  const src = liteSource(events);
  let from = opts.from ?? 0;
  let to = opts.to ?? src.length;
  if (opts.from === undefined && opts.to === undefined && (opts.fromT !== undefined || opts.toT !== undefined)) {
    const r = indexRangeForTime(src, opts.fromT ?? Number.NEGATIVE_INFINITY, opts.toT ?? Number.POSITIVE_INFINITY);
    from = r.from;
    to = r.to;
  }
  from = Math.max(0, from);
  to = Math.min(src.length, to);
  const maxItems = opts.maxItems ?? 5000;
  const nodes = opts.nodes ?? inferTopology(src, opts.header);
  const allNodes = [...nodes].filter((n) => !opts.only || opts.only.has(n.id)).sort(compareNodes);
  const laneOf = new Map<string, number>();
  // Provisional lanes over all nodes; compacted to involved ones at the end if asked.
  allNodes.forEach((n, i) => laneOf.set(n.id, i));
  const extra: TopologyNode[] = [];
  const only = opts.only;
  let othersLane = -1;
  const lane = (id: string | undefined): number => {
    if (id === undefined) return -1;
    if (only && !only.has(id)) {
      if (othersLane < 0) {
        othersLane = allNodes.length + extra.length;
        extra.push({ id: OTHERS, kind: 'service', source: 'default' });
      }
      return othersLane;
    }
    let l = laneOf.get(id);
    if (l === undefined) {
      l = allNodes.length + extra.length;
      extra.push({ id, kind: 'service', source: 'default' });
      laneOf.set(id, l);
    }
    return l;
  };

  const arrows: SequenceArrow[] = [];
  const notes: SequenceNote[] = [];
  const bySend = new Map<number, SequenceArrow>();
  const idx = seqIndexer(src);
  const causeOf = (e: TraceEvent) => (e.cause !== undefined ? idx(e.cause) : -1);
  const withNotes = opts.notes ?? true;
  const note = (e: TraceEvent, i: number, kind: NoteKind, lanes: number[], text: string) => {
    if (withNotes && lanes.every((l) => l >= 0) && lanes.length > 0) notes.push({ seq: e.seq, index: i, t: e.t, lanes, kind, text });
  };
  let truncated = false;
  let end = to;
  for (let i = from; i < to; i++) {
    if (arrows.length + notes.length >= maxItems) {
      truncated = true;
      end = i;
      break;
    }
    const e = src.get(i);
    switch (e.type) {
      case 'send': {
        const targets = e.targets ?? (e.to !== undefined ? [e.to] : []);
        if (targets.length === 0) break;
        const a: SequenceArrow = {
          seq: e.seq,
          index: i,
          t: e.t,
          endT: e.arrive ?? e.t,
          fromLane: lane(e.from ?? e.path?.[0]),
          toLanes: targets.map(lane),
          thick: e.targets !== undefined,
          kind: arrowKindOf(e),
          api: e.api ?? '',
          event: e.event ?? '',
          label: `${e.api ?? ''} ${e.event ?? ''}`.trim() + (e.rpc ? ` (rpc ${e.rpc.id})` : ''),
          outcomes: [],
          ...(e.rpc ? { rpcId: e.rpc.id } : {}),
        };
        arrows.push(a);
        bySend.set(e.seq, a);
        break;
      }
      case 'deliver':
      case 'drop':
        if (e.cause !== undefined && bySend.has(e.cause)) break; // resolved below
        if (e.type === 'drop' && e.cause === undefined) note(e, i, 'fault', [lane(e.to ?? e.from)], `drop ${e.event ?? ''}: ${e.reason ?? ''}`);
        break;
      case 'misuse':
        note(e, i, 'misuse', [lane(e.from)], `misuse ${e.api ?? ''}: ${e.reason ?? ''}`);
        break;
      case 'rpc': {
        const st = e.rpc?.state;
        if (st === 'timedOut' || st === 'noRoute' || st === 'noHandler') {
          // Draw it on the requester: follow the cause chain to the request (or its deliver).
          let c: TraceEvent | undefined = e;
          for (let hop = 0; hop < 6 && c && !((c.type === 'send' || c.type === 'deliver') && c.from !== undefined); hop++) {
            const ci = causeOf(c);
            c = ci >= 0 ? src.get(ci) : undefined;
          }
          const requester = c && c !== e ? c.from : undefined;
          note(e, i, st === 'timedOut' ? 'timeout' : st, [lane(requester)], `rpc ${e.rpc?.id}: ${st}`);
        }
        break;
      }
      case 'callback':
        if (e.suc === false) note(e, i, 'timeout', [lane(e.to)], `callback(False) rpc ${e.rpc?.id ?? ''}`);
        else note(e, i, 'callback', [lane(e.to)], `callback ✓ ${e.event ?? ''}`.trim());
        break;
      case 'unhandled':
        note(e, i, 'unhandled', [lane(e.to)], `unhandled ${e.event ?? ''}`);
        break;
      case 'error':
        note(e, i, 'error', [lane(e.to ?? e.from)], `error: ${e.reason ?? ''}`);
        break;
      case 'lifecycle':
        if (e.detail === 'stop' || e.detail === 'start') note(e, i, 'lifecycle', [lane(e.to)], e.detail);
        else note(e, i, 'lifecycle', [lane(e.from ?? e.to)], `${e.detail ?? 'lifecycle'}${e.to && e.from ? ` → ${e.to}` : ''}`);
        break;
      case 'fault':
        note(e, i, 'fault', [lane(e.from), lane(e.to)], `${e.detail ?? 'fault'}${e.detail === 'loss' ? ` ${JSON.stringify((e.data as { loss?: number } | undefined)?.loss ?? '')}` : ''}`);
        break;
      case 'http':
        note(e, i, 'http', [lane(e.to)], `http ${e.detail ?? ''} ${e.event ?? ''}`);
        break;
      default:
        break;
    }
  }
  // Outcomes: deliveries/drops of the window's sends, also shortly after the window.
  if (bySend.size > 0) {
    let open = 0;
    for (const a of bySend.values()) open += a.toLanes.length;
    const stop = Math.min(src.length, end + (opts.lookahead ?? 20000));
    for (let i = from; i < stop && open > 0; i++) {
      const e = src.get(i);
      if ((e.type !== 'deliver' && e.type !== 'drop') || e.cause === undefined) continue;
      const a = bySend.get(e.cause);
      if (!a) continue;
      a.outcomes.push({ lane: lane(e.to), seq: e.seq, t: e.t, delivered: e.type === 'deliver', ...(e.reason !== undefined ? { reason: e.reason } : {}) });
      if (e.t > a.endT || a.outcomes.length === 1) a.endT = Math.max(e.t, a.t);
      open--;
    }
    for (const a of bySend.values()) if (a.outcomes.length > 0 && a.outcomes.every((o) => !o.delivered) && !a.thick) a.kind = 'drop';
  }
  if (othersLane >= 0) {
    // Only among others: not shown (filter the rows, keep the window's bounds).
    const keep = (lanes: number[]) => lanes.some((l) => l >= 0 && l !== othersLane);
    for (let k = arrows.length - 1; k >= 0; k--) if (!keep([arrows[k].fromLane, ...arrows[k].toLanes])) arrows.splice(k, 1);
    for (let k = notes.length - 1; k >= 0; k--) if (!keep(notes[k].lanes)) notes.splice(k, 1);
  }
  let lifelines: Lifeline[] = [...allNodes, ...extra].map((n, i) => ({ id: n.id, kind: n.id === OTHERS ? 'others' : n.kind, lane: i, ...(n.serverId !== undefined ? { serverId: n.serverId } : {}) }));
  if (opts.lanes === 'involved') {
    const used = new Set<number>();
    for (const a of arrows) {
      used.add(a.fromLane);
      a.toLanes.forEach((l) => used.add(l));
    }
    for (const n of notes) n.lanes.forEach((l) => used.add(l));
    const remap = new Map<number, number>();
    lifelines = lifelines.filter((l) => used.has(l.lane)).map((l, i) => (remap.set(l.lane, i), { ...l, lane: i }));
    const m = (l: number) => remap.get(l) ?? -1;
    for (const a of arrows) {
      a.fromLane = m(a.fromLane);
      a.toLanes = a.toLanes.map(m);
      for (const o of a.outcomes) o.lane = m(o.lane);
    }
    for (const n of notes) n.lanes = n.lanes.map(m);
  }
  return { lifelines, arrows, notes, from, to: end, truncated };
}

/** Arrows and notes merged in trace order (what both exports draw, row by row). */
export function sequenceRows(m: SequenceModel): ({ arrow: SequenceArrow } | { note: SequenceNote })[] {
  const rows: ({ arrow: SequenceArrow; i: number } | { note: SequenceNote; i: number })[] = [
    ...m.arrows.map((arrow) => ({ arrow, i: arrow.index })),
    ...m.notes.map((note) => ({ note, i: note.index })),
  ];
  rows.sort((a, b) => a.i - b.i);
  return rows.map((r) => ('arrow' in r ? { arrow: r.arrow } : { note: r.note }));
}
