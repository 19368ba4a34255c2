# -*- coding: utf-8 -*-
"""server.extraServerApi (also mod.server.extraServerApi): lobby/game servers' ModSDK entry point.
Simulated: the system class, RegisterSystem/GetSystem, engine event identity, GetPlayerList, GetLevelId.
Every other name (GetEngineCompFactory(), GetMinecraftEnum(), ...) is a recording stub."""
import importlib

import _switchboard.api as _sb
from server.system.serverSystem import ServerSystem


def GetServerSystemCls():
    return ServerSystem


def RegisterSystem(nameSpace, systemName, clsPath):
    return _sb.register_system(nameSpace, systemName, clsPath)


def GetSystem(nameSpace, systemName):
    return _sb.get_system(nameSpace, systemName)


def GetEngineNamespace():
    return _sb.ENGINE_NAMESPACE


def GetEngineSystemName():
    return _sb.ENGINE_SYSTEM


def GetPlayerList():
    return _sb.query('GetPlayerList', [], [])


def GetLevelId():
    return _sb.LEVEL_ID


def GetEngineCompFactory():
    """Components are stubs; CreateGame(levelId).AddTimer / AddRepeatedTimer / CancelTimer work."""
    return _sb.comp_factory()


def GetMinecraftEnum():
    return _sb.Stub('GetMinecraftEnum()')


def ImportModule(path):
    return importlib.import_module(path)


_sb.api_module(__name__)
