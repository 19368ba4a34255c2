import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../core/model/schema';
import { TraceRecorder } from './recorder';
import { createSimulation } from '../simulation-factory';
import { readTraceFile } from '../trace/trace-reader';
import { exited, QUICKSTART, quickstartText, REPO, spawnTs, tempDir, waitForLine } from '../test-support/fixtures';

describe('TraceRecorder', () => {
  it('writes the header, then exactly the events appended since the last flush', async () => {
    const sim = createSimulation(Project.parse(JSON.parse(quickstartText())), { seed: 1, scenario: 'tour' });
    const file = path.join(tempDir(), 't.ndjson');
    const rec = new TraceRecorder(file, sim.trace);
    sim.runUntil(1000);
    rec.flush();
    const first = rec.eventsWritten;
    expect(first).toBe(sim.trace.length);
    sim.runUntil(3000);
    rec.close();
    expect(rec.eventsWritten).toBe(sim.trace.length);
    const loaded = await readTraceFile(file, 't', () => {});
    const events = loaded.file.slice(0);
    loaded.close();
    expect(loaded.truncated).toBe(false);
    expect(events.map((e) => e.seq)).toEqual(sim.trace.slice(0).map((e) => e.seq));
    expect(events[first - 1]).toEqual(sim.trace.get(first - 1));
  });
});

describe('a recording killed with SIGKILL', () => {
  it('reopens with every event older than one second before the kill', async () => {
    const configDir = tempDir();
    const child = spawnTs(path.join(REPO, 'src-main/host/test-support/record-child.ts'), [configDir, '1', QUICKSTART]);
    const reports: { at: number; events: number }[] = [];
    child.stdout?.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/at (\d+) (\d+)/g)) reports.push({ at: Number(m[1]), events: Number(m[2]) });
    });
    const file = (await waitForLine(child, /recording (\S+)\n/))[1];
    await new Promise((r) => setTimeout(r, 2600));
    const killedAt = Date.now();
    child.kill('SIGKILL');
    await exited(child);

    const loaded = await readTraceFile(file, path.basename(file), () => {});
    const events = loaded.file.slice(0);
    loaded.close();
    const safe = reports.filter((r) => r.at <= killedAt - 1000).at(-1);
    expect(safe).toBeDefined();
    expect(safe!.events).toBeGreaterThan(50);
    expect(events.length).toBeGreaterThanOrEqual(safe!.events);
    // What was recorded is a gap-free prefix of the run.
    events.forEach((e, i) => expect(e.seq).toBe(i + 1));
    expect(loaded.badLines).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  }, 30000);
});
