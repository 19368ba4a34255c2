# -*- coding: utf-8 -*-
"""The system base classes' common part: events (ListenForEvent, UnListenForEvent,
UnListenAllEvents, BroadcastEvent, CreateEventData), the Update()/Destroy() hooks, and the
messaging interfaces lobby/game, master and service systems share (core/api/systems.ts)."""
import _switchboard.api as _sb

_post = _sb.post_from


def _data(eventData):
    return {} if eventData is None else eventData


def world_methods(cls, names):
    """Methods of the world (components, entities, effects) the simulation does not model: each is
    a recording stub named `<Class>.<method>`."""
    for name in names:
        setattr(cls, name, _world_method(cls.__name__ + '.' + name))


def _world_method(full):
    def method(self, *args, **kwargs):
        _sb.stub(full)
        return _sb.neutral(full)
    method.__name__ = full.rsplit('.', 1)[-1]
    return method


class BaseSystem(object):
    def __init__(self, namespace, systemName):
        self.namespace = namespace
        self.systemName = systemName
        _sb.bind_system(self, namespace, systemName)

    def ListenForEvent(self, namespace, systemName, eventName, instance, func, priority=0):
        _sb.listen(self, namespace, systemName, eventName, instance, func, priority)

    def UnListenForEvent(self, namespace, systemName, eventName, instance, func, priority=0):
        _sb.unlisten(self, namespace, systemName, eventName, instance, func)

    def UnListenAllEvents(self):
        _sb.unlisten_all(self)

    def BroadcastEvent(self, eventName, eventData):
        _sb.broadcast_event(self, eventName, eventData)

    def CreateEventData(self):
        return {}

    def GetLevelId(self):
        return _sb.LEVEL_ID

    def DefineEvent(self, eventName):
        pass  # deprecated in Apollo: events need no definition

    def UnDefineEvent(self, eventName):
        pass

    def Update(self):
        """Runs options.serverTickHz times per virtual second when a subclass overrides it."""

    def Destroy(self):
        """Runs when the node stops (`unload`)."""


class _RequestingSystem(BaseSystem):
    """lobby/game, master and service: notify one service, broadcast to all, make RPC requests."""

    def NotifyToServiceNode(self, targetId, eventName, eventData=None):
        _post(self, 'NotifyToServiceNode', [targetId, eventName, _data(eventData)])

    def BroadcastToService(self, eventName, eventData=None):
        _post(self, 'BroadcastToService', [eventName, _data(eventData)])

    def RequestToService(self, module, event, eventData=None, callback=None, timeout=2):
        _post(self, 'RequestToService', [module, event, _data(eventData), _sb.once_slot(callback), timeout])

    def RequestToServiceMod(self, modname, method, args=None, callback=None, timeout=2):
        _post(self, 'RequestToServiceMod', [modname, method, _data(args), _sb.once_slot(callback), timeout])


class _AnsweringSystem(_RequestingSystem):
    """master and service: also answer RPCs and reach lobby/game servers by id."""

    def NotifyToServerNode(self, targetId, eventName, eventData=None):
        _post(self, 'NotifyToServerNode', [targetId, eventName, _data(eventData)])

    def RegisterRpcMethod(self, module, event, func):
        _post(self, 'RegisterRpcMethod', [module, event, _sb.lasting_slot(func)])

    def ResponseToServer(self, serverId, callbackId, eventData=None):
        _post(self, 'ResponseToServer', [serverId, callbackId, _data(eventData)])
