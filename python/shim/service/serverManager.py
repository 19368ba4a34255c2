# -*- coding: utf-8 -*-
"""service.serverManager: the lobby/game servers a service sees. GetServersStatus codes as
documented: 1 = serving, 4 = listed but not connected. Other names are recording stubs."""
import _switchboard.api as _sb

_query = _sb.query


def GetServerIdsByServerType(serverType):
    return _query('GetServerIdsByServerType', [serverType], [])


def GetServerType(serverId):
    return _query('GetServerType', [serverId], '')


def GetServersStatus():
    return dict((int(k), v) for k, v in (_query('GetServersStatus', [], {}) or {}).iteritems())


def IsConnectedServer(serverId):
    return _query('IsConnectedServer', [serverId], False)


_sb.api_module(__name__)
