import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeTexts } from '../../../core/merge/merge';
import { engineRun } from '../../../core/merge/testing/engine-runs';
import { synthesizeRecordings, type SynthFile } from '../../../core/merge/testing/synth';
import { encodeTrace } from '../../../core/trace/ndjson';
import { readTrace } from '../../../core/trace/ndjson-reader';
import { main } from '../main';
import { captureIo, scratchDir } from '../testing/capture-io';

const { dir, cleanup } = scratchDir();
afterAll(cleanup);

/** The lobby's file rotated: its first lines in lobby-4000.ndjson.1, the rest (after a new header) in lobby-4000.ndjson. */
function rotate(files: SynthFile[]): { name: string; text: string }[] {
  return files.flatMap((f) => {
    if (f.node !== 'lobby-4000') return [{ name: `${f.node}/${f.name}`, text: f.text }];
    const lines = f.text.trim().split('\n');
    const head = JSON.parse(lines[0]) as Record<string, unknown>;
    const cut = Math.floor(lines.length / 2);
    const next = JSON.parse(lines[cut]) as { seq: number };
    return [
      { name: `${f.node}/${f.name}.1`, text: `${lines.slice(0, cut).join('\n')}\n` },
      { name: `${f.node}/${f.name}`, text: `${JSON.stringify({ ...head, firstSeq: next.seq })}\n${lines.slice(cut).join('\n')}\n` },
    ];
  });
}

const run = engineRun('quickstart');
const files = rotate(synthesizeRecordings(run.header, run.events, { skewMs: { 'lobby-4000': 2500, 'service-8001': -700 } }));
const recordings = path.join(dir, 'recordings');
for (const f of files) {
  mkdirSync(path.dirname(path.join(recordings, f.name)), { recursive: true });
  writeFileSync(path.join(recordings, f.name), f.text);
}
writeFileSync(path.join(recordings, 'notes.txt'), 'not a recording');

async function merge(args: string[]) {
  const io = captureIo(dir);
  const code = await main(['merge', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('switchboard merge', () => {
  const expected = mergeTexts(files, 'recordings');

  it('merges a folder (subfolders, rotated files) into the trace the in-memory merge gives, atomically, with a report', async () => {
    const r = await merge(['recordings', '--out', 'merged.ndjson', '--report', 'report.json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const text = readFileSync(path.join(dir, 'merged.ndjson'), 'utf8');
    expect(text).toBe(encodeTrace(expected.header, expected.events));
    expect(readTrace(text).errors).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))).toEqual(expected.report);
    expect(r.err).toMatch(/clock skew corrected per server:\n/);
    expect(r.err).toMatch(/lobby-4000\s+-2500 ms/);
    expect(r.err).toMatch(/no issues/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the same bytes to stdout; files named one by one give the same trace', async () => {
    const all = await merge(['recordings']);
    expect(all.code).toBe(0);
    expect(all.out).toBe(encodeTrace(expected.header, expected.events));
    const named = await merge([...files.map((f) => path.join('recordings', f.name)).reverse(), '--name', 'recordings', '--quiet']);
    expect(named.code).toBe(0);
    expect(readTrace(named.out).events).toEqual(readTrace(all.out).events);
    expect(named.err).toBe('');
  });

  it('reports lost lines by file and line', async () => {
    mkdirSync(path.join(dir, 'lossy'), { recursive: true });
    for (const f of files) {
      const lines = f.text.trim().split('\n');
      const kept = f.name.startsWith('master/') ? lines.filter((_, i) => i !== 5) : lines;
      mkdirSync(path.dirname(path.join(dir, 'lossy', f.name)), { recursive: true });
      writeFileSync(path.join(dir, 'lossy', f.name), `${kept.join('\n')}\n`);
    }
    const r = await merge(['lossy', '--out', 'lossy.ndjson']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/master\/master\.ndjson:6: seq-gap: seq jumps from 4 to 6/);
  });

  it('reports unmatched and unreadable lines by file and line', async () => {
    mkdirSync(path.join(dir, 'odd'), { recursive: true });
    let at = { handle: 0, bad: 0 };
    for (const f of files) {
      const lines = f.text.trim().split('\n');
      if (f.name.startsWith('service-8000/')) {
        // A handled message whose send no recording has, then a line cut into garbage.
        const last = JSON.parse(lines[lines.length - 1]) as { seq: number; ts: number };
        lines.push(JSON.stringify({ seq: last.seq + 1, ts: last.ts, kind: 'handle', event: 'Ghost', from: { ns: 'ghostNs', sys: 'ghostSys' }, corr: '4000:nope:99', data: {} }));
        at = { handle: lines.length, bad: lines.length + 1 };
        lines.push('{"seq": 1, "ts"');
      }
      mkdirSync(path.dirname(path.join(dir, 'odd', f.name)), { recursive: true });
      writeFileSync(path.join(dir, 'odd', f.name), `${lines.join('\n')}\n`);
    }
    const r = await merge(['odd', '--out', 'odd.ndjson']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`service-8000/service-8000.ndjson:${at.handle}: unmatched-handle: `);
    expect(r.err).toContain(`service-8000/service-8000.ndjson:${at.bad}: bad-line: `);
  });

  it('refuses what is not a recording, and leaves no output behind', async () => {
    mkdirSync(path.join(dir, 'empty'), { recursive: true });
    expect((await merge(['nowhere'])).err).toMatch(/nowhere: no such file or directory/);
    const empty = await merge(['empty']);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/no recording files in it/);
    writeFileSync(path.join(dir, 'trace.ndjson'), encodeTrace(expected.header, expected.events.slice(0, 3)));
    const notRec = await merge(['trace.ndjson', '--out', 'x.ndjson']);
    expect(notRec.code).toBe(1);
    expect(notRec.err).toMatch(/no recording header line found/);
    const big = await merge(['recordings', '--out', 'y.ndjson', '--max-lines', '10']);
    expect(big.code).toBe(1);
    expect(big.err).toMatch(/more than 10 event lines/);
    expect(existsSync(path.join(dir, 'x.ndjson'))).toBe(false);
    expect(existsSync(path.join(dir, 'y.ndjson'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await merge(['recordings', '--max-lines', 'ten'])).code).toBe(2);
  });
});
