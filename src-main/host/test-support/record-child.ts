// Child for the recording crash test: a real host runs the quickstart tour at argv[3]× speed,
// recording to <configDir>/recordings, and reports {wall ms, events in the trace} every 50 ms
// until killed.
import { Host } from '../host';
import { createSimulation } from '../simulation-factory';

const [configDir, speed] = [process.argv[2], Number(process.argv[3] ?? 1)];
const host = new Host({ mode: 'web', version: 'test', configDir, createSimulation });
host.files.choose(process.argv[4]);
await host.openFile(process.argv[4]);
const session = host.requireSession();
session.setSpeed(speed);
session.run();
host.start();
process.stdout.write(`recording ${session.recorder?.file}\n`);
setInterval(() => process.stdout.write(`at ${Date.now()} ${session.sim.trace.length}\n`), 50);
