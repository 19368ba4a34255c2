# -*- coding: utf-8 -*-
"""server.extraMasterApi: the master's entry point (GetMasterSystemCls, RegisterSystem, GetSystem)."""
import _switchboard.api as _sb
from server.system.masterSystem import MasterSystem


def GetMasterSystemCls():
    return MasterSystem


def RegisterSystem(nameSpace, systemName, clsPath):
    return _sb.register_system(nameSpace, systemName, clsPath)


def GetSystem(nameSpace, systemName):
    return _sb.get_system(nameSpace, systemName)


def GetEngineNamespace():
    return _sb.ENGINE_NAMESPACE


def GetEngineSystemName():
    return _sb.ENGINE_SYSTEM


_sb.api_module(__name__)
