# -*- coding: utf-8 -*-
"""Handler ids: every callable passed where the engine will later run code (a listener, an RPC
method, an HTTP route, a callback, a timer) gets a number unique in the process, {"$h": N}.
Lasting handlers (listeners, RPC methods, routes) keep one id per (object, function), so
UnListenForEvent names the id ListenForEvent used; one-shot handlers (callbacks, timers) get a
fresh id each time and are forgotten once they ran, so per-call lambdas do not pile up."""
from _switchboard import state

ONCE = 1
LASTING = 2
TIMER = 3

_handlers = {}
_keys = {}
_next = [0]


class Handler(object):
    __slots__ = ('hid', 'node', 'fn', 'call', 'kind', 'key', 'args', 'kwargs', 'repeat')

    def __init__(self, hid, node, fn, call, kind, key):
        self.hid = hid
        self.node = node
        self.fn = fn
        self.call = call
        self.kind = kind
        self.key = key
        self.args = ()
        self.kwargs = None
        self.repeat = False


def _bind(fn, instance):
    """How the engine's later call reaches the function: bound methods and plain functions are
    called as they are; an unbound method (or a plain function) given with an instance is called
    with the instance first when it is a method of the instance's class."""
    if instance is not None and getattr(fn, 'im_func', None) is not None and fn.im_self is None:
        func = fn

        def call(*args):
            return func(instance, *args)
        return call
    return fn


def _key(node, fn, instance):
    func = getattr(fn, 'im_func', None)
    if func is not None:
        owner = fn.im_self if fn.im_self is not None else instance
        return (node.id, id(owner), func)
    return (node.id, id(fn), None)


def _new_id():
    _next[0] += 1
    return _next[0]


def _check(fn, what):
    if not callable(fn):
        raise TypeError('%s must be callable, not %s' % (what, type(fn).__name__))


def lasting(fn, instance=None, node=None, what='func'):
    _check(fn, what)
    if node is None:
        node = state.node()
    key = _key(node, fn, instance)
    hid = _keys.get(key)
    if hid is not None and hid in _handlers:
        return hid
    hid = _new_id()
    _handlers[hid] = Handler(hid, node, fn, _bind(fn, instance), LASTING, key)
    _keys[key] = hid
    node.handler_ids.add(hid)
    return hid


def find_lasting(fn, instance=None, node=None):
    if node is None:
        node = state.node()
    hid = _keys.get(_key(node, fn, instance))
    return hid if hid in _handlers else None


def once(fn, instance=None, node=None, what='callback'):
    _check(fn, what)
    if node is None:
        node = state.node()
    hid = _new_id()
    _handlers[hid] = Handler(hid, node, fn, _bind(fn, instance), ONCE, None)
    node.handler_ids.add(hid)
    return hid


def timer(fn, args, kwargs, repeat, node=None):
    _check(fn, 'func')
    if node is None:
        node = state.node()
    hid = _new_id()
    h = Handler(hid, node, fn, fn, TIMER, None)
    h.args = args
    h.kwargs = kwargs or None
    h.repeat = repeat
    _handlers[hid] = h
    node.handler_ids.add(hid)
    return hid


def get(hid):
    return _handlers.get(hid)


def forget(hid):
    h = _handlers.pop(hid, None)
    if h is None:
        return None
    if h.key is not None and _keys.get(h.key) == hid:
        del _keys[h.key]
    h.node.handler_ids.discard(hid)
    return h


def take_for_call(hid):
    """The handler to run for an `invoke`; one-shot ones are forgotten before they run."""
    h = _handlers.get(hid)
    if h is None:
        return None
    if h.kind == ONCE or (h.kind == TIMER and not h.repeat):
        forget(hid)
    return h


def forget_node(node):
    for hid in list(node.handler_ids):
        forget(hid)
