// Clock skew and lost lines: the merge corrects and reports the skew per server, and names each
// lost line's consequence by file and line (item 4's second test, on recordings made from an
// engine run; e2e/recorder-proof.e2e.ts repeats it on the real recorder's files).
import { describe, expect, it } from 'vitest';
import { mergeTexts } from './merge';
import { formatReport } from './report';
import { engineRun } from './testing/engine-runs';
import { synthesizeRecordings, type SynthFile } from './testing/synth';

type Line = Record<string, unknown>;

function parse(file: SynthFile): Line[] {
  return file.text.trim().split('\n').map((l) => JSON.parse(l) as Line);
}

/** 1-based line number of the first line of `file` matching `where`. */
function lineOf(file: SynthFile, where: (l: Line) => boolean): number {
  const i = parse(file).findIndex(where);
  if (i < 0) throw new Error(`no such line in ${file.name}`);
  return i + 1;
}

describe('merge report: skew and lost lines', () => {
  const run = engineRun('quickstart');
  const skewMs = { 'lobby-4000': 3000, 'service-8000': -1500, 'game-5000': 60_000 };
  const clean = synthesizeRecordings(run.header, run.events, { skewMs });
  const file = (node: string) => clean.find((f) => f.node === node) as SynthFile;
  const lobby = parse(file('lobby-4000'));
  const master = parse(file('master'));
  // Lost: the lobby's first NotifyToMaster send, the lobby's handle of the second MasterAckEvent,
  // and the lobby's callback of its first RPC.
  const lostSend = lobby.find((l) => l.kind === 'send' && l.api === 'NotifyToMaster') as Line;
  const lostHandle = lobby.filter((l) => l.kind === 'handle' && l.event === 'MasterAckEvent')[1];
  const lostCallback = lobby.find((l) => l.kind === 'callback') as Line;
  const lost = new Set([lostSend.seq, lostHandle.seq, lostCallback.seq] as number[]);
  const files = synthesizeRecordings(run.header, run.events, { skewMs, lose: (node, seq) => node === 'lobby-4000' && lost.has(seq) });
  const m = mergeTexts(files, 'quickstart');
  const lossy = files.find((f) => f.node === 'lobby-4000') as SynthFile;

  it('corrects and reports the skew of every server', () => {
    const skew = Object.fromEntries(m.report.servers.map((s) => [s.node, [s.skewMs, s.method]]));
    expect(skew).toMatchObject({
      master: [0, 'reference'],
      'lobby-4000': [-3000, 'two-way'],
      'service-8000': [1500, 'two-way'],
      // game-5000 only receives: its latency is taken to be the shortest seen elsewhere (20 ms here).
      'game-5000': [-60_000, 'one-way'],
    });
    expect(formatReport(m.report)).toMatch(/lobby-4000\s+-3000 ms\s+from traffic both ways/);
  });

  it('reports each gap where it is, by file and line', () => {
    const gaps = m.report.issues.filter((i) => i.kind === 'seq-gap');
    const after = (seq: number) => lineOf(lossy, (l) => l.seq === seq + 1);
    expect(gaps).toEqual(
      [...lost].sort((a, b) => a - b).map((seq) => ({
        kind: 'seq-gap', file: 'lobby-4000.ndjson', line: after(seq), message: expect.stringContaining(`seq jumps from ${seq - 1} to ${seq + 1}`),
      })),
    );
  });

  it('names what each lost line left unmatched', () => {
    const corr = lostSend.corr as string;
    const masterHandle = lineOf(file('master'), (l) => l.kind === 'handle' && l.corr === corr);
    expect(m.report.issues).toContainEqual({
      kind: 'unmatched-handle', file: 'master.ndjson', line: masterHandle,
      message: expect.stringMatching(/its line \(seq \d+ of server 4000\) is missing from the recording: a lost line/),
    });
    const ackSend = master.filter((l) => l.kind === 'send' && l.event === 'MasterAckEvent')[1];
    expect(m.report.issues).toContainEqual({
      kind: 'unmatched-send', file: 'master.ndjson', line: lineOf(file('master'), (l) => l.seq === ackSend.seq),
      message: expect.stringContaining('lobby-4000 listens for it but recorded no handler run'),
    });
    const request = lobby.find((l) => l.kind === 'rpc-request' && l.seq === lostCallback.req) as Line;
    expect(m.report.issues).toContainEqual({
      kind: 'unmatched-rpc', file: 'lobby-4000.ndjson', line: lineOf(lossy, (l) => l.seq === request.seq),
      message: expect.stringContaining('no callback line'),
    });
    expect(m.report.issueTotal).toBe(6);
  });

  it('keeps what it could not match in the trace, marked', () => {
    // The master's handle of the lost send is still a delivery (without its send)...
    expect(m.events.some((e) => e.type === 'deliver' && e.to === 'master' && e.event === 'PlayerJoinOKEvent' && e.cause === undefined)).toBe(true);
    // ...and the ack nobody recorded handling is shown as dropped, unseen.
    expect(m.events.filter((e) => e.type === 'drop' && e.reason === 'unseen' && e.to === 'lobby-4000')).toHaveLength(1);
  });

  it('reports a file cut mid-line, bad lines and lines before any header', () => {
    const broken = [
      ...clean.filter((f) => f.node !== 'master'),
      { name: 'master.ndjson', node: 'master', text: `{"seq":1,"ts":0,"kind":"error","error":"x"}\n${file('master').text}not json\n{"seq":` },
    ];
    const r = mergeTexts(broken, 'x').report;
    const n = file('master').text.split('\n').length; // lines of the clean file, plus one before
    expect(r.issues.filter((i) => i.file === 'master.ndjson')).toEqual([
      { kind: 'no-header', file: 'master.ndjson', line: 1, message: expect.stringContaining('before any header') },
      { kind: 'bad-line', file: 'master.ndjson', line: n + 1, message: expect.stringContaining('not JSON') },
      { kind: 'truncated', file: 'master.ndjson', line: n + 2, message: expect.stringContaining('ends inside this line') },
    ]);
  });
});
