# -*- coding: utf-8 -*-
"""ServiceSystem: a functional service's system class (extraServiceApi.GetServiceSystemCls())."""
import _switchboard.api as _sb
from common.system.baseSystem import _AnsweringSystem, _data, world_methods

_post = _sb.post_from


class ServiceSystem(_AnsweringSystem):
    def NotifyToMaster(self, eventName, eventData=None):
        _post(self, 'NotifyToMaster', [eventName, _data(eventData)])

    def BroadcastToServerByType(self, serverType, eventName, eventData=None):
        _post(self, 'BroadcastToServerByType', [serverType, eventName, _data(eventData)])

    def RemoteNotifyToClient(self, uid, proxyId, eventName, eventData=None):
        _post(self, 'RemoteNotifyToClient', [uid, proxyId, eventName, _data(eventData)])

    def RegisterRpcMethodForMod(self, method, func):
        _post(self, 'RegisterRpcMethodForMod', [method, _sb.lasting_slot(func)])


# Undocumented service interfaces official plugins call; not simulated.
world_methods(ServiceSystem, ['RemoteBroadcastToClient', 'RequestToHashService'])
