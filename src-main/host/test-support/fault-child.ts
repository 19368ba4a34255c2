// Child for the process-guard test: a host with the process-wide guard; a timer throws and a
// promise rejects with nobody listening. Without the guard Node exits; with it the child prints
// "survived" and keeps running until killed.
import { Host } from '../host';
import { installProcessGuard } from '../guard';
import { createSimulation } from '../simulation-factory';

const host = new Host({ mode: 'web', version: 'test', configDir: process.argv[2], createSimulation });
installProcessGuard(host);
await host.newDocument();
host.start();
setTimeout(() => {
  throw new Error('thrown in a timer');
}, 10);
setTimeout(() => void Promise.reject(new Error('rejected, nobody awaited')), 20);
setTimeout(() => process.stdout.write('survived\n'), 300);
setInterval(() => {}, 1000);
