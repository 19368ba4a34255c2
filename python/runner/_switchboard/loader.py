# -*- coding: utf-8 -*-
"""Loading mods the way Apollo does: each mod's folder on sys.path, `<script>.modMain` imported,
every @Mod.Binding class it declares instantiated, then its @Mod.Init<Kind> methods called.
A mod that fails (an ImportError, an exception in its Init) is that mod's error; the others load."""
import os
import sys

from _switchboard import calls, state

# Filled by common.mod.Mod.Binding while a modMain is imported.
declared = []
# Folder -> number of loaded nodes using it (the clients' process shares mods between nodes).
_dir_users = {}
# modMain module name -> the Binding classes its import declared (a second node loading the same
# mod in this process gets its own instances of them; the module is imported once).
_bindings_of = {}

KIND_HOOK = {'lobby': 'Server', 'game': 'Server', 'master': 'Master', 'service': 'Service', 'client': 'Client'}


def _add_dir(path):
    n = _dir_users.get(path, 0)
    _dir_users[path] = n + 1
    if n == 0 and path not in sys.path:
        # After the shim and the runner (Apollo's names win, as in the engine), before the stdlib.
        at = 2
        while at < len(sys.path) and sys.path[at] in _dir_users:
            at += 1
        sys.path.insert(at, path)


def _drop_dir(path):
    n = _dir_users.get(path, 0) - 1
    if n > 0:
        _dir_users[path] = n
        return
    _dir_users.pop(path, None)
    if path in sys.path:
        sys.path.remove(path)
    prefix = os.path.join(path, '')
    for name, module in list(sys.modules.items()):
        f = getattr(module, '__file__', None)
        if f and os.path.abspath(f).startswith(prefix):
            del sys.modules[name]
            _bindings_of.pop(name, None)


def hooks_of(cls, hook):
    """Methods of a Binding class marked with @Mod.<hook>() in the order they were declared."""
    found = []
    seen = set()
    for klass in getattr(cls, '__mro__', (cls,)):
        for name, value in vars(klass).items():
            if name in seen:
                continue
            func = getattr(value, '__func__', value)
            marks = getattr(func, '_sbHooks', None)
            if marks and hook in marks:
                seen.add(name)
                found.append((getattr(func, '_sbOrder', 0), name))
    found.sort()
    return [name for _, name in found]


def load(node, mods):
    fr = state.frame()
    kind_hook = KIND_HOOK.get(node.kind)
    loaded = []
    for mod in mods:
        name = mod.get('name') or mod.get('script')
        fr.mod = name
        try:
            _add_dir(os.path.abspath(mod['dir']))
            node.mods.append(mod)
            main = mod['script'] + '.modMain'
            if main in sys.modules and main in _bindings_of:
                classes = _bindings_of[main]
            else:
                del declared[:]
                module = calls.run_user(_import, (main,), None, False)
                classes = list(declared)
                del declared[:]
                if module is None:
                    continue
                _bindings_of[main] = classes
            for cls in classes:
                instance = calls.run_user(cls)
                if instance is not None:
                    node.bindings.append((name, instance))
                    loaded.append((name, instance))
        finally:
            fr.mod = None
    if kind_hook is None:
        return
    for name, instance in loaded:
        fr.mod = name
        try:
            for method in hooks_of(type(instance), 'Init' + kind_hook):
                calls.run_user(getattr(instance, method))
        finally:
            fr.mod = None


def unload(node):
    fr = state.frame()
    kind_hook = KIND_HOOK.get(node.kind)
    if kind_hook is not None:
        for name, instance in node.bindings:
            fr.mod = name
            try:
                for method in hooks_of(type(instance), 'Destroy' + kind_hook):
                    calls.run_user(getattr(instance, method))
            finally:
                fr.mod = None


def release_dirs(node):
    for mod in node.mods:
        _drop_dir(os.path.abspath(mod['dir']))


def _import(name):
    __import__(name)
    return sys.modules[name]
