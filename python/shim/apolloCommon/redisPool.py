# -*- coding: utf-8 -*-
"""apolloCommon.redisPool, simulated: every simulated server shares the run's one Redis
(core/mods/storage). Each Async* call posts `Storage` ["redis", command, callback]; the engine
carries the command out at once and calls the callback options.storageLatencyMs later with what the
real pool's callback receives (None when the operation failed), so code that reads a result before
its callback ran sees it missing, as in production."""
import _switchboard.api as _sb

from apolloCommon import _redisConnection, _storage

_encode = _redisConnection.encode


def InitDB(poolSize):
    """The simulated pool needs no connections; kept so mods run unchanged."""


def Finish():
    """Nothing to wait for: no worker threads (pending callbacks still arrive)."""


def AsyncGet(key, callback=None):
    _storage.post('redis', ['GET', _encode(key)], callback)


def AsyncSet(key, value, callback=None):
    _storage.post('redis', ['SET', _encode(key), _encode(value)], callback)


def AsyncDelete(key, callback=None):
    _storage.post('redis', ['DEL', _encode(key)], callback)


def AsyncMget(keys, callback=None):
    _storage.post('redis', ['MGET'] + [_encode(k) for k in _redisConnection.list_or_args(keys, None)], callback)


def AsyncHgetall(key, callback=None):
    _storage.post('redis', ['HGETALL', _encode(key)], callback)


def AsyncFuncWithKey(func, orderKey, callback, *args, **kwargs):
    """func(conn, *args) runs when the callback is due (a simulated worker thread runs alone), its
    commands answered at once through Storage calls; callback(func's result) right after, or
    callback(None) when func raised (the exception is logged, as the pool logs it)."""
    if not callable(func):
        raise TypeError('func must be callable, not %s' % type(func).__name__)
    name = _storage.name_of(func)

    def run():
        _storage.run_function('redisPool', 'AsyncFuncWithKey', func, _redisConnection.StrictRedis(), args, callback)

    _sb.post('Storage', ['redis', ['FUNC', _storage.order_key(orderKey), name], _sb.once_slot(run)])


_sb.api_module(__name__)
