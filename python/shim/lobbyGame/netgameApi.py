# -*- coding: utf-8 -*-
"""lobbyGame.netgameApi: lobby/game identity, players and transfers. The engine answers identity
and player questions (`call`); transfers are posted and their callback runs later with
(isSuc, reasonCode, message). Names not defined here are recording stubs."""
import _switchboard.api as _sb
import apolloCommon.commonNetgameApi as _common

_query = _sb.query


def GetServerId():
    return _sb.node().server_id


def GetCommonConfig():
    return _query('GetCommonConfig', [], {})


def GetMysqlConfig():
    return _common._mysql_config()


def GetRedisConfig():
    return _common._redis_config()


def GetMongoConfig():
    return _common._mongo_config()


def GetPlayerUid(playerId):
    return _query('GetPlayerUid', [playerId])


def GetPlatformUid(playerId):
    return _query('GetPlayerUid', [playerId])


def GetPlayerIdByUid(uid):
    return _query('GetPlayerIdByUid', [uid], '')


def GetPlayerNickname(playerId):
    return _query('GetPlayerNickname', [playerId], '')


def GetConnectingProxyIdOfPlayer(playerId):
    return _query('GetConnectingProxyIdOfPlayer', [playerId])


def GetOnlinePlayerNum():
    return _query('GetOnlinePlayerNum', [], 0)


def CheckMasterExist():
    return _query('CheckMasterExist', [], False)


def IsServiceConnected(serverId):
    return _query('IsServiceConnected', [serverId], False)


def TransferToOtherServer(playerId, typeName, transferParam='', callback=None):
    _sb.post('TransferToOtherServer', [playerId, typeName, transferParam, _sb.once_slot(callback)])


def TransferToOtherServerById(playerId, serverId, transferParam='', callback=None):
    _sb.post('TransferToOtherServerById', [playerId, serverId, transferParam, _sb.once_slot(callback)])


_sb.api_module(__name__)
