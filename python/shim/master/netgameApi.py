# -*- coding: utf-8 -*-
"""master.netgameApi: the master's view of the network (config, players, server types).
Names not defined here (BanUser, SetLoginStratege, ...) are recording stubs."""
import _switchboard.api as _sb

_query = _sb.query


def GetCommonConfig():
    return _query('GetCommonConfig', [], {})


def GetServerIdByUid(uid):
    return _query('GetServerIdByUid', [uid])


def GetOnlineUidList():
    return _query('GetOnlineUidList', [], [])


def GetGameTypeByServerId(serverId):
    return _query('GetGameTypeByServerId', [serverId])


def GetServerIdsByGameType(gameType):
    return _query('GetServerIdsByGameType', [gameType], [])


def IsService(serverId):
    return _query('IsService', [serverId], False)


def GetServerLoadedModsById(serverId):
    return _query('GetServerLoadedModsById', [serverId], [])


def GetServerLoadedModsByType(serverType):
    return _query('GetServerLoadedModsByType', [serverType], [])


_sb.api_module(__name__)
