# -*- coding: utf-8 -*-
"""server.extraServiceApi: a functional service's entry point (GetServiceSystemCls, RegisterSystem, GetSystem)."""
import _switchboard.api as _sb
from server.system.serviceSystem import ServiceSystem


def GetServiceSystemCls():
    return ServiceSystem


def RegisterSystem(nameSpace, systemName, clsPath):
    return _sb.register_system(nameSpace, systemName, clsPath)


def GetSystem(nameSpace, systemName):
    return _sb.get_system(nameSpace, systemName)


def GetEngineNamespace():
    return _sb.ENGINE_NAMESPACE


def GetEngineSystemName():
    return _sb.ENGINE_SYSTEM


_sb.api_module(__name__)
