// What a merged trace must share with the engine's own trace of the same run, as plain lists
// (so a test failure shows the difference): per recorded sender its sends in order, each with the
// delivery or HTTP request that caused it; per recorded receiver its deliveries in order, each
// with the send it came from and what happened to it (which handlers ran, unhandled, dropped);
// per requester its RPCs with the state they ended in.
import type { TraceEvent } from '../../trace/event';

export interface Digest {
  sends: Record<string, string[]>;
  deliveries: Record<string, string[]>;
  rpcs: Record<string, string[]>;
}

export interface DigestOptions {
  /** Nodes whose sends / deliveries are compared (the recorded servers), by the trace's ids. */
  keep: (node: string) => boolean;
  /** Trace id -> a name shared by both traces (e.g. by serverId, clients by uid). */
  rename?: (node: string) => string;
}

/** JSON with sorted keys, without the recorder's correlation key. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).filter((k) => k !== '__sbrec__').sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

export function digest(events: readonly TraceEvent[], opts: DigestOptions): Digest {
  const name = (id: string | undefined) => (id === undefined ? '-' : opts.rename ? opts.rename(id) : id);
  const bySeq = new Map<number, TraceEvent>();
  for (const e of events) bySeq.set(e.seq, e);
  const sendId = new Map<number, string>();
  const deliverId = new Map<number, string>();
  const sends: Record<string, string[]> = {};
  const deliveries: Record<string, string[]> = {};
  const deliveryIndex = new Map<number, { node: string; i: number }>();
  const outcome = new Map<number, string[]>();

  // Which deliver an event descends from (handle -> deliver, rpc handling -> deliver).
  const deliverOf = (e: TraceEvent | undefined): TraceEvent | undefined => {
    for (let x = e, n = 0; x && n < 8; x = x.cause !== undefined ? bySeq.get(x.cause) : undefined, n++) if (x.type === 'deliver') return x;
    return undefined;
  };
  // What a send was caused by: a delivery (through its handle), an HTTP request, a callback, or nothing.
  const causeOf = (e: TraceEvent): string => {
    for (let x = e.cause !== undefined ? bySeq.get(e.cause) : undefined, n = 0; x && n < 8; x = x.cause !== undefined ? bySeq.get(x.cause) : undefined, n++) {
      if (x.type === 'deliver') return deliverId.get(x.seq) ?? `deliver:${x.event}`;
      if (x.type === 'http') return `http:${x.event}`;
      if (x.type === 'callback') return `callback:${x.event}`;
    }
    return 'top';
  };

  for (const e of events) {
    if (e.type === 'send' && e.from !== undefined && opts.keep(e.from)) {
      const list = (sends[name(e.from)] ??= []);
      const id = `${name(e.from)}#${list.length}`;
      sendId.set(e.seq, id);
      list.push(`${e.api}|${e.event}|${e.targets ? '*' : name(e.to)}|${canonical(e.data)}|${causeOf(e)}`);
    } else if ((e.type === 'deliver' || e.type === 'drop') && e.to !== undefined && opts.keep(e.to)) {
      const src = e.cause !== undefined ? bySeq.get(e.cause) : undefined;
      const from = src && sendId.has(src.seq) ? (sendId.get(src.seq) as string) : e.from === undefined ? 'engine' : `peer:${name(e.from)}`;
      const list = (deliveries[name(e.to)] ??= []);
      if (e.type === 'drop') {
        list.push(`${e.api}|${from}|${e.event ?? ''}|drop:${e.reason}`);
        continue;
      }
      const id = `${name(e.to)}<${list.length}`;
      deliverId.set(e.seq, id);
      deliveryIndex.set(e.seq, { node: name(e.to), i: list.length });
      outcome.set(e.seq, []);
      list.push(`${e.api ?? ''}|${from}|${e.event}`);
    } else if (e.type === 'handle' || e.type === 'unhandled' || e.type === 'callback') {
      const d = deliverOf(e);
      const o = d ? outcome.get(d.seq) : undefined;
      if (o) o.push(e.type === 'handle' ? `${e.ns}/${e.sys}` : e.type === 'callback' ? `callback:${e.suc}` : `unhandled:${e.reason}`);
    }
  }
  for (const [seq, where] of deliveryIndex) {
    const o = outcome.get(seq) ?? [];
    deliveries[where.node][where.i] += `|${o.length ? o.join('+') : 'nothing'}`;
  }

  const rpcs: Record<string, string[]> = {};
  const last = new Map<number, string>();
  const order: { id: number; node: string; label: string }[] = [];
  for (const e of events) {
    if (!e.rpc) continue;
    if (e.type === 'send' && e.rpc.state === 'requested' && e.from !== undefined && opts.keep(e.from)) order.push({ id: e.rpc.id, node: name(e.from), label: `${e.api}|${e.event}` });
    if (e.type === 'rpc' || e.type === 'callback') last.set(e.rpc.id, e.rpc.state);
  }
  for (const r of order) (rpcs[r.node] ??= []).push(`${r.label}|${last.get(r.id) ?? 'requested'}`);
  return { sends, deliveries, rpcs };
}

/**
 * Names shared by an engine trace and a merged one: servers by serverId, proxies by id. Clients run
 * no recorder, so a merged trace knows them only as well as payloads tell (a uid, or a playerId):
 * every client is called "client".
 */
export function identityNames(header: { nodes?: { id: string; kind: string; serverId?: number }[] }): (id: string) => string {
  const names = new Map<string, string>();
  for (const n of header.nodes ?? []) {
    if (n.kind === 'client') names.set(n.id, 'client');
    else if (n.serverId !== undefined) names.set(n.id, `${n.kind === 'proxy' ? 'p' : 's'}${n.serverId}`);
  }
  return (id) => names.get(id) ?? id;
}
