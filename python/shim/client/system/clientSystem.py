# -*- coding: utf-8 -*-
"""ClientSystem: a client's system class (clientApi.GetClientSystemCls())."""
import _switchboard.api as _sb
from common.system.baseSystem import BaseSystem, _data, world_methods

_post = _sb.post_from


class ClientSystem(BaseSystem):
    def NotifyToServer(self, eventName, eventData=None):
        _post(self, 'NotifyToServer', [eventName, _data(eventData)])

    def NotifyToServiceNode(self, targetId, eventName, eventData=None):
        _post(self, 'NotifyToServiceNode', [targetId, eventName, _data(eventData)])


world_methods(ClientSystem, [
    'CreateComponent', 'GetComponent', 'DestroyComponent', 'HasComponent', 'NeedsUpdate', 'RegisterComponent',
    'CreateEngineSfx', 'CreateEngineSfxFromEditor', 'CreateEngineParticle', 'CreateEngineEffectBind',
    'CreateEngineTextboard', 'CreateEngineEntityByTypeStr', 'CreateTempEntity', 'DestroyEntity',
    'GetPlatform'
])
