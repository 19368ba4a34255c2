// switchboard check (project or trace) and the run summary / --problems on stderr.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { captureIo, QUICKSTART, scratchDir } from '../testing/capture-io';

const { dir, cleanup } = scratchDir({});
afterAll(cleanup);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('switchboard check', () => {
  it('lists the quickstart tour\'s problems grouped, with explanations and suggestions; exit 3', async () => {
    const { code, out } = await cli(['check', QUICKSTART]);
    expect(code).toBe(3);
    expect(out).toMatch(/^4 problems \(4 events\)/);
    expect(out).toContain('[unhandled] ServerBroadcastEvent from lobby-4000 unheard on service-8001');
    expect(out).toContain("→ ListenForEvent('NeteaseExtraApi', 'extraApiDev', 'ServerBroadcastEvent', ...) on service-8001");
    expect(out).toContain('The answer from service-8000 was sent at 3720 ms, after the deadline (3200 ms)');
    expect(out).toContain('events: #171 (drop at 3740 ms)');
  });

  it('reads a trace written by run the same way, and prints JSON with --json', async () => {
    const trace = path.join(dir, 'tour.ndjson');
    const run = await cli(['run', QUICKSTART, '--out', trace]);
    expect(run.code).toBe(0);
    const fromTrace = await cli(['check', trace, '--json']);
    const fromProject = await cli(['check', QUICKSTART, '--json']);
    expect(fromTrace.code).toBe(3);
    const groups = JSON.parse(fromTrace.out) as { kind: string; events: number[] }[];
    expect(groups.map((g) => [g.kind, g.events])).toEqual((JSON.parse(fromProject.out) as typeof groups).map((g) => [g.kind, g.events]));
  });

  it('exit 0 and a plain sentence when nothing went wrong; 1 for a file that is neither', async () => {
    const quiet = path.join(dir, 'quiet.switchboard.json');
    writeFileSync(quiet, JSON.stringify({ format: 'switchboard-project', version: 1, name: 'q', nodes: [{ id: 'master', kind: 'master', serverId: 0 }] }));
    expect(await cli(['check', quiet])).toMatchObject({ code: 0, out: 'No problems: every message arrived and was handled, every RPC answered.\n' });
    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, 'not json');
    expect((await cli(['check', junk])).code).toBe(1);
  });
});

describe('switchboard run on stderr', () => {
  it('ends with a one-line summary; --problems lists the problems before it', async () => {
    const plain = await cli(['run', QUICKSTART]);
    expect(plain.err).toBe(`173 events · 9.0 s virtual · 1 drop · 1 timeout · 4 problems (switchboard check ${QUICKSTART} lists them)\n`);
    const withProblems = await cli(['run', QUICKSTART, '--problems']);
    expect(withProblems.out).toBe(plain.out);
    expect(withProblems.err).toMatch(/^4 problems \(4 events\)\n\n\[unhandled\]/);
    expect(withProblems.err.endsWith(plain.err)).toBe(true);
  });
});
