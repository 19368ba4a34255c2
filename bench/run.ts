// `npm run bench`: named figures, one per line (`name value unit`), medians of several runs.
import { benchCanvas } from './canvas';
import { benchEngine } from './engine';
import { benchMerge } from './merge';
import { benchMods } from './mods';
import { benchProblems } from './problems';
import { benchHost, benchHostChild } from './host';
import { benchReplayFigures } from './replay-figures';
import { benchTraceOpen } from './trace-open';
import { printFigure } from './stats';

const only = process.argv[2];
// The host bench's own process (spawned by benchHost, so its RSS is the host's alone).
if (only === 'host-child') await benchHostChild();
if (!only || only === 'engine') for (const f of benchEngine()) printFigure(f);
// Headless Chromium on the built renderer (builds it when missing).
if (!only || only === 'canvas') for (const f of await benchCanvas()) printFigure(f);
// Replay: load 1M events beside its JSON.parse floor, p95 seek, bytes per event (aims: ≤ 2500 ms, < 16 ms, ≤ 100 bytes).
if (!only || only === 'replay') for (const f of benchReplayFigures()) printFigure(f);
// Problems view (issue 9): analysing a 1M-event trace, from an array and from the loader's columns.
if (!only || only === 'problems') for (const f of benchProblems()) printFigure(f);
// Merging recorder files (issue 13): lines per second.
if (!only || only === 'merge') for (const f of await benchMerge()) printFigure(f);
// Python mods through the runtime (needs Python 2.7): handler invocations per second.
if (!only || only === 'mods') for (const f of benchMods()) printFigure(f);
// A ~1 GB trace generated in a temp folder (removed after) and opened as the host opens it, in its
// own process (aim: RSS under 600 MB); `-- trace-1gb` runs it alone.
if (!only || only === 'trace-1gb' || only === 'open') for (const f of await benchTraceOpen()) printFigure(f);
// A live run to 10 M events with the recording on: RSS after (aim: < 600 MB).
if (!only || only === 'host') for (const f of benchHost()) printFigure(f);
