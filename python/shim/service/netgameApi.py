# -*- coding: utf-8 -*-
"""service.netgameApi: a service's identity and configuration. Names not defined here
(RegisterOpCommand, StartRecordEvent, ...) are recording stubs."""
import _switchboard.api as _sb

_query = _sb.query


def GetServerId():
    return _sb.node().server_id


def GetCommonConfig():
    return _query('GetCommonConfig', [], {})


def GetServiceConfig():
    return _query('GetServiceConfig', [], {})


def GetServerLoadedModsById(serverId):
    return _query('GetServerLoadedModsById', [serverId], [])


def GetServerLoadedModsByType(serverType):
    return _query('GetServerLoadedModsByType', [serverType], [])


_sb.api_module(__name__)
