import { describe, expect, it } from 'vitest';
import type { MergeSummary } from '../../core/contract';
import { formatSkew, mergeNotice } from './summary-text';

const summary = (over: Partial<MergeSummary> = {}): MergeSummary => ({
  servers: [
    { node: 'master', kind: 'master', serverId: 0, segments: 1, lines: 10, skewMs: 0, method: 'reference', samples: 4 },
    { node: 'lobby-4000', kind: 'lobby', serverId: 4000, segments: 1, lines: 12, skewMs: -3000, method: 'two-way', samples: 4 },
    { node: 'game-5000', kind: 'game', serverId: 5000, segments: 2, lines: 3, skewMs: 60_000, method: 'one-way', samples: 1 },
  ],
  originMs: 0, files: 3, lines: 25, events: 1234, inferred: 2,
  deliveries: { total: 5, byCorrelation: 5, byOrder: 0, withoutSend: 0 },
  rpcs: { completed: 1 }, clockConflicts: 0, issueTotal: 0, issueCounts: {}, issues: [],
  ...over,
});

describe('merge report words', () => {
  it('formats skews with a sign, in seconds when large', () => {
    expect(formatSkew(0)).toBe('0 ms');
    expect(formatSkew(-3000)).toBe('−3000 ms');
    expect(formatSkew(12.34)).toBe('+12.3 ms');
    expect(formatSkew(60_000)).toBe('+60.0 s');
  });

  it('sums up a merge: files, servers, events, the largest skews first, the first issues', () => {
    const n = mergeNotice('rec', summary({ issueTotal: 1, issueCounts: { 'seq-gap': 1 }, issues: [{ kind: 'seq-gap', file: 'master.ndjson', line: 6, message: 'seq jumps from 4 to 6' }] }));
    expect(n.message).toBe('rec: merged 3 files from 3 servers into 1,234 events; clock skew corrected on 2 servers; 1 issue (Recording tab).');
    expect(n.details).toEqual(['game-5000: +60.0 s (traffic one way)', 'lobby-4000: −3000 ms (traffic both ways)', 'master.ndjson:6: seq jumps from 4 to 6']);
    expect(mergeNotice('r', summary({ servers: [summary().servers[0]], files: 1 })).message).toBe('r: merged 1 file from 1 server into 1,234 events; no clock skew to correct; no issues.');
  });
});
