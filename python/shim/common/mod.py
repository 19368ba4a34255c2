# -*- coding: utf-8 -*-
"""common.mod.Mod: the decorators modMain.py uses. @Mod.Binding(name=..., version=...) declares the
mod's class (the runner instantiates it); @Mod.InitServer() / InitMaster / InitService / InitClient
mark what the runner calls on a node of that kind, @Mod.Destroy*() what it calls when the node stops."""
import _switchboard.api as _sb

_order = [0]


def _hook(kind):
    def mark(func):
        marks = getattr(func, '_sbHooks', None)
        if marks is None:
            marks = func._sbHooks = set()
            _order[0] += 1
            func._sbOrder = _order[0]
        marks.add(kind)
        return func
    return mark


class Mod(object):
    @staticmethod
    def Binding(name, version=None):
        def bind(cls):
            cls._sbModName = name
            cls._sbModVersion = version
            _sb.declared_binding(cls)
            return cls
        return bind

    @staticmethod
    def InitServer():
        return _hook('InitServer')

    @staticmethod
    def DestroyServer():
        return _hook('DestroyServer')

    @staticmethod
    def InitClient():
        return _hook('InitClient')

    @staticmethod
    def DestroyClient():
        return _hook('DestroyClient')

    @staticmethod
    def InitMaster():
        return _hook('InitMaster')

    @staticmethod
    def DestroyMaster():
        return _hook('DestroyMaster')

    @staticmethod
    def InitService():
        return _hook('InitService')

    @staticmethod
    def DestroyService():
        return _hook('DestroyService')
