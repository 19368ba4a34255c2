# -*- coding: utf-8 -*-
"""client.extraClientApi (also mod.client.extraClientApi): a client's ModSDK entry point.
Simulated: the system class, RegisterSystem/GetSystem, engine event identity, GetLocalPlayerId.
Everything else (UI, camera, GetEngineCompFactory(), ...) is a recording stub."""
import importlib

import _switchboard.api as _sb
from client.system.clientSystem import ClientSystem


def GetClientSystemCls():
    return ClientSystem


def RegisterSystem(nameSpace, systemName, clsPath):
    return _sb.register_system(nameSpace, systemName, clsPath)


def GetSystem(nameSpace, systemName):
    return _sb.get_system(nameSpace, systemName)


def GetEngineNamespace():
    return _sb.ENGINE_NAMESPACE


def GetEngineSystemName():
    return _sb.ENGINE_SYSTEM


def GetLocalPlayerId():
    """This client's playerId on the server it is on now (a new one after each transfer)."""
    return _sb.query('GetLocalPlayerId', [], _sb.node().player_id)


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
