// The live-run cap: a session that runs forever keeps its newest events (in memory and in a rolling
// recording) instead of all of them (10 M events took 1.6 GB of RAM and a 1.8 GB recording), the
// UI is told, and the recordings folder stays within its budget.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../core/model/schema';
import { CHUNK_ROWS } from '../../../core/trace/recorder';
import { createSimulation } from '../simulation-factory';
import { readTraceFile } from '../trace/trace-reader';
import { TraceRecorder } from './recorder';
import { RecordingStore } from './recordings';
import { quickstartText, tempDir } from '../test-support/fixtures';
import { testHost } from '../test-support/test-host';

/** Master and service answering each other 1 ms apart, forever. */
const ECHO = JSON.stringify({
  format: 'switchboard-project',
  version: 1,
  name: 'Echo',
  options: { defaultLatencyMs: 1 },
  nodes: [
    { id: 'master', kind: 'master', serverId: 0, systems: [{ namespace: 'm', systemName: 'm', rules: [{ on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiService', event: 'Pong', actions: [{ call: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'Ping', eventData: { n: 1 } } }] }] }] },
    { id: 'service-8000', kind: 'service', serverId: 8000, type: 'echo', moduleNames: ['echo'], systems: [{ namespace: 's', systemName: 's', rules: [{ on: 'event', namespace: 'NeteaseExtraApi', systemName: 'extraApiMaster', event: 'Ping', actions: [{ call: 'NotifyToMaster', args: { eventName: 'Pong', eventData: { word: 'pong' } } }] }] }] },
  ],
  scenarios: [{ name: 'go', durationMs: 1e9, steps: [{ at: 1, do: 'call', node: 'master', api: 'NotifyToServiceNode', args: { targetId: 8000, eventName: 'Ping', eventData: { n: 0 } } }] }],
});

describe('the live-run cap', () => {
  it('keeps the newest events in memory and on disk, tells the UI once, and the kept recording is one valid trace', async () => {
    const cap = 40_000;
    const { call, host, run, notices } = testHost({ record: true, host: { liveEvents: cap } });
    await call('project.openText', { name: 'echo.json', text: ECHO });
    // ~2,400 events a 16 ms tick, flushed (and capped) every 200 ms, as a busy live run would be.
    await call('session.speed', { speed: 50 });
    await call('session.run');
    const s = host.requireSession();
    while (s.sim.trace.length < 3 * CHUNK_ROWS) run(64);
    run(400);
    const trace = s.sim.trace;
    expect(trace.first).toBeGreaterThan(0);
    expect(trace.length - trace.first).toBeLessThanOrEqual(cap + Math.max(CHUNK_ROWS, cap >> 2) + CHUNK_ROWS);
    const capNotices = notices().filter((n) => n.message.includes('live-run cap'));
    expect(capNotices).toEqual([{ level: 'info', message: 'This live run keeps its newest 40,000 events in memory and in the recording; older events were dropped (the live-run cap).' }]);
    const status = await call('session.status');
    expect(status).toMatchObject({ ok: true, result: { firstEvent: trace.first, liveEvents: cap, recording: { droppedEvents: expect.any(Number) } } });

    const rec = s.recorder!;
    expect(rec.files.length).toBeLessThanOrEqual(3);
    expect(rec.droppedEvents).toBeGreaterThan(0);
    for (const f of fs.readdirSync(path.dirname(rec.file))) expect(rec.files).toContain(path.join(path.dirname(rec.file), f));
    const joined = path.join(tempDir(), 'joined.ndjson');
    await host.exportRecording(joined);
    const loaded = await readTraceFile(joined, 'joined', () => {});
    const events = loaded.file.slice(0);
    loaded.close();
    expect(loaded.badLines).toBe(0);
    expect(events.length).toBeGreaterThanOrEqual(cap);
    expect(events.length).toBeLessThanOrEqual(1.5 * cap + 1);
    // Contiguous, ending at the last event written.
    events.forEach((e, i) => expect(e.seq).toBe(events[0].seq + i));
    expect(events.at(-1)!.seq).toBe(rec.eventsWritten);
    // The events the UI can still fetch are the kept ones.
    expect(trace.slice(0, trace.first + 1)).toHaveLength(1);
  }, 120_000);
});

describe('rolling recording segments', () => {
  it('each segment is a valid trace; the oldest beyond the kept count are removed', async () => {
    const sim = createSimulation(Project.parse(JSON.parse(quickstartText())), { seed: 1, scenario: 'tour' });
    const dir = tempDir();
    const rec = new TraceRecorder(path.join(dir, 'r.ndjson'), sim.trace, { segmentEvents: 10, keepSegments: 2 });
    sim.runUntil(5000);
    rec.close();
    expect(sim.trace.length).toBeGreaterThan(40);
    expect(rec.files.map((f) => path.basename(f))).toEqual(fs.readdirSync(dir).sort((a, b) => rec.files.map((x) => path.basename(x)).indexOf(a) - rec.files.map((x) => path.basename(x)).indexOf(b)));
    expect(rec.files).toHaveLength(2);
    for (const f of rec.files) {
      const t = await readTraceFile(f, path.basename(f), () => {});
      t.close();
      expect(t.badLines).toBe(0);
      expect(t.header.project).toBe('Quickstart');
    }
    expect(rec.droppedEvents + 20).toBeGreaterThanOrEqual(sim.trace.length);
  });
});

describe('the recordings folder budget', () => {
  it('removes the oldest recordings (with their segments) first, never one being written', () => {
    const dir = tempDir();
    const mb = (n: number) => 'x'.repeat(n * 1024 * 1024);
    fs.writeFileSync(path.join(dir, '2020-01-01-a.ndjson'), mb(2));
    fs.writeFileSync(path.join(dir, '2020-01-01-a.part2.ndjson'), mb(2));
    fs.writeFileSync(path.join(dir, '2020-01-02-b.ndjson'), mb(3));
    fs.writeFileSync(path.join(dir, '2020-01-03-c.ndjson'), mb(1));
    const store = new RecordingStore(dir, { budgetBytes: 5 * 1024 * 1024 });
    const live = store.newFile('live');
    fs.writeFileSync(live, mb(1));
    store.prune();
    expect(fs.readdirSync(dir).sort()).toEqual(['2020-01-02-b.ndjson', '2020-01-03-c.ndjson', path.basename(live)].sort());
    // Over budget with only the live one left to remove: it stays.
    const tight = new RecordingStore(dir, { budgetBytes: 1 });
    const second = tight.newFile('again');
    fs.writeFileSync(second, mb(1));
    tight.prune();
    expect(fs.readdirSync(dir)).toEqual([path.basename(second)]);
  });
});
