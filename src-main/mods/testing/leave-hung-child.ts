// A host that starts a mod process which never returns, prints its pid and exits: the channel
// must not leave that process behind (channel.test.ts).
import { ModChannel } from '../channel';
import { runnerEnv } from '../python-host';
import { pythonForTests } from './python';

const py = pythonForTests();
const channel = new ModChannel();
const id = channel.spawn({ cmd: py.command, args: [...py.args, '-c', 'import os\nos.write(1, "%d\\n" % os.getpid())\nwhile True: pass'], cwd: process.cwd(), env: runnerEnv() });
const first = channel.next(id, 10_000);
process.stdout.write(`${first && first.kind === 'line' ? first.text : 'none'}\n`);
// Let the I/O thread's pid report reach this thread, then leave without stopping the child.
setTimeout(() => process.exit(0), 200);
