// apolloCommon.redisPool / mysqlPool over the real runner: the `Storage` commands they post and
// call (python/PROTOCOL.md), answered by the real SimulatedStorage through a small bridge that does
// what the mod bridge does: carry out each post when it arrives and invoke its callback later.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedStorage } from '../core/mods/storage';
import { findPython27, RunnerProcess, type Msg } from './testing/runner-driver';

let python: string;
let root: string;
const running: RunnerProcess[] = [];

beforeAll(() => {
  python = findPython27(); // fails the suite, saying what to install, when Python 2.7 is missing
  root = mkdtempSync(join(tmpdir(), 'sb-storage-'));
});
afterEach(() => {
  for (const r of running.splice(0)) r.kill();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LOBBY = { id: 'lobby-4000', kind: 'lobby', serverId: 4000, type: 'lobby' };
const LATENCY = 3;

function writeMod(name: string, code: string): Msg {
  const dir = join(root, name, 'developer_mods', `${name}Dev`);
  for (const [file, text] of Object.entries({ '__init__.py': '', 'modMain.py': code })) {
    const path = join(dir, `${name}Script`, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { name, dir, script: `${name}Script`, modJson: null };
}

/** The mod bridge in miniature: posts carried out as they arrive, calls answered at once. */
class Bridge {
  readonly storage = new SimulatedStorage();
  readonly posted: unknown[][] = [];
  readonly called: unknown[][] = [];
  readonly logs: string[] = [];
  private pending: Array<{ at: number; h: number; args: unknown[] }> = [];

  constructor(private readonly r: RunnerProcess) {}

  /** Sends a command and handles its lines until its done. */
  async command(cmd: Msg): Promise<Msg> {
    this.r.send(cmd);
    const now = cmd.now as number;
    for (;;) {
      const msg = JSON.parse(await this.r.nextLine()) as Msg;
      if (msg.op === 'done') return msg;
      if (msg.op === 'fatal') throw new Error(msg.message);
      if (msg.op === 'log') this.logs.push(msg.text);
      if (msg.op === 'post' && msg.api === 'Storage') {
        const [store, command, handler] = msg.args as [string, unknown[], { $h: number } | null];
        this.posted.push([store, command, handler === null ? null : 'h']);
        const result = this.storage.execute(store, command, now);
        if (handler !== null) this.pending.push({ at: now + LATENCY, h: handler.$h, args: result.args });
      }
      if (msg.op === 'call') {
        if (msg.api !== 'Storage') {
          this.r.send({ op: 'result', error: `unknown ${msg.api}` });
          continue;
        }
        const [store, command] = msg.args as [string, unknown[]];
        this.called.push([store, command]);
        this.r.send({ op: 'result', value: this.storage.execute(store, command, now) });
      }
    }
  }

  /** Invokes every due callback in order (callbacks may post more). */
  async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const next = this.pending.shift()!;
      const done = await this.command({ op: 'invoke', node: LOBBY.id, now: next.at, h: next.h, args: next.args });
      if (done.error) throw new Error(`${done.error.type}: ${done.error.message}\n${done.error.traceback}`);
    }
  }
}

async function run(code: string): Promise<Bridge> {
  const r = new RunnerProcess(python, root);
  running.push(r);
  const b = new Bridge(r);
  const done = await b.command({ op: 'load', node: LOBBY, now: 0, seed: 1, epochMs: 1767225600000, tickHz: 30, mods: [writeMod(`m${running.length}`, code)] });
  if (done.error) throw new Error(`${done.error.type}: ${done.error.message}\n${done.error.traceback}`);
  await b.drain();
  return b;
}

describe('apolloCommon.redisPool', () => {
  it('posts each Async* call as a Redis command, encoding arguments as redis-py does', async () => {
    const b = await run(`# -*- coding: utf-8 -*-
import apolloCommon.redisPool as redisPool
redisPool.InitDB(30)
def cb(t):
	print 'cb', repr(t)
redisPool.AsyncSet('player_123', "{'name':'nickname'}", cb)
redisPool.AsyncSet(u'键', 1767226500.25)
redisPool.AsyncSet(7, None)
redisPool.AsyncGet('player_123', cb)
redisPool.AsyncGet('nope', cb)
redisPool.AsyncMget(('player_123', 'nope', 7), cb)
redisPool.AsyncHgetall('h_player_123', cb)
redisPool.AsyncDelete('player_121', cb)
redisPool.AsyncDelete('player_123', cb)
redisPool.Finish()
`);
    expect(b.posted).toEqual([
      ['redis', ['SET', 'player_123', "{'name':'nickname'}"], 'h'],
      ['redis', ['SET', '键', '1767226500.25'], null],
      ['redis', ['SET', '7', 'None'], null],
      ['redis', ['GET', 'player_123'], 'h'],
      ['redis', ['GET', 'nope'], 'h'],
      ['redis', ['MGET', 'player_123', 'nope', '7'], 'h'],
      ['redis', ['HGETALL', 'h_player_123'], 'h'],
      ['redis', ['DEL', 'player_121'], 'h'],
      ['redis', ['DEL', 'player_123'], 'h'],
    ]);
    expect(b.logs).toEqual(['cb True', `cb "{'name':'nickname'}"`, 'cb None', `cb ["{'name':'nickname'}", None, 'None']`, 'cb {}', 'cb 0', 'cb 1']);
  });

  it('a callback arrives later: code that reads the result too early sees nothing yet', async () => {
    const b = await run(`import apolloCommon.redisPool as redisPool
state = {'status': None}
def cb(args):
	state['status'] = args
	print 'callback', args
redisPool.AsyncSet('partyApply-1', 'yes')
redisPool.AsyncGet('partyApply-1', cb)
print 'right after', state['status']
`);
    expect(b.logs).toEqual(['right after None', 'callback yes']);
  });

  it('AsyncFuncWithKey runs the function with a redis.StrictRedis stand-in, then the callback', async () => {
    const b = await run(`import apolloCommon.redisPool as redisPool
def lock(conn, uid):
	key = 'resLock%s' % uid
	suc = conn.setnx(key, 1)
	conn.expire(key, 60)
	conn.zadd('rank', 5, 'a', 3, 'b')
	conn.sadd('s', 'x', 'y')
	p = conn.pipeline()
	p.incr('n').incrbyfloat('f', 0.5).smembers('s').hset('h', 'f', 1)
	return (suc, conn.setnx(key, 2), conn.ttl(key), conn.zrange('rank', 0, -1, withscores=True), p.execute(), conn.scan(0, match='res*'), conn.hgetall('h'))
def show(result):
	print repr(result)
redisPool.AsyncFuncWithKey(lock, 'user1', show, 1)
def broken(conn):
	conn.set('l', 'x')
	return conn.lpush('l', 'y')
redisPool.AsyncFuncWithKey(broken, 'user1', show)
redisPool.AsyncFuncWithKey(lambda conn: conn.eval('return 1', 0), 'k', show)
`);
    expect(b.posted).toEqual([
      ['redis', ['FUNC', 'user1', 'lock'], 'h'],
      ['redis', ['FUNC', 'user1', 'broken'], 'h'],
      ['redis', ['FUNC', 'k', '<lambda>'], 'h'],
    ]);
    expect(b.called.slice(0, 3)).toEqual([
      ['redis', ['SETNX', 'resLock1', '1']],
      ['redis', ['EXPIRE', 'resLock1', '60']],
      ['redis', ['ZADD', 'rank', '5', 'a', '3', 'b']],
    ]);
    const out = b.logs.filter((l) => !l.startsWith('[apolloCommon') && !l.startsWith(' ') && !l.startsWith('Traceback') && !/Error/.test(l));
    expect(out).toEqual([
      "(True, False, 60, [('b', 3.0), ('a', 5.0)], [1, 0.5, set(['y', 'x']), 1], (0L, ['resLock1']), {'f': '1'})",
      'None',
      'None',
    ]);
    expect(b.logs.join('\n')).toContain('[apolloCommon.redisPool] AsyncFuncWithKey: the function broken raised:');
    expect(b.logs.join('\n')).toContain('ResponseError: WRONGTYPE Operation against a key holding the wrong kind of value');
    expect(b.logs.join('\n')).toContain('ResponseError: ERR not simulated: EVAL');
  });
});

describe('the connections handed to functions', () => {
  it('redis: iterators, score ranges, pipelines that fail, numbers as redis-py returns them', async () => {
    const b = await run(`import datetime
import apolloCommon.redisPool as redisPool
def work(conn):
	conn.mset({'a': 1, 'b': 2.5})
	conn.hmset('h', {'x': 'y'})
	conn.zadd('z', a=1, b=2, c=3)
	p = conn.pipeline(transaction=False)
	p.set('s', 'v').lpush('s', 'w').get('s')
	try:
		p.execute()
	except Exception as e:
		print 'pipeline', type(e).__name__
	p.set('t', 'v').lpush('t', 'w')
	partial = p.execute(raise_on_error=False)
	return (sorted(conn.scan_iter('*')), list(conn.hscan_iter('h')), conn.zrangebyscore('z', '(1', '+inf', 0, 1, withscores=True),
		conn.zrevrangebyscore('z', 3, 1), conn.incrbyfloat('b', 1), conn.type('z'), conn.exists('a'), conn.set('e', 1, ex=datetime.timedelta(seconds=5)),
		conn.ttl('e'), conn.time()[0], type(partial[1]).__name__, conn.mget(['a', 'zz']), 'a' in conn, conn['a'])
def show(r):
	print repr(r)
redisPool.AsyncFuncWithKey(work, 'k', show)
`);
    expect(b.logs).toEqual([
      'pipeline ResponseError',
      "(['a', 'b', 'h', 's', 't', 'z'], [('x', 'y')], [('b', 2.0)], ['c', 'b', 'a'], 3.5, 'zset', True, True, 5, 1767225600, 'ResponseError', ['1', None], True, '1')",
    ]);
  });

  it('mysql: DictCursor, fetchmany, executemany, with conn as cursor, insert ids', async () => {
    const b = await run(`import apolloCommon.mysqlPool as mysqlPool
class DictCursor(object):
	pass
def work(conn):
	c = conn.cursor()
	c.execute('CREATE TABLE t (id int primary key auto_increment, v varchar(5))')
	n = c.executemany('insert into t (v) values (%s)', [('a',), ('b',), ('c',)])
	with conn as cur:
		cur.execute('insert into t (v) values (%(v)s)', {'v': 'd'})
		last = cur.lastrowid
	c.execute('select id, v from t where v <> %s order by id', ('b',))
	first = c.fetchmany(2)
	rest = c.fetchall()
	d = conn.cursor(DictCursor)
	d.execute('select count(*) as n from t')
	return (n, last, conn.insert_id(), first, rest, d.fetchone())
def show(r):
	print repr(r)
mysqlPool.AsyncExecuteFunctionWithOrderKey(work, 'k', show)
`);
    // insert_id() reads the last statement, a SELECT here: 0, as in MySQL.
    expect(b.logs).toEqual(["(3L, 4L, 0L, ((1L, u'a'), (3L, u'c')), ((4L, u'd'),), {'n': 4L})"]);
  });
});

describe('apolloCommon.mysqlPool', () => {
  const SCHEMA = `CREATE TABLE IF NOT EXISTS player (uid bigint unsigned primary key, name varchar(20) not null, t datetime, f double, m decimal(6,2))`;

  it('posts each Async* call as a statement and hands the callback MySQLdb values', async () => {
    const b = await run(`# -*- coding: utf-8 -*-
import datetime, decimal
import apolloCommon.mysqlPool as mysqlPool
mysqlPool.InitDB(30)
def show(tag):
	def cb(t):
		print tag, repr(t)
	return cb
mysqlPool.AsyncExecuteWithOrderKey('init', '${SCHEMA}', None, show('create'))
mysqlPool.AsyncExecuteWithOrderKey('player', 'insert into player values (%s, %s, %s, %s, %s)', (1, u'史蒂夫', datetime.datetime(2026, 1, 1, 8, 0, 0), 2.0, decimal.Decimal('3.5')), show('insert'))
mysqlPool.AsyncExecuteWithOrderKey('player', 'insert into player (uid, name) values (%s, %s)', (1, 'dup'), show('dup'))
mysqlPool.AsyncQueryWithOrderKey('player', 'select uid, name, t, f, m, count(*) from player where uid = %s', (1,), show('query'))
mysqlPool.AsyncQueryWithOrderKey('player', 'select uid from player where uid = %s', 2, show('empty'))
mysqlPool.AsyncQuery('player', 'select * from nope', (), show('error'))
mysqlPool.AsyncExecutemanyWithOrderKey('pay', 'insert into player (uid, name) values (%s, %s)', [(2, 'a'), (3, 'b')], show('many'))
mysqlPool.AsyncInsertOneWithOrderKey('pay', 'insert into player (uid, name) values (%s, %s)', (4, 'c'), show('one'))
mysqlPool.AsyncQueryWithOrderKey('player', 'select uid from player where uid in %s order by uid desc', ([1, 3, 4],), show('in'))
mysqlPool.AsyncExecuteWithOrderKey('player', 'delete from player where uid = %s', (4,))
print 'sync', repr(mysqlPool.SyncFetchAll('select uid, name from player where uid > %s', (1,)))
print 'sync-error', repr(mysqlPool.SyncFetchAll('select nope from player', None))
`);
    expect(b.posted.map((p) => (p[1] as unknown[])[0])).toEqual(['EXECUTE', 'EXECUTE', 'EXECUTE', 'QUERY', 'QUERY', 'QUERY', 'EXECUTEMANY', 'INSERTONE', 'QUERY', 'EXECUTE']);
    expect(b.posted[1]).toEqual(['mysql', ['EXECUTE', 'insert into player values (%s, %s, %s, %s, %s)', [1, '史蒂夫', '2026-01-01 08:00:00', 2, '3.5']], 'h']);
    expect(b.posted[4]).toEqual(['mysql', ['QUERY', 'select uid from player where uid = %s', 2], 'h']);
    expect(b.posted[9][2]).toBe(null);
    expect(b.called).toEqual([
      ['mysql', ['FETCHALL', 'select uid, name from player where uid > %s', [1]]],
      ['mysql', ['FETCHALL', 'select nope from player', null]],
    ]);
    expect(b.logs).toEqual([
      "sync ((2L, u'a'), (3L, u'b'))",
      "[apolloCommon.mysqlPool] SyncFetchAll: OperationalError: Unknown column 'nope' in 'field list'",
      'sync-error None',
      'create True',
      'insert True',
      'dup False',
      // The runner's virtual-clock datetime class prints without its module name.
      expect.stringMatching(/^query \(\(1L, u'\\u53f2\\u8482\\u592b', (datetime\.)?datetime\(2026, 1, 1, 8, 0\), 2\.0, Decimal\('3\.50'\), 1L\),\)$/),
      'empty ()',
      'error None',
      'many 2L',
      'one 0L',
      'in ((4L,), (3L,), (1L,))',
    ]);
  });

  it('AsyncExecuteFunctionWithOrderKey gives the function a MySQLdb-like connection; a rolled back transaction leaves nothing', async () => {
    const b = await run(`import apolloCommon.mysqlPool as mysqlPool
mysqlPool.AsyncExecuteWithOrderKey('init', '${SCHEMA}', None, None)
def tx(conn, uid):
	conn.autocommit(False)
	cursor = conn.cursor()
	try:
		cursor.execute('insert into player (uid, name) values (%s, %s)', (uid, 'x'))
		cursor.execute('insert into player (uid, name) values (%s, %s)', (uid, 'again'))
		conn.commit()
	except Exception as e:
		print 'caught', type(e).__name__, e.args
		conn.rollback()
	finally:
		cursor.close()
		conn.autocommit(True)
	cursor = conn.cursor()
	n = cursor.execute('select uid, name from player')
	return (n, cursor.fetchall(), cursor.rowcount, cursor.description[1][0])
def show(result):
	print 'result', repr(result)
mysqlPool.AsyncExecuteFunctionWithOrderKey(tx, 'tx', show, 5)
def fails(conn):
	conn.cursor().execute('select * from nope')
mysqlPool.AsyncExecuteFunctionWithOrderKey(fails, 'tx', show)
`);
    expect(b.posted.slice(1)).toEqual([
      ['mysql', ['FUNC', 'tx', 'tx'], 'h'],
      ['mysql', ['FUNC', 'tx', 'fails'], 'h'],
    ]);
    expect(b.called.map((c) => (c[1] as unknown[])[0])).toEqual(['BEGIN', 'CURSOR', 'CURSOR', 'ROLLBACK', 'CURSOR', 'CURSOR']);
    const out = b.logs.filter((l) => l.startsWith('caught') || l.startsWith('result'));
    expect(out).toEqual(['caught IntegrityError (1062, "Duplicate entry \'5\' for key \'PRIMARY\'")', "result (0L, (), 0L, 'name')", 'result None']);
    expect(b.logs.join('\n')).toContain("ProgrammingError: (1146, \"Table 'mod.nope' doesn't exist\")");
  });
});
