// Issue 13, item 4: the recorder mod inside the simulated servers of the mod runtime. Each
// multi-server sample project (fixtures/apollo/samples) runs unmodified on Python 2.7 with the
// recorder listed first on every server; the per-server files it writes are merged; the merged
// trace must have the same messages, in the same causal order, with the same RPC outcomes as the
// engine's own trace of that run — and the run must be the one the mods make without the recorder.
// Then clock skew and lost lines are injected into those real files and the merge report checked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeTexts, type MergeResult } from '../core/merge/merge';
import { compareWithEngine } from '../core/merge/testing/engine-runs';
import type { TraceEvent } from '../core/trace/event';
import { pythonForTests } from '../src-main/mods/testing/python';
import { loadProject, recordings, runSample as run, RECORDED_KINDS as SERVERS, SAMPLES, withRecorder as copyWithRecorder } from './testing/sample-run';

pythonForTests();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-recorder-proof-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const withRecorder = (name: string) => copyWithRecorder(name, tmp);

const problems = (events: readonly TraceEvent[]) => events.filter((e) => e.type === 'error' || e.type === 'misuse').map((e) => `${e.type} ${e.to ?? e.from}: ${e.reason}`);

const recorderFiles: Record<string, { name: string; text: string }[]> = {};

for (const sample of ['arena', 'shop']) {
  describe(`sample ${sample}: recorded on every server, merged`, () => {
    const plain = run(loadProject(path.join(SAMPLES, sample), sample), path.join(SAMPLES, sample));
    const { dir, project } = withRecorder(sample);
    const recorded = run(project, dir);
    const files = recordings(dir);
    recorderFiles[sample] = files;
    const merged: MergeResult = mergeTexts(files, sample);

    it('the recorder changes nothing the mods do: same messages, same prints, no error', () => {
      expect(problems(recorded.events)).toEqual([]);
      const a = compareWithEngine(plain, plain).engine;
      const b = compareWithEngine(recorded, recorded).engine;
      expect(b).toEqual(a);
      expect(recorded.logs).toEqual(plain.logs);
    });

    it('writes one file per server, every line readable', () => {
      const servers = project.nodes.filter((n) => SERVERS.has(n.kind) && n.mods?.length).map((n) => `${n.kind}-${n.serverId}.ndjson`).sort();
      expect(files.map((f) => f.name)).toEqual(servers);
      expect(merged.report.accounting).toMatchObject({ skipped: 0, silent: 0 });
      expect(merged.report.issues).toEqual([]);
    });

    it('merges into the same messages, causal order and RPC outcomes as the engine trace of the run', () => {
      const { engine, merged: got } = compareWithEngine(recorded, merged);
      expect(got.sends).toEqual(engine.sends);
      expect(got.deliveries).toEqual(engine.deliveries);
      expect(got.rpcs).toEqual(engine.rpcs);
      expect(Object.keys(engine.sends).length).toBeGreaterThan(2);
      // Synchronised clocks (one virtual clock): nothing to correct.
      expect(merged.report.servers.map((s) => s.skewMs)).toEqual(merged.report.servers.map(() => 0));
    });
  });
}

describe('the real recorder files of the arena run, with clock skew and lost lines injected', () => {
  const lines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const write = (rows: Record<string, unknown>[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
  const clean = recorderFiles.arena;
  const skew: Record<string, number> = { 'game-5001.ndjson': 4000, 'service-8000.ndjson': -2500 };
  // Lost: the lobby's first rpc-request, and the service's first handle of a message a server sent.
  const lobby = lines(clean.find((f) => f.name === 'lobby-4000.ndjson')?.text ?? '');
  const service = lines(clean.find((f) => f.name === 'service-8000.ndjson')?.text ?? '');
  const lostRequest = lobby.find((l) => l.kind === 'rpc-request') as Record<string, unknown>;
  const lostHandle = service.find((l) => l.kind === 'handle' && l.corr !== undefined) as Record<string, unknown>;
  const damaged = clean.map((f) => {
    const rows = lines(f.text)
      .filter((r) => r !== undefined && !(f.name === 'lobby-4000.ndjson' && r.seq === lostRequest.seq && r.kind === 'rpc-request') && !(f.name === 'service-8000.ndjson' && r.seq === lostHandle.seq && r.kind === 'handle'))
      .map((r) => (skew[f.name] ? { ...r, ts: (r.ts as number) + skew[f.name] } : r));
    return { name: f.name, text: write(rows) };
  });
  const m = mergeTexts(damaged, 'arena-damaged');
  const lineOf = (file: string, seq: number) => lines((damaged.find((f) => f.name === file) as { text: string }).text).findIndex((r) => r.seq === seq && r.kind !== undefined) + 1;

  it('corrects and reports the skew of each server', () => {
    const got = Object.fromEntries(m.report.servers.map((s) => [s.node, s.skewMs]));
    expect(got['game-5001']).toBeCloseTo(-4000, 0);
    expect(got['service-8000']).toBeCloseTo(2500, 0);
    expect(got.master).toBe(0);
    expect(got['lobby-4000']).toBe(0);
  });

  it('reports each lost line where it was, and what it left unmatched', () => {
    const issues = m.report.issues;
    expect(issues).toContainEqual({ kind: 'seq-gap', file: 'lobby-4000.ndjson', line: lineOf('lobby-4000.ndjson', (lostRequest.seq as number) + 1), message: expect.stringContaining(`seq jumps from ${(lostRequest.seq as number) - 1} to ${(lostRequest.seq as number) + 1}`) });
    expect(issues).toContainEqual({ kind: 'seq-gap', file: 'service-8000.ndjson', line: lineOf('service-8000.ndjson', (lostHandle.seq as number) + 1), message: expect.stringContaining('1 line(s) of server 8000 missing') });
    // The service handled the lost request: its rpc-handle names a line that is gone, its response
    // answers that handle, the lobby's callback names the lost request.
    expect(issues.some((i) => i.kind === 'unmatched-rpc' && i.file === 'service-8000.ndjson' && i.message.includes('is missing from the recording: a lost line'))).toBe(true);
    expect(issues.some((i) => i.kind === 'unmatched-rpc' && i.file === 'service-8000.ndjson' && i.message.includes('whose request is not in the recordings'))).toBe(true);
    expect(issues.some((i) => i.kind === 'unmatched-rpc' && i.file === 'lobby-4000.ndjson' && i.message.includes(`for request seq ${lostRequest.seq as number}, which is not in the recording`))).toBe(true);
    // The message the service's lost line handled is a send nobody recorded handling, reported on its sender's file.
    const [senderId, , sendSeq] = String(lostHandle.corr).split(':');
    const senderFile = (clean.find((f) => f.name.endsWith(`-${senderId}.ndjson`)) as { name: string }).name;
    expect(issues).toContainEqual({ kind: 'unmatched-send', file: senderFile, line: lineOf(senderFile, Number(sendSeq)), message: expect.stringContaining('service-8000 listens for it but recorded no handler run') });
    expect(m.report.accounting).toMatchObject({ skipped: 0, silent: 0 });
  });

  it('still writes a trace where no delivery precedes its send', () => {
    const bySeq = new Map(m.events.map((e) => [e.seq, e]));
    for (const e of m.events) {
      if (e.cause === undefined) continue;
      const c = bySeq.get(e.cause) as TraceEvent;
      expect(c.seq).toBeLessThan(e.seq);
      expect(c.t).toBeLessThanOrEqual(e.t);
    }
  });
});
