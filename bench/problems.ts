// Problems view bench (issue 9): analyse a 1M-event trace (realistic mix: RPC timeouts, late
// responses, no-routes, drops, transfers, misuse) from a plain array and from the replay loader's
// columns, as the app holds an opened trace. `npx tsx bench/problems.ts` runs it alone.
import { performance } from 'node:perf_hooks';
import { analyzeProblems, contextFromHeader } from '../core/diagnostics';
import { TraceLoader } from '../core/replay/load';
import { generateSampleEvents, sampleHeader } from '../core/replay/testing/sample-trace';
import { encodeEvent, encodeHeader } from '../core/trace/ndjson';
import { median, printFigure, type Figure } from './stats';

const N = 1_000_000;

export function benchProblems(): Figure[] {
  const events = [...generateSampleEvents(N)];
  const header = sampleHeader();
  const context = contextFromHeader(header);
  const runs = (f: () => void, n = 3) => median(Array.from({ length: n }, () => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  }));
  let groups = 0;
  let problemEvents = 0;
  const arrayMs = runs(() => {
    const g = analyzeProblems(events, context);
    groups = g.length;
    problemEvents = g.reduce((n, x) => n + x.events.length, 0);
  });
  const loader = new TraceLoader({ sizeHint: N * 200 });
  loader.write(`${encodeHeader(header)}\n`);
  for (let i = 0; i < events.length; i += 10_000) loader.write(`${events.slice(i, i + 10_000).map(encodeEvent).join('\n')}\n`);
  const index = loader.end();
  const columnsMs = runs(() => void analyzeProblems(index.source, context));
  return [
    { name: 'problems.analyse_1m_array', value: Math.round(arrayMs), unit: 'ms' },
    { name: 'problems.analyse_1m_loaded', value: Math.round(columnsMs), unit: 'ms' },
    { name: 'problems.groups_1m', value: groups, unit: 'groups' },
    { name: 'problems.events_1m', value: problemEvents, unit: 'events' },
  ];
}

// Run directly (`npx tsx bench/problems.ts`), not when bundled into bench/run.ts (whose URL is argv[1]).
if (process.argv[1]?.endsWith('problems.ts')) for (const f of benchProblems()) printFigure(f);
