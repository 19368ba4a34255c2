# -*- coding: utf-8 -*-
"""The connection a function given to redisPool.AsyncFuncWithKey receives: a stand-in for
redis.StrictRedis (redis-py 2.10, the Python 2 line) whose commands go to the simulated Redis
through synchronous Storage calls. Arguments are encoded as redis-py encodes them and replies get
redis-py's response callbacks; the values JSON cannot carry (floats, sets, tuples) are made here."""
import datetime

from apolloCommon import _storage


class RedisError(Exception):
    pass


class ResponseError(RedisError):
    """An error answered by the server (WRONGTYPE, syntax, not simulated)."""


class DataError(RedisError):
    pass


def encode(value):
    """redis-py 2.10's Connection.encode: text as UTF-8 bytes, numbers as str/repr, anything else unicode()."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, long)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, unicode):
        return value.encode('utf-8')
    return unicode(value).encode('utf-8')


def list_or_args(keys, args):
    try:
        iter(keys)
        if isinstance(keys, basestring):
            keys = [keys]
        else:
            keys = list(keys)
    except TypeError:
        keys = [keys]
    if args:
        keys.extend(args)
    return keys


def _seconds(t):
    if isinstance(t, datetime.timedelta):
        return t.seconds + t.days * 24 * 3600
    return t


def _float_or_none(v):
    return None if v is None else float(v)


def _pairs(items, cast=float):
    it = iter(items)
    return [(m, cast(s)) for m, s in zip(it, it)]


def _set(v):
    return set(v) if v is not None else set()


def _scan(v):
    return long(v[0]), v[1]


def _zscan(v, cast=float):
    return long(v[0]), _pairs(v[1], cast)


def _tuple_or_none(v):
    return tuple(v) if v else None


# redis-py response callbacks for what JSON cannot carry (bools and dicts come ready from the engine).
CONVERT = {
    'INCRBYFLOAT': float,
    'HINCRBYFLOAT': float,
    'ZINCRBY': _float_or_none,
    'ZSCORE': _float_or_none,
    'SMEMBERS': _set,
    'SINTER': _set,
    'SUNION': _set,
    'SDIFF': _set,
    'SCAN': _scan,
    'SSCAN': _scan,
    'HSCAN': _scan,
    'ZPOPMIN': _pairs,
    'ZPOPMAX': _pairs,
    'BLPOP': _tuple_or_none,
    'BRPOP': _tuple_or_none,
    'TIME': tuple,
}


class _Commands(object):
    """Every StrictRedis command method; subclasses say how one is carried out (_execute)."""

    def execute_command(self, *args, **options):
        name = encode(args[0]).upper()
        return self._execute([name] + [encode(a) for a in args[1:]], options)

    def _convert(self, name, value, options):
        if value is None and name not in ('SMEMBERS', 'SINTER', 'SUNION', 'SDIFF'):
            return None
        if options.get('withscores'):
            return _pairs(value, options.get('score_cast_func', float))
        if name == 'ZSCAN':
            return _zscan(value, options.get('score_cast_func', float))
        if name == 'ZADD' and options.get('incr'):
            return _float_or_none(value)
        f = CONVERT.get(name)
        return f(value) if f is not None else value

    # keys
    def delete(self, *names):
        return self.execute_command('DEL', *names)

    def exists(self, *names):
        return self.execute_command('EXISTS', *names)

    def expire(self, name, time):
        return self.execute_command('EXPIRE', name, _seconds(time))

    def expireat(self, name, when):
        if isinstance(when, datetime.datetime):
            import calendar
            when = int(calendar.timegm(when.utctimetuple()))
        return self.execute_command('EXPIREAT', name, when)

    def pexpire(self, name, time):
        if isinstance(time, datetime.timedelta):
            time = int(_seconds(time) * 1000 + time.microseconds // 1000)
        return self.execute_command('PEXPIRE', name, time)

    def pexpireat(self, name, when):
        return self.execute_command('PEXPIREAT', name, when)

    def persist(self, name):
        return self.execute_command('PERSIST', name)

    def ttl(self, name):
        return self.execute_command('TTL', name)

    def pttl(self, name):
        return self.execute_command('PTTL', name)

    def type(self, name):
        return self.execute_command('TYPE', name)

    def rename(self, src, dst):
        return self.execute_command('RENAME', src, dst)

    def renamenx(self, src, dst):
        return self.execute_command('RENAMENX', src, dst)

    def keys(self, pattern='*'):
        return self.execute_command('KEYS', pattern)

    def scan(self, cursor=0, match=None, count=None):
        pieces = [cursor]
        if match is not None:
            pieces.extend(['MATCH', match])
        if count is not None:
            pieces.extend(['COUNT', count])
        return self.execute_command('SCAN', *pieces)

    def randomkey(self):
        return self.execute_command('RANDOMKEY')

    def dbsize(self):
        return self.execute_command('DBSIZE')

    def flushdb(self):
        return self.execute_command('FLUSHDB')

    def flushall(self):
        return self.execute_command('FLUSHALL')

    def ping(self):
        return self.execute_command('PING')

    def echo(self, value):
        return self.execute_command('ECHO', value)

    def time(self):
        return self.execute_command('TIME')

    # strings
    def get(self, name):
        return self.execute_command('GET', name)

    def __getitem__(self, name):
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def __setitem__(self, name, value):
        self.set(name, value)

    def __delitem__(self, name):
        self.delete(name)

    def __contains__(self, name):
        return self.exists(name)

    def set(self, name, value, ex=None, px=None, nx=False, xx=False):
        pieces = [name, value]
        if ex is not None:
            pieces.extend(['EX', _seconds(ex)])
        if px is not None:
            if isinstance(px, datetime.timedelta):
                px = int(_seconds(px) * 1000 + px.microseconds // 1000)
            pieces.extend(['PX', px])
        if nx:
            pieces.append('NX')
        if xx:
            pieces.append('XX')
        return self.execute_command('SET', *pieces)

    def setnx(self, name, value):
        return self.execute_command('SETNX', name, value)

    def setex(self, name, time, value):
        return self.execute_command('SETEX', name, _seconds(time), value)

    def psetex(self, name, time_ms, value):
        return self.execute_command('PSETEX', name, time_ms, value)

    def getset(self, name, value):
        return self.execute_command('GETSET', name, value)

    def mget(self, keys, *args):
        return self.execute_command('MGET', *list_or_args(keys, args))

    def _mapping(self, name, args, kwargs):
        if args:
            if len(args) != 1 or not isinstance(args[0], dict):
                raise RedisError('%s requires **kwargs or a single dict arg' % name)
            kwargs.update(args[0])
        items = []
        for pair in kwargs.iteritems():
            items.extend(pair)
        return items

    def mset(self, *args, **kwargs):
        return self.execute_command('MSET', *self._mapping('MSET', args, kwargs))

    def msetnx(self, *args, **kwargs):
        return self.execute_command('MSETNX', *self._mapping('MSETNX', args, kwargs))

    def append(self, key, value):
        return self.execute_command('APPEND', key, value)

    def strlen(self, name):
        return self.execute_command('STRLEN', name)

    def incr(self, name, amount=1):
        return self.execute_command('INCRBY', name, amount)

    def incrby(self, name, amount=1):
        return self.execute_command('INCRBY', name, amount)

    def decr(self, name, amount=1):
        return self.execute_command('DECRBY', name, amount)

    def decrby(self, name, amount=1):
        return self.execute_command('DECRBY', name, amount)

    def incrbyfloat(self, name, amount=1.0):
        return self.execute_command('INCRBYFLOAT', name, amount)

    def getrange(self, key, start, end):
        return self.execute_command('GETRANGE', key, start, end)

    def substr(self, name, start, end=-1):
        return self.execute_command('SUBSTR', name, start, end)

    def setrange(self, name, offset, value):
        return self.execute_command('SETRANGE', name, offset, value)

    # hashes
    def hset(self, name, key, value):
        return self.execute_command('HSET', name, key, value)

    def hsetnx(self, name, key, value):
        return self.execute_command('HSETNX', name, key, value)

    def hmset(self, name, mapping):
        if not mapping:
            raise DataError("'hmset' with 'mapping' of length 0")
        items = []
        for pair in mapping.iteritems():
            items.extend(pair)
        return self.execute_command('HMSET', name, *items)

    def hget(self, name, key):
        return self.execute_command('HGET', name, key)

    def hmget(self, name, keys, *args):
        return self.execute_command('HMGET', name, *list_or_args(keys, args))

    def hgetall(self, name):
        return self.execute_command('HGETALL', name)

    def hdel(self, name, *keys):
        return self.execute_command('HDEL', name, *keys)

    def hexists(self, name, key):
        return self.execute_command('HEXISTS', name, key)

    def hlen(self, name):
        return self.execute_command('HLEN', name)

    def hkeys(self, name):
        return self.execute_command('HKEYS', name)

    def hvals(self, name):
        return self.execute_command('HVALS', name)

    def hstrlen(self, name, key):
        return self.execute_command('HSTRLEN', name, key)

    def hincrby(self, name, key, amount=1):
        return self.execute_command('HINCRBY', name, key, amount)

    def hincrbyfloat(self, name, key, amount=1.0):
        return self.execute_command('HINCRBYFLOAT', name, key, amount)

    def hscan(self, name, cursor=0, match=None, count=None):
        pieces = [name, cursor]
        if match is not None:
            pieces.extend(['MATCH', match])
        if count is not None:
            pieces.extend(['COUNT', count])
        return self.execute_command('HSCAN', *pieces)

    # lists
    def lpush(self, name, *values):
        return self.execute_command('LPUSH', name, *values)

    def rpush(self, name, *values):
        return self.execute_command('RPUSH', name, *values)

    def lpushx(self, name, value):
        return self.execute_command('LPUSHX', name, value)

    def rpushx(self, name, value):
        return self.execute_command('RPUSHX', name, value)

    def lpop(self, name):
        return self.execute_command('LPOP', name)

    def rpop(self, name):
        return self.execute_command('RPOP', name)

    def llen(self, name):
        return self.execute_command('LLEN', name)

    def lrange(self, name, start, end):
        return self.execute_command('LRANGE', name, start, end)

    def lindex(self, name, index):
        return self.execute_command('LINDEX', name, index)

    def lset(self, name, index, value):
        return self.execute_command('LSET', name, index, value)

    def lrem(self, name, count, value):
        return self.execute_command('LREM', name, count, value)

    def ltrim(self, name, start, end):
        return self.execute_command('LTRIM', name, start, end)

    def linsert(self, name, where, refvalue, value):
        return self.execute_command('LINSERT', name, where, refvalue, value)

    def rpoplpush(self, src, dst):
        return self.execute_command('RPOPLPUSH', src, dst)

    def blpop(self, keys, timeout=0):
        return self.execute_command('BLPOP', *(list_or_args(keys, None) + [timeout or 0]))

    def brpop(self, keys, timeout=0):
        return self.execute_command('BRPOP', *(list_or_args(keys, None) + [timeout or 0]))

    def brpoplpush(self, src, dst, timeout=0):
        return self.execute_command('BRPOPLPUSH', src, dst, timeout or 0)

    # sets
    def sadd(self, name, *values):
        return self.execute_command('SADD', name, *values)

    def srem(self, name, *values):
        return self.execute_command('SREM', name, *values)

    def smembers(self, name):
        return self.execute_command('SMEMBERS', name)

    def sismember(self, name, value):
        return self.execute_command('SISMEMBER', name, value)

    def scard(self, name):
        return self.execute_command('SCARD', name)

    def spop(self, name, count=None):
        if count is None:
            return self.execute_command('SPOP', name)
        return self.execute_command('SPOP', name, count)

    def srandmember(self, name, number=None):
        if number is None:
            return self.execute_command('SRANDMEMBER', name)
        return self.execute_command('SRANDMEMBER', name, number)

    def smove(self, src, dst, value):
        return self.execute_command('SMOVE', src, dst, value)

    def sinter(self, keys, *args):
        return self.execute_command('SINTER', *list_or_args(keys, args))

    def sunion(self, keys, *args):
        return self.execute_command('SUNION', *list_or_args(keys, args))

    def sdiff(self, keys, *args):
        return self.execute_command('SDIFF', *list_or_args(keys, args))

    def sinterstore(self, dest, keys, *args):
        return self.execute_command('SINTERSTORE', dest, *list_or_args(keys, args))

    def sunionstore(self, dest, keys, *args):
        return self.execute_command('SUNIONSTORE', dest, *list_or_args(keys, args))

    def sdiffstore(self, dest, keys, *args):
        return self.execute_command('SDIFFSTORE', dest, *list_or_args(keys, args))

    def sscan(self, name, cursor=0, match=None, count=None):
        pieces = [name, cursor]
        if match is not None:
            pieces.extend(['MATCH', match])
        if count is not None:
            pieces.extend(['COUNT', count])
        return self.execute_command('SSCAN', *pieces)

    # sorted sets
    def zadd(self, name, *args, **kwargs):
        """redis-py 2.10: zadd(name, score1, member1, ..., member=score); a dict first argument is
        redis-py 3's zadd(name, mapping, nx, xx, ch, incr)."""
        flags = []
        options = {}
        if args and isinstance(args[0], dict):
            mapping = args[0]
            for flag in ('nx', 'xx', 'ch', 'incr'):
                if kwargs.get(flag):
                    flags.append(flag.upper())
            if 'INCR' in flags:
                options['incr'] = True
            pieces = []
            for member, score in mapping.iteritems():
                pieces.extend([score, member])
        else:
            if len(args) % 2 != 0:
                raise RedisError('ZADD requires an equal number of values and scores')
            pieces = list(args)
            for member, score in kwargs.iteritems():
                pieces.extend([score, member])
        return self._execute(['ZADD', encode(name)] + flags + [encode(p) for p in pieces], options)

    def zrem(self, name, *values):
        return self.execute_command('ZREM', name, *values)

    def zscore(self, name, value):
        return self.execute_command('ZSCORE', name, value)

    def zincrby(self, name, value, amount=1):
        return self.execute_command('ZINCRBY', name, amount, value)

    def zcard(self, name):
        return self.execute_command('ZCARD', name)

    def zcount(self, name, min, max):
        return self.execute_command('ZCOUNT', name, min, max)

    def zrank(self, name, value):
        return self.execute_command('ZRANK', name, value)

    def zrevrank(self, name, value):
        return self.execute_command('ZREVRANK', name, value)

    def zrange(self, name, start, end, desc=False, withscores=False, score_cast_func=float):
        if desc:
            return self.zrevrange(name, start, end, withscores, score_cast_func)
        pieces = ['ZRANGE', name, start, end]
        if withscores:
            pieces.append('WITHSCORES')
        return self._run(pieces, {'withscores': withscores, 'score_cast_func': score_cast_func})

    def zrevrange(self, name, start, end, withscores=False, score_cast_func=float):
        pieces = ['ZREVRANGE', name, start, end]
        if withscores:
            pieces.append('WITHSCORES')
        return self._run(pieces, {'withscores': withscores, 'score_cast_func': score_cast_func})

    def _by_score(self, command, name, a, b, start, num, withscores, score_cast_func):
        if (start is not None and num is None) or (num is not None and start is None):
            raise RedisError('``start`` and ``num`` must both be specified')
        pieces = [command, name, a, b]
        if start is not None and num is not None:
            pieces.extend(['LIMIT', start, num])
        if withscores:
            pieces.append('WITHSCORES')
        return self._run(pieces, {'withscores': withscores, 'score_cast_func': score_cast_func})

    def zrangebyscore(self, name, min, max, start=None, num=None, withscores=False, score_cast_func=float):
        return self._by_score('ZRANGEBYSCORE', name, min, max, start, num, withscores, score_cast_func)

    def zrevrangebyscore(self, name, max, min, start=None, num=None, withscores=False, score_cast_func=float):
        return self._by_score('ZREVRANGEBYSCORE', name, max, min, start, num, withscores, score_cast_func)

    def zremrangebyrank(self, name, min, max):
        return self.execute_command('ZREMRANGEBYRANK', name, min, max)

    def zremrangebyscore(self, name, min, max):
        return self.execute_command('ZREMRANGEBYSCORE', name, min, max)

    def _zstore(self, command, dest, keys, aggregate):
        if isinstance(keys, dict):
            names, weights = list(keys.keys()), list(keys.values())
        else:
            names, weights = list(keys), None
        pieces = [command, dest, len(names)] + names
        if weights:
            pieces.append('WEIGHTS')
            pieces.extend(weights)
        if aggregate:
            pieces.extend(['AGGREGATE', aggregate])
        return self.execute_command(*pieces)

    def zunionstore(self, dest, keys, aggregate=None):
        return self._zstore('ZUNIONSTORE', dest, keys, aggregate)

    def zinterstore(self, dest, keys, aggregate=None):
        return self._zstore('ZINTERSTORE', dest, keys, aggregate)

    def zpopmin(self, name, count=None):
        return self.execute_command('ZPOPMIN', name, *([count] if count is not None else []))

    def zpopmax(self, name, count=None):
        return self.execute_command('ZPOPMAX', name, *([count] if count is not None else []))

    def zscan(self, name, cursor=0, match=None, count=None, score_cast_func=float):
        pieces = ['ZSCAN', name, cursor]
        if match is not None:
            pieces.extend(['MATCH', match])
        if count is not None:
            pieces.extend(['COUNT', count])
        return self._run(pieces, {'score_cast_func': score_cast_func})

    def _run(self, pieces, options):
        return self._execute([encode(pieces[0]).upper()] + [encode(p) for p in pieces[1:]], options)

    # iterators (the whole set comes back at cursor 0: see core/mods/storage/CONTEXT.md)
    def scan_iter(self, match=None, count=None):
        cursor, keys = self.scan(0, match, count)
        for k in keys:
            yield k

    def sscan_iter(self, name, match=None, count=None):
        cursor, items = self.sscan(name, 0, match, count)
        for i in items:
            yield i

    def hscan_iter(self, name, match=None, count=None):
        cursor, data = self.hscan(name, 0, match, count)
        for pair in data.iteritems():
            yield pair

    def zscan_iter(self, name, match=None, count=None, score_cast_func=float):
        cursor, data = self.zscan(name, 0, match, count, score_cast_func)
        for pair in data:
            yield pair

    def __getattr__(self, attr):
        # Any other redis command method: sent by name; the simulated Redis answers it or says
        # "not simulated" (publish, eval, ...).
        if attr.startswith('_'):
            raise AttributeError(attr)

        def command(*args):
            return self.execute_command(attr.upper(), *args)
        command.__name__ = attr
        return command


class StrictRedis(_Commands):
    """A connection of the pool: every command is carried out at once (the worker thread's view)."""

    def _execute(self, command, options):
        value, error = _storage.ask('redis', command)
        if error is not None:
            raise ResponseError(error.get('message'))
        return self._convert(command[0], value, options)

    def pipeline(self, transaction=True, shard_hint=None):
        return Pipeline(self, transaction)

    def lock(self, *args, **kwargs):
        raise RedisError('not simulated: redis-py Lock (use SET key value NX EX seconds)')

    def pubsub(self, *args, **kwargs):
        raise RedisError('not simulated: publish / subscribe')


Redis = StrictRedis


class Pipeline(_Commands):
    """Buffers commands until execute(); in a simulated worker thread nothing runs in between, so a
    transaction (MULTI/EXEC) and a plain pipeline behave the same."""

    def __init__(self, conn, transaction=True):
        self._conn = conn
        self._stack = []
        self.transaction = transaction

    def _execute(self, command, options):
        self._stack.append((command, options))
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.reset()

    def __len__(self):
        return len(self._stack)

    def reset(self):
        self._stack = []

    def multi(self):
        pass

    def watch(self, *names):
        raise RedisError('not simulated: WATCH (a simulated worker thread runs alone; it is never needed)')

    def execute(self, raise_on_error=True):
        stack, self._stack = self._stack, []
        results = []
        first_error = None
        for command, options in stack:
            try:
                value = self._conn._execute(command, options)
            except ResponseError as e:
                value = e
                if first_error is None:
                    first_error = e
            results.append(value)
        if raise_on_error and first_error is not None:
            raise first_error
        return results
