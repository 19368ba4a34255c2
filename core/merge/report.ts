// The merge report: per file and per server what was read, the clock skew corrected per server,
// how messages were matched, how RPCs ended, and every issue by file and line.
import type { Analysis, RpcOutcome } from './analyze';
import type { SkewMethod } from './clock';
import type { IssueKind, MergeIssue } from './issues';

export interface MergeReport {
  files: { name: string; lines: number }[];
  servers: { node: string; kind: string; serverId?: number; type?: string; segments: number; lines: number; skewMs: number; method: SkewMethod; samples: number }[];
  /** Wall clock (ms since 1970) of the merged trace's t = 0. */
  originMs: number;
  /** Event lines read (headers and bad lines aside). */
  lines: number;
  /**
   * Every non-blank line read is a header, an event line written as trace events, or a line
   * skipped and reported (bad, before any header, cut, duplicate): read = headers + written + skipped.
   */
  accounting: { read: number; headers: number; written: number; skipped: number; silent: number };
  /** Trace events written. */
  events: number;
  /** Of those, events the recordings did not show but the merge inferred (`detail` starts with "inferred"). */
  inferred: number;
  deliveries: { total: number; byCorrelation: number; byOrder: number; withoutSend: number };
  rpcs: Record<RpcOutcome, number>;
  /** Server pairs whose clocks no single offset reconciles. */
  clockConflicts: number;
  issueTotal: number;
  issueCounts: Partial<Record<IssueKind, number>>;
  /** Sorted by file and line; at most MAX_ISSUES (issueTotal counts all). */
  issues: MergeIssue[];
}

export function buildReport(a: Analysis, events: number, inferred: number, silent: number): MergeReport {
  const ix = a.ix;
  const skippedKinds = ['bad-line', 'no-header', 'truncated', 'duplicate'] as const;
  const skipped = skippedKinds.reduce((n, k) => n + (ix.issues.counts.get(k) ?? 0), 0);
  const segCount = new Map<string, number>();
  const lineCount = new Map<string, number>();
  for (const s of ix.segments) {
    const node = a.links.nodeOfSeg[s.index];
    segCount.set(node, (segCount.get(node) ?? 0) + 1);
    lineCount.set(node, (lineCount.get(node) ?? 0) + s.lines.length);
  }
  const rpcs: Record<RpcOutcome, number> = { completed: 0, timedOut: 0, noRoute: 0, noHandler: 0, pending: 0 };
  for (const f of a.rpcFates) rpcs[f.outcome]++;
  let byCorrelation = 0;
  let byOrder = 0;
  let withoutSend = 0;
  for (const d of a.links.deliveries) {
    if (d.send < 0) withoutSend++;
    else if (d.byOrder) byOrder++;
    else byCorrelation++;
  }
  return {
    files: ix.files.map((name, i) => ({ name, lines: ix.linesRead[i] })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
    servers: a.clocks.map((c) => {
      const n = a.nodes.get(c.node);
      return {
        node: c.node, kind: n?.kind ?? 'service', ...(n?.serverId !== undefined ? { serverId: n.serverId } : {}), ...(n?.type !== undefined ? { type: n.type } : {}),
        segments: segCount.get(c.node) ?? 0, lines: lineCount.get(c.node) ?? 0, skewMs: c.offsetMs, method: c.method, samples: c.samples,
      };
    }),
    originMs: a.originMs,
    lines: ix.recs.length,
    accounting: { read: ix.nonBlank, headers: ix.headerLines, written: a.order.length, skipped, silent },
    events,
    inferred,
    deliveries: { total: a.links.deliveries.length, byCorrelation, byOrder, withoutSend },
    rpcs,
    clockConflicts: a.clockConflicts,
    issueTotal: ix.issues.total,
    issueCounts: Object.fromEntries(ix.issues.counts),
    issues: ix.issues.sorted(),
  };
}

/** ms since 1970 as an ISO 8601 UTC time (core has no Date): days to civil date, H. Hinnant's algorithm. */
export function isoUtc(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const p = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  return `${p(year, 4)}-${p(month)}-${p(day)}T${p(h)}:${p(m)}:${p(sec)}.${p(rest - sec * 1000, 3)}Z`;
}

const METHOD_TEXT: Record<SkewMethod, string> = {
  reference: 'reference clock',
  'two-way': 'from traffic both ways',
  'one-way': 'from traffic one way (assuming the shortest latency seen elsewhere)',
  boot: 'no matched message ties it to the reference: boots taken as simultaneous (an assumption)',
  none: 'no traffic with the others: not aligned',
};

/** The report as text for a terminal; at most `maxIssues` issue lines (default 50); `summary: false` prints only issues. */
export function formatReport(r: MergeReport, opts: { maxIssues?: number; summary?: boolean } = {}): string {
  const maxIssues = opts.maxIssues ?? 50;
  if (opts.summary === false) return r.issues.slice(0, maxIssues).map((i) => `${i.file}:${i.line}: ${i.kind}: ${i.message}\n`).join('');
  const out: string[] = [];
  out.push(`read ${r.lines} line(s) from ${r.files.length} file(s); wrote ${r.events} trace event(s)${r.inferred ? ` (${r.inferred} inferred)` : ''}`);
  out.push(`t = 0 is ${isoUtc(r.originMs)}`);
  out.push('clock skew corrected per server:');
  for (const s of r.servers) {
    const sign = s.skewMs > 0 ? '+' : '';
    out.push(`  ${s.node.padEnd(16)} ${`${sign}${s.skewMs} ms`.padStart(12)}  ${METHOD_TEXT[s.method]}${s.samples ? `, ${s.samples} matched message(s)` : ''}${s.segments > 1 ? `, ${s.segments} boots` : ''}`);
  }
  const d = r.deliveries;
  out.push(`deliveries: ${d.total} (${d.byCorrelation} by correlation id, ${d.byOrder} by event and order, ${d.withoutSend} without a recorded send)`);
  const rp = r.rpcs;
  out.push(`RPCs: ${rp.completed} completed, ${rp.timedOut} timed out, ${rp.noRoute} no route, ${rp.noHandler} no handler, ${rp.pending} still pending`);
  if (r.clockConflicts) out.push(`clocks: ${r.clockConflicts} server pair(s) whose clocks no single offset reconciles (a clock jumped?)`);
  if (r.issueTotal === 0) out.push('no issues');
  else {
    out.push(`${r.issueTotal} issue(s): ${Object.entries(r.issueCounts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    for (const i of r.issues.slice(0, maxIssues)) out.push(`  ${i.file}:${i.line}: ${i.kind}: ${i.message}`);
    if (r.issueTotal > maxIssues) out.push(`  … ${r.issueTotal - maxIssues} more (see the JSON report)`);
  }
  return out.join('\n') + '\n';
}
