// The recorder mod inside the real mod runner and Apollo shim (python/), over the runtime protocol:
// listed first in a lobby's mods, it must leave the user's mod seeing exactly what it saw without
// it, while the posts carry the correlation key and the recording says what happened.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findPython27, logs, posts, RunnerProcess, type Msg } from '../python/testing/runner-driver';

const HERE = dirname(fileURLToPath(import.meta.url));
export const RECORDER_DIR = resolve(HERE, 'switchboardRecorder', 'developer_mods', 'switchboardRecorderDev');
const RECORDER_JSON = JSON.parse(readFileSync(join(RECORDER_DIR, 'mod.json'), 'utf8')) as Record<string, unknown>;
const EPOCH = 1767225600000;

let python: string;
let root: string;
const running: RunnerProcess[] = [];

beforeAll(() => {
  python = findPython27();
  root = mkdtempSync(join(tmpdir(), 'sb-recorder-shim-'));
});
afterEach(() => {
  for (const r of running.splice(0)) r.kill();
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const LOBBY_MOD = `# -*- coding: utf-8 -*-
import server.extraServerApi as serverApi
ServerSystem = serverApi.GetServerSystemCls()

class lobbyServer(ServerSystem):
    def __init__(self, namespace, systemName):
        ServerSystem.__init__(self, namespace, systemName)
        self.ListenForEvent('masterNamespace', 'masterSystem', 'MasterAckEvent', self, self.OnAck)
        self.ListenForEvent('masterNamespace', 'masterSystem', 'MasterAckEvent', self, self.OnAck)
    def OnAck(self, args):
        print 'OnAck', sorted(args.items())
        self.NotifyToMaster('Thanks', {'uid': args.get('uid')})
    def Hello(self):
        data = {'uid': 123, 'name': 'nickname'}
        self.NotifyToMaster('PlayerJoinOKEvent', data)
        print 'after send', sorted(data.items())
        self.NotifyToServiceNode(8000, 'AList', [1, 2])
        self.RequestToServiceMod('idv_service', 'Join', {'uid': 123}, self.OnJoined, 3)
    def OnJoined(self, suc, args):
        print 'OnJoined', suc, args
    def Stop(self):
        self.UnListenForEvent('masterNamespace', 'masterSystem', 'MasterAckEvent', self, self.OnAck)
`;

function writeLobbyMod(): Msg {
  const dir = join(root, 'testLobby', 'developer_mods', 'testLobbyDev');
  const files: Record<string, string> = {
    '__init__.py': '',
    'lobbySys.py': LOBBY_MOD,
    'modMain.py': [
      'from common.mod import Mod',
      '@Mod.Binding(name="lobbyNamespace", version="1.0.0")',
      'class Main(object):',
      '    @Mod.InitServer()',
      '    def init(self):',
      '        import server.extraServerApi as api',
      '        api.RegisterSystem("lobbyNamespace", "lobbySystem", "testLobbyScript.lobbySys.lobbyServer")',
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'testLobbyScript'), { recursive: true });
    writeFileSync(join(dir, 'testLobbyScript', name), text);
  }
  return { name: 'testLobby', dir, script: 'testLobbyScript', modJson: null };
}

function recorderMod(extra: Record<string, unknown> = {}): Msg {
  return { name: 'switchboardRecorder', dir: RECORDER_DIR, script: 'switchboardRecorderScript', modJson: { ...RECORDER_JSON, path: join(root, 'rec', '{kind}-{serverId}.ndjson'), ...extra } };
}

const LOBBY = { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' };
const commonConfig = { serverlist: [{ serverid: 4000, app_type: 'lobby', type: 'lobby' }], servicelist: [], master: { serverid: 0, app_type: 'master' } };
const answer = (msg: Msg) => (msg.api === 'GetCommonConfig' ? { value: commonConfig } : { error: `unknown query ${msg.api}` });

async function loadLobby(mods: Msg[]): Promise<{ r: RunnerProcess; loaded: Awaited<ReturnType<RunnerProcess['command']>> }> {
  const r = new RunnerProcess(python, root);
  running.push(r);
  const loaded = await r.command({ op: 'load', node: LOBBY, now: 0, seed: 7, epochMs: EPOCH, tickHz: 0, mods }, { onCall: answer });
  return { r, loaded };
}

function strip(args: unknown): unknown {
  if (Array.isArray(args)) return args.map(strip);
  if (args && typeof args === 'object') return Object.fromEntries(Object.entries(args).filter(([k]) => k !== '__sbrec__').map(([k, v]) => [k, strip(v)]));
  return args;
}

/**
 * One full session: load, a method that sends and requests, the master's ack arriving (with the
 * key the master's recorder would add, when `keyed`), the RPC answer, unlisten.
 */
async function session(mods: Msg[], keyed = true) {
  const { r, loaded } = await loadLobby(mods);
  const call = (cmd: Msg) => r.command({ node: 'lobby-4000', ...cmd }, { onCall: answer });
  const hello = await call({ op: 'method', now: 100, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'Hello', args: [] });
  const listen = posts(loaded, 'ListenForEvent');
  const ack = await call({ op: 'invoke', now: 140, h: listen[0].args[3].$h, args: [keyed ? { uid: 5, __sbrec__: '0:boot:9' } : { uid: 5 }] });
  const req = posts(hello, 'RequestToServiceMod')[0];
  const joined = await call({ op: 'invoke', now: 160, h: req.args[3].$h, args: [true, { ok: 1 }] });
  const stop = await call({ op: 'method', now: 200, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'Stop', args: [] });
  await r.command({ op: 'unload', node: 'lobby-4000', now: 300 });
  return { loaded, hello, ack, joined, stop, r };
}

describe('the recorder mod in the mod runner', () => {
  it('changes nothing the mod sees: same prints, same posts but for the correlation key', async () => {
    const plain = await session([writeLobbyMod()], false);
    const recorded = await session([recorderMod(), writeLobbyMod()]);
    for (const k of ['hello', 'ack', 'joined', 'stop'] as const) {
      expect(logs(recorded[k])).toEqual(logs(plain[k]));
      expect(recorded[k].done.error).toBeNull();
      expect(posts(recorded[k]).map((p) => strip(p.args))).toEqual(posts(plain[k]).map((p) => strip(p.args)));
    }
    // Listening twice to the same handler is still one listener, as without the recorder.
    expect(posts(recorded.loaded, 'ListenForEvent').map((p) => p.args[3])).toEqual(posts(plain.loaded, 'ListenForEvent').map((p) => p.args[3]));
    expect(logs(recorded.ack)).toEqual(["OnAck [('uid', 5)]"]);
    expect(logs(recorded.hello)).toEqual(["after send [('name', 'nickname'), ('uid', 123)]"]);
    // Dict payloads to servers carry the key; the list payload does not.
    const sent = posts(recorded.hello);
    expect(sent.find((p) => p.api === 'NotifyToMaster')?.args[1]).toEqual({ uid: 123, name: 'nickname', __sbrec__: expect.stringMatching(/^4000:\w+:\d+$/) });
    expect(sent.find((p) => p.api === 'NotifyToServiceNode')?.args[2]).toEqual([1, 2]);
    expect(sent.find((p) => p.api === 'RequestToServiceMod')?.args[2]).toEqual({ uid: 123, __sbrec__: expect.any(String) });
  });

  it('writes what happened, on the virtual clock', async () => {
    const s = await session([recorderMod(), writeLobbyMod()]);
    const lines = readFileSync(join(root, 'rec', 'lobby-4000.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Msg);
    const last = lines.slice(lines.map((l) => l.format).lastIndexOf('switchboard-recording'));
    expect(last[0]).toMatchObject({ format: 'switchboard-recording', version: 1, firstSeq: 1, ts: EPOCH, server: { kind: 'lobby', serverId: 4000, type: 'lobby' } });
    const events = last.slice(1).map(({ seq, ts, kind, api, event, cause, corr }) => ({ seq, ts: ts - EPOCH, kind, ...(api ? { api } : {}), ...(event ? { event } : {}), ...(cause ? { cause } : {}), ...(corr ? { corr } : {}) }));
    const boot = last[0].boot as string;
    expect(events).toEqual([
      { seq: 1, ts: 0, kind: 'register', api: 'ListenForEvent' },
      { seq: 2, ts: 0, kind: 'register', api: 'ListenForEvent' },
      { seq: 3, ts: 100, kind: 'send', api: 'NotifyToMaster', event: 'PlayerJoinOKEvent', corr: `4000:${boot}:3` },
      { seq: 4, ts: 100, kind: 'send', api: 'NotifyToServiceNode', event: 'AList' },
      { seq: 5, ts: 100, kind: 'rpc-request', api: 'RequestToServiceMod', event: 'Join', corr: `4000:${boot}:5` },
      { seq: 6, ts: 140, kind: 'handle', event: 'MasterAckEvent', corr: '0:boot:9' },
      { seq: 7, ts: 140, kind: 'send', api: 'NotifyToMaster', event: 'Thanks', cause: 6, corr: `4000:${boot}:7` },
      { seq: 8, ts: 160, kind: 'callback' },
      { seq: 9, ts: 200, kind: 'register', api: 'UnListenForEvent' },
      // unload (the server stops): a clean stop line.
      { seq: 10, ts: 300, kind: 'stop' },
    ]);
    expect(last[10]).toMatchObject({ clean: true, reason: 'server stopped' });
    expect(last[6]).toMatchObject({ from: { ns: 'masterNamespace', sys: 'masterSystem' }, ns: 'lobbyNamespace', sys: 'lobbySystem', data: { uid: 5 } });
    expect(last[8]).toMatchObject({ req: 5, suc: true, data: { ok: 1 } });
    void s;
  });

  it('a broken recorder path stops the recorder, never the mod', async () => {
    writeFileSync(join(root, 'not-a-dir'), 'x');
    const s = await session([recorderMod({ path: join(root, 'not-a-dir', 'r.ndjson') }), writeLobbyMod()]);
    expect(logs(s.loaded).join('\n')).toMatch(/switchboardRecorder: not started/);
    expect(s.hello.done.error).toBeNull();
    expect(posts(s.hello, 'NotifyToMaster')[0].args[1]).toEqual({ uid: 123, name: 'nickname' });
    expect(logs(s.ack)).toEqual(["OnAck [('uid', 5)]"]);
  });
});
