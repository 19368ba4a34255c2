// Words for a merge report (pure, tested): the notice after Open recording… and the panel's rows.
import type { MergeSummary } from '../../core/contract';

export function formatSkew(ms: number): string {
  if (ms === 0) return '0 ms';
  const sign = ms > 0 ? '+' : '−';
  const a = Math.abs(ms);
  return a >= 10_000 ? `${sign}${(a / 1000).toFixed(1)} s` : `${sign}${Math.round(a * 10) / 10} ms`;
}

export const METHOD_TEXT: Record<string, string> = {
  reference: 'reference clock',
  'two-way': 'traffic both ways',
  'one-way': 'traffic one way',
  boot: 'no matched message: boot times aligned (assumed)',
  none: 'no traffic: not aligned',
};

/** The notice: what was merged, the skews corrected (largest first), the issues. */
export function mergeNotice(name: string, s: MergeSummary): { message: string; details: string[] } {
  const servers = s.servers.length;
  const skewed = [...s.servers].filter((x) => x.skewMs !== 0).sort((a, b) => Math.abs(b.skewMs) - Math.abs(a.skewMs));
  const skewText = skewed.length ? `clock skew corrected on ${skewed.length} server${skewed.length === 1 ? '' : 's'}` : 'no clock skew to correct';
  const issues = s.issueTotal ? `${s.issueTotal} issue${s.issueTotal === 1 ? '' : 's'} (Recording tab)` : 'no issues';
  const message = `${name}: merged ${s.files} file${s.files === 1 ? '' : 's'} from ${servers} server${servers === 1 ? '' : 's'} into ${s.events.toLocaleString('en-US')} events; ${skewText}; ${issues}.`;
  const details = [
    ...skewed.slice(0, 3).map((x) => `${x.node}: ${formatSkew(x.skewMs)} (${METHOD_TEXT[x.method] ?? x.method})`),
    ...s.issues.slice(0, 3).map((i) => `${i.file}:${i.line}: ${i.message}`),
  ];
  return { message, details };
}
