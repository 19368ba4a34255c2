# -*- coding: utf-8 -*-
# The hooks: the documented messaging methods of the system classes (GetServerSystemCls(),
# GetMasterSystemCls(), GetServiceSystemCls()) and masterHttp's functions are replaced, once, by
# wrappers that call the original with the same arguments and write one line. Handlers are wrapped
# when they are registered (ListenForEvent, RegisterRpcMethod*, RegisterMasterHttp, a request's
# callback).
#
# Rules every wrapper keeps:
# - the original runs with the mod's own arguments, except a dict payload to a server, which is a
#   copy carrying one correlation key (core.CORR_KEY); its exceptions reach the mod unchanged;
# - a handler never sees the correlation key: it is removed first, even when recording stopped;
# - a failure inside the recorder calls core.Recorder.fail() and the call goes on unrecorded.
import copy
import sys
import threading
import types

from . import core

KEY = core.CORR_KEY

# Parameters of each call, in documented order: (names it may be passed by, role, key in `to`).
_EVENT = (('eventName', 'event'), 'event')
_DATA = (('eventData', 'args'), 'data')
_CALLBACK = (('callback',), 'callback')
_TIMEOUT = (('timeout',), 'timeout')
CALLS = {
    'NotifyToClient': [(('targetId', 'playerId'), 'to', 'playerId'), _EVENT, _DATA],
    'NotifyToMaster': [_EVENT, _DATA],
    'NotifyToServerNode': [(('targetId', 'serverId'), 'to', 'serverId'), _EVENT, _DATA],
    'BroadcastToServerByType': [(('serverType',), 'to', 'type'), _EVENT, _DATA],
    'NotifyToServiceNode': [(('targetId', 'serverId'), 'to', 'serverId'), _EVENT, _DATA],
    'BroadcastToService': [_EVENT, _DATA],
    'RemoteNotifyToClient': [(('uid',), 'to', 'uid'), (('proxyId',), 'to', 'proxyId'), _EVENT, _DATA],
    'RequestToService': [(('module',), 'to', 'module'), (('event', 'eventName'), 'event'), _DATA, _CALLBACK, _TIMEOUT],
    'RequestToServiceMod': [(('modname',), 'to', 'type'), (('method', 'event'), 'event'), (('args', 'eventData'), 'data'), _CALLBACK, _TIMEOUT],
    'ResponseToServer': [(('serverId',), 'to', 'serverId'), (('callbackId',), 'callbackId'), _DATA],
}
TO_CLIENT = ('NotifyToClient', 'RemoteNotifyToClient')
LISTEN_PARAMS = (('namespace',), ('systemName',), ('eventName',), ('instance',), ('func',), ('priority',))


def _get(a, kw, i, names):
    if i < len(a):
        return True, a[i]
    for n in names:
        if n in kw:
            return True, kw[n]
    return False, None


def _set(a, kw, i, names, value):
    if i < len(a):
        return a[:i] + (value,) + a[i + 1:], kw
    for n in names:
        if n in kw:
            kw = dict(kw)
            kw[n] = value
            return a, kw
    raise ValueError('argument %s not given' % names[0])


def _error(ei):
    try:
        return '%s: %s' % (ei[0].__name__, str(ei[1])[:300])
    except Exception:
        return ei[0].__name__


def _run(r, seq, fn, a, kw):
    """Runs a handler with its line on the stack (so what it sends names it as cause)."""
    r.stack.append(seq)
    try:
        return fn(*a, **kw)
    except Exception:
        ei = sys.exc_info()
        if r.on:
            try:
                r.emit('error', {'error': _error(ei)})
            except Exception:
                r.fail()
        raise ei[0], ei[1], ei[2]
    finally:
        _leave(r)


def _leave(r):
    """Takes a cause off the stack once its code has run, and writes out what is due (never raising)."""
    if r.stack:
        r.stack.pop()
    if r.on:
        try:
            r.maybe_flush()
        except Exception:
            r.fail()


def _like(orig, call):
    """`call` as a method bound to orig's instance when orig is a bound method, so an engine that
    keeps (instance, function) pairs sees the same instance; else `call` itself."""
    owner = getattr(orig, 'im_self', None)
    if owner is None:
        return call

    def method(_self, *a, **kw):
        return call(*a, **kw)
    try:
        method.__name__ = getattr(orig, '__name__', 'handler')
        return types.MethodType(method, owner, type(owner))
    except Exception:
        return call


def _strip(args):
    """Removes the correlation key from a delivered dict; returns it (or None)."""
    if isinstance(args, dict):
        try:
            return args.pop(KEY, None)
        except Exception:
            return None
    return None


def _who(r, system, fields):
    ns, name = r.system_of(system)
    if ns is not None:
        fields['ns'] = ns
        fields['sys'] = name
    return fields


# ---- handlers -------------------------------------------------------------------------------

def listener(func, lns, lsys, event, system):
    def call(*a, **kw):
        args = a[-1] if a else None
        corr = _strip(args)
        r = core.current
        # A local BroadcastEvent runs listeners inside the caller: no message, nothing to record.
        if r is None or not r.on or r.local:
            return func(*a, **kw)
        try:
            fields = _who(r, system, {'event': event, 'from': {'ns': lns, 'sys': lsys}})
            shared = isinstance(args, (dict, list))
            if corr is not None:
                r.last_obj, r.last_corr = (args if shared else None), corr
            elif shared and args is r.last_obj and r.last_corr is not None:
                corr = r.last_corr
            if corr is not None:
                fields['corr'] = corr
            else:
                if not (shared and args is r.last_obj):
                    r.dlv += 1
                    r.last_obj, r.last_corr, r.last_dlv = (args if shared else None), None, r.dlv
                fields['dlv'] = r.last_dlv
            seq = r.emit('handle', fields, args, bool(a))
        except Exception:
            r.fail()
            return func(*a, **kw)
        return _run(r, seq, func, a, kw)
    return _like(func, call)


def rpc_handler(func, api, module, method, system):
    def call(*a, **kw):
        args = a[-1] if len(a) >= 3 else kw.get('args')
        corr = _strip(args)
        r = core.current
        if r is None or not r.on:
            return func(*a, **kw)
        try:
            requester, callback_id = (a[-3], a[-2]) if len(a) >= 3 else (kw.get('serverId'), kw.get('callbackId'))
            fields = _who(r, system, {'api': api, 'event': method, 'requester': requester, 'callbackId': callback_id})
            if module is not None:
                fields['module'] = module
            if corr is not None:
                fields['corr'] = corr
            seq = r.emit('rpc-handle', fields, args, True)
            r.rpc_handles.put((requester, callback_id), seq)
        except Exception:
            r.fail()
            return func(*a, **kw)
        return _run(r, seq, func, a, kw)
    return _like(func, call)


def callback(func, req_seq, system):
    def call(*a, **kw):
        r = core.current
        if r is None or not r.on:
            return func(*a, **kw)
        try:
            suc = a[0] if a else kw.get('suc')
            data = a[1] if len(a) > 1 else kw.get('args', kw.get('data'))
            seq = r.emit('callback', _who(r, system, {'req': req_seq, 'suc': bool(suc)}), data, True)
        except Exception:
            r.fail()
            return func(*a, **kw)
        return _run(r, seq, func, a, kw)
    return _like(func, call)


def http_handler(func, path, system):
    def call(*a, **kw):
        r = core.current
        if r is None or not r.on:
            return func(*a, **kw)
        try:
            client_id, body = (a[-2], a[-1]) if len(a) >= 2 else (kw.get('clientId'), kw.get('requestBody'))
            fields = {'path': path, 'clientId': client_id}
            if system is not None:
                _who(r, system, fields)
            seq = r.emit('http-request', fields, body, True)
            r.http_requests.put(client_id, (seq, path))
        except Exception:
            r.fail()
            return func(*a, **kw)
        return _run(r, seq, func, a, kw)
    return _like(func, call)


# ---- calls ----------------------------------------------------------------------------------

def _prepare(r, system, name, spec, kind, reserved, a, kw):
    fields = _who(r, system, {'api': name})
    to = {}
    data, has_data, data_at, cb_at = None, False, None, None
    for i, p in enumerate(spec):
        present, value = _get(a, kw, i, p[0])
        role = p[1]
        if role == 'to':
            if present:
                to[p[2]] = value
        elif role == 'event':
            if present:
                fields['event'] = value
        elif role == 'data':
            if present:
                data, has_data, data_at = value, True, (i, p[0])
        elif role == 'callback':
            cb_at = (i, p[0], value if present else None)
        elif role == 'timeout':
            fields['timeout'] = value if present else 2
        elif role == 'callbackId':
            fields['callbackId'] = value
    fields['to'] = to
    if kind == 'rpc-request':
        cb = cb_at[2] if cb_at else None
        fields['callback'] = cb is not None
        if cb is not None:
            a, kw = _set(a, kw, cb_at[0], cb_at[1], callback(cb, reserved[0], system))
    elif kind == 'rpc-response':
        handle = r.rpc_handles.get((to.get('serverId'), fields.get('callbackId')))
        if handle is not None:
            fields['handle'] = handle
    if r.correlate and kind != 'rpc-response' and name not in TO_CLIENT and isinstance(data, dict):
        corr = r.corr(reserved[0])
        marked = copy.copy(data)
        marked[KEY] = corr
        fields['corr'] = corr
        a, kw = _set(a, kw, data_at[0], data_at[1], marked)
    return fields, data, has_data, a, kw


def _finish(r, reserved, kind, fields, data, has_data, ei):
    if not r.on:
        return
    try:
        if ei is not None:
            fields['error'] = _error(ei)
        r.fill(reserved, kind, fields, data, has_data)
    except Exception:
        r.fail()


def wrap_call(orig, name):
    spec = CALLS[name]
    kind = 'rpc-request' if name.startswith('Request') else 'rpc-response' if name == 'ResponseToServer' else 'send'

    def method(self, *a, **kw):
        r = core.current
        if r is None or not r.on:
            return orig(self, *a, **kw)
        try:
            reserved = r.reserve()
            fields, data, has_data, a2, kw2 = _prepare(r, self, name, spec, kind, reserved, a, kw)
        except Exception:
            r.fail()
            return orig(self, *a, **kw)
        try:
            result = orig(self, *a2, **kw2)
        except Exception:
            ei = sys.exc_info()
            _finish(r, reserved, kind, fields, data, has_data, ei)
            raise ei[0], ei[1], ei[2]
        _finish(r, reserved, kind, fields, data, has_data, None)
        return result
    return method


def _listen_key(system, a, kw):
    values = [_get(a, kw, i, names)[1] for i, names in enumerate(LISTEN_PARAMS[:5])]
    key = (id(system), values[0], values[1], values[2], id(values[3]), values[4])
    hash(key)  # an unhashable func cannot be found again at UnListenForEvent: it stays unwrapped
    return key, values


def wrap_listen(orig):
    def ListenForEvent(self, *a, **kw):
        r = core.current
        try:
            key, v = _listen_key(self, a, kw)
            # The same handler listened to twice stays one handler (the engine dedupes by function).
            wrapped = r.listeners.get(key) or listener(v[4], v[0], v[1], v[2], self)
            a2, kw2 = _set(a, kw, 4, LISTEN_PARAMS[4], wrapped)
        except Exception:
            return orig(self, *a, **kw)
        result = orig(self, *a2, **kw2)
        try:
            r.listeners[key] = wrapped
            if r.on:
                priority = _get(a, kw, 5, LISTEN_PARAMS[5])
                listen = {'ns': v[0], 'sys': v[1], 'event': v[2], 'priority': priority[1] if priority[0] else 0}
                r.emit('register', _who(r, self, {'api': 'ListenForEvent', 'listen': listen}))
        except Exception:
            r.fail()
        return result
    return ListenForEvent


def wrap_unlisten(orig):
    def UnListenForEvent(self, *a, **kw):
        r = core.current
        key, wrapped = None, None
        try:
            key, v = _listen_key(self, a, kw)
            wrapped = r.listeners.get(key)
            a2, kw2 = _set(a, kw, 4, LISTEN_PARAMS[4], wrapped) if wrapped is not None else (a, kw)
        except Exception:
            a2, kw2 = a, kw
        result = orig(self, *a2, **kw2)
        if wrapped is not None:
            try:
                r.listeners.pop(key, None)
                if r.on:
                    r.emit('register', _who(r, self, {'api': 'UnListenForEvent', 'listen': {'ns': v[0], 'sys': v[1], 'event': v[2]}}))
            except Exception:
                r.fail()
        return result
    return UnListenForEvent


def wrap_register_rpc(orig, api):
    # RegisterRpcMethod(module, event, func) / RegisterRpcMethodForMod(method, func): the argument
    # order of the reference's examples.
    func_at = 2 if api == 'RegisterRpcMethod' else 1

    def register(self, *a, **kw):
        r = core.current
        try:
            module = _get(a, kw, 0, ('module',))[1] if api == 'RegisterRpcMethod' else None
            method = _get(a, kw, func_at - 1, ('event', 'method'))[1]
            present, func = _get(a, kw, func_at, ('func',))
            a2, kw2 = _set(a, kw, func_at, ('func',), rpc_handler(func, api, module, method, self))
        except Exception:
            return orig(self, *a, **kw)
        result = orig(self, *a2, **kw2)
        if r.on:
            try:
                fields = _who(r, self, {'api': api, 'method': method})
                if module is not None:
                    fields['module'] = module
                r.emit('register', fields)
            except Exception:
                r.fail()
        return result
    return register


def wrap_local_broadcast(orig):
    """BroadcastEvent: the server's own listeners, at once (not a message between servers)."""
    def BroadcastEvent(self, *a, **kw):
        r = core.current
        if r is None:
            return orig(self, *a, **kw)
        r.local += 1
        try:
            return orig(self, *a, **kw)
        finally:
            r.local -= 1
    return BroadcastEvent


def wrap_init(orig):
    def __init__(self, *a, **kw):
        orig(self, *a, **kw)
        r = core.current
        try:
            ns = _get(a, kw, 0, ('namespace',))[1]
            name = _get(a, kw, 1, ('systemName',))[1]
            r.remember_system(self, ns, name)
        except Exception:
            pass
    return __init__


def wrap_http_register(orig):
    def RegisterMasterHttp(*a, **kw):
        r = core.current
        try:
            path = _get(a, kw, 0, ('path',))[1]
            if 'func' in kw:
                instance = kw.get('instance', a[1] if len(a) > 1 else None)
                a2, kw2 = a, dict(kw, func=http_handler(kw['func'], path, instance))
            else:
                instance = a[1] if len(a) > 2 else None
                a2, kw2 = a[:-1] + (http_handler(a[-1], path, instance),), kw
        except Exception:
            return orig(*a, **kw)
        result = orig(*a2, **kw2)
        if r.on:
            try:
                r.emit('register', _who(r, instance, {'api': 'RegisterMasterHttp', 'path': path}) if instance is not None else {'api': 'RegisterMasterHttp', 'path': path})
            except Exception:
                r.fail()
        return result
    return RegisterMasterHttp


def wrap_http_respond(orig):
    def SendHttpResponse(*a, **kw):
        result = orig(*a, **kw)
        r = core.current
        if r is not None and r.on:
            try:
                client_id = _get(a, kw, 0, ('clientId',))[1]
                present, body = _get(a, kw, 1, ('body', 'responseBody'))
                fields = {'clientId': client_id}
                known = r.http_requests.get(client_id)
                if known is not None:
                    fields['req'], fields['path'] = known
                r.emit('http-response', fields, body, present)
            except Exception:
                r.fail()
        return result
    return SendHttpResponse


# ---- causes through deferred callbacks ------------------------------------------------------
#
# A timer, a database query or a transfer started inside a handler calls back later; what that
# callback sends was caused by the handler (the engine counts it so too). Callbacks given to these
# functions are wrapped to run with the handler's line as cause. Nothing is written for it. Only
# on the thread that loaded the mods: a pool may run a query function on a worker thread.

CARRY = (
    ('apolloCommon.commonNetgameApi', ('AddTimer', 'AddRepeatedTimer', 'GetOnlineServerInfoOfPlayer', 'GetOnlineServerInfoOfMultiPlayers')),
    ('apolloCommon.redisPool', None),  # None: every public function of the module
    ('apolloCommon.mysqlPool', None),
    ('apolloCommon.mongoPool', None),
    ('lobbyGame.netgameApi', ('TransferToOtherServer', 'TransferToOtherServerById')),
)
_MAIN = [None]


def _carried(fn, cause):
    def call(*a, **kw):
        r = core.current
        if r is None or not r.on or threading.current_thread() is not _MAIN[0]:
            return fn(*a, **kw)
        r.stack.append(cause)
        try:
            return fn(*a, **kw)
        finally:
            _leave(r)
    return call


def wrap_carry(orig):
    def carry(*a, **kw):
        r = core.current
        if r is None or not r.on or not r.stack:
            return orig(*a, **kw)
        try:
            cause = r.stack[-1]
            a = tuple(_carried(x, cause) if isinstance(x, (types.FunctionType, types.MethodType)) else x for x in a)
            kw = dict((k, _carried(v, cause) if isinstance(v, (types.FunctionType, types.MethodType)) else v) for k, v in kw.items())
        except Exception:
            r.fail()
        return orig(*a, **kw)
    return carry


def install_carry(module, names):
    """Wraps the named functions of `module` (all its public functions when names is None)."""
    if _MAIN[0] is None:
        _MAIN[0] = threading.current_thread()
    done = []
    own = module.__dict__
    for name in sorted(own) if names is None else names:
        orig = own.get(name)
        if name.startswith('_') or not isinstance(orig, types.FunctionType) or getattr(orig, '_sbrec', False):
            continue
        setattr(module, name, _mark(wrap_carry(orig), orig))
        done.append(name)
    return done


# ---- installing -----------------------------------------------------------------------------

def _mark(fn, orig):
    fn._sbrec = True
    try:
        fn.__doc__ = getattr(orig, '__doc__', None)
    except Exception:
        pass
    return fn


def install_class(cls):
    """Wraps the messaging methods cls has (own or inherited). Returns the names wrapped."""
    done = []
    plan = [(n, lambda o, n=n: wrap_call(o, n)) for n in sorted(CALLS)]
    plan += [('ListenForEvent', wrap_listen), ('UnListenForEvent', wrap_unlisten),
             ('RegisterRpcMethod', lambda o: wrap_register_rpc(o, 'RegisterRpcMethod')),
             ('RegisterRpcMethodForMod', lambda o: wrap_register_rpc(o, 'RegisterRpcMethodForMod')),
             ('BroadcastEvent', wrap_local_broadcast),
             ('__init__', wrap_init)]
    for name, make in plan:
        orig = getattr(cls, name, None)
        if orig is None or getattr(orig, '_sbrec', False):
            continue
        if name == '__init__' and getattr(orig, 'im_func', None) is None:
            continue  # object.__init__ and other C slots: systems then go without ns/sys
        setattr(cls, name, _mark(make(orig), orig))
        done.append(name)
    return done


def install_http(module):
    done = []
    for name, make in (('RegisterMasterHttp', wrap_http_register), ('SendHttpResponse', wrap_http_respond)):
        orig = getattr(module, name, None)
        if orig is None or getattr(orig, '_sbrec', False):
            continue
        setattr(module, name, _mark(make(orig), orig))
        done.append(name)
    return done
