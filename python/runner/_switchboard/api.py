# -*- coding: utf-8 -*-
"""What the shim modules (python/shim) use of the runner. The storage fakes (apolloCommon.redisPool,
apolloCommon.mysqlPool) use it the same way: post('Storage', [store, command, once_slot(cb)])."""
import os

from _switchboard import handlers, loader, messages, state, stubs, systems

Stub = stubs.Stub
stub_function = stubs.function
api_module = stubs.api_module
neutral = stubs.neutral
CallError = messages.CallError

register_system = systems.register_system
get_system = systems.get_system
bind_system = systems.bind
post_from = systems.post_from
listen = systems.listen
unlisten = systems.unlisten
unlisten_all = systems.unlisten_all
broadcast_event = systems.broadcast_event

ENGINE_NAMESPACE = 'Minecraft'
ENGINE_SYSTEM = 'Engine'
# GetLevelId(): the world is not simulated; one constant id stands for it [decision].
LEVEL_ID = '-1'


def node():
    """The node whose code is running."""
    return state.node()


def stub(name):
    """Report one use of something not simulated (once per node) and count it."""
    messages.stub(name)


def post(api, args):
    """A module-level API call (no system): `sys` 0."""
    messages.post(state.node(), api, args, 0)


def call(api, args):
    """Ask the engine (PROTOCOL.md `call`); raises CallError when it does not know `api`."""
    return messages.call(state.node(), api, args, 0)


def query(api, args, default=None):
    """call() for identity and state the engine owns; an API the engine does not answer is
    reported as a stub (and its error logged) and gives `default`."""
    try:
        return messages.call(state.node(), api, args, 0)
    except messages.CallError as e:
        messages.stub(api)
        messages.log('stderr', '[switchboard] %s: %s' % (api, e))
        return default


def lasting_slot(fn, instance=None, what='func'):
    """{"$h": N} for a handler the engine may run many times (listener, RPC method, HTTP route)."""
    return {'$h': handlers.lasting(fn, instance, None, what)}


def once_slot(fn, instance=None, what='callback'):
    """{"$h": N} for a callback the engine runs once; None stays None (no callback)."""
    if fn is None:
        return None
    return {'$h': handlers.once(fn, instance, None, what)}


class Timer(object):
    """What AddTimer / AddRepeatedTimer return; CancelTimer takes it back."""
    __slots__ = ('_sbId', 'repeat')

    def __init__(self, hid, repeat):
        self._sbId = hid
        self.repeat = repeat

    def __repr__(self):
        return '<timer %d%s>' % (self._sbId, ' repeated' if self.repeat else '')


def add_timer(delay, fn, args, kwargs, repeat):
    node = state.node()
    hid = handlers.timer(fn, args, kwargs, repeat, node)
    messages.post(node, 'AddTimer', [hid, delay, bool(repeat)], 0)
    return Timer(hid, repeat)


def cancel_timer(timer):
    hid = timer._sbId if isinstance(timer, Timer) else timer
    h = handlers.get(hid)
    if h is None or h.kind != handlers.TIMER:
        return
    handlers.forget(hid)
    messages.post(h.node, 'CancelTimer', [hid], 0)


class GameComp(Stub):
    """GetEngineCompFactory().CreateGame(levelId): its timers run on the virtual clock; the rest of
    the game component (game rules, weather, ...) is a recording stub."""
    __slots__ = ()

    def AddTimer(self, delay, func, *args, **kwargs):
        return add_timer(delay, func, args, kwargs, False)

    def AddRepeatedTimer(self, delay, func, *args, **kwargs):
        return add_timer(delay, func, args, kwargs, True)

    def CancelTimer(self, timer):
        if timer is not None:
            cancel_timer(timer)


class CompFactory(Stub):
    """GetEngineCompFactory(): every component is a recording stub, but CreateGame's timers work."""
    __slots__ = ()

    def CreateGame(self, entityId=None):
        return GameComp(self._sb_name + '.CreateGame()')


def comp_factory():
    return CompFactory('GetEngineCompFactory()')


def later(fn, *args):
    """Run fn(*args) after the current command, at the same virtual time (an asynchronous answer)."""
    return add_timer(0, fn, args, None, False)


def log(stream, text):
    if isinstance(text, unicode):
        text = text.encode('utf-8')
    for line in text.split('\n'):
        messages.log(stream, line)


def declared_binding(cls):
    loader.declared.append(cls)


def _mod_by_script(script):
    n = state.current()
    if n is None:
        return None
    for mod in n.mods:
        if mod.get('script') == script:
            return mod
    return None


def mod_json(script):
    mod = _mod_by_script(script)
    if mod is None:
        return None
    data = mod.get('modJson')
    return {} if data is None else _copy(data)


def mod_script_dir(script):
    mod = _mod_by_script(script)
    if mod is None:
        return None
    return os.path.join(os.path.abspath(mod['dir']), script)


def _copy(o):
    if isinstance(o, dict):
        return dict((k, _copy(v)) for k, v in o.iteritems())
    if isinstance(o, list):
        return [_copy(v) for v in o]
    return o
