// The Python mod runner over the real protocol (python/PROTOCOL.md), driven by a scripted engine.
// Mods are the reference's own Python examples (shared/reference/apollo-server-communication.md),
// with the indentation the translation lost restored and their undefined variables (`data`, `args`)
// replaced by the dict they build, as semantics.md §6 says.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findPython27, logs, posts, RunnerProcess, type Msg } from './testing/runner-driver';

let python: string;
let root: string;
const running: RunnerProcess[] = [];

beforeAll(() => {
  python = findPython27(); // fails the suite, saying what to install, when Python 2.7 is missing
  root = mkdtempSync(join(tmpdir(), 'sb-runner-'));
});
afterEach(async () => {
  for (const r of running.splice(0)) r.kill();
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function start(): RunnerProcess {
  const r = new RunnerProcess(python, root);
  running.push(r);
  return r;
}

interface ModInfo {
  name: string;
  dir: string;
  script: string;
  modJson: unknown;
}

/** developer_mods/<name>Dev/<script>/... with the given files; modMain.py among them. */
function writeMod(name: string, script: string, files: Record<string, string>, modJson: unknown = null): ModInfo {
  const dir = join(root, name, 'developer_mods', `${name}Dev`);
  const files2 = { '__init__.py': '', ...files };
  for (const [file, text] of Object.entries(files2)) {
    const path = join(dir, script, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { name, dir, script, modJson };
}

function modMain(kind: 'Server' | 'Master' | 'Service' | 'Client', api: string, ns: string, sys: string, clsPath: string): string {
  return [
    '# -*- coding: utf-8 -*-',
    'from common.mod import Mod',
    '',
    `@Mod.Binding(name="${ns}", version="1.0.0")`,
    'class Main(object):',
    `    @Mod.Init${kind}()`,
    '    def init(self):',
    `        import ${api} as api`,
    `        self.system = api.RegisterSystem("${ns}", "${sys}", "${clsPath}")`,
    '',
    `    @Mod.Destroy${kind}()`,
    '    def destroy(self):',
    `        print "destroy ${ns}"`,
    '',
  ].join('\n');
}

const EPOCH = 1767225600000;
function load(node: Msg, mods: ModInfo[], extra: Msg = {}): Msg {
  return { op: 'load', node, now: 0, seed: 7, epochMs: EPOCH, tickHz: 30, mods, ...extra };
}

const SERVICE = { id: 'service-8000', kind: 'service', serverId: 8000, type: 'idv_service', moduleNames: ['idv_service'] };
const LOBBY = { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' };
const MASTER = { id: 'master', kind: 'master', serverId: 0 };

// RegisterRpcMethodForMod / ResponseToServer example, service side.
const TEST_SERVICE = `# -*- coding: utf-8 -*-
import server.extraServiceApi as serviceApi
ServiceSystem = serviceApi.GetServiceSystemCls()

class testService(ServiceSystem):
    def __init__(self,namespace,systemName):
        ServiceSystem.__init__(self, namespace, systemName)
        self.RegisterRpcMethodForMod('PlayerJoinOKEvent', self.OnPlayerJoinOK)
    def OnPlayerJoinOK(self, serverId, callbackId, args):
        #The result of args is: {'uid':123, 'name':'nickname'}
        print 'OnPlayerJoinOK', args
        response = {}
        response['result'] = 1
        self.ResponseToServer(serverId, callbackId, response)
`;

// RequestToServiceMod example, lobby side.
const LOBBY_SERVER = `# -*- coding: utf-8 -*-
import server.extraServerApi as serverApi
ServerSystem = serverApi.GetServerSystemCls()

class lobbyServer(ServerSystem):
    def __init__(self, namespace, systemName):
        ServerSystem.__init__(self, namespace, systemName)
    def OnCallback(self, suc, args):
        #If successful: suc=True, args= {'result' : 1}
        #If it times out, suc is False
        if not suc:
            print 'OnCallback timeout'
            return
        print 'OnCallback success', args
    def testNotifyService(self):
        player = {}
        player['uid'] = 123
        player['name'] = 'nickname'
        self.RequestToServiceMod("idv_service", "PlayerJoinOKEvent", player, self.OnCallback, 2)
`;

// BroadcastToService example, master side (an HTTP route).
const MASTER_SERVER = `# -*- coding: utf-8 -*-
import json
import server.extraMasterApi as extraMasterApi
import master.masterHttp as masterHttp
MasterSystem = extraMasterApi.GetMasterSystemCls()

class masterServer(MasterSystem):
    def __init__(self, namespace, systemName):
        MasterSystem.__init__(self, namespace, systemName)
        masterHttp.RegisterMasterHttp("/api/service-broadcast-event", self, self.OnServiceBroadcastEvent)
    def OnServiceBroadcastEvent(self, clientId, requestBody):
        reqData = json.loads(requestBody)
        self.BroadcastToService("MasterBroadcastEvent", reqData)
        responseBody = json.dumps({
            'code': 0,
            'message': "success",
            'entity': {},
        })
        masterHttp.SendHttpResponse(clientId, responseBody)
`;

// NotifyToClient example, client side.
const TEST_CLIENT = `# -*- coding: utf-8 -*-
import client.extraClientApi as clientApi
ClientSystem = clientApi.GetClientSystemCls()

class testClient(ClientSystem):
    def __init__(self,namespace,systemName):
        ClientSystem.__init__(self, namespace, systemName)
        self.ListenForEvent('serverNamespace', 'serverSystem', 'PlayerJoinOKEvent', self, self.OnPlayerJoinOK)
    def OnPlayerJoinOK(self, args):
        #The result of args is: {'uid':123, 'name':'nickname'}
        print 'OnPlayerJoinOK', args
`;

function serviceMod(): ModInfo {
  return writeMod('testService', 'testServiceScript', {
    'modMain.py': modMain('Service', 'server.extraServiceApi', 'serviceNamespace', 'serviceSystem', 'testServiceScript.serviceSys.testService'),
    'serviceSys.py': TEST_SERVICE,
  });
}

function lobbyMod(extra = ''): ModInfo {
  return writeMod('testLobby', 'testLobbyScript', {
    'modMain.py': modMain('Server', 'server.extraServerApi', 'lobbyNamespace', 'lobbySystem', 'testLobbyScript.lobbySys.lobbyServer'),
    'lobbySys.py': LOBBY_SERVER + extra,
  });
}

describe('loading mods', () => {
  it('imports modMain, instantiates @Mod.Binding classes and calls the Init of the node kind', async () => {
    const r = start();
    const res = await r.command(load(SERVICE, [serviceMod()]));
    expect(res.done).toEqual({ op: 'done', node: 'service-8000', error: null });
    expect(posts(res)).toEqual([
      { op: 'post', node: 'service-8000', api: 'RegisterSystem', sys: 1, args: ['serviceNamespace', 'serviceSystem', 'testServiceScript.serviceSys.testService', false] },
      { op: 'post', node: 'service-8000', api: 'RegisterRpcMethodForMod', sys: 1, args: ['PlayerJoinOKEvent', { $h: 1 }] },
    ]);
    // Init<Kind> of another kind is not called: a lobby node loading the service mod registers nothing.
    const r2 = start();
    const res2 = await r2.command(load(LOBBY, [serviceMod()]));
    expect(res2.done.error).toBeNull();
    expect(posts(res2)).toEqual([]);
  });

  it('runs a handler by id with the engine arguments as str, and its post carries the system number', async () => {
    const r = start();
    await r.command(load(SERVICE, [serviceMod()]));
    const res = await r.command({ op: 'invoke', node: 'service-8000', now: 5, h: 1, args: [4000, 1, { uid: 123, name: 'nickname' }] });
    expect(res.done.error).toBeNull();
    expect(logs(res)).toEqual(["OnPlayerJoinOK {'uid': 123, 'name': 'nickname'}"]);
    expect(posts(res)).toEqual([{ op: 'post', node: 'service-8000', api: 'ResponseToServer', sys: 1, args: [4000, 1, { result: 1 }] }]);
  });

  it('an unknown import is that mod\'s error while the other mods load', async () => {
    const bad = writeMod('badMod', 'badModScript', { 'modMain.py': 'from common.mod import Mod\nimport server.extraServiceApi\nimport noSuchApolloModule\n' });
    const r = start();
    const res = await r.command(load(SERVICE, [bad, serviceMod()]));
    expect(res.done.error).toMatchObject({
      type: 'ImportError',
      message: 'No module named noSuchApolloModule',
      file: join(bad.dir, 'badModScript', 'modMain.py'),
      line: 3,
      mod: 'badMod',
    });
    expect(res.done.error.traceback).not.toContain('switchboard');
    expect(posts(res).map((p) => p.api)).toEqual(['RegisterSystem', 'RegisterRpcMethodForMod']);
  });

  it('loads the mod.-prefixed aliases as the same modules', async () => {
    const mod = writeMod('aliasMod', 'aliasScript', {
      'modMain.py': `# -*- coding: utf-8 -*-
from mod.common.mod import Mod
import mod.server.extraServerApi as a
import server.extraServerApi as b
import netgame.apolloCommon.commonNetgameApi as c
import apolloCommon.commonNetgameApi as d
from mod.server.system.serverSystem import ServerSystem
print a is b, c is d, ServerSystem is b.GetServerSystemCls(), a.GetEngineNamespace(), a.GetEngineSystemName()
`,
    });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]));
    expect(res.done.error).toBeNull();
    expect(logs(res)).toEqual(['True True True Minecraft Engine']);
  });
});

describe('requests, callbacks and nested commands', () => {
  it('posts RequestToServiceMod with a one-shot callback id, runs the callback once', async () => {
    const r = start();
    await r.command(load(LOBBY, [lobbyMod()]));
    const sent = await r.command({ op: 'method', node: 'lobby-4000', now: 1, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'testNotifyService', args: [] });
    expect(sent.done.error).toBeNull();
    const [req] = posts(sent, 'RequestToServiceMod');
    expect(req.args).toEqual(['idv_service', 'PlayerJoinOKEvent', { uid: 123, name: 'nickname' }, { $h: expect.any(Number) }, 2]);
    const h = req.args[3].$h;
    const back = await r.command({ op: 'invoke', node: 'lobby-4000', now: 9, h, args: [true, { result: 1 }] });
    expect(logs(back)).toEqual(["OnCallback success {'result': 1}"]);
    const again = await r.command({ op: 'invoke', node: 'lobby-4000', now: 9, h, args: [false, null] });
    expect(again.done.error).toMatchObject({ type: 'LookupError' });
  });

  it('runs a nested command while a call waits, and a print around the call stays one line', async () => {
    const extra = `
    def Ask(self):
        print 'players', serverApi.GetPlayerList(), 'done'
    def OnAdd(self, args):
        print 'joined', args['id']
`;
    const listen = `
import server.extraServerApi as serverApi
_init = lobbyServer.__init__
def _listen(self, namespace, systemName):
    _init(self, namespace, systemName)
    self.ListenForEvent(serverApi.GetEngineNamespace(), serverApi.GetEngineSystemName(), 'AddServerPlayerEvent', self, self.OnAdd)
lobbyServer.__init__ = _listen
`;
    const r = start();
    const loaded = await r.command(load(LOBBY, [lobbyMod(extra + listen)]));
    const [listenPost] = posts(loaded, 'ListenForEvent');
    expect(listenPost.args.slice(0, 3)).toEqual(['Minecraft', 'Engine', 'AddServerPlayerEvent']);
    expect(listenPost.args[4]).toBe(0);
    const h = listenPost.args[3].$h;
    let nested: Awaited<ReturnType<RunnerProcess['command']>> | undefined;
    const res = await r.command({ op: 'method', node: 'lobby-4000', now: 2, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'Ask', args: [] }, {
      onCall: async (msg, ctx) => {
        expect(msg).toEqual({ op: 'call', node: 'lobby-4000', api: 'GetPlayerList', sys: 0, args: [] });
        nested = await ctx.command({ op: 'invoke', node: 'lobby-4000', now: 2, h, args: [{ id: '400000001', uid: 5 }] });
        return { value: ['400000001'] };
      },
    });
    expect(nested?.done).toEqual({ op: 'done', node: 'lobby-4000', error: null });
    expect(logs(nested!)).toEqual(['joined 400000001']);
    expect(logs(res)).toEqual(["players ['400000001'] done"]);
  });

  it('an API the engine does not answer is a stub with the default value', async () => {
    const mod = writeMod('askMod', 'askScript', {
      'modMain.py': 'import lobbyGame.netgameApi as api\nprint repr(api.GetPlayerUid("1"))\n',
    });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]), { onCall: () => ({ error: 'unknown query GetPlayerUid' }) });
    expect(res.messages.find((m) => m.op === 'stub')).toEqual({ op: 'stub', node: 'lobby-4000', name: 'GetPlayerUid' });
    expect(logs(res, 'stdout')).toEqual(['None']);
    expect(res.done.stubs).toEqual({ GetPlayerUid: 1 });
  });
});

describe('the master and the client examples', () => {
  it('answers an HTTP route and broadcasts to services', async () => {
    const mod = writeMod('testMaster', 'testMasterScript', {
      'modMain.py': modMain('Master', 'server.extraMasterApi', 'masterNamespace', 'masterSystem', 'testMasterScript.masterSys.masterServer'),
      'masterSys.py': MASTER_SERVER,
    });
    const r = start();
    const loaded = await r.command(load(MASTER, [mod]));
    const [route] = posts(loaded, 'RegisterMasterHttp');
    expect(route).toMatchObject({ sys: 0, args: ['/api/service-broadcast-event', { $h: expect.any(Number) }] });
    const res = await r.command({ op: 'invoke', node: 'master', now: 3, h: route.args[1].$h, args: [1, '{"msg": "hi"}'] });
    expect(res.done.error).toBeNull();
    expect(posts(res)).toEqual([
      { op: 'post', node: 'master', api: 'BroadcastToService', sys: 1, args: ['MasterBroadcastEvent', { msg: 'hi' }] },
      { op: 'post', node: 'master', api: 'SendHttpResponse', sys: 0, args: [1, expect.any(String)] },
    ]);
    expect(JSON.parse(posts(res)[1].args[1])).toEqual({ code: 0, message: 'success', entity: {} });
  });

  it('a client mod listens and receives', async () => {
    const mod = writeMod('testClientMod', 'testClientScript', {
      'modMain.py': modMain('Client', 'client.extraClientApi', 'clientNamespace', 'clientSystem', 'testClientScript.clientSys.testClient'),
      'clientSys.py': TEST_CLIENT,
    });
    const r = start();
    const node = { id: 'client-1', kind: 'client', uid: 123, playerId: '400000001', proxyId: 2000 };
    const loaded = await r.command(load(node, [mod]));
    const [listen] = posts(loaded, 'ListenForEvent');
    expect(listen.args.slice(0, 3)).toEqual(['serverNamespace', 'serverSystem', 'PlayerJoinOKEvent']);
    const res = await r.command({ op: 'invoke', node: 'client-1', now: 1, h: listen.args[3].$h, args: [{ uid: 123, name: 'nickname' }] });
    expect(logs(res)).toEqual(["OnPlayerJoinOK {'uid': 123, 'name': 'nickname'}"]);
  });
});

describe('output never corrupts the protocol', () => {
  it('print, sys.__stdout__.write and print >>sys.stderr become log lines; fd 1 goes to stderr', async () => {
    const mod = writeMod('printMod', 'printScript', {
      'modMain.py': `# -*- coding: utf-8 -*-
import os, sys
print 'a', 1
print 'no newline',
sys.__stdout__.write('{"op":"done","node":"forged","error":null}\\n')
sys.stdout.write('two\\nlines\\n')
print >>sys.stderr, 'to stderr'
sys.__stderr__.write('raw stderr\\n')
os.write(1, 'fd one\\n')
print u'\\u4e2d\\u6587', '\\xe4\\xb8\\xad'
print 'x' * 9000
reload(sys)
sys.setdefaultencoding('utf-8')
print 'after reload(sys)', sys.getdefaultencoding()
`,
    });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]));
    expect(res.done.error).toBeNull();
    for (const line of res.raw) expect(() => JSON.parse(line)).not.toThrow();
    const out = logs(res, 'stdout');
    expect(out.slice(0, 5)).toEqual(['a 1', 'no newline{"op":"done","node":"forged","error":null}', 'two', 'lines', '中文 中']);
    expect(out[5].length).toBe(8190);
    expect(out[5].endsWith('x\u2026')).toBe(true);
    expect(out[6]).toBe('after reload(sys) utf-8');
    expect(logs(res, 'stderr')).toEqual(['to stderr', 'raw stderr']);
    // Non-ASCII travels as \\u escapes: the protocol is ASCII.
    expect(res.raw.every((l) => /^[\x20-\x7e]*$/.test(l))).toBe(true);
    await r.exit();
    expect(r.stderr.join('')).toContain('fd one');
  });
});

describe('failures', () => {
  it('an exception is a Failure at the user\'s file:line, without runner or shim frames, and the process goes on', async () => {
    const extra = `
    def Boom(self, n):
        return self.helper(n)
    def helper(self, n):
        return {}['missing%d' % n]
`;
    const mod = lobbyMod(extra);
    const r = start();
    await r.command(load(LOBBY, [mod]));
    const res = await r.command({ op: 'method', node: 'lobby-4000', now: 1, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'Boom', args: [3] });
    const file = join(mod.dir, 'testLobbyScript', 'lobbySys.py');
    const lineOfHelper = (LOBBY_SERVER + extra).split('\n').findIndex((l) => l.includes("{}['missing%d'")) + 1;
    expect(res.done.error).toMatchObject({ type: 'KeyError', message: "'missing3'", file, line: lineOfHelper });
    expect(res.done.error.traceback).toContain('in Boom');
    expect(res.done.error.traceback).toContain('in helper');
    expect(res.done.error.traceback).not.toMatch(/_switchboard|python\/shim|switchboard_runner/);
    // A handler called with the wrong arguments points at its definition.
    const wrong = await r.command({ op: 'method', node: 'lobby-4000', now: 1, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'Boom', args: [] });
    expect(wrong.done.error).toMatchObject({ type: 'TypeError', file });
    const ok = await r.command({ op: 'method', node: 'lobby-4000', now: 2, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'testNotifyService', args: [] });
    expect(ok.done.error).toBeNull();
  });

  it('a broken protocol line is fatal', async () => {
    const r = start();
    r.send('this is not json');
    expect(JSON.parse(await r.nextLine())).toMatchObject({ op: 'fatal' });
    expect(await r.exit()).toBe(70);
  });
});

describe('determinism', () => {
  const CLOCK = writeModLater('clockMod', 'clockScript', `# -*- coding: utf-8 -*-
import time, random, datetime, os, uuid
print time.time(), time.strftime('%Y-%m-%d %H:%M:%S'), datetime.datetime.now(), datetime.date.today()
print random.random(), random.randint(1, 1000), random.SystemRandom().random(), os.urandom(4).encode('hex')
print uuid.uuid4(), isinstance(datetime.datetime(2020, 1, 1), datetime.datetime)
time.sleep(5)
print time.time()
objs = [object() for i in range(8)]
print objs[0], [objs.index(o) for o in set(objs)]
`);

  async function run(seed: number, now: number): Promise<{ lines: string[]; done: Msg }> {
    const r = start();
    const res = await r.command(load(LOBBY, [CLOCK()], { seed, now }));
    return { lines: logs(res), done: res.done };
  }

  it('reads the virtual clock and the seeded generator: same seed, same output', async () => {
    const a = await run(11, 2500);
    const b = await run(11, 2500);
    const c = await run(12, 2500);
    expect(a.lines).toEqual(b.lines);
    expect(a.lines[0]).toBe('1767225602.5 2026-01-01 00:00:02 2026-01-01 00:00:02.500000 2026-01-01');
    expect(a.lines[2]).toMatch(/ True$/);
    expect(a.lines[3]).toBe('1767225602.5'); // sleep returned at once
    // Addresses are numbered in printed text (they differ between runs).
    expect(a.lines[4]).toMatch(/^<object object at 0x[0-9a-f]> \[/);
    expect(c.lines[1]).not.toEqual(a.lines[1]);
    expect(c.lines[2]).not.toEqual(a.lines[2]);
    expect(a.done.stubs).toEqual({ 'time.sleep': 1 });
  });
});

describe('stubs and values', () => {
  it('world calls are reported once per node and counted per command', async () => {
    const mod = writeMod('worldMod', 'worldScript', {
      'modMain.py': `# -*- coding: utf-8 -*-
import server.extraServerApi as serverApi
import lobbyGame.netgameApi as lobbyGameApi
comp = serverApi.GetEngineCompFactory().CreatePos('-1')
comp.SetPos((1, 2, 3))
print comp.SetPos((4, 5, 6)), bool(comp.GetPos()), lobbyGameApi.IsPlayerPeUser('1'), len(serverApi.GetEngineCompFactory().CreateGame(serverApi.GetLevelId()).GetPlayerList())
lobbyGameApi.SetCityMode(True)
class Screen(serverApi.GetScreenNodeCls()):
    def __init__(self, namespace, name, param):
        super(Screen, self).__init__(namespace, name, param)
        self.GetBaseUIControl('/panel').SetVisible(False)
Screen('ns', 'screen', {})
assert issubclass(Screen, serverApi.GetScreenNodeCls())
`,
    });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]));
    expect(res.done.error).toBeNull();
    expect(res.messages.filter((m) => m.op === 'stub').map((m) => m.name)).toEqual([
      'GetEngineCompFactory().CreatePos',
      'GetEngineCompFactory().CreatePos().SetPos',
      'GetEngineCompFactory().CreatePos().GetPos',
      'lobbyGame.netgameApi.IsPlayerPeUser',
      'GetEngineCompFactory().CreateGame().GetPlayerList',
      'lobbyGame.netgameApi.SetCityMode',
      'server.extraServerApi.GetScreenNodeCls',
      'ScreenNode.GetBaseUIControl',
      'ScreenNode.GetBaseUIControl().SetVisible',
    ]);
    expect(res.done.stubs['GetEngineCompFactory().CreatePos().SetPos']).toBe(2);
    expect(logs(res)).toEqual(['True False False 0']);
  });

  it('sends longs beyond 2^53 as digits, unsendable values as $unsendable, Latin-1 bytes decoded', async () => {
    const extra = `
    def Send(self, big):
        print type(big).__name__, big
        self.NotifyToClient('1', 'Ev', {'big': big, 'long': 2 ** 64, 'obj': object(), 't': (1, 2), 'latin': '\\xe9', 'k': {1: 'one'}})
        pos = serverApi.GetEngineCompFactory().CreatePos('1').GetPos()
        self.NotifyToClient('1', 'Pos', {'pos': pos})
`;
    const r = start();
    await r.command(load(LOBBY, [lobbyMod(extra)]));
    const res = await r.command('{"op":"method","node":"lobby-4000","now":1,"ns":"lobbyNamespace","sys":"lobbySystem","method":"Send","args":[123456789012345678901234567890]}');
    expect(logs(res)).toEqual(['long 123456789012345678901234567890']);
    const raw = res.raw.find((l) => l.includes('"NotifyToClient"'))!;
    expect(raw).toContain('"long":18446744073709551616');
    expect(raw).toContain('"big":123456789012345678901234567890');
    expect(JSON.parse(raw).unsendable).toBe(true);
    expect(res.messages.filter((m) => m.unsendable).length).toBe(1);
    const data = JSON.parse(raw).args[2];
    expect(data.obj).toEqual({ $unsendable: 'object', repr: expect.stringMatching(/^<object object at/) });
    expect(data.t).toEqual([1, 2]);
    expect(data.latin).toBe('é');
    expect(data.k).toEqual({ 1: 'one' });
    // A world value (a stub) is sent as None, not refused.
    const pos = posts(res).find((p) => p.args[1] === 'Pos')!;
    expect(pos.args[2]).toEqual({ pos: null });
    expect(pos.unsendable).toBeUndefined();
  });
});

describe('timers, ticks and unload', () => {
  it('AddTimer / AddRepeatedTimer / CancelTimer on the virtual clock; Update on tick; Destroy on unload', async () => {
    const extra = `
    def Start(self):
        import apolloCommon.commonNetgameApi as common
        self.once = common.AddTimer(1.5, self.Fired, 'once', k=1)
        self.every = common.AddRepeatedTimer(0.5, self.Fired, 'every')
    def Stop(self):
        import apolloCommon.commonNetgameApi as common
        common.CancelTimer(self.every)
    def Fired(self, what, k=0):
        print 'fired', what, k
    def Update(self):
        print 'update'
    def Destroy(self):
        print 'system destroyed'
`;
    const r = start();
    const loaded = await r.command(load(LOBBY, [lobbyMod(extra)]));
    expect(posts(loaded, 'RegisterSystem')[0].args[3]).toBe(true);
    const started = await r.command({ op: 'method', node: 'lobby-4000', now: 0, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'Start', args: [] });
    const [once, every] = posts(started, 'AddTimer');
    expect(once.args.slice(1)).toEqual([1.5, false]);
    expect(every.args.slice(1)).toEqual([0.5, true]);
    for (let i = 0; i < 2; i++) {
      const fired = await r.command({ op: 'invoke', node: 'lobby-4000', now: 500 * (i + 1), h: every.args[0], args: [] });
      expect(logs(fired)).toEqual(['fired every 0']);
    }
    const fired = await r.command({ op: 'invoke', node: 'lobby-4000', now: 1500, h: once.args[0], args: [] });
    expect(logs(fired)).toEqual(['fired once 1']);
    const stopped = await r.command({ op: 'method', node: 'lobby-4000', now: 1600, ns: 'lobbyNamespace', sys: 'lobbySystem', method: 'Stop', args: [] });
    expect(posts(stopped)).toEqual([{ op: 'post', node: 'lobby-4000', api: 'CancelTimer', sys: 0, args: [every.args[0]] }]);
    expect(logs(await r.command({ op: 'tick', node: 'lobby-4000', now: 1633 }))).toEqual(['update']);
    const unloaded = await r.command({ op: 'unload', node: 'lobby-4000', now: 2000 });
    expect(logs(unloaded)).toEqual(['destroy lobbyNamespace', 'system destroyed']);
    expect((await r.command({ op: 'tick', node: 'lobby-4000', now: 2033 })).done.error).toMatchObject({ type: 'LookupError' });
  });

  it('the game component\'s timers (CreateGame(levelId).AddTimer) run on the virtual clock', async () => {
    const mod = writeMod('gameTimerMod', 'gameTimerScript', {
      'modMain.py': `import server.extraServerApi as serverApi
comp = serverApi.GetEngineCompFactory().CreateGame(serverApi.GetLevelId())
def tick(what):
    print 'tick', what
t = comp.AddRepeatedTimer(1.0, tick, 'r')
comp.AddTimer(2.0, tick, 'once')
comp.CancelTimer(t)
comp.SetGameRulesInfoServer({})
`,
    });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]));
    expect(posts(res).map((p) => [p.api, p.args])).toEqual([
      ['AddTimer', [1, 1.0, true]],
      ['AddTimer', [2, 2.0, false]],
      ['CancelTimer', [1]],
    ]);
    expect(res.done.stubs).toEqual({ 'GetEngineCompFactory().CreateGame().SetGameRulesInfoServer': 1 });
    expect(logs(await r.command({ op: 'invoke', node: 'lobby-4000', now: 2000, h: 2, args: [] }))).toEqual(['tick once']);
  });

  it('TransferToOtherServer posts the documented arguments with its callback', async () => {
    const mod = writeMod('transferMod', 'transferScript', {
      'modMain.py': `import lobbyGame.netgameApi as api
def cb(isSuc, reasonCode, message):
    print 'transfer', isSuc, reasonCode, message
api.TransferToOtherServer('400000001', 'game')
api.TransferToOtherServerById('400000001', 5000, '{"a": 1}', cb)
`,
    });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]));
    const [a, b] = posts(res);
    expect(a).toMatchObject({ api: 'TransferToOtherServer', args: ['400000001', 'game', '', null] });
    expect(b).toMatchObject({ api: 'TransferToOtherServerById', args: ['400000001', 5000, '{"a": 1}', { $h: expect.any(Number) }] });
    const back = await r.command({ op: 'invoke', node: 'lobby-4000', now: 60, h: b.args[3].$h, args: [true, 0, ''] });
    expect(logs(back)).toEqual(['transfer True 0 ']);
  });
});

/** Write a mod once, lazily (inside a test, after beforeAll made the temp folder). */
function writeModLater(name: string, script: string, main: string): () => ModInfo {
  let mod: ModInfo | null = null;
  return () => (mod ??= writeMod(name, script, { 'modMain.py': main }));
}
