# -*- coding: utf-8 -*-
"""master.serverManager: which lobby/game/proxy servers are up and how many players they hold.
Status codes as documented: 2 = connected (serving), 1 = disconnected. Names not defined here
(ResetServer, RollingUpdateServers, StopServerByServerid, ...) are recording stubs."""
import _switchboard.api as _sb

_query = _sb.query


def _int_keys(d):
    return dict((int(k), v) for k, v in (d or {}).iteritems())


def GetConnectedLobbyAndGameIds():
    return _query('GetConnectedLobbyAndGameIds', [], [])


def GetOnlineNumByServerId(serverId):
    return _query('GetOnlineNumByServerId', [serverId], 0)


def GetOnlineNumByServerType(serverType):
    return _query('GetOnlineNumByServerType', [serverType], 0)


def GetTotalOnlineNum():
    return _query('GetTotalOnlineNum', [], 0)


def IsConnectedServer(serverId):
    return _query('IsConnectedServer', [serverId], False)


def IsValidServer(serverId):
    return _query('IsValidServer', [serverId], False)


def GetOneServerStatus(serverId):
    return _query('GetOneServerStatus', [serverId], 1)


def GetAllServerStatus():
    return _int_keys(_query('GetAllServerStatus', [], {}))


def GetAllServersOnlineNum():
    return _int_keys(_query('GetAllServersOnlineNum', [], {}))


_sb.api_module(__name__)
