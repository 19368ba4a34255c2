# -*- coding: utf-8 -*-
"""Import hooks: `mod.X` and `netgame.X` are the same module objects as `X` (real mods import
`mod.server.extraServerApi`, `netgame.apolloCommon.commonNetgameApi`, ...), and `uuid` gets its
seeded uuid1/uuid4 the first time a mod imports it."""
import imp
import sys

PREFIXES = ('mod', 'netgame')


class AliasFinder(object):
    def __init__(self, on_uuid):
        self._on_uuid = on_uuid
        self._in_uuid = False

    def find_module(self, fullname, path=None):
        head = fullname.split('.', 1)[0]
        if head in PREFIXES:
            return self
        if fullname == 'uuid' and not self._in_uuid:
            return self
        return None

    def load_module(self, fullname):
        if fullname in sys.modules:
            return sys.modules[fullname]
        if fullname == 'uuid':
            self._in_uuid = True
            try:
                __import__('uuid')
            finally:
                self._in_uuid = False
            module = sys.modules['uuid']
            self._on_uuid(module)
            return module
        parts = fullname.split('.', 1)
        if len(parts) == 1:
            module = imp.new_module(fullname)
            module.__path__ = []
            module.__file__ = '<switchboard alias of the Apollo modules>'
            module.__loader__ = self
            sys.modules[fullname] = module
            return module
        target = parts[1]
        __import__(target)
        module = sys.modules[target]
        sys.modules[fullname] = module
        return module


def install(on_uuid):
    sys.meta_path.insert(0, AliasFinder(on_uuid))
