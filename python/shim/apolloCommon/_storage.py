# -*- coding: utf-8 -*-
"""What redisPool and mysqlPool share: posting a `Storage` command, asking one synchronously, and
running a callback. See core/mods/storage/CONTEXT.md for the command formats."""
import traceback

import _switchboard.api as _sb


class StorageUnavailable(Exception):
    """The engine did not answer a synchronous Storage call."""


def post(store, command, callback):
    """An Async* call: the engine carries it out now and invokes `callback` with what the real
    pool's callback receives, options.storageLatencyMs later (None: nobody is told)."""
    _sb.post('Storage', [store, command, _sb.once_slot(callback)])


def ask(store, command):
    """A synchronous command (Sync* calls, and the statements a function passed to
    AsyncFuncWithKey / AsyncExecuteFunctionWithOrderKey sends). Returns (value, error) where error
    is None or {'type', 'code', 'message'}."""
    try:
        answer = _sb.call('Storage', [store, command])
    except _sb.CallError as e:
        raise StorageUnavailable('the engine does not answer Storage calls: %s' % e)
    if not isinstance(answer, dict):
        raise StorageUnavailable('a Storage answer that is not a result: %r' % (answer,))
    args = answer.get('args') or [None]
    return args[0], answer.get('error')


def report(module, what, text):
    """One stderr block, as the real pools log a failure of their worker thread."""
    _sb.log('stderr', '[apolloCommon.%s] %s: %s' % (module, what, text))


def run_function(module, what, func, conn, args, callback, finish=None):
    """Runs a function given to an Async*Function* call the way the pool's worker thread does:
    func(conn, *args); an exception is logged and the callback gets None; then callback(result)."""
    try:
        result = func(conn, *args)
    except Exception:
        report(module, what, 'the function %s raised:\n%s' % (getattr(func, '__name__', 'func'), traceback.format_exc().rstrip()))
        result = None
    if finish is not None:
        finish()
    if callback is not None:
        callback(result)


def order_key(key):
    """An orderKey as the trace shows it (str/int; anything else as its str())."""
    if isinstance(key, (int, long, str)):
        return key
    if isinstance(key, unicode):
        return key.encode('utf-8')
    return str(key)


def name_of(func):
    name = getattr(func, '__name__', None)
    if name is None:
        name = type(func).__name__
    return name
