# -*- coding: utf-8 -*-
"""Recording stubs for what the simulation does not model (the world: components, blocks, items,
entities, UI). Any attribute, index, call or iteration works; each call is reported (`stub`) and
counted under its dotted name, and returns a neutral value chosen by the called name (neutral())."""
import types

from _switchboard import messages, wire

_record = messages.stub

_FALSE_PREFIXES = ('Is', 'Has', 'Can', 'Check')
_TRUE_PREFIXES = ('Set', 'Add', 'Remove', 'Del', 'Delete', 'Destroy', 'Spawn', 'Change', 'Register',
                  'UnRegister', 'Unregister', 'Bind', 'UnBind', 'Play', 'Stop', 'Start', 'Reset', 'Clear',
                  'Enable', 'Disable', 'Hide', 'Show', 'Open', 'Close', 'Kick', 'Ban', 'UnBan', 'Silent',
                  'UnSilent', 'Teleport', 'Update', 'Apply', 'Give', 'Kill')
_ZERO_SUFFIXES = ('Num', 'Count', 'Time', 'Size')


def _last(name):
    last = name.rsplit('.', 1)[-1]
    return last[:-2] if last.endswith('()') else last


def neutral(name):
    """What a stubbed call returns, from the name called: Is*/Has*/Can*/Check* -> False; Set*, Add*,
    Remove*, Destroy*, ... (an action that reports success) -> True; *Num/*Count -> 0; anything else
    (Create*, Get*, ...) -> another stub, which is falsy, empty, indexable and callable."""
    last = _last(name)
    if last.endswith('Cls') and last.startswith('Get'):
        return stub_class(name)
    if last.startswith(_FALSE_PREFIXES):
        return False
    if last.endswith(_ZERO_SUFFIXES):
        return 0
    if last.startswith(_TRUE_PREFIXES):
        return True
    return Stub(name + '()')


def _zero(self, *other):
    return 0


def _false(self, *other):
    return False


class Stub(object):
    __slots__ = ('_sb_name',)

    def __init__(self, name):
        object.__setattr__(self, '_sb_name', name)

    def __getattr__(self, attr):
        if attr[:2] == '__':
            raise AttributeError(attr)
        return Stub(self._sb_name + '.' + attr)

    def __setattr__(self, attr, value):
        _record(self._sb_name + '.' + attr + '=')

    def __delattr__(self, attr):
        pass

    def __call__(self, *args, **kwargs):
        name = self._sb_name
        _record(name)
        return neutral(name)

    def __getitem__(self, key):
        return Stub(self._sb_name + '[]')

    def __setitem__(self, key, value):
        _record(self._sb_name + '[]=')

    def __delitem__(self, key):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __nonzero__(self):
        return False

    def __contains__(self, item):
        return False

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    __hash__ = object.__hash__

    def __int__(self):
        return 0

    __long__ = __index__ = __int__

    def __float__(self):
        return 0.0

    def __repr__(self):
        return '<switchboard stub %s>' % self._sb_name

    __str__ = __repr__

    def __unicode__(self):
        return unicode(repr(self))

    def __enter__(self):
        return self

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __exit__(self, *exc):
        return False

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __div__ = __rdiv__ = _zero
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _zero
    __neg__ = __pos__ = __abs__ = _zero
    __lt__ = __le__ = __gt__ = __ge__ = _false


class StubInstance(object):
    """Base of the classes Get*Cls() stubs return (GetScreenNodeCls, GetComponentCls, ...): mods
    subclass them; constructing one takes any arguments, and what the subclass does not define is a
    recording stub named `<Class>.<name>` (ScreenNode.GetBaseUIControl)."""
    _sbName = 'stub'

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, attr):
        if attr[:2] == '__':
            raise AttributeError(attr)
        return Stub(self._sbName + '.' + attr)


_classes = {}


def stub_class(name):
    """The same class for every call of one Get*Cls() (isinstance and subclassing stay consistent)."""
    key = _last(name)
    cls = _classes.get(key)
    if cls is None:
        short = key[3:-3] or key
        cls = _classes[key] = type(short, (StubInstance,), {'_sbName': short})
    return cls


wire.STUB_TYPES = (Stub,)


def function(name):
    """A module-level function that is a stub (reported under `name` when called)."""
    def stubbed(*args, **kwargs):
        _record(name)
        return neutral(name)
    stubbed.__name__ = name.rsplit('.', 1)[-1]
    return stubbed


class ApiModule(types.ModuleType):
    """A shim module: what it defines is simulated; any other public name is a recording stub
    (`lobbyGame.netgameApi.SetCityMode(True)` works and is reported). `_lazy` maps names to
    functions computed on each read (module constants the engine owns, e.g. masterConf.netgameConf)."""

    def __getattr__(self, name):
        if name[:1] == '_':
            raise AttributeError(name)
        lazy = self.__dict__.get('_lazy')
        if lazy and name in lazy:
            return lazy[name]()
        return Stub(self.__name__ + '.' + name)


def api_module(name, lazy=None):
    """Turn the module being executed into an ApiModule (call at the end of a shim module)."""
    import sys
    old = sys.modules[name]
    new = ApiModule(name)
    new.__dict__.update(old.__dict__)
    new.__dict__['_sb_original'] = old  # keeps the functions' globals alive (Python 2 clears them)
    if lazy:
        new.__dict__['_lazy'] = lazy
    sys.modules[name] = new
    return new
