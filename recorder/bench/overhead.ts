// The recorder's overhead, measured inside the real mod runner and shim (python/): a bench mod on a
// lobby calls its own listener through the shim's handler table (what an `invoke` runs) and sends
// NotifyToMaster with a dict, N times each, with and without the recorder mod loaded first.
// CPU time per call (os.times, so the machine's load matters less), median of 5 interleaved rounds.
// Run: npx tsx recorder/bench/overhead.ts
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPython27, logs, posts, RunnerProcess, type Msg } from '../../python/testing/runner-driver';
import { RECORDER_DIR } from './recorder-dir';

const N = Number(process.env.N ?? 20000);
const ROUNDS = 5;

const BENCH_SYS = `# -*- coding: utf-8 -*-
import os
import _switchboard.handlers as handlers
import _switchboard.calls as calls
import server.extraServerApi as serverApi
ServerSystem = serverApi.GetServerSystemCls()

def cpu():
    t = os.times()
    return t[0] + t[1]

class benchServer(ServerSystem):
    def __init__(self, namespace, systemName):
        ServerSystem.__init__(self, namespace, systemName)
        self.count = 0
        self.ListenForEvent('masterNamespace', 'masterSystem', 'Ping', self, self.OnPing)
    def OnPing(self, args):
        self.count += args['n']
    def Bench(self, hid, n, keyed):
        h = handlers.get(hid)
        t0 = cpu()
        for i in xrange(n):
            args = {'n': 1, 'uid': 123, 'name': 'nickname'}
            if keyed:
                args['__sbrec__'] = '0:boot:%d' % i
            calls.run_user(h.call, (args,))
        t1 = cpu()
        for i in xrange(n):
            self.NotifyToMaster('Pong', {'n': i, 'uid': 123, 'name': 'nickname'})
        t2 = cpu()
        print 'handle_us %.3f send_us %.3f count %d' % ((t1 - t0) * 1e6 / n, (t2 - t1) * 1e6 / n, self.count)
`;

function benchMod(root: string): Msg {
  const dir = join(root, 'benchLobby', 'developer_mods', 'benchLobbyDev');
  mkdirSync(join(dir, 'benchScript'), { recursive: true });
  writeFileSync(join(dir, 'benchScript', '__init__.py'), '');
  writeFileSync(join(dir, 'benchScript', 'benchSys.py'), BENCH_SYS);
  writeFileSync(join(dir, 'benchScript', 'modMain.py'), [
    'from common.mod import Mod',
    '@Mod.Binding(name="bench", version="1.0.0")',
    'class Main(object):',
    '    @Mod.InitServer()',
    '    def init(self):',
    '        import server.extraServerApi as api',
    '        api.RegisterSystem("benchNamespace", "benchSystem", "benchScript.benchSys.benchServer")',
    '',
  ].join('\n'));
  return { name: 'benchLobby', dir, script: 'benchScript', modJson: null };
}

async function once(python: string, root: string, withRecorder: boolean, flushMs = 0): Promise<{ handle: number; send: number }> {
  const recorderJson = JSON.parse(readFileSync(join(RECORDER_DIR, 'mod.json'), 'utf8')) as Record<string, unknown>;
  const mods = withRecorder
    ? [{ name: 'switchboardRecorder', dir: RECORDER_DIR, script: 'switchboardRecorderScript', modJson: { ...recorderJson, path: join(root, 'rec', '{kind}-{serverId}.ndjson'), maxFileBytes: 1 << 30, flushMs } }, benchMod(root)]
    : [benchMod(root)];
  const r = new RunnerProcess(python, root);
  try {
    const node = { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' };
    const answer = () => ({ value: { serverlist: [{ serverid: 4000, app_type: 'lobby', type: 'lobby' }] } });
    const loaded = await r.command({ op: 'load', node, now: 0, seed: 1, epochMs: 0, tickHz: 0, mods }, { onCall: answer });
    const hid = posts(loaded, 'ListenForEvent')[0].args[3].$h;
    const res = await r.command({ op: 'method', node: 'lobby-4000', now: 1, ns: 'benchNamespace', sys: 'benchSystem', method: 'Bench', args: [hid, N, withRecorder] }, { onCall: answer });
    const m = /handle_us ([\d.]+) send_us ([\d.]+) count (\d+)/.exec(logs(res).join('\n'));
    if (!m || Number(m[3]) !== N) throw new Error(`bench failed: ${JSON.stringify(res.done)} ${logs(res).join('\n')}`);
    return { handle: Number(m[1]), send: Number(m[2]) };
  } finally {
    await r.exit();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const python = findPython27();
const root = mkdtempSync(join(tmpdir(), 'sb-recorder-bench-'));
try {
  const plain: { handle: number; send: number }[] = [];
  const rec: { handle: number; send: number }[] = [];
  const batched: { handle: number; send: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    plain.push(await once(python, root, false));
    rec.push(await once(python, root, true));
    // flushMs counts virtual ms here: the bench's calls all happen at one virtual moment.
    batched.push(await once(python, root, true, 1000));
  }
  const row = (name: string, k: 'handle' | 'send') => {
    const [a, b, c] = [plain, rec, batched].map((xs) => median(xs.map((x) => x[k])));
    console.log(`${name.padEnd(28)} ${a.toFixed(1).padStart(7)} µs ${b.toFixed(1).padStart(9)} µs (+${(b - a).toFixed(1)}) ${c.toFixed(1).padStart(9)} µs (+${(c - a).toFixed(1)})`);
  };
  console.log(`N = ${N} calls, median of ${ROUNDS} rounds, CPU time per call`);
  console.log(`${''.padEnd(28)} ${'without'.padStart(10)} ${'recorder, flushMs 0'.padStart(20)} ${'flushMs 1000'.padStart(18)}`);
  row('listener call (handled msg)', 'handle');
  row('NotifyToMaster with a dict', 'send');
} finally {
  rmSync(root, { recursive: true, force: true });
}
