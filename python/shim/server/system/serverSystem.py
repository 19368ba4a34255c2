# -*- coding: utf-8 -*-
"""ServerSystem: the lobby/game system class (serverApi.GetServerSystemCls())."""
import _switchboard.api as _sb
from common.system.baseSystem import _RequestingSystem, _data, world_methods

_post = _sb.post_from


class ServerSystem(_RequestingSystem):
    def NotifyToClient(self, targetId, eventName, eventData=None):
        _post(self, 'NotifyToClient', [targetId, eventName, _data(eventData)])

    def NotifyToMultiClients(self, targetIdList, eventName, eventData=None):
        """One NotifyToClient per player (what the engine routes and the trace shows)."""
        for targetId in list(targetIdList or []):
            _post(self, 'NotifyToClient', [targetId, eventName, _data(eventData)])

    def BroadcastToAllClient(self, *args):
        """BroadcastToAllClient(eventName, eventData), or (exceptId, eventName, eventData): one
        NotifyToClient per player on this server (GetPlayerList)."""
        if len(args) == 3:
            exceptId, eventName, eventData = args
        elif len(args) == 2:
            exceptId = None
            eventName, eventData = args
        else:
            raise TypeError('BroadcastToAllClient() takes 2 or 3 arguments (%d given)' % len(args))
        for playerId in _sb.query('GetPlayerList', [], []) or []:
            if playerId != exceptId:
                _post(self, 'NotifyToClient', [playerId, eventName, _data(eventData)])

    def NotifyToMaster(self, eventName, eventData=None):
        _post(self, 'NotifyToMaster', [eventName, _data(eventData)])


world_methods(ServerSystem, [
    'CreateComponent', 'GetComponent', 'DestroyComponent', 'HasComponent', 'NeedsUpdate', 'RegisterComponent',
    'GetCompData', 'CreateEngineEntity', 'CreateEngineEntityByTypeStr', 'CreateEngineEntityByNBT',
    'CreateEngineItemEntity', 'CreateEngineItem', 'CreateEngineBullet', 'CreateProjectileEntity',
    'CreateEngineSfx', 'CreateEngineSfxFromEditor', 'CreateEngineParticle', 'CreateEngineEffect',
    'CreateEngineEffectBind', 'CreateEngineEffectForHumanoid', 'RemoveEngineEffectForHumanoid',
    'CreateEngineTextboard', 'CreateTempEntity', 'CreateEntity', 'DestroyEntity', 'RegisterView',
    'AddFilterToView', 'GetEntitiesFromView', 'RegisterExpressionNode', 'UnRegisterExpressionNode',
    'GetPlatform', 'SetEngineEventCanceled'
])
