# -*- coding: utf-8 -*-
"""apolloCommon.mysqlPool, simulated: every simulated server shares the run's one MySQL
(core/mods/storage). Each Async* call posts `Storage` ["mysql", command, callback]; the engine
runs the statement at once and calls the callback options.storageLatencyMs later with what the
real pool's callback receives (rows as a tuple of tuples, True/False, a count, an id, or None on
failure), so code that reads a result before its callback ran sees it missing, as in production.
The Sync* calls are answered at once. Tables come from the statements mods run, or from their
mod.sql (see core/mods/storage/CONTEXT.md)."""
import _switchboard.api as _sb

from apolloCommon import _mysqlConnection, _storage

_params = _mysqlConnection.params


def _text(sql):
    return sql.encode('utf-8') if isinstance(sql, unicode) else sql


def _deliver(callback, convert):
    """The handler the engine invokes: converts the JSON answer into MySQLdb's values first."""
    if callback is None:
        return None

    def deliver(value=None):
        callback(convert(value))
    return deliver


def _same(value):
    return value


def InitDB(poolSize):
    """The simulated pool needs no connections; kept so mods run unchanged."""


def Init(*args, **kwargs):
    """Older form: Init(host, port, user, password, database, poolSize); the simulated pool needs nothing."""


def Finish():
    """Nothing to wait for: no worker threads (pending callbacks still arrive)."""


def Tick():
    """Callbacks arrive from the engine; nothing to pump."""


def AsyncQueryWithOrderKey(orderKey, sql, params, callback=None):
    _storage.post('mysql', ['QUERY', _text(sql), _params(params)], _deliver(callback, _mysqlConnection.rows))


def AsyncExecuteWithOrderKey(orderKey, sql, params, callback=None):
    _storage.post('mysql', ['EXECUTE', _text(sql), _params(params)], _deliver(callback, _same))


def AsyncExecutemanyWithOrderKey(orderKey, sql, paramsList, callback=None):
    batch = [_params(p) for p in (paramsList or [])]
    _storage.post('mysql', ['EXECUTEMANY', _text(sql), batch], _deliver(callback, _mysqlConnection.integer))


def AsyncInsertOneWithOrderKey(orderKey, sql, params, callback=None):
    _storage.post('mysql', ['INSERTONE', _text(sql), _params(params)], _deliver(callback, _mysqlConnection.integer))


# The documentation calls these equivalent to the *WithOrderKey forms.
AsyncQuery = AsyncQueryWithOrderKey
AsyncExecute = AsyncExecuteWithOrderKey


def AsyncExecuteFunctionWithOrderKey(func, orderKey, callback, *args, **kwargs):
    """func(conn, *args) runs when the callback is due (a simulated worker thread runs alone), its
    statements answered at once through Storage calls; callback(func's result) right after, or
    callback(None) when func raised (the exception is logged, as the pool logs it)."""
    if not callable(func):
        raise TypeError('func must be callable, not %s' % type(func).__name__)
    name = _storage.name_of(func)

    def run():
        conn = _mysqlConnection.Connection()
        _storage.run_function('mysqlPool', 'AsyncExecuteFunctionWithOrderKey', func, conn, args, callback, conn.finish)

    _sb.post('Storage', ['mysql', ['FUNC', _storage.order_key(orderKey), name], _sb.once_slot(run)])


def _sync(what, command, convert):
    value, error = _storage.ask('mysql', command)
    if error is not None:
        _storage.report('mysqlPool', what, '%s: %s' % (error.get('type'), error.get('message')))
        return None
    return convert(value)


def SyncFetchAll(sql, params):
    """Blocks the caller (as the real one does) and answers the rows, or None on error."""
    return _sync('SyncFetchAll', ['FETCHALL', _text(sql), _params(params)], _mysqlConnection.rows)


def SyncInsert(sql, params):
    """Blocks the caller and answers the new row's id, or None on error."""
    return _sync('SyncInsert', ['INSERT', _text(sql), _params(params)], _mysqlConnection.integer)


_sb.api_module(__name__)
