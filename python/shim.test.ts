// The Apollo shim as official plugins use it: implicit relative imports, mod.json through
// GetModJsonConfig, serviceConf module names, logout, ujson, the engine's timer scheduler under a
// plugin's own timermanager, local BroadcastEvent, multi-client notifications, workerPool, and
// several clients in one process. The mods are written for these tests in the plugins' style.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findPython27, logs, posts, RunnerProcess, type Msg } from './testing/runner-driver';

let python: string;
let root: string;
const running: RunnerProcess[] = [];

beforeAll(() => {
  python = findPython27();
  root = mkdtempSync(join(tmpdir(), 'sb-shim-'));
});
afterEach(() => {
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

function writeMod(name: string, script: string, files: Record<string, string>, modJson: unknown = null) {
  const dir = join(root, name, 'developer_mods', `${name}Dev`);
  for (const [file, text] of Object.entries({ '__init__.py': '', ...files })) {
    const path = join(dir, script, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { name, dir, script, modJson };
}

const load = (node: Msg, mods: unknown[], seed = 3): Msg => ({ op: 'load', node, now: 0, seed, epochMs: 1767225600000, tickHz: 30, mods });
const SERVICE = { id: 'service-8000', kind: 'service', serverId: 8000, type: 'shop_service', moduleNames: ['acmeShop_0', 'other_module'] };
const LOBBY = { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' };

const SHOP_SERVICE = {
  '__init__.py': '',
  'shopConsts.py': `# -*- coding: utf-8 -*-
ModName = 'acmeShop'
ServiceSystemName = 'shopService'
ServiceSystemClsPath = 'acmeShopScript.shopService.ShopService'
SaveInterval = 300
`,
  'modMain.py': `# -*- coding: utf-8 -*-
from common.mod import Mod
import shopConsts as shopConsts
import logout

@Mod.Binding(name=shopConsts.ModName, version='1.0.0')
class AcmeShopService(object):
	def __init__(self):
		import apolloCommon.commonNetgameApi as commonNetgameApi
		config = commonNetgameApi.GetModJsonConfig('acmeShopScript')
		if config.has_key('save_interval'):
			shopConsts.SaveInterval = config['save_interval']
			logout.info('save_interval', shopConsts.SaveInterval)

	@Mod.InitService()
	def initService(self):
		import server.extraServiceApi as serviceApi
		self.mSystem = serviceApi.RegisterSystem(shopConsts.ModName, shopConsts.ServiceSystemName, shopConsts.ServiceSystemClsPath)

	@Mod.DestroyService()
	def destroyService(self):
		logout.info('destroyService')
`,
  'timermanager.py': `# -*- coding: utf-8 -*-
import service.asyncore_with_timer as asyncore_with_timer

class TimerManager(object):
	def __init__(self):
		self.timers = {}
		self.next = 0
	def addRepeatTimer(self, delay, func, *args, **kwargs):
		self.next += 1
		self.timers[self.next] = asyncore_with_timer.CallEvery(delay, func, *args, **kwargs)
		return self.next
	def delTimer(self, timerId):
		timer = self.timers.pop(timerId, None)
		if timer:
			timer.cancel()

timerManager = TimerManager()
`,
  'shopService.py': `# -*- coding: utf-8 -*-
import server.extraServiceApi as serviceApi
ServiceSystem = serviceApi.GetServiceSystemCls()
import service.serviceConf as serviceConf
import apolloCommon.commonNetgameApi as commonNetgameApi
import logout
import shopConsts
import timermanager

class ShopService(ServiceSystem):
	def __init__(self, namespace, systemName):
		ServiceSystem.__init__(self, namespace, systemName)
		self.mModules = []
		for moduleName in serviceConf.get_module_names():
			if moduleName.startswith(shopConsts.ModName):
				self.RegisterRpcMethod(moduleName, 'BuyEvent', self.OnBuy)
				self.mModules.append(moduleName)
		self.mSaveTimer = timermanager.timerManager.addRepeatTimer(shopConsts.SaveInterval, self.Save)

	def OnBuy(self, serverId, callbackId, args):
		uid = args['uid']
		logout.info('OnBuy', uid, args.get('item'))
		commonNetgameApi.GetOnlineServerInfoOfPlayer(uid, lambda info: self.Deliver(serverId, callbackId, info))

	def Deliver(self, serverId, callbackId, info):
		self.ResponseToServer(serverId, callbackId, {'ok': info['serverId'] is not None, 'server': info['serverId']})

	def Save(self):
		logout.warning('saving', len(self.mModules))

	def Destroy(self):
		timermanager.timerManager.delTimer(self.mSaveTimer)
		super(ShopService, self).Destroy()
`,
};

describe('an official-style service plugin', () => {
  it('loads with its mod.json, registers per module, answers through an asynchronous online query', async () => {
    const mod = writeMod('acmeShop', 'acmeShopScript', SHOP_SERVICE, { netgame_mod_name: 'acmeShop', save_interval: 60 });
    const r = start();
    const loaded = await r.command(load(SERVICE, [mod]));
    expect(loaded.done.error).toBeNull();
    expect(logs(loaded, 'stdout')).toEqual(['[INFO] save_interval 60']);
    expect(posts(loaded).map((p) => [p.api, p.sys, p.args])).toEqual([
      ['RegisterSystem', 1, ['acmeShop', 'shopService', 'acmeShopScript.shopService.ShopService', false]],
      ['RegisterRpcMethod', 1, ['acmeShop_0', 'BuyEvent', { $h: 1 }]],
      ['AddTimer', 0, [2, 60, true]],
    ]);
    const buy = await r.command({ op: 'invoke', node: 'service-8000', now: 100, h: 1, args: [4000, 7, { uid: 101, item: 'sword' }] }, {
      onCall: (msg) => {
        expect(msg).toMatchObject({ api: 'GetOnlineServerInfoOfPlayer', args: [101] });
        return { value: { uid: 101, serverId: 4000, proxyId: 2000 } };
      },
    });
    expect(logs(buy)).toEqual(['[INFO] OnBuy 101 sword']);
    const [later] = posts(buy, 'AddTimer');
    expect(later.args).toEqual([3, 0, false]); // the callback runs after this command
    const delivered = await r.command({ op: 'invoke', node: 'service-8000', now: 100, h: 3, args: [] });
    expect(posts(delivered)).toEqual([{ op: 'post', node: 'service-8000', api: 'ResponseToServer', sys: 1, args: [4000, 7, { ok: true, server: 4000 }] }]);
    const saved = await r.command({ op: 'invoke', node: 'service-8000', now: 60000, h: 2, args: [] });
    expect(logs(saved, 'stderr')).toEqual(['[WARNING] saving 1']);
    const unloaded = await r.command({ op: 'unload', node: 'service-8000', now: 61000 });
    expect(unloaded.done.error).toBeNull();
    expect(posts(unloaded)).toEqual([{ op: 'post', node: 'service-8000', api: 'CancelTimer', sys: 0, args: [2] }]);
    expect(logs(unloaded)).toEqual(['[INFO] destroyService']);
  });

  it('starts fresh after unload: a second load imports the mod again', async () => {
    const mod = writeMod('counterMod', 'counterScript', {
      'state.py': 'count = 0\n',
      'modMain.py': 'import state\nstate.count += 1\nprint "loaded", state.count\n',
    });
    const r = start();
    expect(logs(await r.command(load(LOBBY, [mod])))).toEqual(['loaded 1']);
    await r.command({ op: 'unload', node: 'lobby-4000', now: 10 });
    expect(logs(await r.command({ ...load(LOBBY, [mod]), now: 20 }))).toEqual(['loaded 1']);
  });
});

describe('a lobby plugin', () => {
  const LOBBY_PLUGIN = {
    'modMain.py': `# -*- coding: utf-8 -*-
from mod.common.mod import Mod
import mod.server.extraServerApi as serverApi

@Mod.Binding(name='acmeLobby', version='1.0.0')
class Main(object):
	@Mod.InitServer()
	def init(self):
		serverApi.RegisterSystem('acmeLobby', 'lobbySystem', 'acmeLobbyScript.lobbySystem.LobbySystem')
`,
    'lobbySystem.py': `# -*- coding: utf-8 -*-
import ujson as json
import mod.server.extraServerApi as serverApi
import netgame.apolloCommon.commonNetgameApi as commonNetgameApi
ServerSystem = serverApi.GetServerSystemCls()

class LobbySystem(ServerSystem):
	def __init__(self, namespace, systemName):
		ServerSystem.__init__(self, namespace, systemName)
		self.ListenForEvent(namespace, systemName, 'LocalEvent', self, self.Low, 1)
		self.ListenForEvent(namespace, systemName, 'LocalEvent', self, self.High, 9)
		self.ListenForEvent(serverApi.GetEngineNamespace(), serverApi.GetEngineSystemName(), 'AddServerPlayerEvent', self, self.OnAdd)

	def OnAdd(self, args):
		data = self.CreateEventData()
		data['who'] = args['id']
		self.BroadcastEvent('LocalEvent', data)
		self.BroadcastToAllClient('Welcome', {'type': commonNetgameApi.GetServerType(), 'json': json.dumps({'a': '/b'})})
		self.NotifyToMultiClients(['1', '2'], 'Two', {})
		self.CreateComponent(args['id'], 'Minecraft', 'pos').SetPos((0, 64, 0))

	def High(self, data):
		print 'high', data['who']
		data['seen'] = True

	def Low(self, data):
		print 'low', data['who'], data.get('seen')

	def Quiet(self):
		self.UnListenForEvent(self.namespace, self.systemName, 'LocalEvent', self, self.Low)
		self.UnListenAllEvents()
`,
  };

  it('dispatches BroadcastEvent locally by priority, notifies all clients, stubs components', async () => {
    const mod = writeMod('acmeLobby', 'acmeLobbyScript', LOBBY_PLUGIN);
    const r = start();
    const loaded = await r.command(load(LOBBY, [mod]));
    const listens = posts(loaded, 'ListenForEvent').map((p) => p.args);
    expect(listens).toEqual([
      ['acmeLobby', 'lobbySystem', 'LocalEvent', { $h: 1 }, 1],
      ['acmeLobby', 'lobbySystem', 'LocalEvent', { $h: 2 }, 9],
      ['Minecraft', 'Engine', 'AddServerPlayerEvent', { $h: 3 }, 0],
    ]);
    const added = await r.command({ op: 'invoke', node: 'lobby-4000', now: 1, h: 3, args: [{ id: '400000002', uid: 102 }] }, {
      onCall: (msg) => (msg.api === 'GetPlayerList' ? { value: ['400000001', '400000002'] } : { error: 'unexpected' }),
    });
    expect(added.done.error).toBeNull();
    expect(logs(added)).toEqual(['high 400000002', 'low 400000002 True']);
    expect(posts(added).map((p) => p.args.slice(0, 2))).toEqual([
      ['400000001', 'Welcome'],
      ['400000002', 'Welcome'],
      ['1', 'Two'],
      ['2', 'Two'],
    ]);
    expect(posts(added)[0].args[2]).toEqual({ type: 'lobby', json: '{"a":"\\/b"}' });
    expect(added.done.stubs).toEqual({ 'ServerSystem.CreateComponent': 1, 'ServerSystem.CreateComponent().SetPos': 1 });
    const quiet = await r.command({ op: 'method', node: 'lobby-4000', now: 2, ns: 'acmeLobby', sys: 'lobbySystem', method: 'Quiet', args: [] });
    expect(posts(quiet).map((p) => [p.api, p.args[2], p.args[3]])).toEqual([
      ['UnListenForEvent', 'LocalEvent', { $h: 1 }],
      ['UnListenForEvent', 'AddServerPlayerEvent', { $h: 3 }],
      ['UnListenForEvent', 'LocalEvent', { $h: 2 }],
    ]);
  });
});

describe('the clients\' process', () => {
  it('hosts several clients: each its systems, handlers and random sequence', async () => {
    const mod = writeMod('dice', 'diceScript', {
      'modMain.py': `from common.mod import Mod
import client.extraClientApi as clientApi
@Mod.Binding(name='dice')
class Main(object):
	@Mod.InitClient()
	def init(self):
		clientApi.RegisterSystem('dice', 'diceClient', 'diceScript.modMain.Dice')

class Dice(clientApi.GetClientSystemCls()):
	def __init__(self, namespace, systemName):
		super(Dice, self).__init__(namespace, systemName)
		self.ListenForEvent('game', 'gameSystem', 'Roll', self, self.Roll)
	def Roll(self, args):
		import random
		print clientApi.GetSystem('dice', 'diceClient') is self, random.randint(1, 10 ** 9)
		self.NotifyToServer('Rolled', {})
`,
    });
    const r = start();
    const one = await r.command(load({ id: 'client-1', kind: 'client', uid: 101, playerId: 'p1', proxyId: 2000 }, [mod], 1));
    const two = await r.command(load({ id: 'client-2', kind: 'client', uid: 102, playerId: 'p2', proxyId: 2000 }, [mod], 2));
    const h1 = posts(one, 'ListenForEvent')[0].args[3].$h;
    const h2 = posts(two, 'ListenForEvent')[0].args[3].$h;
    expect(h1).not.toBe(h2);
    const roll = async (node: string, h: number) => {
      const res = await r.command({ op: 'invoke', node, now: 5, h, args: [{}] });
      expect(posts(res)).toEqual([{ op: 'post', node, api: 'NotifyToServer', sys: 1, args: ['Rolled', {}] }]);
      return logs(res)[0];
    };
    const seq = [await roll('client-1', h1), await roll('client-2', h2), await roll('client-1', h1), await roll('client-2', h2)];
    // A fresh process with only client-1 rolls the same numbers: the other client does not disturb it.
    const alone = start();
    const solo = await alone.command(load({ id: 'client-1', kind: 'client', uid: 101, playerId: 'p1', proxyId: 2000 }, [mod], 1));
    const hs = posts(solo, 'ListenForEvent')[0].args[3].$h;
    const soloSeq = [];
    for (let i = 0; i < 2; i++) soloSeq.push(logs(await alone.command({ op: 'invoke', node: 'client-1', now: 5, h: hs, args: [{}] }))[0]);
    expect([seq[0], seq[2]]).toEqual(soloSeq);
    expect(seq.every((l) => l.startsWith('True '))).toBe(true);
    // A handler of one client is not the other's.
    const wrong = await r.command({ op: 'invoke', node: 'client-2', now: 6, h: h1, args: [{}] });
    expect(wrong.done.error).toMatchObject({ type: 'LookupError' });
  });
});

describe('pools and runaway code', () => {
  it('workerPool runs the task and its callback after the command, without threads', async () => {
    const mod = writeMod('poolMod', 'poolScript', {
      'modMain.py': `import apolloCommon.workerPool as workerPool
import threading
def task(i):
	return (i, i * 2)
def done(i, doubled):
	print 'done', i, doubled
pool = workerPool.ForkNewPool(4)
pool.EmitOrder(1, task, done, 21)
threading.Thread(target=task, args=(1,)).start()
`,
    });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]));
    expect(res.done.stubs).toEqual({ 'threading.Thread.start': 1 });
    const [t] = posts(res, 'AddTimer');
    expect(logs(await r.command({ op: 'invoke', node: 'lobby-4000', now: 0, h: t.args[0], args: [] }))).toEqual(['done 21 42']);
  });

  it('a runaway recursion is one bounded Failure', async () => {
    const mod = writeMod('deepMod', 'deepScript', { 'modMain.py': 'def f(n):\n\treturn f(n + 1)\nf(0)\n' });
    const r = start();
    const res = await r.command(load(LOBBY, [mod]));
    expect(res.done.error).toMatchObject({ type: 'RuntimeError', message: 'maximum recursion depth exceeded', line: 2 });
    expect(res.done.error.traceback).toContain('frames left out');
    expect(res.done.error.traceback.split('\n').length).toBeLessThan(220);
  });
});
